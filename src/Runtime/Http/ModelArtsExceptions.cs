using System.Net;
using ModelArts.Runtime.Validation;

namespace ModelArts.Runtime.Http;

/// <summary>The service answered with an error status.</summary>
public sealed class ModelArtsApiException(HttpStatusCode status, string? errorCode, string? errorMessage, string? requestId, string body, string? call = null)
    : Exception(Describe(status, errorCode, errorMessage, requestId, call))
{
    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; } = status;

    /// <summary>The service's <c>error_code</c>, such as <c>ModelArts.4302</c>, when the body carried one.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>The service's <c>error_msg</c>, when the body carried one.</summary>
    public string? ErrorMessage { get; } = errorMessage;

    /// <summary>The <c>X-Request-Id</c> response header, for support requests.</summary>
    public string? RequestId { get; } = requestId;

    /// <summary>The raw response body.</summary>
    public string Body { get; } = body;

    private static string Describe(HttpStatusCode status, string? code, string? message, string? requestId, string? call) =>
        (call is null ? string.Empty : call + ": ") + $"ModelArts answered {(int)status} {status}" +
        (code is null ? string.Empty : $": {code}") +
        (message is null ? string.Empty : $" {message}") +
        (requestId is null ? string.Empty : $" (request id {requestId})");
}

/// <summary>A request broke documented constraints; nothing was sent.</summary>
public sealed class ModelArtsValidationException(IReadOnlyList<ModelArtsViolation> violations)
    : Exception("The request breaks documented constraints:" + Environment.NewLine + string.Join(Environment.NewLine, violations.Select(v => "  " + v)))
{
    /// <summary>Every violation, with rule id and JSON path.</summary>
    public IReadOnlyList<ModelArtsViolation> Violations { get; } = violations;
}
