using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// No exception's message or <c>ToString()</c> (nor the error body kept on it) holds a secret the SDK knows, even when the
/// service or a proxy echoes the request back: the token header in <c>error_msg</c>, the password body (JSON-escaped) in a
/// Keystone-style <c>{"error": {...}}</c>, the secret key anywhere.
/// </summary>
public sealed class SecretInErrorTests
{
    // Characters that JSON escapes differently in each style, so the echo is not the raw string.
    private const string Password = "pa\"55<w0rd>+&'é";
    private const string Token = "tok-echoed-back-7f3a";
    private const string SecretKey = "sk/echoed+back==";

    [Fact]
    public async Task An_echoed_token_is_masked_in_every_error()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync(Echo(context));
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = new TokenAuthenticator(Token) });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        AssertNoSecret(error, Token);
        Assert.Contains("X-Auth-Token: ***", error.ErrorMessage, StringComparison.Ordinal); // the echo is there, masked
    }

    [Fact]
    public async Task An_iam_token_echoed_after_a_refresh_is_masked_too()
    {
        var issued = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/v3/auth/tokens")
            {
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = Token + "-" + Interlocked.Increment(ref issued);
                await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
                return;
            }

            context.Response.StatusCode = 401;
            await context.Response.WriteAsync(Echo(context));
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de");
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = iam });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        Assert.Equal(2, issued); // the 401 refreshed once: the echo holds the second token
        AssertNoSecret(error, Token + "-1", Token + "-2", Password);
    }

    [Theory]
    [InlineData("keystone")]
    [InlineData("modelarts")]
    [InlineData("text")]
    public async Task A_password_echoed_by_iam_is_masked_raw_or_json_escaped(string shape)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var sent = await reader.ReadToEndAsync(); // the request body as the SDK wrote it (JSON-escaped)
            context.Response.StatusCode = 401;
            await context.Response.WriteAsync(shape switch
            {
                "keystone" => JsonSerializer.Serialize(new { error = new { code = 401, title = "Unauthorized", message = "cannot authenticate " + sent + " with password " + Password } }),
                "modelarts" => """{"error_code":"IAM.0011","error_msg":""" + JsonSerializer.Serialize("bad request " + sent + " raw " + Password) + "}",
                _ => "<html>proxy says: " + sent + " " + Uri.EscapeDataString(Password) + " " + PythonJson(Password) + "</html>",
            });
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user", Password, "domain", "eu-de");

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => iam.GetTokenAsync(CancellationToken.None));

        AssertNoSecret(error, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        if (shape == "keystone")
        {
            Assert.Equal("401", error.ErrorCode);
            Assert.StartsWith("cannot authenticate", error.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_secret_key_a_proxy_echoes_is_masked()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync("""{"error_code":"APIGW.0301","error_msg":"signed with """ + SecretKey + "\"}");
        });
        using var http = new HttpClient();
        var signer = new AkSkAuthenticator("AK", SecretKey);
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = signer });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        AssertNoSecret(error, SecretKey);
        Assert.DoesNotContain(SecretKey, signer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_echoed_in_a_task_error_or_a_malformed_answer_is_masked()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(context.Request.Path.Value!.Contains("/tasks/", StringComparison.Ordinal)
            ? """{"status":2,"error_code":"ModelArts.4902","error_msg":"token """ + Token + " was rejected\"}"
            : "{\"" + Token + "\":{\"labels\":1}}"));
        using var http = new HttpClient();
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "p", Authenticator = new TokenAuthenticator(Token) });

        var failed = await Assert.ThrowsAsync<ModelArtsTaskFailedException>(() => client.WaitForTaskAsync("ds", "t", pollInterval: TimeSpan.FromMilliseconds(1)));
        AssertNoSecret(failed, Token);

        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, Authenticator = new TokenAuthenticator(Token) });
        var malformed = await Assert.ThrowsAsync<ModelArtsJsonException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/x", null, null, ReadLabels, CancellationToken.None));
        AssertNoSecret(malformed, Token);
    }

    /// <summary>A map of string lists: the echoed name holds an object, so the error's path names it.</summary>
    private static Dictionary<string, List<string>> ReadLabels(ref Utf8JsonReader reader) =>
        JsonRead.Map(ref reader, static (ref Utf8JsonReader r) => JsonRead.List(ref r, JsonRead.GetString));

    /// <summary>The request as a proxy that echoes it would: headers, in an error_msg.</summary>
    private static string Echo(HttpContext context) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["error_code"] = "ModelArts.0001",
            ["error_msg"] = "you sent " + string.Join(", ", context.Request.Headers.Select(h => h.Key + ": " + h.Value)),
        });

    /// <summary>How Python's json.dumps writes a string: <c>\"</c>, and lower-case <c>\u00e9</c> for anything not ASCII.</summary>
    private static string PythonJson(string text) =>
        string.Concat(text.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            > '~' => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
            _ => c.ToString(),
        }));

    private static void AssertNoSecret(Exception error, params string[] secrets)
    {
        var everything = string.Join("\n", error.ToString(), error.Message, (error as ModelArtsApiException)?.Body, (error as ModelArtsApiException)?.ErrorMessage, (error as ModelArtsApiException)?.ErrorCode,
            (error as ModelArtsTaskFailedException)?.ErrorMessage);
        foreach (var secret in secrets)
        {
            var json = JsonSerializer.Serialize(secret).Trim('"');
            foreach (var form in new[] { secret, json, JsonSerializer.Serialize(json).Trim('"'), System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret), Uri.EscapeDataString(secret), PythonJson(secret) })
            {
                Assert.DoesNotContain(form, everything, StringComparison.Ordinal);
            }
        }
    }
}
