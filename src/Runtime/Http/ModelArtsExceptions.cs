using System.Net;
using ModelArts.Runtime.Validation;

namespace ModelArts.Runtime.Http;

/// <summary>
/// The service (or something between it and you) answered with an error status, a redirect, or an answer the SDK
/// refuses (too large, malformed credentials). No secret the SDK knows appears in its message, error message or body.
/// </summary>
public sealed class ModelArtsApiException : Exception
{
    /// <summary>How much of an error body is kept on the exception (<see cref="Body"/>), in bytes read and characters kept.</summary>
    public const int MaxBodyLength = 64 * 1024;

    /// <summary>How much of the service's error message goes into <see cref="Exception.Message"/>, in characters.</summary>
    public const int MaxMessageLength = 1024;

    /// <summary>An error answer.</summary>
    public ModelArtsApiException(HttpStatusCode status, string? errorCode, string? errorMessage, string? requestId, string body, string? call = null)
        : this(status, errorCode, errorMessage, requestId, body, call, location: null, bodyLength: null)
    {
    }

    /// <summary>An error answer, with the redirect target and the length of the body the service sent.</summary>
    public ModelArtsApiException(HttpStatusCode status, string? errorCode, string? errorMessage, string? requestId, string body, string? call, Uri? location, long? bodyLength)
        : this(status, errorCode, errorMessage, requestId, body, call, location, bodyLength, null)
    {
    }

    /// <summary>An error answer, with the redirect target, the length of the body the service sent, and the failure behind it.</summary>
    public ModelArtsApiException(HttpStatusCode status, string? errorCode, string? errorMessage, string? requestId, string body, string? call, Uri? location, long? bodyLength, Exception? innerException)
        : base(Describe(status, Secrets.RedactOrNull(errorCode), Secrets.RedactOrNull(errorMessage), requestId, Secrets.RedactOrNull(call), location), innerException)
    {
        StatusCode = status;
        ErrorCode = Secrets.RedactOrNull(errorCode);
        ErrorMessage = Secrets.RedactOrNull(errorMessage);
        RequestId = requestId;
        Body = Cap(Secrets.Redact(body ?? string.Empty), MaxBodyLength);
        Location = location;
        BodyLength = bodyLength;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's <c>error_code</c> (or a Keystone-style <c>error.code</c>), when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's <c>error_msg</c> (or a Keystone-style <c>error.message</c>), when the body carried one.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The <c>X-Request-Id</c> response header, for support requests.</summary>
    public string? RequestId { get; }

    /// <summary>The response body as text, at most <see cref="MaxBodyLength"/> characters of it; invalid UTF-8 shows as U+FFFD.</summary>
    public string Body { get; }

    /// <summary>Where a 3xx answer pointed (the SDK does not follow redirects), or where a redirect-following handler went.</summary>
    public Uri? Location { get; }

    /// <summary>The length in bytes of the body the service sent, when known (its <c>Content-Length</c>, or all of it was read).</summary>
    public long? BodyLength { get; }

    private static string Describe(HttpStatusCode status, string? code, string? message, string? requestId, string? call, Uri? location) =>
        (call is null ? string.Empty : call + ": ") + $"ModelArts answered {(int)status} {status}" +
        (code is null ? string.Empty : $": {Cap(code, MaxMessageLength)}") +
        (message is null ? string.Empty : $" {Cap(message, MaxMessageLength)}") +
        (location is null ? string.Empty : $" (Location: {Secrets.Redact(location.ToString())})") +
        (requestId is null ? string.Empty : $" (request id {Cap(requestId, 128)})");

    internal static string Cap(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "...";
}

/// <summary>A request broke documented constraints; nothing was sent.</summary>
public sealed class ModelArtsValidationException(IReadOnlyList<ModelArtsViolation> violations)
    : Exception(Secrets.Redact("The request breaks documented constraints:" + Environment.NewLine + string.Join(Environment.NewLine, violations.Select(v => "  " + v))))
{
    /// <summary>Every violation, with rule id and JSON path.</summary>
    public IReadOnlyList<ModelArtsViolation> Violations { get; } = violations;
}

/// <summary>A paged list did not end: the server sent a page it had sent before, or more items than the total it reported.</summary>
public sealed class ModelArtsPagingException(string operation, int page, string reason)
    : Exception($"{operation}: paging stopped at page {page}: {reason}")
{
    /// <summary>The list operation, such as <c>ListSamples</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>The page index (the <c>offset</c> sent) at which paging stopped.</summary>
    public int Page { get; } = page;
}
