using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// The IAM token under a hostile or careless IAM: malformed answers are typed errors that say what was wrong (and the next
/// call tries again), one refresh serves every caller a revoked token failed, a short-lived token is not fetched on every
/// call, a stalled IAM cannot hold the token lock forever, and DI builds one authenticator, not one per resolved client.
/// </summary>
public sealed class IamTokenTests
{
    private const string Password = "pa55-iam";

    public static TheoryData<string, string?, string> MalformedAnswers => new()
    {
        { "no token header", null, "no X-Subject-Token header" },
        { "expires_at missing", """{"token":{"methods":["password"]}}""", "no token.expires_at" },
        { "expires_at a number", """{"token":{"expires_at":1893456000}}""", "token.expires_at is a number, not a date" },
        { "expires_at unparsable", """{"token":{"expires_at":"tomorrow-ish"}}""", "token.expires_at 'tomorrow-ish' is not a date" },
        { "expires_at in the past", """{"token":{"expires_at":"2020-01-01T00:00:00.000000Z"}}""", "is not in the future" },
        { "expires_at 0001-01-01", """{"token":{"expires_at":"0001-01-01T00:00:00Z"}}""", "is not in the future" },
        { "not json", "<html>gateway</html>", "the body is not JSON with token.expires_at" },
        { "token not an object", """{"token":"abc"}""", "no token.expires_at" },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task A_malformed_iam_answer_is_a_typed_error_and_the_next_call_fetches_again(string answer, string? body, string says)
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            var first = Interlocked.Increment(ref requests) == 1;
            if (!first || answer != "no token header")
            {
                context.Response.Headers["X-Subject-Token"] = first ? "token-1" : "token-2";
            }

            context.Response.Headers["X-Request-Id"] = "req-iam";
            await context.Response.WriteAsync(first ? body ?? """{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""" : """{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de", new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => iam.GetTokenAsync(CancellationToken.None));

        Assert.Contains("malformed IAM answer: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Created, "req-iam"), (error.StatusCode, error.RequestId));
        Assert.Equal("token-2", await iam.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task Callers_that_a_revoked_token_failed_share_one_refresh()
    {
        var tokens = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/v3/auth/tokens")
            {
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = "token-" + Interlocked.Increment(ref tokens);
                await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
                return;
            }

            // token-1 was revoked; the 401s arrive spread over 300 ms, many after the refresh already happened.
            var revoked = context.Request.Headers["X-Auth-Token"] == "token-1";
            if (revoked)
            {
                await Task.Delay(Random.Shared.Next(0, 300));
            }

            context.Response.StatusCode = revoked ? 401 : 200;
            await context.Response.WriteAsync("{}");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de");
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = iam });

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None)));

        Assert.Equal(2, tokens);
        Assert.Equal(2, iam.TokensFetched);
    }

    [Fact]
    public async Task A_refresh_racing_with_readers_never_tears_the_cache()
    {
        using var http = new HttpClient(new InstantIam());
        using var iam = new IamPasswordAuthenticator(http, new Uri("https://iam.test"), "user", Password, "domain", "eu-de");
        var readersLeft = 2;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var read = 0; read < 10_000; read++)
            {
                var token = await iam.GetTokenAsync(CancellationToken.None);
                Assert.StartsWith("token-", token, StringComparison.Ordinal);
            }

            Interlocked.Decrement(ref readersLeft);
        })).ToArray();

        // Meanwhile 401s keep arriving for the token the refresher was given, as long as the readers read.
        var refresher = Task.Run(async () =>
        {
            using var rejected = new HttpRequestMessage();
            await iam.AuthenticateAsync(rejected, ReadOnlyMemory<byte>.Empty, CancellationToken.None);
            while (Volatile.Read(ref readersLeft) > 0)
            {
                Assert.True(await iam.RefreshAsync(rejected, CancellationToken.None));
            }
        });

        await Task.WhenAll(readers.Append(refresher)).WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_token_that_lives_less_than_the_refresh_margin_is_reused_until_shortly_before_it_expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 201;
            context.Response.Headers["X-Subject-Token"] = "token-" + Interlocked.Increment(ref issued);
            var expires = time.GetUtcNow().AddMinutes(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture); // under the 5-minute margin
            await context.Response.WriteAsync("{\"token\":{\"expires_at\":\"" + expires + "\"}}");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de", time);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("token-1", await iam.GetTokenAsync(CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(10)); // 100 s of the token's 120
        }

        time.Advance(TimeSpan.FromSeconds(9)); // 109 s: inside the last tenth of its life
        Assert.Equal("token-2", await iam.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, issued);
    }

    [Fact]
    public async Task A_stalled_iam_fails_the_token_request_after_its_timeout_and_releases_the_lock()
    {
        var time = new WatchedTimeProvider();
        var stall = new TaskCompletionSource();
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                await stall.Task; // never answers in time
                return;
            }

            context.Response.StatusCode = 201;
            context.Response.Headers["X-Subject-Token"] = "token-2";
            await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de", time) { RequestTimeout = TimeSpan.FromSeconds(20) };

        var first = iam.GetTokenAsync(CancellationToken.None);
        var waiting = iam.GetTokenAsync(CancellationToken.None); // waits on the lock the stalled request holds
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(20));
        for (var i = 0; i < 400 && server.Requests.IsEmpty; i++) // IAM got the request, and stalls
        {
            await Task.Delay(25);
        }

        time.Advance(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("no answer within 20 s", error.Message, StringComparison.Ordinal);
        Assert.Equal("token-2", await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        stall.SetResult();
    }

    [Fact]
    public async Task The_registration_builds_one_authenticator_for_all_resolved_clients()
    {
        var tokens = 0;
        await using var server = await TokenServer(() => Interlocked.Increment(ref tokens));
        var configured = 0;
        var services = new ServiceCollection();
        services.AddModelArtsClient(options =>
        {
            Interlocked.Increment(ref configured);
            options.Endpoint = server.Address;
            options.ProjectId = "p";
            options.Authenticator = new IamPasswordAuthenticator(server.Address, "user", Password, "domain", "eu-de");
        });
        await using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 3; i++)
        {
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ModelArtsClient>().AutoAnnotationProgressAsync("ds", "t");
        }

        Assert.Equal((1, 1), (configured, tokens));
    }

    [Fact]
    public async Task An_authenticator_registered_as_a_singleton_serves_the_registered_client()
    {
        var tokens = 0;
        await using var server = await TokenServer(() => Interlocked.Increment(ref tokens));
        var services = new ServiceCollection();
        services.AddSingleton<IModelArtsAuthenticator>(_ => new IamPasswordAuthenticator(server.Address, "user", Password, "domain", "eu-de"));
        services.AddModelArtsClient(options => { options.Endpoint = server.Address; options.ProjectId = "p"; });
        await using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 3; i++)
        {
            await provider.GetRequiredService<ModelArtsClient>().AutoAnnotationProgressAsync("ds", "t");
        }

        Assert.Equal(1, tokens);
        Assert.All(server.Headers.Where(h => !h.ContainsKey("Content-Type")), h => Assert.Equal("token-1", h["X-Auth-Token"]));
    }

    /// <summary>An IAM that answers at once, in memory: the race below is between the cache's readers and writers, not the network.</summary>
    private sealed class InstantIam : HttpMessageHandler
    {
        private int _issued;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""") };
            answer.Headers.TryAddWithoutValidation("X-Subject-Token", "token-" + Interlocked.Increment(ref _issued));
            return Task.FromResult(answer);
        }
    }

    private static Task<LoopbackServer> TokenServer(Func<int> issue) => LoopbackServer.StartAsync(async context =>
    {
        if (context.Request.Path == "/v3/auth/tokens")
        {
            context.Response.StatusCode = 201;
            context.Response.Headers["X-Subject-Token"] = "token-" + issue();
            await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
            return;
        }

        await context.Response.WriteAsync("""{"status":3}""");
    });
}
