namespace ModelArts.Runtime.Http;

/// <summary>
/// HTTP handlers and clients that keep the SDK's promises: no redirect is followed (a credential never goes
/// with a request to another place; a 3xx becomes a <see cref="ModelArtsApiException"/> naming its <c>Location</c>),
/// and connections are renewed every few minutes so that DNS changes are seen.
/// </summary>
public static class ModelArtsHttp
{
    private static readonly Lazy<HttpClient> SharedClient = new(CreateClient);

    /// <summary>
    /// The headers that carry credentials (<c>X-Auth-Token</c>, <c>X-Subject-Token</c>, <c>Authorization</c>, ...): the generated
    /// <c>AddXClient</c> registration has IHttpClientFactory's logging redact them, at every log level.
    /// </summary>
    public static IReadOnlyList<string> CredentialHeaders { get; } = ["X-Auth-Token", "X-Subject-Token", "Authorization", "Proxy-Authorization", "X-Security-Token"];

    /// <summary>A handler that does not follow redirects; the primary handler of the generated <c>AddXClient</c> registration.</summary>
    public static HttpMessageHandler CreateHandler()
    {
#if NET
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        };
#else
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        };
#endif
    }

    /// <summary>
    /// A client over <see cref="CreateHandler"/> with no overall timeout of its own: the pipeline bounds each attempt
    /// (<see cref="ModelArtsClientOptions.AttemptTimeout"/>). Create one and keep it for the life of the application.
    /// </summary>
    public static HttpClient CreateClient() => new(CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The process-wide client behind the constructors that take no <see cref="HttpClient"/>.</summary>
    internal static HttpClient Shared => SharedClient.Value;
}
