using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelArts.Analyzers.Tests.Verifiers;
using ModelArts.Generator.Tests;
using Xunit;
using Verify = ModelArts.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelArts.Analyzers.ConstraintAnalyzer>;

namespace ModelArts.Analyzers.Tests;

/// <summary>
/// Zero false positives: every request body the documentation shows, written as C#, raises nothing. The examples
/// <c>spec/example-exceptions.json</c> lists as breaking a documented rule are left out of that claim, and at least
/// one of them must be reported, so the list cannot hide a silent analyzer.
/// </summary>
public sealed class ExampleBodyTests
{
    [Fact]
    public async Task Every_documented_request_body_as_an_initializer_raises_no_diagnostic()
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

        var probe = ConsumerProject.GeneratedSources(LanguageVersion.CSharp12);
        var source = new StringBuilder("static class Examples\n{\n");
        var exceptedSource = new StringBuilder("static class ExceptedExamples\n{\n");
        for (var i = 0; i < bodies.Count; i++)
        {
            var type = probe.GetTypeByMetadataName(bodies[i].Type) ?? throw new InvalidOperationException(bodies[i].Type);
            (excepted.Contains(bodies[i].Name) ? exceptedSource : source)
                .Append($"    // {bodies[i].Name}\n    public static object Body{i}() => {ExampleInitializers.Initializer(type, bodies[i].Value)};\n");
        }

        source.Append("}\n");
        exceptedSource.Append("}\n");

        Assert.True(bodies.Count > 40, $"only {bodies.Count} request examples");
        Assert.Contains("CreateVersion = true, Template = new global::ModelArts.TemplateParam { Id = \"sys_data_validation\"", source.ToString(), StringComparison.Ordinal);
        Assert.Contains("WorkforcesConfig = new global::ModelArts.WorkforcesConfig { Workforces = [new global::ModelArts.WorkforceConfig", source.ToString(), StringComparison.Ordinal);
        // The examples' strings are data, not markup: no diagnostic is expected anywhere, and the file must compile.
        await new Verify.Test { TestState = { Sources = { source.ToString() }, MarkupHandling = MarkupMode.None } }.RunAsync();

        var reported = await Verify.Diagnostics(exceptedSource.ToString());
        Assert.True(reported.Length > 0, "no excepted example is reported:\n" + exceptedSource);
    }
}
