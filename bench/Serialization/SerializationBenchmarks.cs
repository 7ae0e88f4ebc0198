using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ModelArts.Runtime.Http;

namespace ModelArts.Serialization.Benchmarks;

/// <summary>
/// The documented ListAutoAnnotationSamples answer (the doc example, and the same sample repeated to
/// 1,000): generated reader and writer against System.Text.Json source-generated (baseline), System.Text.Json
/// reflection and Newtonsoft.Json over hand-written models of the same JSON.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    private byte[] _utf8 = [];
    private string _text = string.Empty;
    private ListAutoAnnotationSamplesResponse _generated = null!;
    private SamplePage _poco = null!;

    [Params(1, 1000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var page = Documents.ListAutoAnnotationSamplesExample();
        var samples = page["samples"]!.AsArray();
        var one = samples[0]!;
        samples.Clear();
        for (var i = 0; i < Samples; i++)
        {
            var copy = one.DeepClone();
            copy["sample_id"] = "sample-" + i;
            samples.Add(copy);
        }

        page["sample_count"] = Samples;
        _text = page.ToJsonString();
        _utf8 = Encoding.UTF8.GetBytes(_text);
        _generated = ListAutoAnnotationSamplesResponse.FromJson(_utf8);
        _poco = JsonSerializer.Deserialize(_utf8, BaselineContext.Default.SamplePage)!;
    }

    [Benchmark(Baseline = true, Description = "read: STJ source-generated"), BenchmarkCategory("read")]
    public SamplePage? ReadSourceGenerated() => JsonSerializer.Deserialize(_utf8, BaselineContext.Default.SamplePage);

    [Benchmark(Description = "read: ModelArts generated"), BenchmarkCategory("read")]
    public ListAutoAnnotationSamplesResponse ReadGenerated() => ListAutoAnnotationSamplesResponse.FromJson(_utf8);

    [Benchmark(Description = "read: STJ reflection"), BenchmarkCategory("read")]
    public SamplePage? ReadReflection() => JsonSerializer.Deserialize<SamplePage>(_utf8, Reflection);

    [Benchmark(Description = "read: Newtonsoft.Json"), BenchmarkCategory("read")]
    public SamplePage? ReadNewtonsoft() => Newtonsoft.Json.JsonConvert.DeserializeObject<SamplePage>(_text);

    [Benchmark(Description = "write: STJ source-generated"), BenchmarkCategory("write")]
    public byte[] WriteSourceGenerated() => JsonSerializer.SerializeToUtf8Bytes(_poco, BaselineContext.Default.SamplePage);

    [Benchmark(Description = "write: ModelArts generated"), BenchmarkCategory("write")]
    public byte[] WriteGenerated() => ModelArts.Runtime.Json.JsonWrite.ToUtf8Bytes(_generated);

    [Benchmark(Description = "write: STJ reflection"), BenchmarkCategory("write")]
    public byte[] WriteReflection() => JsonSerializer.SerializeToUtf8Bytes(_poco, Reflection);

    [Benchmark(Description = "write: Newtonsoft.Json"), BenchmarkCategory("write")]
    public string WriteNewtonsoft() => Newtonsoft.Json.JsonConvert.SerializeObject(_poco, new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore });
}

/// <summary>A whole call over an in-memory handler: the generated client against raw HttpClient with System.Text.Json (source-generated).</summary>
[MemoryDiagnoser]
public class ClientCallBenchmarks
{
    private HttpClient _http = null!;
    private ModelArtsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var answer = Encoding.UTF8.GetBytes(Documents.Example("/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}", "get").ToJsonString());
        _http = new HttpClient(new Canned(answer)) { BaseAddress = new Uri("https://modelarts.example.test") };
        _client = new ModelArtsClient(_http, new ModelArtsClientOptions { Endpoint = _http.BaseAddress, ProjectId = "proj", Authenticator = new TokenAuthenticator("token") });
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ source-generated")]
    public async Task<int?> Raw()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/proj/datasets/ds-1/tasks/t-1");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "token");
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, BaselineContext.Default.TaskStatus)?.Status;
    }

    [Benchmark(Description = "generated ModelArtsClient")]
    public async Task<int?> Generated() => (await _client.AutoAnnotationProgressAsync("ds-1", "t-1").ConfigureAwait(false)).Status?.Value;

    private sealed class Canned(byte[] answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answer) });
    }
}

internal static class Documents
{
    private static readonly JsonNode Spec = JsonNode.Parse(typeof(Documents).Assembly.GetManifestResourceStream("modelarts.openapi.json")!)!;

    public static JsonObject ListAutoAnnotationSamplesExample() => Example("/v2/{project_id}/datasets/{dataset_id}/auto-annotations/samples", "get");

    public static JsonObject Example(string path, string method) =>
        Spec["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.DeepClone().AsObject();

    public static JsonObject RequestExample(string path, string method, string key) =>
        Spec["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["examples"]![key]!["value"]!.DeepClone().AsObject();
}

/// <summary>
/// Calls at the limit (issue 11): the documented CreateProcessorTask POST through the generated client (validation on)
/// against raw HttpClient + System.Text.Json source-generated DTOs, and a 1,000-sample ListAutoAnnotationSamples GET
/// through the generated client against the bare <c>FromJson</c> of the same bytes. In-memory handler, no network.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class CallsAtTheLimitBenchmarks
{
    private HttpClient _http = null!;
    private HttpClient _sdkHttp = null!;
    private ModelArtsClient _client = null!;
    private ModelArtsClient _lenient = null!;
    private CreateProcessorTaskRequest _request = null!;
    private ProcessorTaskBody _dto = null!;
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        var body = Documents.RequestExample("/v2/{project_id}/processor-tasks", "post", "example2");
        _request = CreateProcessorTaskRequest.FromJson(body.ToJsonString());
        _dto = JsonSerializer.Deserialize(body.ToJsonString(), CallContext.Default.ProcessorTaskBody)!;
        var created = Encoding.UTF8.GetBytes(Documents.Example("/v2/{project_id}/processor-tasks", "post").ToJsonString());

        var page = Documents.ListAutoAnnotationSamplesExample();
        var samples = page["samples"]!.AsArray();
        var one = samples[0]!;
        samples.Clear();
        for (var i = 0; i < 1000; i++)
        {
            var copy = one.DeepClone();
            copy["sample_id"] = "sample-" + i;
            samples.Add(copy);
        }

        page["sample_count"] = 1000;
        _page = Encoding.UTF8.GetBytes(page.ToJsonString());
        var handler = new Canned(request => request.Method == HttpMethod.Post ? created : _page);
        _http = new HttpClient(handler) { BaseAddress = new Uri("https://modelarts.example.test") };

        // As ModelArtsHttp.CreateClient() configures it: no HttpClient.Timeout, since AttemptTimeout bounds each attempt
        // (each side then runs one timeout, as the raw call does with HttpClient's 100 s default).
        _sdkHttp = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new ModelArtsClient(_sdkHttp, new ModelArtsClientOptions { Endpoint = _http.BaseAddress, ProjectId = "proj", Authenticator = new TokenAuthenticator("token") });
        _lenient = new ModelArtsClient(_sdkHttp, new ModelArtsClientOptions { Endpoint = _http.BaseAddress, ProjectId = "proj", Authenticator = new TokenAuthenticator("token"), ValidateRequests = false });
        if (_request.Validate().Count != 0)
        {
            throw new InvalidOperationException("the documented body should be valid");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _sdkHttp.Dispose();
    }

    [Benchmark(Baseline = true, Description = "POST: raw HttpClient + STJ source-generated"), BenchmarkCategory("post")]
    public async Task<string?> PostRaw()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/proj/processor-tasks");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", "token");
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_dto, CallContext.Default.ProcessorTaskBody));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, CallContext.Default.ProcessorTaskCreated)?.TaskId;
    }

    [Benchmark(Description = "POST: generated ModelArtsClient (validation on)"), BenchmarkCategory("post")]
    public async Task<string?> PostGenerated() => (await _client.CreateProcessorTaskAsync(_request).ConfigureAwait(false)).TaskId;

    [Benchmark(Description = "POST: generated ModelArtsClient (validation off)"), BenchmarkCategory("post")]
    public async Task<string?> PostGeneratedWithoutValidation() => (await _lenient.CreateProcessorTaskAsync(_request).ConfigureAwait(false)).TaskId;

    [Benchmark(Baseline = true, Description = "GET 1,000 samples: bare FromJson of the bytes"), BenchmarkCategory("get")]
    public int? GetBareFromJson() => ListAutoAnnotationSamplesResponse.FromJson(_page).SampleCount;

    [Benchmark(Description = "GET 1,000 samples: generated ModelArtsClient"), BenchmarkCategory("get")]
    public async Task<int?> GetGenerated() => (await _client.ListAutoAnnotationSamplesAsync("ds-1").ConfigureAwait(false)).SampleCount;

    private sealed class Canned(Func<HttpRequestMessage, byte[]> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answer(request)) });
    }
}
