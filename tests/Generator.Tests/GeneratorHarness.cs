using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelArts.Generator.Tests;

/// <summary>An in-memory AdditionalFiles item.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
}

/// <summary>Per-file and global analyzer options, as MSBuild would pass them.</summary>
internal sealed class TestOptionsProvider(Dictionary<string, Dictionary<string, string>> perFile, Dictionary<string, string>? global = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global ?? []);

    /// <summary>The per-file options, by path: to build variants of the same setup.</summary>
    public Dictionary<string, Dictionary<string, string>> PerFile => perFile;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(perFile.TryGetValue(textFile.Path, out var options) ? options : []);

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>
/// Runs the generator directly, for what the testing framework (Verifiers/CSharpGeneratorVerifier) cannot do:
/// incrementality step tracking, running the generated code, fuzzing, the checked-in baselines; and the shipped
/// documents and consumer references both kinds of tests share.
/// </summary>
internal static class GeneratorHarness
{
    public static string RepoRoot => ModelArts.Testing.RepositoryRoot.Path;

    public static string SpecFolder => Path.Combine(RepoRoot, "spec");

    /// <summary>The data-management and IAM documents with the options the package gives them (what most tests are written against).</summary>
    public static (InMemoryText[] Texts, TestOptionsProvider Options) ShippedSpec() => Shipped(["data-management", "iam"]);

    /// <summary>Every shipped document, one per chapter of the API reference, with the options the package gives them.</summary>
    /// <param name="global">MSBuild properties the generator sees (<c>build_property.ModelArtsOperations</c>).</param>
    public static (InMemoryText[] Texts, TestOptionsProvider Options) WholeApi(Dictionary<string, string>? global = null) => Shipped(null, global);

    /// <summary>
    /// The package's shipped <c>AdditionalFiles</c> items, read from its props (so the tests see the namespaces, client names and
    /// chapters a consumer gets), of the given chapters or all of them.
    /// </summary>
    private static (InMemoryText[] Texts, TestOptionsProvider Options) Shipped(string[]? chapters, Dictionary<string, string>? global = null)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepoRoot, "src", "Package", "buildTransitive", "ModelArts.Sdk.props"));
        var items = props.Descendants("ModelArtsShippedDocument")
            .Select(item => (File: Path.Combine(SpecFolder, item.Attribute("Include")!.Value.Replace("$(ModelArtsSpecDirectory)", string.Empty, StringComparison.Ordinal)), Metadata: item.Attributes().Where(a => a.Name.LocalName.StartsWith("ModelArts", StringComparison.Ordinal)).ToDictionary(a => a.Name.LocalName, a => a.Value)))
            .Where(item => chapters is null || chapters.Contains(item.Metadata["ModelArtsChapter"]))
            .ToList();
        return (
            items.Select(item => new InMemoryText(item.File, File.ReadAllText(item.File))).ToArray(),
            new TestOptionsProvider(items.ToDictionary(
                item => item.File,
                item => item.Metadata.ToDictionary(m => "build_metadata.AdditionalFiles." + m.Key, m => m.Value)),
            global));
    }

    /// <summary>What the package adds to a .NET 8 consumer's references: the runtime's netstandard2.0 build and its dependencies.</summary>
    public static ImmutableArray<MetadataReference> PackageReferences { get; } =
        [MetadataReference.CreateFromFile(RuntimeNetStandardPath()), .. PackageDependencies()];

    /// <summary>.NET 8 reference assemblies plus the package's: what a consumer compiles against.</summary>
    public static ImmutableArray<MetadataReference> ConsumerReferences { get; } =
        [.. Basic.Reference.Assemblies.Net80.References.All, .. PackageReferences];

    /// <summary>The running process's assemblies: for code the tests load and execute.</summary>
    public static ImmutableArray<MetadataReference> ExecutionReferences { get; } =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
         MetadataReference.CreateFromFile(typeof(ModelArts.Runtime.Json.IJsonModel).Assembly.Location)];

    public static CSharpCompilation Compilation(IEnumerable<string> sources, ImmutableArray<MetadataReference> references, LanguageVersion language = LanguageVersion.CSharp12) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Append("internal static class ConsumerCode { }").Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(language), $"Consumer{i}.cs")),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // Assembly-version unification notes, off in every SDK project (NoWarn 1701;1702) as here.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider options, LanguageVersion language = LanguageVersion.CSharp12) =>
        CSharpGeneratorDriver.Create(
            [new OpenApiGenerator().AsSourceGenerator()],
            texts,
            new CSharpParseOptions(language),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation with the generated sources and the generator's own diagnostics.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriver Driver) Run(
        IEnumerable<AdditionalText> texts, AnalyzerConfigOptionsProvider options, CSharpCompilation compilation, LanguageVersion language = LanguageVersion.CSharp12)
    {
        var driver = Driver(texts, options, language).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics, driver);
    }

    /// <summary>Emits and loads a compilation into its own load context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }

        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>The runtime package's dependencies as a .NET 8 consumer resolves them (net8.0 builds, copied next to the tests).</summary>
    private static IEnumerable<MetadataReference> PackageDependencies() =>
        Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name == "Microsoft.Bcl.TimeProvider.dll"))
            .Select(f => MetadataReference.CreateFromFile(f));

    private static string RuntimeNetStandardPath() =>
        Path.GetFullPath(typeof(GeneratorHarness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RuntimeNetStandardPath").Value!);

}
