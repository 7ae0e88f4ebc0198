using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ModelArts.Generator.Tests;
using Xunit;

namespace ModelArts.Analyzers.Tests;

/// <summary>
/// Zero false positives: every request body the documentation shows, written as C#, raises nothing. The examples
/// <c>spec/example-exceptions.json</c> lists as breaking a documented rule are left out of that claim, and at least
/// one of them must be reported, so the list cannot hide a silent analyzer.
/// </summary>
public sealed class ExampleBodyTests
{
    [Fact]
    public void Every_documented_request_body_as_an_initializer_raises_no_diagnostic()
    {
        var excepted = JsonNode.Parse(File.ReadAllText(Path.Combine(GeneratorHarness.SpecFolder, "example-exceptions.json")))!.AsArray()
            .Select(e => $"{e!["operationId"]} {e["example"]}").ToHashSet(StringComparer.Ordinal);
        var bodies = new List<(string Name, string Type, JsonNode? Value)>();
        foreach (var (file, ns) in new[] { ("modelarts.openapi.json", "ModelArts"), ("iam.openapi.json", "ModelArts.Iam") })
        {
            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(GeneratorHarness.SpecFolder, file)))!;
            foreach (var (_, item) in spec["paths"]!.AsObject())
            {
                foreach (var (_, operation) in item!.AsObject().Where(m => m.Value is JsonObject o && o.ContainsKey("operationId")))
                {
                    var media = operation!["requestBody"]?["content"]?["application/json"];
                    if (media?["schema"]?["$ref"]?.GetValue<string>() is { } reference && media["examples"] is JsonObject examples)
                    {
                        bodies.AddRange(examples.Select(e => ($"{operation["operationId"]} {e.Key}", ns + "." + reference.Split('/')[^1], e.Value!["value"])));
                    }
                }
            }
        }

        var probe = AnalyzerHarness.Compile([]);
        var source = new StringBuilder("static class Examples\n{\n");
        for (var i = 0; i < bodies.Count; i++)
        {
            var type = probe.GetTypeByMetadataName(bodies[i].Type) ?? throw new InvalidOperationException(bodies[i].Type);
            source.Append($"    // {bodies[i].Name}\n    public static object Body{i}() => {ExampleInitializers.Initializer(type, bodies[i].Value)};\n");
        }

        source.Append("}\n");
        var diagnostics = AnalyzerHarness.Analyze(AnalyzerHarness.Compile([source.ToString()]));

        Assert.True(bodies.Count > 40, $"only {bodies.Count} request examples");
        Assert.Contains("CreateVersion = true, Template = new global::ModelArts.TemplateParam { Id = \"sys_data_validation\"", source.ToString(), StringComparison.Ordinal);
        Assert.Contains("WorkforcesConfig = new global::ModelArts.WorkforcesConfig { Workforces = [new global::ModelArts.WorkforceConfig", source.ToString(), StringComparison.Ordinal);
        string Example(Diagnostic d) => d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line - 1].ToString().Trim()[3..];
        var unexpected = diagnostics.Where(d => !excepted.Contains(Example(d))).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(d => d + "\n    " + Example(d))));
        Assert.Contains(diagnostics, d => excepted.Contains(Example(d)));
    }
}
