using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// Operation selection (<c>ModelArtsOperationList</c>, which the package's targets build from the MSBuild
/// <c>ModelArtsOperations</c> property and items): only the selected operations and the types they reach are
/// generated, names do not change with the selection, an entry that selects nothing is MAG008; and the C# versions
/// the generated code needs (MAG007 below C# 9).
/// </summary>
public sealed class SelectionTests
{
    private static (HashSet<string> Files, Compilation Output, List<Diagnostic> Diagnostics) Generate(string? selection, Dictionary<string, string>? perDocument = null, LanguageVersion language = LanguageVersion.CSharp12)
    {
        var (texts, _) = GeneratorHarness.ShippedSpec();
        var perFile = new Dictionary<string, Dictionary<string, string>>();
        foreach (var text in texts)
        {
            var iam = text.Path.EndsWith("iam.openapi.json", StringComparison.Ordinal);
            perFile[text.Path] = new()
            {
                ["build_metadata.AdditionalFiles.ModelArtsNamespace"] = iam ? "ModelArts.Iam" : "ModelArts",
                ["build_metadata.AdditionalFiles.ModelArtsClientName"] = iam ? "IamClient" : "ModelArtsClient",
            };
            if (perDocument is not null && perDocument.TryGetValue(Path.GetFileName(text.Path), out var own))
            {
                perFile[text.Path]["build_metadata.AdditionalFiles.ModelArtsOperationList"] = own;
            }
        }

        var global = selection is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["build_property.ModelArtsOperationList"] = selection };
        var (output, diagnostics, _) = GeneratorHarness.Run(
            texts,
            new TestOptionsProvider(perFile, global),
            GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences, language),
            language);
        var files = output.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(f => f.EndsWith(".g.cs", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        return (files, output, diagnostics.ToList());
    }

    private static List<string> Methods(Compilation output, string client) =>
        output.GetTypeByMetadataName(client)?.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal).ToList() ?? [];

    [Fact]
    public void One_operation_generates_its_method_and_the_types_it_reaches_only()
    {
        var (files, output, diagnostics) = Generate("CreateProcessorTask");

        Assert.Empty(diagnostics);
        Assert.Equal(["CreateProcessorTaskAsync"], Methods(output, "ModelArts.ModelArtsClient"));
        Assert.Contains("Modelarts.CreateProcessorTaskRequest.g.cs", files);
        Assert.Contains("Modelarts.TemplateParam.g.cs", files);       // reached through the request
        Assert.Contains("Modelarts.CreateProcessorTaskResponse.g.cs", files);
        Assert.DoesNotContain("Modelarts.Sample.g.cs", files);         // other operations' types
        Assert.DoesNotContain(files, f => f.StartsWith("Iam.", StringComparison.Ordinal)); // the selection applies to every document
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Tags_select_the_tag_and_the_tags_under_it_and_a_path_prefix_selects_by_path()
    {
        var everything = Generate(null);
        var byTag = Generate("tag:datasets");
        var byPath = Generate("/v2/{project_id}/processor-tasks");

        var all = Methods(everything.Output, "ModelArts.ModelArtsClient");
        var tagged = Methods(byTag.Output, "ModelArts.ModelArtsClient");
        var pathed = Methods(byPath.Output, "ModelArts.ModelArtsClient");
        Assert.Contains("CreateDatasetAsync", tagged);
        Assert.Contains("ListDatasetVersionsAsync", tagged); // tag datasets/versions is under datasets
        Assert.DoesNotContain("CreateProcessorTaskAsync", tagged);
        Assert.True(tagged.Count < all.Count);
        Assert.Contains("CreateProcessorTaskAsync", pathed);
        Assert.All(pathed, m => Assert.Contains(m, all));
        Assert.DoesNotContain("CreateDatasetAsync", pathed);
        Assert.True(byTag.Files.Count < everything.Files.Count && byPath.Files.Count < everything.Files.Count);
    }

    [Fact]
    public void A_type_has_the_same_name_and_shape_whatever_is_selected()
    {
        var everything = Generate(null).Output;
        var selected = Generate("CreateWorkforceTask,ListWorkers").Output;

        foreach (var name in new[] { "ModelArts.CreateWorkforceTaskRequest", "ModelArts.DataSyncType", "ModelArts.Worker" })
        {
            var full = everything.GetTypeByMetadataName(name);
            var part = selected.GetTypeByMetadataName(name);
            Assert.NotNull(full);
            Assert.NotNull(part);
            Assert.Equal(
                full.GetMembers().Select(m => m.ToDisplayString()).Order(StringComparer.Ordinal),
                part.GetMembers().Select(m => m.ToDisplayString()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void A_document_s_own_selection_wins_over_the_project_s()
    {
        var (files, output, diagnostics) = Generate("CreateProcessorTask", new() { ["iam.openapi.json"] = "KeystoneCreateUserTokenByPassword" });

        Assert.Empty(diagnostics);
        Assert.Equal(["CreateProcessorTaskAsync"], Methods(output, "ModelArts.ModelArtsClient"));
        Assert.Equal(["KeystoneCreateUserTokenByPasswordAsync"], Methods(output, "ModelArts.Iam.IamClient"));
        Assert.Contains("Iam.KeystoneCreateUserTokenByPasswordRequest.g.cs", files);
    }

    [Fact]
    public void An_entry_that_selects_nothing_is_MAG008_and_the_rest_is_generated()
    {
        var (_, output, diagnostics) = Generate("CreateProcessorTask, tag:no-such-tag ,CreateProcesorTask");

        Assert.Equal(
            ["ModelArtsOperations entry 'tag:no-such-tag' matches no operation of any OpenAPI document; nothing is generated for it (use an operationId, 'tag:<tag>', 'chapter:<chapter>' or a path prefix starting with '/')",
             "ModelArtsOperations entry 'CreateProcesorTask' matches no operation of any OpenAPI document; nothing is generated for it (use an operationId, 'tag:<tag>', 'chapter:<chapter>' or a path prefix starting with '/')"],
            diagnostics.Where(d => d.Id == "MAG008").Select(d => d.GetMessage()));
        Assert.Equal(["CreateProcessorTaskAsync"], Methods(output, "ModelArts.ModelArtsClient"));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "C# 7.3")]
    [InlineData(LanguageVersion.CSharp8, "C# 8.0")]
    public void Below_CSharp_9_the_generator_reports_MAG007_and_generates_nothing(LanguageVersion language, string shown)
    {
        var (files, output, diagnostics) = Generate(null, language: language);

        var error = Assert.Single(diagnostics);
        Assert.Equal("MAG007", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(shown, error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("LangVersion", error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(files);
        // One clear error, not thousands (CS8630: the test compilation's nullable option, which C# 7.3 does not have).
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8630"));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.CSharp11)]
    public void From_CSharp_9_the_generated_code_compiles_without_warnings(LanguageVersion language)
    {
        var (_, output, diagnostics) = Generate(null, language: language);

        Assert.Empty(diagnostics);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }
}
