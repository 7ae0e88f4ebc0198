using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Analyzers.CodeFixes;
using ModelArts.Generator.Tests;
using Xunit;

namespace ModelArts.Analyzers.Tests;

/// <summary>Each code fix gives the expected code, which compiles and no longer raises the diagnostic.</summary>
public sealed class CodeFixTests
{
    private const string Header = "using ModelArts;\n\nstatic class C\n{\n";

    [Theory]
    [InlineData("Remove 'DataSource'", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [new ProcessorDataSource()] };
        """)]
    [InlineData("Remove 'Inputs'", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
        """)]
    public async Task MA0001_removes_either_side(string title, string expected)
    {
        await VerifyFix(new RemoveExclusivePropertyFix(), "MA0001", title, """
            static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource(), Inputs = [new ProcessorDataSource()] };
            """, expected);
    }

    [Fact]
    public async Task MA0001_removes_a_statement_after_construction()
    {
        await VerifyFix(new RemoveExclusivePropertyFix(), "MA0001", "Remove 'Inputs'", """
            static object M()
            {
                var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
                request.Inputs = [new ProcessorDataSource()];
                return request;
            }
            """, """
            static object M()
            {
                var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
                return request;
            }
            """);
    }

    [Theory]
    [InlineData("Set CreateVersion = false", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = false };
        """)]
    [InlineData("Remove 'CreateVersion'", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = "sys_data_analyse" } };
        """)]
    public async Task MA0002_sets_false_or_removes(string title, string expected)
    {
        await VerifyFix(new ConditionalConstraintFix(), "MA0002", title, """
            static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = true };
            """, expected);
    }

    [Fact]
    public async Task MA0003_uses_the_nearest_named_value()
    {
        await VerifyFix(new NearestValueFix(), "MA0003", "Use TemplateParamId.SysDataAnalyse", """
            static object M() => new TemplateParam { Id = "sys_data_analys" };
            """, """
            static object M() => new TemplateParam { Id = TemplateParamId.SysDataAnalyse };
            """);
    }

    [Fact]
    public async Task MA0003_uses_the_nearest_number()
    {
        await VerifyFix(new NearestValueFix(), "MA0003", "Use DataSyncType.DataAndLabelSynchronization", """
            static object M() => new CreateWorkforceTaskRequest { DataSyncType = 7 };
            """, """
            static object M() => new CreateWorkforceTaskRequest { DataSyncType = DataSyncType.DataAndLabelSynchronization };
            """);
    }

    [Fact]
    public async Task MA0004_removes_forbidden_characters()
    {
        await VerifyFix(new RemoveForbiddenCharactersFix(), "MA0004", "Remove the forbidden characters", """
            static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Description = "a <b> & \"c\"" };
            """, """
            static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Description = "a b  c" };
            """);
    }

    private static async Task VerifyFix(CodeFixProvider fix, string id, string title, string before, string expected)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: GeneratorHarness.ConsumerReferences));
        foreach (var tree in AnalyzerHarness.Generated(LanguageVersion.CSharp12))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(tree.FilePath), tree.GetText());
        }

        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Test.cs", SourceText.From(Header + Indent(before) + "}\n"));
        var document = solution.GetDocument(documentId)!;

        var diagnostic = (await Diagnostics(document)).First(d => d.Id == id);
        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var chosen = actions.SingleOrDefault(a => a.Title == title);
        Assert.True(chosen is not null, $"no fix '{title}'; offered: {string.Join(", ", actions.Select(a => a.Title))}");

        var operations = await chosen.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(documentId)!;
        var text = (await changed.GetTextAsync()).ToString();
        Assert.Equal(Header + Indent(expected) + "}\n", text.ReplaceLineEndings("\n"));

        var compilation = (await changed.Project.GetCompilationAsync())!;
        var errors = compilation.GetSemanticModel((await changed.GetSyntaxTreeAsync())!).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        Assert.DoesNotContain(await Diagnostics(changed), d => d.Id == id);
    }

    private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var model = compilation.GetSemanticModel((await document.GetSyntaxTreeAsync())!);
        return await compilation.WithAnalyzers([new ConstraintAnalyzer()]).GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
    }

    private static string Indent(string code) => string.Concat(code.Split('\n').Select(l => (l.Length > 0 ? "    " + l : l) + "\n"));
}
