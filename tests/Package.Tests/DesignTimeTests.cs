using System.Collections.Immutable;
using System.Composition.Hosting;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ModelArts.Package.Tests;

/// <summary>
/// A consumer of the packed package opened the way an IDE opens it: an MSBuildWorkspace over a design-time build,
/// the package's generator, analyzers and code fixes taken from its analyzer folder (as analyzer references), the
/// fixes found through [ExportCodeFixProvider] as Roslyn's code-fix service finds them, and applied.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed class DesignTimeTests(PackageFixture package)
{
    private const string Program = """
        using ModelArts;
        using ModelArts.Iam;

        var request = new CreateProcessorTaskRequest { Name = "PRE-e77c", Template = new TemplateParam { Id = TemplateParamId.SysDataValidation }, Inputs = [] };
        Console.WriteLine(request.ToJson());
        Console.WriteLine(typeof(ModelArtsClient).Name + typeof(IamClient).Name);
        """;

    /// <summary>One misuse per fixable rule; each marked fragment is where its diagnostic must be.</summary>
    private static readonly (string Id, string Fragment)[] Expected =
    [
        ("MA0001", "Inputs = [new ProcessorDataSource { Type = \"DATASET\", Source = \"PYc9H2HGv5BJNwBGXyK\" }]"),
        ("MA0002", "CreateVersion = true"),
        ("MA0003", "\"sys_data_analys\""),
        ("MA0004", "\"team & co\""),
    ];

    /// <summary>The build test's two seed misuses, and one for each of the other fixable rules.</summary>
    private static readonly string Misuse = PackageTests.Misuse[..PackageTests.Misuse.LastIndexOf('}')] + """

            public static object Typo() => new TemplateParam { Id = "sys_data_analys" };

            public static object Forbidden() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [], Description = "team & co" };
        }
        """;

    [Fact]
    public async Task An_msbuild_workspace_sees_the_generated_code_the_diagnostics_and_the_fixes_of_the_package()
    {
        var folder = package.Consumer("DesignTime", new Dictionary<string, string> { ["Program.cs"] = Program, ["Misuse.cs"] = Misuse });
        var (exit, output) = PackageFixture.Run(folder, "restore");
        Assert.True(exit == 0, output);
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }

        await OpenAndCheck(Path.Combine(folder, "DesignTime.csproj"));
    }

    /// <summary>Apart from the test method so that nothing of MSBuild is loaded before MSBuildLocator registers the SDK's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task OpenAndCheck(string projectPath)
    {
        using var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.WorkspaceFailed += (_, e) => { lock (failures) { failures.Add(e.Diagnostic.ToString()); } };
        var project = await workspace.OpenProjectAsync(projectPath);
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The generated documents, and the consumer's code binding to them.
        var generated = (await project.GetSourceGeneratedDocumentsAsync()).Select(d => d.HintName).ToList();
        Assert.Contains("Modelarts.CreateProcessorTaskRequest.g.cs", generated);
        Assert.Contains("Modelarts.ModelArtsClient.g.cs", generated);
        Assert.Contains(generated, name => name.EndsWith("IamClient.g.cs", StringComparison.Ordinal));
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // The misuse file's diagnostics, each at its fragment.
        var misuse = project.Documents.Single(d => d.Name == "Misuse.cs");
        var text = (await misuse.GetTextAsync()).ToString();
        var diagnostics = await AnalyzerDiagnostics(misuse);
        Assert.Equal(
            Expected.Select(e => (e.Id, Span: new TextSpan(text.IndexOf(e.Fragment, StringComparison.Ordinal), e.Fragment.Length))),
            diagnostics.Select(d => (d.Id, Span: d.Location.SourceSpan)));

        // The fixes as Roslyn's code-fix service finds those of an analyzer reference, and as MEF composes them.
        var fixes = ExportedCodeFixes(project);
        Assert.Superset(
            new HashSet<string> { "ConditionalConstraintFix", "NearestValueFix", "RemoveExclusivePropertyFix", "RemoveForbiddenCharactersFix" },
            fixes.Select(f => f.GetType().Name).ToHashSet());
        Assert.Equal(fixes.Select(f => f.GetType()).ToHashSet(), ComposedCodeFixes(project).Select(f => f.GetType()).ToHashSet());

        // Every action of every fix, applied to its diagnostic: the diagnostic is gone and the file still compiles.
        var applied = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(misuse, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                Assert.NotEmpty(actions);
                foreach (var action in actions)
                {
                    var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                    var fixedDocument = operation.ChangedSolution.GetDocument(misuse.Id)!;
                    var after = await AnalyzerDiagnostics(fixedDocument);
                    Assert.False(after.Any(d => d.Id == diagnostic.Id), $"{diagnostic.Id} after '{action.Title}':\n{await fixedDocument.GetTextAsync()}");
                    Assert.Equal(diagnostics.Length - 1, after.Length);
                    var errors = (await fixedDocument.GetSemanticModelAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
                    Assert.Empty(errors);
                    applied++;
                }
            }
        }

        Assert.Equal(6, applied); // MA0001 and MA0002 offer two actions each
    }

    /// <summary>The package analyzers' diagnostics in one document, as the IDE computes them for the open file (the SDK's own analyzers aside).</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnostics(Document document)
    {
        var project = document.Project;
        var analyzers = PackageReferences(project).SelectMany(r => r.GetAnalyzers(project.Language)).ToImmutableArray();
        Assert.NotEmpty(analyzers);
        var compilation = (await project.GetCompilationAsync())!.WithAnalyzers(analyzers, project.AnalyzerOptions);
        var model = compilation.Compilation.GetSemanticModel((await document.GetSyntaxTreeAsync())!);
        var diagnostics = await compilation.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None);
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>
    /// What Roslyn's code-fix service does with an analyzer reference: every CodeFixProvider type of its assembly
    /// with an [ExportCodeFixProvider] for the project's language, created with its public constructor.
    /// </summary>
    private static List<CodeFixProvider> ExportedCodeFixes(Project project) =>
        [.. PackageAssemblies(project)
            .SelectMany(a => a.DefinedTypes)
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract
                && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } export && export.Languages.Contains(project.Language))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)];

    /// <summary>The same assemblies as MEF parts: what [ExportCodeFixProvider] exports as a CodeFixProvider.</summary>
    private static List<CodeFixProvider> ComposedCodeFixes(Project project)
    {
        using var container = new ContainerConfiguration().WithAssemblies(PackageAssemblies(project)).CreateContainer();
        return [.. container.GetExports<CodeFixProvider>()];
    }

    private static IEnumerable<Assembly> PackageAssemblies(Project project) => PackageReferences(project).Select(r => r.GetAssembly());

    /// <summary>The analyzer references the package brought: its own assemblies in its restored analyzer folder.</summary>
    private static IEnumerable<AnalyzerFileReference> PackageReferences(Project project) =>
        project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .Where(r => r.FullPath.Contains(Path.Combine("modelarts.sdk", PackageFixture.Version, "analyzers"), StringComparison.OrdinalIgnoreCase)
                && Path.GetFileName(r.FullPath).StartsWith("ModelArts.", StringComparison.Ordinal));
}
