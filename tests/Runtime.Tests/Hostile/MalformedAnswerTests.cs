using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// Answers of the wrong shape or size: every read failure is a <see cref="ModelArtsJsonException"/> with a JSON path, an
/// error body that cannot be decoded still gives a <see cref="ModelArtsApiException"/>, and answers are read up to a cap
/// (the answer body and what an exception keeps of an error body).
/// </summary>
public sealed class MalformedAnswerTests
{
    public static TheoryData<string, byte[], string> Unreadable => new()
    {
        { "lone surrogate escape in an unknown name", Utf8("""{"status":1,"\ud800":1}"""), "$" },
        { "invalid UTF-8 in an unknown name", Bytes("""{"status":1,"""u8, [0x22, 0xFF, 0xFE, 0x22], """:1}"""u8), "$" },
        { "lone surrogate escape in a nested unknown name", Utf8("""{"config":{"\udc00x":1}}"""), "$.config" },
        { "lone surrogate escape in an unknown value", Utf8("""{"status":1,"extra":{"deep":["ok","\ud800"]}}"""), "$.extra.deep[1]" },
        { "lone surrogate escape in a known string", Utf8("""{"task_id":"\udfff"}"""), "$.task_id" },
        { "float beyond its range", Utf8("""{"progress":3.5e38}"""), "$.progress" },
        { "a block comment", Utf8("""{"status":1 /* done */}"""), "$" },
        { "a line comment", Utf8("{\"status\":1 // done\n}"), "$" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Every_read_failure_is_a_modelarts_json_exception_with_a_path(string what, byte[] json, string path)
    {
        var error = Assert.Throws<ModelArtsJsonException>(() => AutoAnnotationProgressResponse.FromJson(json));

        Assert.True(error.JsonPath == path, $"{what}: {error.JsonPath} ({error.Message})");
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_beyond_its_range_is_an_error_at_its_path()
    {
        var error = Assert.Throws<ModelArtsJsonException>(() => ListAutoAnnotationSamplesResponse.FromJson(Utf8("""{"samples":[{"metadata":{"@modelarts:hard_coefficient":1e400}}]}""")));

        Assert.Equal("$.samples[0].metadata['@modelarts:hard_coefficient']", error.JsonPath);
        Assert.Contains("within the range of double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_answer_through_the_client_is_a_modelarts_json_exception_too()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.Body.WriteAsync(Utf8("""{"status":1,"\ud800":1}""")).AsTask());
        using var http = new HttpClient();
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "p" });

        var error = await Assert.ThrowsAsync<ModelArtsJsonException>(() => client.AutoAnnotationProgressAsync("ds", "t"));

        Assert.Equal("$", error.JsonPath);
    }

    [Fact]
    public void What_the_reader_keeps_it_writes_back()
    {
        var model = AutoAnnotationProgressResponse.FromJson(Utf8("""{"status":3,"extra":{"emoji":"\ud83d\ude00","big":1e400,"float":3.5e38,"text":"caf\u00e9"}}"""));

        var json = model.ToJson();

        Assert.True(JsonElement.DeepEquals(model.AdditionalProperties!["extra"], JsonDocument.Parse(json).RootElement.GetProperty("extra")), json);
    }

    [Theory]
    [InlineData("error_code")]
    [InlineData("error_msg")]
    public async Task An_error_body_with_invalid_utf8_is_still_a_modelarts_api_exception(string field)
    {
        var body = Bytes(Encoding.UTF8.GetBytes("{\"" + field + "\":\"bad "), [0xC3, 0x28, 0xFF], "\",\"other\":1}"u8);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            context.Response.Headers["X-Request-Id"] = "req-utf8";
            await context.Response.Body.WriteAsync(body);
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        Assert.Equal((HttpStatusCode.BadRequest, "req-utf8", (long?)body.Length), (error.StatusCode, error.RequestId, error.BodyLength));
        Assert.StartsWith("bad ", field == "error_code" ? error.ErrorCode : error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains('\uFFFD', error.Body);
    }

    [Fact]
    public async Task A_huge_error_message_is_capped_in_the_message_and_in_the_kept_body()
    {
        var body = "{\"error_code\":\"ModelArts.0001\",\"error_msg\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentLength = body.Length;
            await context.Response.WriteAsync(body);
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        Assert.InRange(error.Message.Length, ModelArtsApiException.MaxMessageLength, 2 * ModelArtsApiException.MaxMessageLength);
        Assert.Contains("ModelArts.0001 xxxxxxxx", error.Message, StringComparison.Ordinal); // the beginning of the message is kept
        Assert.InRange(error.Body.Length, ModelArtsApiException.MaxBodyLength - 8, ModelArtsApiException.MaxBodyLength + 3);
        Assert.Equal(body.Length, error.BodyLength);
        Assert.Equal("ModelArts.0001", error.ErrorCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_larger_than_MaxResponseBytes_is_refused_without_reading_it_all(bool declared)
    {
        const int Limit = 64 * 1024;
        const long Size = 64L * 1024 * 1024;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var chunk = Encoding.ASCII.GetBytes("[" + new string('1', 16 * 1024 - 2) + "]");
            if (declared)
            {
                context.Response.ContentLength = Size;
            }

            try
            {
                for (var written = 0L; written < Size && !context.RequestAborted.IsCancellationRequested; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The client stopped reading.
            }
        });
        var counting = new CountingHandler { InnerHandler = new HttpClientHandler() };
        using var http = new HttpClient(counting);
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, MaxResponseBytes = Limit });

        var error = await Assert.ThrowsAsync<ModelArtsApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/v2/p/datasets", null, null, JsonRead.GetElement, CancellationToken.None));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.Equal(declared ? Size : null, error.BodyLength);
        Assert.InRange(counting.BytesRead, 0, declared ? 0 : Limit + (64 * 1024)); // one read past the limit at most
    }

    [Fact]
    public void The_default_cap_is_64_MB()
    {
        Assert.Equal(64L * 1024 * 1024, new ModelArtsClientOptions().MaxResponseBytes);
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = new Uri("https://x.test"), MaxResponseBytes = 0 }));
    }

    [Fact]
    public async Task An_answer_within_the_cap_is_read_whole_whether_or_not_it_declares_its_length()
    {
        var page = "{\"status\":3,\"task_id\":\"" + new string('t', 300_000) + "\"}";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Query.ContainsKey("declared"))
            {
                context.Response.ContentLength = page.Length;
            }

            foreach (var chunk in page.Chunk(7_000))
            {
                await context.Response.WriteAsync(new string(chunk));
                await context.Response.Body.FlushAsync();
            }
        });
        using var http = new HttpClient();
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = server.Address, MaxResponseBytes = page.Length });

        foreach (var query in new[] { "declared", "chunked" })
        {
            var answer = await pipeline.SendAsync(HttpMethod.Get, "/v2/p/tasks", [new(query, "1")], null, AutoAnnotationProgressResponse.ReadJson, CancellationToken.None);
            Assert.Equal(300_000, answer.TaskId!.Length);
        }
    }

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Counts the body bytes the code under test reads from the network.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var counted = new StreamContent(new CountingStream(await response.Content.ReadAsStreamAsync(cancellationToken), n => Interlocked.Add(ref _read, n)));
            foreach (var header in response.Content.Headers)
            {
                counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = counted;
            return response;
        }
    }

    private sealed class CountingStream(Stream inner, Action<int> count) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count1)
        {
            var read = inner.Read(buffer, offset, count1);
            count(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            count(read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count1, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count1), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count1) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static byte[] Bytes(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];
}
