using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using ModelArts.Runtime.Validation;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// SDK-HMAC-SHA256 against vectors from Huawei Cloud's published signer algorithm, not from a second reading of our own:
/// aksk-vectors.json is the output of huawei_signer_vectors.py, a step-by-step re-typing of
/// huaweicloud/huaweicloud-sdk-python-v3 @ 343a486b5c8ab656611159f314df6e575d0f6398,
/// huaweicloud-sdk-core/huaweicloudsdkcore/signer/signer.py (Signer.sign), whose query and header rules
/// huaweicloud/huaweicloud-sdk-net-v3 Core/Signer/Signer.cs (@ 71679c9b8c81f7e290ca99bd5abf68afb532c57e) shares:
/// query pairs sorted by raw key and value and only then percent-encoded, header names holding '_' left unsigned.
/// </summary>
public sealed class AkSkVectorTests
{
    private static readonly string Folder = Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "tests", "Runtime.Tests", "Hostile");

    public static TheoryData<string> Names => [.. Vectors().Select(v => (string)v["name"]!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_signer_gives_the_canonical_request_and_authorization_of_the_reference(string name)
    {
        var vector = Vector(name);
        var headers = vector["signed_headers_input"]!.AsObject().ToDictionary(h => h.Key, h => (string)h.Value!);
        var uri = new Uri("https://" + headers["Host"] + (string)vector["resource_path"]! + Query(vector));
        var body = Encoding.UTF8.GetBytes((string)vector["body"]!);

        Assert.Equal((string)vector["canonical_request"]!, AkSkSigner.CanonicalRequest((string)vector["method"]!, uri, headers, body));
        Assert.Equal((string)vector["authorization"]!, AkSkSigner.Authorization((string)vector["method"]!, uri, headers, body, (string)vector["ak"]!, (string)vector["sk"]!));
    }

    /// <summary>The whole path: the pipeline builds the URI from the path and the query list, the authenticator signs what is sent.</summary>
    [Theory]
    [InlineData("list with paging")]
    [InlineData("repeated key, unicode value (raw z sorts before raw e-acute; encoded, %C3%A9 would come first)")]
    [InlineData("repeated key as one list value")]
    [InlineData("':' against digits and '/' against '-'")]
    [InlineData("+ % ~ : / in values, unicode key")]
    [InlineData("code points above U+FFFF sort after U+FF01 (UTF-16 order would differ)")]
    [InlineData("trailing slash kept, encoded path segments decoded then encoded per segment")]
    [InlineData("non-empty JSON body, project header, host with port")]
    public async Task A_call_is_signed_as_the_reference_signs_it(string name)
    {
        var vector = Vector(name);
        var headers = vector["headers"]!.AsObject();
        var date = DateTimeOffset.ParseExact((string)headers["X-Sdk-Date"]!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        var sent = new List<HttpRequestMessage>();
        using var http = new HttpClient(new Capture(sent));
        var pipeline = new ModelArtsPipeline(http, new ModelArtsClientOptions
        {
            Endpoint = new Uri("https://" + (string)headers["Host"]!),
            Authenticator = new AkSkAuthenticator((string)vector["ak"]!, (string)vector["sk"]!, (string?)headers["X-Project-Id"], new FakeTimeProvider(date)),
            ValidateRequests = false,
        });
        var query = vector["query"]!.AsArray()
            .SelectMany(pair => pair![1] is JsonArray values ? values.Select(v => new KeyValuePair<string, string>((string)pair[0]!, (string)v!)) : [new KeyValuePair<string, string>((string)pair[0]!, (string)pair[1]!)])
            .ToList();
        var body = (string)vector["body"]! is { Length: > 0 } text ? new RawJson(text) : null;

        await pipeline.SendAsync(new HttpMethod((string)vector["method"]!), (string)vector["resource_path"]!, query, body, JsonRead.GetElement, CancellationToken.None);

        var request = Assert.Single(sent);
        Assert.Equal((string)vector["authorization"]!, request.Headers.GetValues("Authorization").Single());
        Assert.Equal((string)headers["X-Sdk-Date"]!, request.Headers.GetValues("X-Sdk-Date").Single());
    }

    [PythonFact]
    public void The_vectors_are_what_the_reference_script_prints()
    {
        var (exit, output) = ModelArts.Testing.ChildProcess.Run("python3", [Path.Combine(Folder, "huawei_signer_vectors.py")], Folder, TimeSpan.FromMinutes(1));

        Assert.Equal(0, exit);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "aksk-vectors.json"))), JsonNode.Parse(output)), "aksk-vectors.json differs from the script's output: regenerate it");
    }

    private static List<JsonNode> Vectors() => [.. JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "aksk-vectors.json")))!.AsArray().Select(v => v!)];

    private static JsonNode Vector(string name) => Vectors().Single(v => (string)v["name"]! == name);

    /// <summary>The query as the pipeline writes it: each key and value escaped, in the order given.</summary>
    private static string Query(JsonNode vector)
    {
        var pairs = vector["query"]!.AsArray()
            .SelectMany(pair => pair![1] is JsonArray values ? values.Select(v => ((string)pair[0]!, (string)v!)) : [((string)pair[0]!, (string)pair[1]!)])
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2))
            .ToList();
        return pairs.Count == 0 ? string.Empty : "?" + string.Join("&", pairs);
    }

    /// <summary>A body written as the given bytes, so that what is signed and sent is exactly the vector's body.</summary>
    private sealed class RawJson(string json) : IJsonModel
    {
        public void WriteJson(Utf8JsonWriter writer) => writer.WriteRawValue(json, skipInputValidation: true);

        public void Validate(ICollection<ModelArtsViolation> violations, string path)
        {
        }
    }

    private sealed class Capture(List<HttpRequestMessage> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
        }
    }
}

/// <summary>A fact that needs python3 on the PATH (to rerun the vector script); reported as skipped, with the reason, where it is absent.</summary>
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, "python3")));
        if (!onPath)
        {
            Skip = "needs python3 on the PATH to rerun huawei_signer_vectors.py; the checked-in aksk-vectors.json are still checked by the other tests";
        }
    }
}
