using System.Text.Json.Nodes;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>Every example body in spec/ deserializes into its generated type and writes back as equal JSON.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (file, ns) in new[] { ("modelarts.openapi.json", "ModelArts"), ("iam.openapi.json", "ModelArts.Iam") })
        {
            var spec = GeneratedAssembly.Spec(file);
            foreach (var (path, item) in spec["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject().Where(m => m.Value is JsonObject o && o.ContainsKey("operationId")))
                {
                    var id = operation!["operationId"]!.GetValue<string>();
                    var bodies = new List<(string Where, JsonNode? Media)> { ("request", operation["requestBody"]?["content"]?["application/json"]) };
                    bodies.AddRange(operation["responses"]!.AsObject().Select(r => ($"response {r.Key}", r.Value?["content"]?["application/json"])));
                    foreach (var (where, media) in bodies)
                    {
                        if (media?["schema"]?["$ref"]?.GetValue<string>() is not { } reference || media["examples"] is not JsonObject examples)
                        {
                            continue;
                        }

                        var type = ns + "." + reference.Split('/')[^1];
                        foreach (var (key, example) in examples)
                        {
                            data.Add($"{id} {where} {key}", type, example!["value"]!.ToJsonString(), $"{method.ToUpperInvariant()} {path}");
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips(string example, string type, string json, string operation)
    {
        var written = GeneratedAssembly.RoundTrip(type, json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"{example} ({operation}) as {type}:\n  in:  {json}\n  out: {written}");
    }

    [Fact]
    public void There_are_examples_for_the_seed_operations()
    {
        var names = Examples().Select(row => (string)row[0]).ToList();

        Assert.True(names.Count > 100, $"{names.Count} examples");
        foreach (var id in new[] { "CreateProcessorTask request", "CreateWorkforceTask request", "AutoAnnotationProgress response 200", "CreateTask request", "ListAutoAnnotationSamples response 200", "UpdateSamples request" })
        {
            Assert.Contains(names, n => n.StartsWith(id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unknown_properties_are_kept_and_written_back()
    {
        var written = GeneratedAssembly.RoundTrip("ModelArts.WorkPath", """{"type":"OBS","path":"/a/","future_field":{"x":[1,2]}}""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"OBS","path":"/a/","future_field":{"x":[1,2]}}"""), JsonNode.Parse(written)));
    }

    [Fact]
    public void Unknown_option_values_are_kept()
    {
        var written = GeneratedAssembly.RoundTrip("ModelArts.TemplateParam", """{"id":"sys_data_from_the_future"}""");

        Assert.Equal("""{"id":"sys_data_from_the_future"}""", written);
    }
}
