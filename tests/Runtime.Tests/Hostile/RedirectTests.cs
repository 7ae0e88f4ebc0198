using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelArts.Runtime.Http;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// A 3xx never takes a credential (or a body) to another place: the SDK's own handler and the handler of the
/// <c>AddModelArtsClient</c> registration do not follow redirects, a 3xx is a <see cref="ModelArtsApiException"/> naming its
/// Location, and a handler of the caller's that does follow is caught out instead of reported as success.
/// The "other host" is a second server on 127.0.0.1 (another port is another origin).
/// </summary>
public sealed class RedirectTests
{
    private const string Token = "tok-must-stay-home";
    private const string Password = "pa55-must-stay-home";

    public static TheoryData<int, string> StatusesAndClients => new()
    {
        { 301, "di" }, { 302, "di" }, { 303, "di" }, { 307, "di" }, { 308, "di" },
        { 302, "default" }, { 307, "default" }, { 308, "default" },
        { 302, "sdk-client" }, { 307, "sdk-client" },
    };

    [Theory]
    [MemberData(nameof(StatusesAndClients))]
    public async Task A_redirect_is_an_error_naming_its_location_and_nothing_reaches_the_other_host(int status, string client)
    {
        await using var elsewhere = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"dataset_id":"not-yours"}"""));
        var target = new Uri(elsewhere.Address, "/stolen");
        await using var service = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = target.ToString();
            context.Response.Headers["X-Request-Id"] = "req-3xx";
            return Task.CompletedTask;
        });
        var options = new ModelArtsClientOptions { Endpoint = service.Address, ProjectId = "p", Authenticator = new TokenAuthenticator(Token) };
        await using var provider = Services(options);
        var modelarts = client switch
        {
            "di" => provider.GetRequiredService<ModelArtsClient>(),
            "default" => new ModelArtsClient(options),
            _ => new ModelArtsClient(ModelArtsHttp.CreateClient(), options),
        };

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => modelarts.CreateDatasetAsync(Dataset()));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(target, error.Location);
        Assert.Equal("req-3xx", error.RequestId);
        Assert.Contains($"answered {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains(target.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Single(service.Requests); // not retried either
    }

    [Fact]
    public async Task A_post_answered_302_by_a_redirect_following_client_is_never_reported_as_success()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"dataset_id":"not-yours"}"""));
        await using var service = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(elsewhere.Address, "/page").ToString();
            return Task.CompletedTask;
        });
        using var following = new HttpClient(); // the caller's own client, with the default handler: it follows
        var client = new ModelArtsClient(following, new ModelArtsClientOptions { Endpoint = service.Address, ProjectId = "p" });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => client.CreateDatasetAsync(Dataset()));

        Assert.Equal(new Uri(elsewhere.Address, "/page"), error.Location);
        Assert.Contains("AllowAutoRedirect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_307_followed_by_the_callers_client_does_not_send_the_body_again()
    {
        var bodies = new List<string>();
        await using var elsewhere = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await ReadOrEmpty(reader);
            lock (bodies)
            {
                bodies.Add(body);
            }
        });
        await using var service = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.Address, "/repost").ToString();
            return Task.CompletedTask;
        });
        using var following = new HttpClient();
        var client = new ModelArtsClient(following, new ModelArtsClientOptions { Endpoint = service.Address, ProjectId = "p" });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => client.CreateDatasetAsync(Dataset()));

        Assert.Equal(new Uri(elsewhere.Address, "/repost"), error.Location);
        Assert.DoesNotContain(bodies, b => b.Contains("dataset_name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(307, false)]
    [InlineData(308, false)]
    [InlineData(307, true)]
    [InlineData(308, true)]
    public async Task An_iam_redirect_never_posts_the_password_to_another_host(int status, bool callersClient)
    {
        var received = new List<string>();
        await using var elsewhere = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await ReadOrEmpty(reader);
            lock (received)
            {
                received.Add(body);
            }

            context.Response.StatusCode = 201;
            context.Response.Headers["X-Subject-Token"] = "stolen";
            await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
        });
        await using var iam = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(elsewhere.Address, "/v3/auth/tokens").ToString();
            return Task.CompletedTask;
        });
        using var following = new HttpClient();
        using var authenticator = callersClient
            ? new IamPasswordAuthenticator(following, iam.Address, "user", Password, "domain", "eu-de")
            : new IamPasswordAuthenticator(iam.Address, "user", Password, "domain", "eu-de");

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => authenticator.GetTokenAsync(CancellationToken.None));

        Assert.DoesNotContain(received, b => b.Contains(Password, StringComparison.Ordinal));
        if (!callersClient)
        {
            Assert.Empty(elsewhere.Requests);
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
        }

        Assert.Equal(new Uri(elsewhere.Address, "/v3/auth/tokens"), error.Location);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_iam_token_does_not_follow_a_redirect_of_the_registered_client()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("{}"));
        await using var service = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/v3/auth/tokens")
            {
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = Token;
                await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
                return;
            }

            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(elsewhere.Address, "/stolen").ToString();
        });
        var services = new ServiceCollection();
        services.AddSingleton<IModelArtsAuthenticator>(_ => new IamPasswordAuthenticator(service.Address, "user", Password, "domain", "eu-de"));
        services.AddModelArtsClient(options => { options.Endpoint = service.Address; options.ProjectId = "p"; });
        await using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<ModelArtsApiException>(() => provider.GetRequiredService<ModelArtsClient>().AutoAnnotationProgressAsync("ds", "t"));

        Assert.Empty(elsewhere.Requests);
        Assert.Equal(Token, service.Headers.Last()["X-Auth-Token"]);
    }

    private static ServiceProvider Services(ModelArtsClientOptions options)
    {
        var services = new ServiceCollection();
        services.AddModelArtsClient(o =>
        {
            o.Endpoint = options.Endpoint;
            o.ProjectId = options.ProjectId;
            o.Authenticator = options.Authenticator;
        });
        return services.BuildServiceProvider();
    }

    private static CreateDatasetRequest Dataset() => new()
    {
        DatasetName = "dataset-1",
        DataSources = [new DataSource { DataPath = "/bucket/in/" }],
        WorkPath = "/bucket/out/",
        WorkPathType = 0,
    };

    private static async Task<string> ReadOrEmpty(StreamReader reader)
    {
        try
        {
            return await reader.ReadToEndAsync();
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException or OperationCanceledException)
        {
            return string.Empty; // the client gave up on the body: nothing of it arrived
        }
    }
}
