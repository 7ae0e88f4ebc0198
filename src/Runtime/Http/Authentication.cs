using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ModelArts.Runtime.Http;

/// <summary>How requests prove who sends them. The pipeline calls it for every attempt.</summary>
public interface IModelArtsAuthenticator
{
    /// <summary>Adds the credentials to a request about to be sent; <paramref name="body"/> is the exact body bytes.</summary>
    ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>
    /// Called once after <paramref name="rejected"/> (a request this authenticator authenticated) was answered 401: drop
    /// the credentials it carried if they are still the cached ones; true when a retry with fresh credentials makes sense.
    /// </summary>
    ValueTask<bool> RefreshAsync(HttpRequestMessage rejected, CancellationToken cancellationToken);
}

/// <summary>A token obtained elsewhere, sent as <c>X-Auth-Token</c>.</summary>
public sealed class TokenAuthenticator : IModelArtsAuthenticator, ISecretHolder
{
    private readonly string _token;

    /// <param name="token">The token; it appears in no message or log the SDK writes.</param>
    public TokenAuthenticator(string token)
    {
        _token = string.IsNullOrEmpty(token) ? throw new ArgumentException("the token is empty", nameof(token)) : token;
        Secrets.Track(this);
    }

    /// <inheritdoc />
    public ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _token);
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> RefreshAsync(HttpRequestMessage rejected, CancellationToken cancellationToken) => new(false);

    /// <inheritdoc />
    public override string ToString() => "TokenAuthenticator(token: ***)";

    void ISecretHolder.AddSecretsTo(List<string> secrets) => secrets.Add(_token);
}

/// <summary>
/// IAM password authentication: <c>POST /v3/auth/tokens</c> with user, password, domain and project. The token from
/// <c>X-Subject-Token</c> is cached until shortly before its <c>expires_at</c>; concurrent callers share one request for
/// it, and all the callers a revoked token failed share one refresh. Register one instance per application (a DI
/// singleton): each instance fetches its own token.
/// </summary>
public sealed class IamPasswordAuthenticator : IModelArtsAuthenticator, IDisposable, ISecretHolder
{
    private const long MaxTokenAnswerBytes = 16L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly Uri _tokenUri;
    private readonly string _userName;
    private readonly string _password;
    private readonly string _domainName;
    private readonly string _projectName;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _token;
    private string? _previousToken;
    private int _fetched;

    /// <summary>Fetches tokens through the SDK's own HttpClient (<see cref="ModelArtsHttp.CreateClient"/>: no redirects followed).</summary>
    /// <param name="iamEndpoint">The region's IAM endpoint, such as <c>https://iam.eu-de.otc.t-systems.com</c>; a path in it is kept as a base path.</param>
    /// <param name="userName">The IAM user name.</param>
    /// <param name="password">The user's password; it leaves only in the token request body, and appears in no message or log.</param>
    /// <param name="domainName">The account (tenant) name.</param>
    /// <param name="projectName">The project the token is scoped to, such as <c>eu-de</c>.</param>
    /// <param name="timeProvider">The clock for expiry and the token request's timeout; the system clock when null.</param>
    /// <param name="refreshBefore">How long before expiry a new token is fetched; 5 minutes by default.</param>
    public IamPasswordAuthenticator(Uri iamEndpoint, string userName, string password, string domainName, string projectName, TimeProvider? timeProvider = null, TimeSpan? refreshBefore = null)
        : this(ModelArtsHttp.Shared, iamEndpoint, userName, password, domainName, projectName, timeProvider, refreshBefore)
    {
    }

    /// <param name="http">The client the token request goes through; its handler should not follow redirects (<see cref="ModelArtsHttp.CreateHandler"/>).</param>
    /// <param name="iamEndpoint">The region's IAM endpoint, such as <c>https://iam.eu-de.otc.t-systems.com</c>; a path in it is kept as a base path.</param>
    /// <param name="userName">The IAM user name.</param>
    /// <param name="password">The user's password; it leaves only in the token request body, and appears in no message or log.</param>
    /// <param name="domainName">The account (tenant) name.</param>
    /// <param name="projectName">The project the token is scoped to, such as <c>eu-de</c>.</param>
    /// <param name="timeProvider">The clock for expiry and the token request's timeout; the system clock when null.</param>
    /// <param name="refreshBefore">How long before expiry a new token is fetched; 5 minutes by default.</param>
    public IamPasswordAuthenticator(HttpClient http, Uri iamEndpoint, string userName, string password, string domainName, string projectName, TimeProvider? timeProvider = null, TimeSpan? refreshBefore = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (iamEndpoint is null)
        {
            throw new ArgumentNullException(nameof(iamEndpoint));
        }

        _tokenUri = new Uri(ModelArtsPipeline.BaseAddress(iamEndpoint, "IAM endpoint", nameof(iamEndpoint)) + "/v3/auth/tokens", UriKind.Absolute);
        _userName = userName;
        _password = password;
        _domainName = domainName;
        _projectName = projectName;
        _time = timeProvider ?? TimeProvider.System;
        _refreshBefore = refreshBefore ?? TimeSpan.FromMinutes(5);
        Secrets.Track(this);
    }

    /// <summary>How many tokens were fetched (for diagnostics and tests).</summary>
    public int TokensFetched => Volatile.Read(ref _fetched);

    /// <summary>How long the token request may take; a stalled IAM then fails the call with a <see cref="TimeoutException"/>. 30 seconds by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        request.Headers.TryAddWithoutValidation("X-Auth-Token", await GetTokenAsync(cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async ValueTask<bool> RefreshAsync(HttpRequestMessage rejected, CancellationToken cancellationToken)
    {
        if (rejected is null)
        {
            throw new ArgumentNullException(nameof(rejected));
        }

        var sent = rejected.Headers.TryGetValues("X-Auth-Token", out var values) ? values.FirstOrDefault() : null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Only the token that was rejected is dropped: callers whose 401 arrives after the refresh use the new one.
            if (Volatile.Read(ref _token) is { } current && current.Value == sent)
            {
                Volatile.Write(ref _token, null);
            }
        }
        finally
        {
            _gate.Release();
        }

        return true;
    }

    /// <summary>The cached token, or a new one when it is missing or about to expire.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _token) is { } cached && _time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited on the gate finds the token the first caller fetched.
            if (Volatile.Read(ref _token) is { } fetched && _time.GetUtcNow() < fetched.RefreshAt)
            {
                return fetched.Value;
            }

            var token = await FetchAsync(cancellationToken).ConfigureAwait(false);
            _previousToken = _token?.Value;
            Volatile.Write(ref _token, token);
            Interlocked.Increment(ref _fetched);
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"IamPasswordAuthenticator(user: {_userName}, domain: {_domainName}, project: {_projectName}, password: ***)";

    void ISecretHolder.AddSecretsTo(List<string> secrets)
    {
        secrets.Add(_password);
        if (Volatile.Read(ref _token) is { } token)
        {
            secrets.Add(token.Value);
        }

        if (_previousToken is { } previous)
        {
            secrets.Add(previous);
        }
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var call = "IAM token request for user " + _userName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = _time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), timeout, RequestTimeout, Timeout.InfiniteTimeSpan);
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri);
        request.Content = new SameTargetContent(RequestBody(), request, _tokenUri);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (request.RequestUri != _tokenUri)
            {
                throw ModelArtsPipeline.Redirected(response, call, request.RequestUri, followed: true);
            }

            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw ModelArtsPipeline.Redirected(response, call, response.Headers.Location is { } location ? new Uri(_tokenUri, location) : null, followed: false);
            }

            var success = response.IsSuccessStatusCode;
            ResponseBody body;
            try
            {
                body = await ResponseBody.ReadAsync(response.Content, success ? MaxTokenAnswerBytes : ModelArtsApiException.MaxBodyLength, truncate: !success, timeout.Token).ConfigureAwait(false);
            }
            catch (ResponseTooLargeException e)
            {
                throw new ModelArtsApiException(response.StatusCode, null, e.Message, null, string.Empty, call, location: null, e.Declared);
            }

            using (body)
            {
                if (!success)
                {
                    throw ModelArtsPipeline.Error(response, body, call);
                }

                return ReadToken(response, body.Span, call);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{call}: no answer within {RequestTimeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e) when (request.RequestUri != _tokenUri)
        {
            // A handler that follows redirects asked for the password body again for another place; it was refused.
            throw new ModelArtsApiException(HttpStatusCode.TemporaryRedirect, null, "a 307/308 redirect that the HttpClient's handler followed; the password was not sent again, the SDK does not follow redirects: use a handler with AllowAutoRedirect = false (ModelArtsHttp.CreateHandler())", null, string.Empty, call, request.RequestUri, null, e);
        }
    }

    /// <summary>The token and its expiry from an IAM answer; anything missing or malformed is a typed error that says what.</summary>
    private CachedToken ReadToken(HttpResponseMessage response, ReadOnlySpan<byte> body, string call)
    {
        var length = body.Length;
        ModelArtsApiException Malformed(string what) =>
            new(response.StatusCode, null, "malformed IAM answer: " + what, response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null, string.Empty, call, location: null, length);

        var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw Malformed("no X-Subject-Token header");
        }

        if (token!.Any(c => c < ' ' || c > '~'))
        {
            throw Malformed("the X-Subject-Token header holds characters a header cannot carry");
        }

        string? expiresText;
        try
        {
            var reader = new Utf8JsonReader(body);
            expiresText = FindExpiresAt(ref reader, out var kind);
            if (kind is null)
            {
                throw Malformed("no token.expires_at");
            }

            if (kind != JsonTokenType.String)
            {
                throw Malformed($"token.expires_at is {Json.JsonRead.Describe(kind.Value)}, not a date");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw Malformed("the body is not JSON with token.expires_at (" + e.Message + ")");
        }

        if (!DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt))
        {
            throw Malformed($"token.expires_at '{ModelArtsApiException.Cap(expiresText ?? string.Empty, 64)}' is not a date");
        }

        var now = _time.GetUtcNow();
        if (expiresAt <= now)
        {
            // Not cached: the next call asks for a new token instead of failing on this one forever.
            throw Malformed($"token.expires_at {expiresAt:O} is not in the future (the clock here says {now:O})");
        }

        // Refreshed refreshBefore ahead of expiry; a token that lives shorter than ten times that is used for 90% of its life.
        var lifetime = expiresAt - now;
        var margin = TimeSpan.FromTicks(Math.Min(_refreshBefore.Ticks, lifetime.Ticks / 10));
        return new CachedToken(token!, expiresAt - margin);
    }

    /// <summary>Finds <c>token.expires_at</c>; <paramref name="kind"/> is null when there is none.</summary>
    private static string? FindExpiresAt(ref Utf8JsonReader reader, out JsonTokenType? kind)
    {
        kind = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isToken = reader.ValueTextEquals("token"u8);
            reader.Read();
            if (isToken && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isExpiry = reader.ValueTextEquals("expires_at"u8);
                    reader.Read();
                    if (isExpiry)
                    {
                        kind = reader.TokenType;
                        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }

                    reader.Skip();
                }

                return null;
            }

            reader.Skip();
        }

        return null;
    }

    private byte[] RequestBody()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("auth");
            writer.WriteStartObject("identity");
            writer.WriteStartArray("methods");
            writer.WriteStringValue("password");
            writer.WriteEndArray();
            writer.WriteStartObject("password");
            writer.WriteStartObject("user");
            writer.WriteString("name", _userName);
            writer.WriteString("password", _password);
            writer.WriteStartObject("domain");
            writer.WriteString("name", _domainName);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("scope");
            writer.WriteStartObject("project");
            writer.WriteString("name", _projectName);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>A token and when to fetch the next one; replaced whole, so a reader never sees half of an update.</summary>
    private sealed class CachedToken(string value, DateTimeOffset refreshAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RefreshAt { get; } = refreshAt;
    }
}

/// <summary>
/// A request body that is only sent to the place it was written for: a handler that follows a 307/308 redirect and
/// asks for the body again for another URI gets an error instead (the IAM password body never goes to another host).
/// </summary>
internal sealed class SameTargetContent(byte[] bytes, HttpRequestMessage request, Uri target) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Check();
        return stream.WriteAsync(bytes, 0, bytes.Length);
    }

#if NET
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Check();
        return stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Check();
        stream.Write(bytes, 0, bytes.Length);
    }
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = bytes.Length;
        return true;
    }

    private void Check()
    {
        if (request.RequestUri != target)
        {
            throw new InvalidOperationException($"the request body is not sent to {request.RequestUri}: the SDK does not follow redirects");
        }
    }
}

/// <summary>AK/SK authentication: every request signed with SDK-HMAC-SHA256 (<c>X-Sdk-Date</c> and <c>Authorization</c>).</summary>
public sealed class AkSkAuthenticator : IModelArtsAuthenticator, ISecretHolder
{
    private readonly string _accessKey;
    private readonly string _secretKey;
    private readonly string? _projectId;
    private readonly TimeProvider _time;

    /// <param name="accessKey">The access key (AK).</param>
    /// <param name="secretKey">The secret key (SK); it never leaves the process, and appears in no message or log.</param>
    /// <param name="projectId">Sent (and signed) as <c>X-Project-Id</c> when given.</param>
    /// <param name="timeProvider">The clock for <c>X-Sdk-Date</c>; the system clock when null.</param>
    public AkSkAuthenticator(string accessKey, string secretKey, string? projectId = null, TimeProvider? timeProvider = null)
    {
        _accessKey = string.IsNullOrEmpty(accessKey) ? throw new ArgumentException("the access key is empty", nameof(accessKey)) : accessKey;
        _secretKey = string.IsNullOrEmpty(secretKey) ? throw new ArgumentException("the secret key is empty", nameof(secretKey)) : secretKey;
        _projectId = projectId;
        _time = timeProvider ?? TimeProvider.System;
        Secrets.Track(this);
    }

    /// <inheritdoc />
    public ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (request?.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException("the request needs an absolute URI to be signed", nameof(request));
        }

        var date = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Host"] = uri.IsDefaultPort ? uri.Host : uri.Authority,
            ["X-Sdk-Date"] = date,
        };
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        if (_projectId is not null)
        {
            headers["X-Project-Id"] = _projectId;
            request.Headers.TryAddWithoutValidation("X-Project-Id", _projectId);
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            var type = contentType.ToString();
            headers["Content-Type"] = type;
            if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("application/bson", StringComparison.OrdinalIgnoreCase))
            {
                // As the signers do: a body that is not JSON is not hashed.
                headers[AkSkSigner.ContentSha256Header] = "UNSIGNED-PAYLOAD";
                request.Headers.TryAddWithoutValidation(AkSkSigner.ContentSha256Header, "UNSIGNED-PAYLOAD");
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(request.Method.Method, uri, headers, body.Span, _accessKey, _secretKey));
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> RefreshAsync(HttpRequestMessage rejected, CancellationToken cancellationToken) => new(false);

    /// <inheritdoc />
    public override string ToString() => $"AkSkAuthenticator(access key: {_accessKey}, secret key: ***)";

    void ISecretHolder.AddSecretsTo(List<string> secrets) => secrets.Add(_secretKey);
}

/// <summary>
/// The SDK-HMAC-SHA256 request signature, as Huawei Cloud's published signers compute it: a canonical request (the
/// upper-case method; the decoded path split at '/', each segment percent-encoded, with a trailing slash; the query
/// pairs sorted by their raw key and value, then percent-encoded; the lower-cased headers whose names have no '_',
/// sorted; the hex SHA-256 of the body), hashed into a string to sign with the <c>X-Sdk-Date</c>, and signed with
/// HMAC-SHA256 of the secret key.
/// </summary>
public static class AkSkSigner
{
    /// <summary>The algorithm name in the Authorization header.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>A header that, when present on a request with a body, stands for the body's hash (<c>UNSIGNED-PAYLOAD</c>).</summary>
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";

    private const string EmptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public static string Authorization(string method, Uri uri, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, string accessKey, string secretKey)
    {
        var date = headers.FirstOrDefault(h => h.Key.Equals("X-Sdk-Date", StringComparison.OrdinalIgnoreCase)).Value
            ?? throw new ArgumentException("the headers to sign need X-Sdk-Date", nameof(headers));
        var stringToSign = StringToSign(date, CanonicalRequest(method, uri, headers, body));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        var signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={string.Join(";", SignedHeaders(headers))}, Signature={signature}";
    }

    /// <summary>The canonical request the signature covers.</summary>
    public static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            values[header.Key.ToLowerInvariant()] = header.Value.Trim();
        }

        var signed = SignedHeaders(headers);
        var canonicalHeaders = string.Join("\n", signed.Select(name => name + ":" + values[name])) + "\n";
        return $"{method.ToUpperInvariant()}\n{CanonicalPath(uri)}\n{CanonicalQuery(uri)}\n{canonicalHeaders}\n{string.Join(";", signed)}\n{PayloadHash(headers, body)}";
    }

    /// <summary>The string to sign: algorithm, date, and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string sdkDate, string canonicalRequest)
    {
        using var sha = SHA256.Create();
        return $"{Algorithm}\n{sdkDate}\n{Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(canonicalRequest)))}";
    }

    /// <summary>The lower-cased names of the headers that are signed: all but those whose name holds '_', sorted.</summary>
    private static List<string> SignedHeaders(IReadOnlyDictionary<string, string> headers) =>
        headers.Keys.Where(k => k.IndexOf('_') < 0).Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();

    private static string CanonicalPath(Uri uri)
    {
        var path = string.Join("/", Uri.UnescapeDataString(uri.AbsolutePath).Split('/').Select(Encode));
        return path.EndsWith("/", StringComparison.Ordinal) ? path : path + "/";
    }

    /// <summary>Sorted by the raw key, then the raw value (in code point order), and only then percent-encoded.</summary>
    private static string CanonicalQuery(Uri uri)
    {
        var pairs = uri.Query.TrimStart('?').Split(['&'], StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(['='], 2))
            .Select(pair => (Key: Uri.UnescapeDataString(pair[0]), Value: Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty)))
            .ToList();
        pairs.Sort((a, b) => CompareCodePoints(a.Key, b.Key) is var byKey and not 0 ? byKey : CompareCodePoints(a.Value, b.Value));
        return string.Join("&", pairs.Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
    }

    private static string PayloadHash(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return EmptyBodyHash;
        }

        var declared = headers.FirstOrDefault(h => h.Key.Equals(ContentSha256Header, StringComparison.OrdinalIgnoreCase)).Value;
        if (!string.IsNullOrEmpty(declared))
        {
            return declared;
        }

        using var sha = SHA256.Create();
        return Hex(sha.ComputeHash(body.ToArray()));
    }

    /// <summary>Ordinal comparison by Unicode code point (UTF-16 order differs for characters above U+FFFF).</summary>
    private static int CompareCodePoints(string a, string b)
    {
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] != b[i])
            {
                return Fix(a[i]) - Fix(b[i]);
            }
        }

        return a.Length - b.Length;

        // Surrogates (D800-DFFF) encode code points above FFFF, so they sort after E000-FFFF.
        static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
    }

    /// <summary>Percent-encoding of everything but the RFC 3986 unreserved characters.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
