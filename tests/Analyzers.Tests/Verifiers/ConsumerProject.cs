using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using ModelArts.Generator.Tests;

namespace ModelArts.Analyzers.Tests.Verifiers;

/// <summary>
/// The project every analyzer and code-fix test compiles: a .NET 8 project with the package's references and
/// the models the generator makes from the shipped documents.
/// </summary>
/// <remarks>
/// The generated models come in as a reference, generated and compiled once per language version, not as
/// sources: the framework compiles the test project in every pass (2 for an analyzer test, 10 or more for a
/// code fix with Fix All), and binding the ~190 generated files each time costs seconds per pass where the
/// test's own file costs milliseconds. The analyzer reads the same symbols, attributes and constants from
/// metadata; generator and analyzers running together in one compilation are covered by the package's
/// design-time test (Package.Tests, DesignTimeTests), as an IDE loads them.
/// </remarks>
internal static class ConsumerProject
{
    private static readonly ConcurrentDictionary<LanguageVersion, Lazy<MetadataReference>> Models = new();
    private static readonly ConcurrentDictionary<LanguageVersion, Lazy<Compilation>> Sources = new();

    /// <summary>Applies the consumer's references and language version to a test.</summary>
    public static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, LanguageVersion language)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.PackageReferences);
        test.TestState.AdditionalReferences.Add(GeneratedModels(language));
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectParseOptions(projectId, ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(language))
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable));
        });
    }

    /// <summary>The generator's output for the shipped documents, compiled for a consumer of the given language version.</summary>
    public static MetadataReference GeneratedModels(LanguageVersion language) =>
        Models.GetOrAdd(language, l => new Lazy<MetadataReference>(() => Compile(l))).Value;

    /// <summary>A compilation of the generated models and <paramref name="sources"/>: for tests that need the symbols.</summary>
    public static CSharpCompilation Compilation(LanguageVersion language, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(language))),
            [.. GeneratorHarness.ConsumerReferences, GeneratedModels(language)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The generator's output as sources: for tests that read the generated syntax (the models' JSON name tables).</summary>
    public static Compilation GeneratedSources(LanguageVersion language) =>
        Sources.GetOrAdd(language, l => new Lazy<Compilation>(() => Generate(l))).Value;

    private static Compilation Generate(LanguageVersion language)
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var (output, diagnostics, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences, language), language);
        if (!diagnostics.IsEmpty)
        {
            throw new InvalidOperationException("the shipped documents do not generate clean models:\n" + string.Join("\n", diagnostics.Take(20)));
        }

        return output;
    }

    private static PortableExecutableReference Compile(LanguageVersion language)
    {
        var models = GeneratedSources(language).WithAssemblyName("ModelArts.Models");
        using var image = new MemoryStream();
        var emit = models.Emit(image);
        if (!emit.Success)
        {
            throw new InvalidOperationException("the generated models do not compile:\n" + string.Join("\n", emit.Diagnostics.Take(20)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
