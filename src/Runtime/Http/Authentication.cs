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

    /// <summary>Called once after a 401: drop what is cached; true when a retry with fresh credentials makes sense.</summary>
    ValueTask<bool> RefreshAsync(CancellationToken cancellationToken);
}

/// <summary>A token obtained elsewhere, sent as <c>X-Auth-Token</c>.</summary>
public sealed class TokenAuthenticator(string token) : IModelArtsAuthenticator
{
    private readonly string _token = string.IsNullOrEmpty(token) ? throw new ArgumentException("the token is empty", nameof(token)) : token;

    /// <inheritdoc />
    public ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _token);
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => new(false);

    /// <inheritdoc />
    public override string ToString() => "TokenAuthenticator(token: ***)";
}

/// <summary>
/// IAM password authentication: <c>POST /v3/auth/tokens</c> with user, password, domain and project;
/// the token from <c>X-Subject-Token</c> is cached until shortly before its <c>expires_at</c>, and
/// concurrent callers share one request for it.
/// </summary>
public sealed class IamPasswordAuthenticator : IModelArtsAuthenticator, IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _tokenUri;
    private readonly string _userName;
    private readonly string _password;
    private readonly string _domainName;
    private readonly string _projectName;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshBefore;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _cached;

    /// <param name="http">The client the token request goes through.</param>
    /// <param name="iamEndpoint">The region's IAM endpoint, such as <c>https://iam.eu-de.otc.t-systems.com</c>.</param>
    /// <param name="userName">The IAM user name.</param>
    /// <param name="password">The user's password; it leaves only in the token request body.</param>
    /// <param name="domainName">The account (tenant) name.</param>
    /// <param name="projectName">The project the token is scoped to, such as <c>eu-de</c>.</param>
    /// <param name="timeProvider">The clock for expiry; the system clock when null.</param>
    /// <param name="refreshBefore">How long before expiry a new token is fetched; 5 minutes by default.</param>
    public IamPasswordAuthenticator(HttpClient http, Uri iamEndpoint, string userName, string password, string domainName, string projectName, TimeProvider? timeProvider = null, TimeSpan? refreshBefore = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        if (iamEndpoint is null)
        {
            throw new ArgumentNullException(nameof(iamEndpoint));
        }

        if (iamEndpoint.Scheme != Uri.UriSchemeHttps && !iamEndpoint.IsLoopback)
        {
            throw new ArgumentException($"the IAM endpoint {iamEndpoint} must use https (plain http is allowed only for loopback addresses)", nameof(iamEndpoint));
        }

        _tokenUri = new Uri(iamEndpoint, "/v3/auth/tokens");
        _userName = userName;
        _password = password;
        _domainName = domainName;
        _projectName = projectName;
        _time = timeProvider ?? TimeProvider.System;
        _refreshBefore = refreshBefore ?? TimeSpan.FromMinutes(5);
    }

    /// <summary>How many tokens were fetched (for diagnostics and tests).</summary>
    public int TokensFetched { get; private set; }

    /// <inheritdoc />
    public async ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        request.Headers.TryAddWithoutValidation("X-Auth-Token", await GetTokenAsync(cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        _cached = null;
        return new(true);
    }

    /// <summary>The cached token, or a new one when it is missing or about to expire.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever waited on the gate finds the token the first caller fetched.
            if (Fresh() is { } fetched)
            {
                return fetched;
            }

            _cached = await FetchAsync(cancellationToken).ConfigureAwait(false);
            TokensFetched++;
            return _cached.Value.Token;
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

    private string? Fresh() => _cached is { } cached && _time.GetUtcNow() < cached.ExpiresAt - _refreshBefore ? cached.Token : null;

    private async Task<(string, DateTimeOffset)> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUri) { Content = new ByteArrayContent(RequestBody()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw ModelArtsPipeline.Error(response, body, "IAM token request for user " + _userName);
        }

        var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new ModelArtsApiException(response.StatusCode, null, "the IAM answer has no X-Subject-Token header", null, Encoding.UTF8.GetString(body));
        }

        return (token!, ExpiresAt(body));
    }

    /// <summary><c>token.expires_at</c>; a token without it is treated as valid for the documented 24 hours.</summary>
    private DateTimeOffset ExpiresAt(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("token", out var token) && token.TryGetProperty("expires_at", out var expires)
                && DateTimeOffset.TryParse(expires.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }
        }
        catch (JsonException)
        {
        }

        return _time.GetUtcNow().AddHours(24);
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
}

/// <summary>AK/SK authentication: every request signed with SDK-HMAC-SHA256 (<c>X-Sdk-Date</c> and <c>Authorization</c>).</summary>
public sealed class AkSkAuthenticator(string accessKey, string secretKey, string? projectId = null, TimeProvider? timeProvider = null) : IModelArtsAuthenticator
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask AuthenticateAsync(HttpRequestMessage request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var date = _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("X-Sdk-Date", date);
        if (projectId is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Project-Id", projectId);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority,
            ["x-sdk-date"] = date,
        };
        if (projectId is not null)
        {
            headers["x-project-id"] = projectId;
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        request.Headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(request.Method.Method, request.RequestUri, headers, body.Span, accessKey, secretKey));
        return default;
    }

    /// <inheritdoc />
    public ValueTask<bool> RefreshAsync(CancellationToken cancellationToken) => new(false);

    /// <inheritdoc />
    public override string ToString() => $"AkSkAuthenticator(access key: {accessKey}, secret key: ***)";
}

/// <summary>
/// The SDK-HMAC-SHA256 request signature of the API Gateway signer: a canonical request (method, the
/// path with each segment percent-encoded and a trailing slash, the sorted query, the lower-cased signed
/// headers, the hex SHA-256 of the body), hashed into a string to sign with the X-Sdk-Date, and signed
/// with HMAC-SHA256 of the secret key.
/// </summary>
public static class AkSkSigner
{
    /// <summary>The algorithm name in the Authorization header.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public static string Authorization(string method, Uri uri, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, string accessKey, string secretKey)
    {
        var signedHeaders = string.Join(";", headers.Keys.Select(k => k.ToLowerInvariant()).OrderBy(k => k, StringComparer.Ordinal));
        var stringToSign = StringToSign(headers.First(h => h.Key.Equals("x-sdk-date", StringComparison.OrdinalIgnoreCase)).Value, CanonicalRequest(method, uri, headers, body));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secretKey));
        var signature = Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    /// <summary>The canonical request the signature covers.</summary>
    public static string CanonicalRequest(string method, Uri uri, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var path = string.Join("/", Uri.UnescapeDataString(uri.AbsolutePath).Split('/').Select(Encode));
        if (!path.EndsWith("/", StringComparison.Ordinal))
        {
            path += "/";
        }

        var query = uri.Query.TrimStart('?').Split(['&'], StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(['='], 2))
            .Select(pair => (Key: Encode(Uri.UnescapeDataString(pair[0])), Value: Encode(Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value);
        var lowered = headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.Trim(), StringComparer.Ordinal);
        var names = lowered.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var canonicalHeaders = string.Concat(names.Select(n => n + ":" + lowered[n] + "\n"));
        using var sha = SHA256.Create();
        var bodyHash = Hex(sha.ComputeHash(body.ToArray()));
        return $"{method.ToUpperInvariant()}\n{path}\n{string.Join("&", query)}\n{canonicalHeaders}\n{string.Join(";", names)}\n{bodyHash}";
    }

    /// <summary>The string to sign: algorithm, date, and the hex SHA-256 of the canonical request.</summary>
    public static string StringToSign(string sdkDate, string canonicalRequest)
    {
        using var sha = SHA256.Create();
        return $"{Algorithm}\n{sdkDate}\n{Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(canonicalRequest)))}";
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
