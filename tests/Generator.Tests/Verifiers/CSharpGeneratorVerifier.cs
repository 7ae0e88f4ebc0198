using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ModelArts.Generator.Tests.Verifiers;

/// <summary>
/// Generator tests on the Roslyn testing framework: a .NET 8 consumer with the package's references and nullable
/// on, OpenAPI documents as AdditionalFiles with their options in a global analyzer config (as MSBuild passes
/// them). Every diagnostic must be expected: the generator's (at its file, line and column, markup or
/// <c>WithLocation</c>) and the compiler's, warnings included, in the generated code as in the test's.
/// </summary>
internal static class CSharpGeneratorVerifier
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public sealed class Test : CSharpSourceGeneratorTest<OpenApiGenerator, DefaultVerifier>
    {
        private readonly List<string> _globalOptions = [];

        public Test(LanguageVersion language = LanguageVersion.CSharp12)
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.AddRange(GeneratorHarness.PackageReferences);
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            TestState.Sources.Add("internal static class ConsumerCode { }");
            // What the generated files say is the baseline tests' concern (BaselineTests); tests here look at which
            // files there are through Output.
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                return solution
                    // Documentation comments are parsed, not diagnosed, as in a consumer without GenerateDocumentationFile.
                    .WithProjectParseOptions(projectId, new CSharpParseOptions(language, DocumentationMode.Parse))
                    .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
            });
        }

        /// <summary>The first compilation the test made, with the generated sources: for assertions on what was generated.</summary>
        public Compilation? Output { get; private set; }

        /// <summary>Adds an OpenAPI document as an AdditionalFiles item, with its item metadata (<c>ModelArtsNamespace</c>, ...).</summary>
        public Test WithDocument(string path, string text, IReadOnlyDictionary<string, string>? metadata = null)
        {
            TestState.AdditionalFiles.Add((path, text));
            if (metadata is { Count: > 0 })
            {
                _globalOptions.Add($"[{path}]");
                _globalOptions.AddRange(metadata.Select(m => $"build_metadata.AdditionalFiles.{m.Key} = {m.Value}"));
            }

            return this;
        }

        /// <summary>An MSBuild property the generator sees (<c>build_property.</c>).</summary>
        public Test WithProperty(string name, string value)
        {
            _globalOptions.Insert(0, $"build_property.{name} = {value}");
            return this;
        }

        /// <summary>The data-management and IAM documents with the metadata the package's props give them.</summary>
        public Test WithShippedSpec() => WithDocuments(GeneratorHarness.ShippedSpec());

        /// <summary>Every shipped document with the metadata the package's props give them.</summary>
        public Test WithWholeApi() => WithDocuments(GeneratorHarness.WholeApi());

        private Test WithDocuments((InMemoryText[] Texts, TestOptionsProvider Options) documents)
        {
            foreach (var text in documents.Texts)
            {
                var file = documents.Options.GetOptions(text);
                WithDocument(text.Path, text.GetText()!.ToString(), new Dictionary<string, string>
                {
                    ["ModelArtsNamespace"] = file.TryGetValue("build_metadata.AdditionalFiles.ModelArtsNamespace", out var ns) ? ns : string.Empty,
                    ["ModelArtsClientName"] = file.TryGetValue("build_metadata.AdditionalFiles.ModelArtsClientName", out var client) ? client : string.Empty,
                    ["ModelArtsChapter"] = file.TryGetValue("build_metadata.AdditionalFiles.ModelArtsChapter", out var chapter) ? chapter : string.Empty,
                });
            }

            return this;
        }

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            if (_globalOptions.Count > 0)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", _globalOptions) + "\n"));
            }

            return base.RunImplAsync(cancellationToken);
        }

        protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
        {
            var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
            Output ??= result.compilation;
            return result;
        }
    }
}
