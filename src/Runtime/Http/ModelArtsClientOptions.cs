using Microsoft.Extensions.Logging;

namespace ModelArts.Runtime.Http;

/// <summary>Where and as whom a generated client calls the service, and how it behaves when calls fail.</summary>
public sealed class ModelArtsClientOptions
{
    /// <summary>The service endpoint, such as <c>https://modelarts.eu-de.otc.t-systems.com</c>. HTTPS unless it is a loopback address.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The project id used for <c>{project_id}</c> when a call does not name one.</summary>
    public string? ProjectId { get; set; }

    /// <summary>How requests are authenticated: <see cref="IamPasswordAuthenticator"/>, <see cref="TokenAuthenticator"/> or <see cref="AkSkAuthenticator"/>; none when null.</summary>
    public IModelArtsAuthenticator? Authenticator { get; set; }

    /// <summary>Check a request body's documented constraints before sending it; a violation throws <see cref="ModelArtsValidationException"/> and nothing is sent.</summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>How long one attempt may take before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>When and how calls are retried.</summary>
    public ModelArtsRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The largest answer read, in bytes: a longer one (by its <c>Content-Length</c>, or as it streams in) is a
    /// <see cref="ModelArtsApiException"/> and is not read further. Answers are read once, into a pooled buffer.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 64 MB.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>The clock for timeouts and retry delays (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Request line, status, duration and request id of every call; bodies and credentials are never logged.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// Options configured once for a dependency-injection container (the generated <c>AddXClient</c> calls this): runs
    /// <paramref name="configure"/>, then takes the logger (<c>ILoggerFactory</c>, category <c>ModelArts.Sdk</c>) and the
    /// authenticator (<see cref="IModelArtsAuthenticator"/>) from <paramref name="services"/> when they were not set.
    /// </summary>
    public static ModelArtsClientOptions Create(Action<ModelArtsClientOptions> configure, IServiceProvider services)
    {
        if (configure is null || services is null)
        {
            throw new ArgumentNullException(configure is null ? nameof(configure) : nameof(services));
        }

        var options = new ModelArtsClientOptions();
        configure(options);
        options.Logger ??= (services.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger("ModelArts.Sdk");
        options.Authenticator ??= services.GetService(typeof(IModelArtsAuthenticator)) as IModelArtsAuthenticator;
        return options;
    }
}

/// <summary>
/// Retries: GET, PUT and DELETE are retried on 429, 502, 503, 504, timeouts and network failures, with
/// exponential backoff and jitter, honouring <c>Retry-After</c>; POST only when <see cref="RetryPost"/> is set,
/// because a POST the service did receive would run twice.
/// </summary>
public sealed class ModelArtsRetryOptions
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The delay before the first retry; each next one doubles, with jitter of up to half.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No single delay is longer, <c>Retry-After</c> included.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry POST too (for operations you know are safe to repeat).</summary>
    public bool RetryPost { get; set; }
}
