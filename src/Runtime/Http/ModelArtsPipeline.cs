using System.Globalization;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelArts.Runtime.Json;
using ModelArts.Runtime.Validation;

namespace ModelArts.Runtime.Http;

/// <summary>
/// What every generated call goes through: builds the URI from escaped path segments and query
/// values, validates and writes the body, sends, and turns the answer into a model or a typed error.
/// Redirects are never followed, answers are read once into a pooled buffer up to
/// <see cref="ModelArtsClientOptions.MaxResponseBytes"/>, and no error carries a credential.
/// </summary>
public sealed class ModelArtsPipeline
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly byte[] NoContentBody = "{}"u8.ToArray();

    private readonly HttpClient _http;
    private readonly ModelArtsClientOptions _options;
    private readonly string _base;
    private Deadline? _deadline;

    /// <summary>Uses the SDK's own HttpClient (<see cref="ModelArtsHttp.CreateClient"/>: no redirects followed, shared connections).</summary>
    public ModelArtsPipeline(ModelArtsClientOptions options)
        : this(ModelArtsHttp.Shared, options)
    {
    }

    /// <summary>
    /// Uses <paramref name="http"/> as given (from IHttpClientFactory or your own handlers). Its handler should not follow
    /// redirects (<see cref="ModelArtsHttp.CreateHandler"/>): one that does sends the credentials along before the SDK
    /// can see the redirect, which the call then reports as a <see cref="ModelArtsApiException"/>.
    /// </summary>
    public ModelArtsPipeline(HttpClient http, ModelArtsClientOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var endpoint = options.Endpoint ?? http.BaseAddress ?? throw new ArgumentException("set ModelArtsClientOptions.Endpoint or HttpClient.BaseAddress", nameof(options));
        if (options.MaxResponseBytes <= 0)
        {
            throw new ArgumentException($"ModelArtsClientOptions.MaxResponseBytes must be positive, not {options.MaxResponseBytes}", nameof(options));
        }

        Endpoint = endpoint;
        _base = BaseAddress(endpoint, "endpoint", nameof(options));
    }

    /// <summary>The service endpoint calls go to; its path, if any (<c>https://gateway/modelarts/</c>), prefixes every call's path.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether calls check their documented constraints before sending (<see cref="ModelArtsClientOptions.ValidateRequests"/>).</summary>
    public bool ValidatesRequests => _options.ValidateRequests;

    /// <summary>The clock of this pipeline's options (timeouts, retry delays, polling).</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>The project id for a call: the one given, else the options', else an error.</summary>
    public string ProjectId(string? given) =>
        given ?? _options.ProjectId ?? throw new InvalidOperationException("no project id: pass projectId or set ModelArtsClientOptions.ProjectId");

    /// <summary>One path segment, escaped so that '/', '..', '?', '#' or spaces in an id cannot change the path.</summary>
    public static string Segment(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (value.Length == 0 || value == "." || value == "..")
        {
            throw new ArgumentException($"'{value}' cannot be a path segment", nameof(value));
        }

        RequireValidUtf16(value, "a path segment", nameof(value));
        return Uri.EscapeDataString(value);
    }

    /// <summary>A query value in the invariant culture.</summary>
    public static string QueryValue(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Sends a request and reads the response body with <paramref name="read"/>.</summary>
    public Task<T> SendAsync<T>(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, JsonValueReader<T> read, CancellationToken cancellationToken) =>
        SendCoreAsync(method, path, query, body, null, read ?? throw new ArgumentNullException(nameof(read)), null, cancellationToken);

    /// <summary>Sends a request whose response has no body the caller needs.</summary>
    public Task SendAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, CancellationToken cancellationToken) =>
        SendCoreAsync<object?>(method, path, query, body, null, null, null, cancellationToken);

    /// <summary>
    /// Sends a request with a body in any media type and header parameters (<paramref name="content"/>, validated and
    /// encoded once) and reads the answer with <paramref name="response"/>, which also says what to <c>Accept</c>.
    /// A <c>Content-Type</c> header parameter is the body's media type (without a body, it is sent on an empty one).
    /// </summary>
    public Task<T> SendAsync<T>(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, RequestContent? content, ResponseReader<T> response, CancellationToken cancellationToken) =>
        SendCoreAsync(method, path, query, null, content, null, response ?? throw new ArgumentNullException(nameof(response)), cancellationToken);

    /// <summary>
    /// <c>scheme://authority/base-path</c> of an endpoint, without a trailing slash: the path is kept as a base path,
    /// anything that cannot be a base (a query, a fragment, user info, plain http to a remote host) is an error.
    /// </summary>
    internal static string BaseAddress(Uri endpoint, string what, string parameter)
    {
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"the {what} {endpoint} must be an absolute URI", parameter);
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
        {
            throw new ArgumentException($"the {what} {endpoint} must use https (plain http is allowed only for loopback addresses)", parameter);
        }

        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0 || endpoint.UserInfo.Length > 0)
        {
            throw new ArgumentException($"the {what} {endpoint} may have a base path (https://gateway/modelarts/) but no query, fragment or user info", parameter);
        }

        return endpoint.GetLeftPart(UriPartial.Authority) + endpoint.AbsolutePath.TrimEnd('/');
    }

    /// <summary>
    /// One call: <paramref name="body"/> (a JSON model) or <paramref name="content"/> (any body, header parameters) is
    /// validated and encoded once; the answer is read by <paramref name="read"/> from the pooled buffer when it is JSON,
    /// else by <paramref name="reader"/>.
    /// </summary>
    private async Task<T> SendCoreAsync<T>(
        HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, RequestContent? content,
        JsonValueReader<T>? read, ResponseReader<T>? reader, CancellationToken cancellationToken)
    {
        if ((body is not null || content is not null) && _options.ValidateRequests)
        {
            var violations = new List<ModelArtsViolation>();
            body?.Validate(violations, "$");
            content?.Validate(violations);
            if (violations.Count > 0)
            {
                throw new ModelArtsValidationException(violations);
            }
        }

        var uri = BuildUri(path, query);
        var (bytes, contentType) = body is not null ? (JsonWrite.ToUtf8Bytes(body), Json)
            : content is not null ? await content.EncodeAsync(cancellationToken).ConfigureAwait(false)
            : (null, null);
        var headers = content?.Headers;
        read ??= reader?.JsonReader;
        var retry = _options.Retry;
        var retryable = method != HttpMethod.Post || retry.RetryPost;
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            using var activity = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity("ModelArts " + method.Method, System.Diagnostics.ActivityKind.Client) : null;
            activity?.SetTag("http.request.method", method.Method);
            activity?.SetTag("url.path", path);
            activity?.SetTag("modelarts.attempt", attempt);
            var started = _options.Logger is null ? 0 : _options.TimeProvider.GetTimestamp();
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation("Accept", reader?.Accept ?? ResponseReader.JsonMediaType);
            if (bytes is not null)
            {
                request.Content = new SameTargetContent(bytes, request, uri);
                request.Content.Headers.ContentType = contentType;
            }

            if (headers is not null)
            {
                AddHeaders(request, headers);
            }

            if (_options.Authenticator is { } authenticator)
            {
                await authenticator.AuthenticateAsync(request, bytes ?? [], cancellationToken).ConfigureAwait(false);
            }

            HttpResponseMessage response;
            ResponseBody answer;
            var timeout = StartAttempt(cancellationToken, out var owned, out var timer);
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout).ConfigureAwait(false);
                try
                {
                    answer = await ReadAnswerAsync(request, uri, response, method, path, timeout).ConfigureAwait(false);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (HttpRequestException e) when (request.RequestUri != uri)
            {
                // A handler that follows redirects asked for the body again for another place (a 307 or 308); it was refused.
                throw new ModelArtsApiException(HttpStatusCode.TemporaryRedirect, null, "a 307/308 redirect that the HttpClient's handler followed; the body was not sent again, the SDK does not follow redirects: use a handler with AllowAutoRedirect = false (ModelArtsHttp.CreateHandler())", null, string.Empty, $"{method.Method} {path}", request.RequestUri, null, e);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                var reason = e is OperationCanceledException ? $"no answer within {_options.AttemptTimeout.TotalSeconds:0.#} s" : e.GetType().Name + ": " + e.Message;
                Logs.Failed(_options.Logger, method.Method, path, attempt, reason, null);
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, reason);
                if (retryable && attempt < retry.MaxAttempts)
                {
                    await DelayAsync(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var message = Secrets.Redact($"{method.Method} {path}: {reason} (attempt {attempt} of {retry.MaxAttempts})");
                throw e is OperationCanceledException ? new TimeoutException(message, e) : new HttpRequestException(message, e);
            }
            finally
            {
                timer?.Dispose();
                owned?.Dispose();
            }

            using (response)
            using (answer)
            {
                if (_options.Logger is { } logger)
                {
                    Logs.Answered(logger, method.Method, path, (int)response.StatusCode, _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds, RequestId(response), null);
                }

                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    // 204 carries no body by definition; the documented models of such answers are empty objects.
                    return read is not null ? JsonRead.Document(response.StatusCode == HttpStatusCode.NoContent && answer.Length == 0 ? NoContentBody : answer.Span, read)
                        : reader is not null ? reader.Read(answer.Span.ToArray(), response.Content?.Headers.ContentType?.CharSet)
                        : default!;
                }

                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed && _options.Authenticator is { } auth
                    && await auth.RefreshAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    refreshed = true; // one refresh, one retry: a second 401 is the answer
                    attempt--;
                    continue;
                }

                if (retryable && attempt < retry.MaxAttempts && IsTransient(response.StatusCode))
                {
                    await DelayAsync(RetryAfter(response) ?? Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw Error(response, answer, $"{method.Method} {path}");
            }
        }
    }

    /// <summary>
    /// The operation's header parameters. <c>Content-Type</c> is a content header: it replaces the body's media type, and
    /// a request without a body carries it on an empty one (a GET whose Content-Type chooses the answer's form).
    /// </summary>
    private static void AddHeaders(HttpRequestMessage request, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove("Content-Type");
                request.Content.Headers.TryAddWithoutValidation("Content-Type", header.Value);
            }
            else if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                throw new ArgumentException($"'{header.Key}' cannot be sent as a request header", nameof(headers));
            }
        }
    }

    /// <summary>
    /// The answer's body, once its status and origin are known to be acceptable: a redirect followed by the handler or a
    /// 3xx (never followed) is an error, a success body is read up to <see cref="ModelArtsClientOptions.MaxResponseBytes"/>,
    /// an error body up to <see cref="ModelArtsApiException.MaxBodyLength"/>.
    /// </summary>
    private async ValueTask<ResponseBody> ReadAnswerAsync(HttpRequestMessage request, Uri sent, HttpResponseMessage response, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        if (request.RequestUri != sent)
        {
            throw Redirected(response, $"{method.Method} {path}", request.RequestUri!, followed: true);
        }

        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            throw Redirected(response, $"{method.Method} {path}", response.Headers.Location is { } location ? new Uri(sent, location) : null, followed: false);
        }

        var success = status is >= 200 and < 300;
        try
        {
            return await ResponseBody.ReadAsync(response.Content, success ? _options.MaxResponseBytes : ModelArtsApiException.MaxBodyLength, truncate: !success, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseTooLargeException e)
        {
            throw new ModelArtsApiException(response.StatusCode, null, e.Message, RequestId(response), string.Empty, $"{method.Method} {path}", location: null, e.Declared);
        }
    }

    /// <summary>The error for a redirect: the SDK never follows one, so that no credential goes with a request to another place.</summary>
    internal static ModelArtsApiException Redirected(HttpResponseMessage response, string call, Uri? location, bool followed) => new(
        response.StatusCode,
        null,
        followed
            ? $"the HttpClient's handler followed a redirect to {location} and sent the request (credentials included) there; the SDK does not follow redirects: use a handler with AllowAutoRedirect = false (ModelArtsHttp.CreateHandler())"
            : "a redirect, which the SDK does not follow (no credential goes to another place); check the endpoint",
        RequestId(response),
        string.Empty,
        call,
        location,
        bodyLength: null);

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;

    /// <summary>
    /// The token that ends one attempt after the attempt timeout. With the system clock and no caller token it is a deadline
    /// shared by the attempts that start within the same second, set to the timeout plus that second, so that a call does
    /// not pay for a timer of its own; with a caller token it is linked to it; with any other clock it is that clock's timer
    /// (so tests run in virtual time).
    /// </summary>
    private CancellationToken StartAttempt(CancellationToken cancellationToken, out CancellationTokenSource? owned, out ITimer? timer)
    {
        timer = null;
        if (_options.TimeProvider == TimeProvider.System)
        {
            var deadline = SharedDeadline();
            owned = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline) : null;
            return owned?.Token ?? deadline;
        }

        owned = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        timer = _options.TimeProvider.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), owned, _options.AttemptTimeout, Timeout.InfiniteTimeSpan);
        return owned.Token;
    }

    private CancellationToken SharedDeadline()
    {
        if (_options.AttemptTimeout == Timeout.InfiniteTimeSpan)
        {
            return CancellationToken.None;
        }

        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var current = Volatile.Read(ref _deadline);
        if (current is null || now - current.Started >= System.Diagnostics.Stopwatch.Frequency)
        {
            // Nobody cancels a deadline but its timer, so one that lost the race below simply fires unused.
            var fresh = new Deadline(now, new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Min(_options.AttemptTimeout.TotalMilliseconds + 1000, int.MaxValue - 1))));
            current = Interlocked.CompareExchange(ref _deadline, fresh, current) == current ? fresh : Volatile.Read(ref _deadline)!;
        }

        return current.Source.Token;
    }

    private sealed class Deadline(long started, CancellationTokenSource source)
    {
        public long Started { get; } = started;

        public CancellationTokenSource Source { get; } = source;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status == 429 || status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>base × 2^(attempt-1), minus up to half of it at random, capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var retry = _options.Retry;
        var full = retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = full * (0.5 + (0.5 * NextJitter()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, retry.MaxDelay.TotalMilliseconds));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - _options.TimeProvider.GetUtcNow() : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Min(Math.Max(d.Ticks, 0), _options.Retry.MaxDelay.Ticks)) : null;
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET
        Task.Delay(delay, _options.TimeProvider, cancellationToken);
#else
        _options.TimeProvider.Delay(delay, cancellationToken);
#endif

    private static double NextJitter()
    {
#if NET
        return Random.Shared.NextDouble();
#else
        lock (JitterSource)
        {
            return JitterSource.NextDouble();
        }
#endif
    }

#if !NET
    private static readonly Random JitterSource = new();
#endif

    private Uri BuildUri(string path, IReadOnlyList<KeyValuePair<string, string>>? query)
    {
        if (query is not { Count: > 0 })
        {
            return new Uri(_base + path, UriKind.Absolute);
        }

        var builder = new StringBuilder(_base, _base.Length + path.Length + 16).Append(path);
        for (var i = 0; i < query.Count; i++)
        {
            var (key, value) = (query[i].Key, query[i].Value);
            RequireValidUtf16(key, "a query parameter name", nameof(query));
            RequireValidUtf16(value, $"the query parameter {key}", nameof(query));
            builder.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    /// <summary>A lone surrogate cannot be percent-encoded as UTF-8; it would silently become U+FFFD, another id.</summary>
    private static void RequireValidUtf16(string value, string what, string parameter)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"{what} holds a lone surrogate (U+{(int)c:X4}) at index {i}, which is not valid UTF-16 and cannot be sent", parameter);
            }
        }
    }

    /// <summary>The typed error for an error answer; the message names the call, never a credential.</summary>
    internal static ModelArtsApiException Error(HttpResponseMessage response, ResponseBody body, string call)
    {
        var (code, message) = ErrorBody.Read(body.Span, complete: !body.Truncated);
        var text = Encoding.UTF8.GetString(body.Span.ToArray());
        return new ModelArtsApiException(
            response.StatusCode,
            code,
            message ?? (text.Length > 0 && code is null ? ModelArtsApiException.Cap(text, ModelArtsApiException.MaxMessageLength) : null),
            RequestId(response),
            text,
            call,
            location: null,
            body.FullLength);
    }
}

/// <summary>The error code and message of an error body: <c>error_code</c>/<c>error_msg</c>, or Keystone's <c>{"error": {"code", "message"}}</c>.</summary>
internal static class ErrorBody
{
    /// <summary>Reads what it can: a body cut at the kept length, invalid UTF-8 or a value of another type never throw.</summary>
    public static (string? Code, string? Message) Read(ReadOnlySpan<byte> body, bool complete)
    {
        string? code = null;
        string? message = null;
        var reader = new Utf8JsonReader(body, isFinalBlock: complete, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueTextEquals("error_code"u8) ? 1 : reader.ValueTextEquals("error_msg"u8) ? 2 : reader.ValueTextEquals("error"u8) ? 3 : 0;
                if (!reader.Read())
                {
                    break;
                }

                switch (name)
                {
                    case 1:
                        code = Text(ref reader) ?? code;
                        break;
                    case 2:
                        message = Text(ref reader) ?? message;
                        break;
                    case 3 when reader.TokenType == JsonTokenType.StartObject:
                        ReadKeystone(ref reader, ref code, ref message);
                        continue;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page, say), or cut short: the status and the raw body still tell the story.
        }

        // A message longer than what is kept was cut inside its string: show its beginning.
        return (code, message ?? (complete ? null : CutString(body, "\"error_msg\""u8)));
    }

    /// <summary>The raw text of a string value that runs to the end of a cut body: <c>"name": "text...</c>.</summary>
    private static string? CutString(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        var at = body.IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        var rest = SkipSpace(body.Slice(at + name.Length));
        if (rest.IsEmpty || rest[0] != (byte)':')
        {
            return null;
        }

        rest = SkipSpace(rest.Slice(1));
        return !rest.IsEmpty && rest[0] == (byte)'"' ? Encoding.UTF8.GetString(rest.Slice(1).ToArray()) : null;

        static ReadOnlySpan<byte> SkipSpace(ReadOnlySpan<byte> text)
        {
            var i = 0;
            while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            return text.Slice(i);
        }
    }

    /// <summary>Keystone's <c>{"code": 401, "message": "...", "title": "..."}</c>; leaves the reader on its end.</summary>
    private static void ReadKeystone(ref Utf8JsonReader reader, ref string? code, ref string? message)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueTextEquals("code"u8) ? 1 : reader.ValueTextEquals("message"u8) ? 2 : 0;
            if (!reader.Read())
            {
                return;
            }

            if (name == 1)
            {
                code ??= Text(ref reader);
            }
            else if (name == 2)
            {
                message ??= Text(ref reader);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                return;
            }
        }
    }

    private static string? Text(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Invalid UTF-8 or a lone surrogate: keep what can be shown.
                    return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
                }

            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
            default:
                return null;
        }
    }
}

/// <summary>The SDK's tracing source: one activity per attempt.</summary>
public static class Telemetry
{
    /// <summary>The name to listen to (OpenTelemetry: <c>AddSource("ModelArts.Sdk")</c>).</summary>
    public const string SourceName = "ModelArts.Sdk";

    /// <summary>The activity source.</summary>
    public static readonly System.Diagnostics.ActivitySource Source = new(SourceName);
}

internal static class Logs
{
    public static readonly Action<ILogger?, string, string, int, double, string?, Exception?> Answered = Define<string, string, int, double, string?>(
        LogLevel.Information, 1, "ModelArts {Method} {Path} answered {Status} in {ElapsedMs:0} ms (request id {RequestId})");

    public static readonly Action<ILogger?, string, string, int, string, Exception?> Failed = Define<string, string, int, string>(
        LogLevel.Warning, 2, "ModelArts {Method} {Path} attempt {Attempt} failed: {Reason}");

    private static Action<ILogger?, T1, T2, T3, T4, T5, Exception?> Define<T1, T2, T3, T4, T5>(LogLevel level, int id, string format)
    {
        var log = LoggerMessage.Define<T1, T2, T3, T4, T5>(level, new EventId(id), format);
        return (logger, a, b, c, d, e, exception) =>
        {
            if (logger is not null)
            {
                log(logger, a, b, c, d, e, exception);
            }
        };
    }

    private static Action<ILogger?, T1, T2, T3, T4, Exception?> Define<T1, T2, T3, T4>(LogLevel level, int id, string format)
    {
        var log = LoggerMessage.Define<T1, T2, T3, T4>(level, new EventId(id), format);
        return (logger, a, b, c, d, exception) =>
        {
            if (logger is not null)
            {
                log(logger, a, b, c, d, exception);
            }
        };
    }
}
