using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>The pipeline against a real HTTP server on 127.0.0.1, with retry delays in virtual time.</summary>
public sealed class PipelineTests
{
    private const string Password = "pa55-w0rd-never-shown";
    private const string SecretKey = "sk-never-shown";

    [Fact]
    public async Task Iam_token_is_fetched_once_for_concurrent_callers_and_sent_as_x_auth_token()
    {
        var tokens = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/v3/auth/tokens")
            {
                Interlocked.Increment(ref tokens);
                await Task.Delay(50);
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = "token-1";
                await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00.000000Z","methods":["password"]}}""");
                return;
            }

            context.Response.StatusCode = context.Request.Headers["X-Auth-Token"] == "token-1" ? 200 : 401;
            await context.Response.WriteAsync("{}");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de");
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = iam });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None)));

        Assert.Equal(1, tokens);
        Assert.Equal(1, iam.TokensFetched);
        Assert.DoesNotContain(Password, iam.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_close_to_expiry_is_fetched_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var n = Interlocked.Increment(ref issued);
            context.Response.StatusCode = 201;
            context.Response.Headers["X-Subject-Token"] = "token-" + n;
            var expires = time.GetUtcNow().AddHours(24).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("{\"token\":{\"expires_at\":\"" + expires + "\"}}");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de", time);

        Assert.Equal("token-1", await iam.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromHours(23));
        Assert.Equal("token-1", await iam.GetTokenAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(56)); // inside the 5-minute refresh margin
        Assert.Equal("token-2", await iam.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_retries_once()
    {
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/v3/auth/tokens")
            {
                var n = Interlocked.Increment(ref issued);
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = "token-" + n;
                await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00.000000Z"}}""");
                return;
            }

            // The first token was revoked on the server side.
            context.Response.StatusCode = context.Request.Headers["X-Auth-Token"] == "token-2" ? 200 : 401;
            await context.Response.WriteAsync("""{"error_code":"ModelArts.0004","error_msg":"token expired"}""");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de");
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = iam });

        await pipeline.SendAsync(HttpMethod.Post, "/v2/p/processor-tasks", null, null, JsonRead.GetElement, CancellationToken.None);

        Assert.Equal(["POST /v3/auth/tokens", "POST /v2/p/processor-tasks", "POST /v3/auth/tokens", "POST /v2/p/processor-tasks"], server.Requests);
    }

    [Fact]
    public async Task A_503_with_retry_after_is_retried_after_that_delay_in_virtual_time()
    {
        var time = new WatchedTimeProvider();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "7";
                return;
            }

            await context.Response.WriteAsync("""{"ok":true}""");
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, TimeProvider = time });

        var call = pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None);
        await time.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(100);
        Assert.Equal(1, calls); // still waiting: Retry-After said 7 seconds
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.Equal(2, calls);
        Assert.True(result.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task Post_is_not_retried_and_500_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Method == "POST" ? 503 : 500;
            await context.Response.WriteAsync("""{"error_code":"ModelArts.0001","error_msg":"busy"}""");
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, TimeProvider = new FakeTimeProvider() });

        var post = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Post, "/v2/p/processor-tasks", null, null, JsonRead.GetElement, CancellationToken.None));
        var get = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        Assert.Equal(["POST /v2/p/processor-tasks", "GET /v2/p/datasets"], server.Requests);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "ModelArts.0001", "busy"), (post.StatusCode, post.ErrorCode, post.ErrorMessage));
        Assert.StartsWith("POST /v2/p/processor-tasks: ModelArts answered 503", post.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, get.StatusCode);
    }

    [Fact]
    public async Task A_reset_connection_is_retried_for_get()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Abort();
                return;
            }

            await context.Response.WriteAsync("""{"ok":true}""");
        });
        using var http = new HttpClient();
        var time = new WatchedTimeProvider();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, TimeProvider = time });

        var call = pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None);
        await time.WaitForTimerAsync(due => due <= TimeSpan.FromMilliseconds(500)); // the first backoff: at most the 500 ms base
        time.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_slow_answer_times_out_in_virtual_time()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await release.Task;
            await context.Response.WriteAsync("{}");
        });
        using var http = new HttpClient();
        var time = new FakeTimeProvider();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions
        {
            Endpoint = server.Address, TimeProvider = time, AttemptTimeout = TimeSpan.FromSeconds(10), Retry = new ModelArtsRetryOptions { MaxAttempts = 1 },
        });

        var call = pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None);
        await WaitUntil(() => !server.Requests.IsEmpty);
        time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        release.SetResult();

        Assert.Contains("no answer within 10 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_times_out_with_the_system_clock_too()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await release.Task;
            await context.Response.WriteAsync("{}");
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions
        {
            Endpoint = server.Address, AttemptTimeout = TimeSpan.FromMilliseconds(200), Retry = new ModelArtsRetryOptions { MaxAttempts = 1 },
        });

        // The attempts of one second share a deadline set one second past the timeout: the call ends within 1.2 s, not never.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        release.SetResult();

        Assert.Contains("no answer within 0.2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_a_retry_wait_at_once()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = "30";
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, TimeProvider = new FakeTimeProvider() });
        using var cancel = new CancellationTokenSource();

        var call = pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, cancel.Token);
        await WaitUntil(() => !server.Requests.IsEmpty);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Secrets_never_reach_messages_or_logs()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = context.Request.Path == "/v3/auth/tokens" ? 401 : 403;
            context.Response.Headers["X-Request-Id"] = "req-42";
            await context.Response.WriteAsync("""{"error_code":"IAM.0011","error_msg":"wrong user name or password"}""");
        });
        using var http = new HttpClient();
        var logger = new ListLogger();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de");
        var viaIam = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = iam, Logger = logger });
        var viaAkSk = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = new AkSkAuthenticator("AK", SecretKey), Logger = logger });
        var viaToken = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = new TokenAuthenticator("tok-never-shown"), Logger = logger });

        var errors = new List<Exception>
        {
            await Assert.ThrowsAsync<ModelArtsApiException>(() => viaIam.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None)),
            await Assert.ThrowsAsync<ModelArtsApiException>(() => viaAkSk.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None)),
            await Assert.ThrowsAsync<ModelArtsApiException>(() => viaToken.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None)),
        };

        var everything = string.Join("\n", errors.Select(e => e.ToString()).Concat(logger.Lines).Append(iam.ToString()).Append(viaAkSk.ToString()!));
        foreach (var secret in new[] { Password, SecretKey, "tok-never-shown" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains("req-42", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains(logger.Lines, l => l.Contains("GET /v2/p/datasets answered 403", StringComparison.Ordinal) && l.Contains("req-42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_gives_a_useful_error()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 502;
            await context.Response.WriteAsync("<html><body>Bad Gateway from the load balancer</body></html>");
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Retry = new ModelArtsRetryOptions { MaxAttempts = 1 } });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        Assert.Null(error.ErrorCode);
        Assert.Contains("Bad Gateway from the load balancer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_204_without_a_body_reads_as_an_empty_object_and_an_empty_200_is_an_error()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path.Value!.EndsWith("/no-content", StringComparison.Ordinal) ? 204 : 200;
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Retry = new ModelArtsRetryOptions { MaxAttempts = 1 } });

        var empty = await pipeline.SendAsync(HttpMethod.Delete, "/v2/p/no-content", null, null, JsonRead.GetElement, CancellationToken.None);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, empty.ValueKind);
        Assert.Empty(empty.EnumerateObject());

        var error = await Assert.ThrowsAsync<ModelArtsJsonException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));
        Assert.Equal("$: the document is empty", error.Message);
    }

    [Theory]
    [InlineData("{\"a\":", "$")]
    [InlineData("[1,2", "$")]
    [InlineData("{} {}", "$")]
    [InlineData("  \n ", "$")]
    public void Malformed_json_at_the_root_is_a_modelarts_json_error(string json, string path)
    {
        var error = Assert.Throws<ModelArtsJsonException>(() => JsonRead.Document(System.Text.Encoding.UTF8.GetBytes(json), JsonRead.GetElement));
        Assert.Equal(path, error.JsonPath);
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("id with space", "id%20with%20space")]
    [InlineData("x?y#z", "x%3Fy%23z")]
    public void Path_segments_are_escaped(string value, string escaped) => Assert.Equal(escaped, ModelArtsPipeline.Segment(value));

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public void Dot_segments_are_refused(string value) => Assert.Throws<ArgumentException>(() => ModelArtsPipeline.Segment(value));

    [Fact]
    public void Plain_http_is_refused_except_for_loopback()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = new Uri("http://modelarts.example") }));
        _ = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = new Uri("http://127.0.0.1:5000") });
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "the server never got the expected request");
    }
}
