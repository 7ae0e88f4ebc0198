using System.Globalization;
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

    private readonly HttpClient _http;
    private readonly ModelArtsClientOptions _options;

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
    }

    /// <summary>The service endpoint calls go to.</summary>
    public Uri Endpoint { get; }

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
    public async Task<T> SendAsync<T>(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, JsonValueReader<T> read, CancellationToken cancellationToken)
    {
        var bytes = await SendCoreAsync(method, path, query, body, cancellationToken).ConfigureAwait(false);
        return JsonRead.Document(bytes, read);
    }

    /// <summary>Sends a request whose response has no body the caller needs.</summary>
    public async Task SendAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, CancellationToken cancellationToken) =>
        _ = await SendCoreAsync(method, path, query, body, cancellationToken).ConfigureAwait(false);

    private async Task<byte[]> SendCoreAsync(HttpMethod method, string path, IReadOnlyList<KeyValuePair<string, string>>? query, IJsonModel? body, CancellationToken cancellationToken)
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

        using var request = new HttpRequestMessage(method, BuildUri(path, query));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonWrite.ToUtf8Bytes(body));
            request.Content.Headers.ContentType = Json;
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
#if NET
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        var bytes = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        if (!response.IsSuccessStatusCode)
        {
            throw Error(response, bytes);
        }

        return bytes;
    }

    private Uri BuildUri(string path, IReadOnlyList<KeyValuePair<string, string>>? query)
    {
        var builder = new StringBuilder(Endpoint.GetLeftPart(UriPartial.Authority)).Append(path);
        if (query is { Count: > 0 })
        {
            for (var i = 0; i < query.Count; i++)
            {
                builder.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
            }
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }

    private static ModelArtsApiException Error(HttpResponseMessage response, byte[] body)
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
        return new ModelArtsApiException(response.StatusCode, code, message ?? (text.Length > 0 && code is null ? Shorten(text) : null), requestId, text);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text.Substring(0, 200) + "...";
}
