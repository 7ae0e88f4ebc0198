using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ModelArts.Samples;

/// <summary>
/// What every sample's stand-in shares: Kestrel on 127.0.0.1 (a free port), IAM's token call answered with the token
/// <see cref="Token"/>, and every other call handed to the sample's own player of documented answers. It is not the service.
/// </summary>
internal sealed class LocalStandIn : IAsyncDisposable
{
    public const string Token = "stand-in-token";

    private readonly WebApplication _app;

    private LocalStandIn(WebApplication app) => _app = app;

    /// <summary>The stand-in's address: the endpoint of both IAM and ModelArts.</summary>
    public Uri Address { get; private set; } = null!;

    public static async Task<LocalStandIn> StartAsync(Func<HttpContext, Task> answer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new LocalStandIn(builder.Build());
        standIn._app.Run(context =>
        {
            if (context.Request.Path.Value == "/v3/auth/tokens")
            {
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = Token;
                return context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00.000000Z","methods":["password"]}}""");
            }

            return answer(context);
        });
        await standIn._app.StartAsync(cancellationToken);
        standIn.Address = new Uri(standIn._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
