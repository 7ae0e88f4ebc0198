namespace ModelArts.Runtime.Http;

/// <summary>Where and as whom a generated client calls the service.</summary>
public sealed class ModelArtsClientOptions
{
    /// <summary>The service endpoint, such as <c>https://modelarts.eu-de.otc.t-systems.com</c>. HTTPS unless it is a loopback address.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The project id used for <c>{project_id}</c> when a call does not name one.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Check a request body's documented constraints before sending it; a violation throws <see cref="ModelArtsValidationException"/> and nothing is sent.</summary>
    public bool ValidateRequests { get; set; } = true;
}
