using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Generator;

namespace ModelArts.Benchmarks;

/// <summary>
/// The generator driver on the whole shipped spec (79 operations, about 320 generated files):
/// a cold run (what a fresh build pays) against a run after an unrelated C# edit (what every
/// keystroke in the IDE pays), in the same process.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText[] _texts = null!;
    private RootNamespaceOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spec = Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec");
        _texts = new[] { "modelarts.openapi.json", "iam.openapi.json" }.Select(f => (AdditionalText)new Text(Path.Combine(spec, f))).ToArray();
        _options = new RootNamespaceOptions("ModelArts");
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }", parse)],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Edited { }", parse));
        _warm = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "cold run")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "after an unrelated edit")]
    public GeneratorDriver AfterUnrelatedEdit() => _warm.RunGenerators(_edited);

    private CSharpGeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new OpenApiGenerator().AsSourceGenerator()], _texts, new CSharpParseOptions(LanguageVersion.CSharp12), _options);


    private sealed class Text(string path) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
