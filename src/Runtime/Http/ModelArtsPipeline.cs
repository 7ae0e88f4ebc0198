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
/// </summary>
public sealed class ModelArtsPipeline
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly byte[] NoContentBody = "{}"u8.ToArray();

    private readonly HttpClient _http;
    private readonly ModelArtsClientOptions _options;
    private readonly string _authority;

    /// <summary>Uses <paramref name="http"/> as given (from IHttpClientFactory or your own handlers).</summary>
    public ModelArtsPipeline(HttpClient http, ModelArtsClientOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var endpoint = options.Endpoint ?? http.BaseAddress ?? throw new ArgumentException("set ModelArtsClientOptions.Endpoint or HttpClient.BaseAddress", nameof(options));
        if (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
        {
            throw new ArgumentException($"the endpoint {endpoint} must use https (plain http is allowed only for loopback addresses)", nameof(options));
        }

        Endpoint = endpoint;
        _authority = endpoint.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The service endpoint calls go to.</summary>
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
        SendAsync(method, path, query, null, body, read, cancellationToken);

    /// <summary>
    /// Sends a request with the operation's header parameters and reads the response body with <paramref name="read"/>.
    /// A <c>Content-Type</c> among <paramref name="headers"/> is the body's media type (or, without a body, sent on an empty one).
    /// </summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IReadOnlyList<KeyValuePair<string, string>>? headers, IJsonModel? body, JsonValueReader<T> read, CancellationToken cancellationToken)
    {
        var bytes = await SendCoreAsync(method, path, query, headers, body, cancellationToken).ConfigureAwait(false);
        return JsonRead.Document(bytes, read);
    }

    /// <summary>Sends a request whose response has no body the caller needs.</summary>
    public Task SendAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, CancellationToken cancellationToken) =>
        SendAsync(method, path, query, null, body, cancellationToken);

    /// <summary>
    /// Sends a request with the operation's header parameters; the response has no body the caller needs.
    /// A <c>Content-Type</c> among <paramref name="headers"/> is the body's media type (or, without a body, sent on an empty one).
    /// </summary>
    public async Task SendAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IReadOnlyList<KeyValuePair<string, string>>? headers, IJsonModel? body, CancellationToken cancellationToken) =>
        _ = await SendCoreAsync(method, path, query, headers, body, cancellationToken).ConfigureAwait(false);

    private async Task<byte[]> SendCoreAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IReadOnlyList<KeyValuePair<string, string>>? headers, IJsonModel? body, CancellationToken cancellationToken)
    {
        if (body is not null && _options.ValidateRequests)
        {
            var violations = new List<ModelArtsViolation>();
            body.Validate(violations, "$");
            if (violations.Count > 0)
            {
                throw new ModelArtsValidationException(violations);
            }
        }

        var content = body is null ? null : JsonWrite.ToUtf8Bytes(body);
        var uri = BuildUri(path, query);
        var retry = _options.Retry;
        var retryable = method != HttpMethod.Post || retry.RetryPost;
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            using var activity = Telemetry.Source.HasListeners() ? Telemetry.Source.StartActivity("ModelArts " + method.Method, System.Diagnostics.ActivityKind.Client) : null;
            activity?.SetTag("http.request.method", method.Method);
            activity?.SetTag("url.path", path);
            activity?.SetTag("modelarts.attempt", attempt);
            var started = _options.TimeProvider.GetTimestamp();
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            if (content is not null)
            {
                request.Content = new ByteArrayContent(content);
                request.Content.Headers.ContentType = Json;
            }

            if (headers is not null)
            {
                AddHeaders(request, headers);
            }

            if (_options.Authenticator is { } authenticator)
            {
                await authenticator.AuthenticateAsync(request, content ?? [], cancellationToken).ConfigureAwait(false);
            }

            HttpResponseMessage response;
            byte[] bytes;
            using (var timeout = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource())
            using (var timer = StartAttemptTimer(timeout))
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    bytes = await ReadAsync(response, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
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

                    throw e is OperationCanceledException
                        ? new TimeoutException($"{method.Method} {path}: {reason} (attempt {attempt} of {retry.MaxAttempts})", e)
                        : new HttpRequestException($"{method.Method} {path}: {reason} (attempt {attempt} of {retry.MaxAttempts})", e);
                }
            }

            using (response)
            {
                if (_options.Logger is { } logger)
                {
                    var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
                    Logs.Answered(logger, method.Method, path, (int)response.StatusCode, _options.TimeProvider.GetElapsedTime(started).TotalMilliseconds, requestId, null);
                }

                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                if (response.IsSuccessStatusCode)
                {
                    // 204 carries no body by definition; the documented models of such answers are empty objects.
                    return response.StatusCode == HttpStatusCode.NoContent && bytes.Length == 0 ? NoContentBody : bytes;
                }

                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed && _options.Authenticator is { } auth
                    && await auth.RefreshAsync(cancellationToken).ConfigureAwait(false))
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

                throw Error(response, bytes, $"{method.Method} {path}");
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
    /// Cancels <paramref name="timeout"/> after the attempt timeout: with the system clock through the token source's
    /// own timer (no extra allocation), with any other clock through that clock's timer (so tests run in virtual time).
    /// </summary>
    private ITimer? StartAttemptTimer(CancellationTokenSource timeout)
    {
        if (_options.TimeProvider == TimeProvider.System)
        {
            timeout.CancelAfter(_options.AttemptTimeout);
            return null;
        }

        return _options.TimeProvider.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), timeout, _options.AttemptTimeout, Timeout.InfiniteTimeSpan);
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

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        cancellationToken.ThrowIfCancellationRequested();
        return response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
    }

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
        var builder = new StringBuilder(_authority, _authority.Length + path.Length + 16).Append(path);
        if (query is { Count: > 0 })
        {
            for (var i = 0; i < query.Count; i++)
            {
                builder.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
            }
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    /// <summary>The typed error for an error answer; the message names the call, never a credential.</summary>
    internal static ModelArtsApiException Error(HttpResponseMessage response, byte[] body, string call)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                code = document.RootElement.TryGetProperty("error_code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                message = document.RootElement.TryGetProperty("error_msg", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a gateway's HTML page, say): the status and the raw body still tell the story.
        }

        var requestId = response.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        var text = Encoding.UTF8.GetString(body);
        return new ModelArtsApiException(response.StatusCode, code, message ?? (text.Length > 0 && code is null ? Shorten(text) : null), requestId, text, call);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
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
