using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Generator;
using ModelArts.Testing;

namespace ModelArts.Benchmarks;

/// <summary>
/// The generator on a document of your own as it grows: the synthetic document of tests/Shared/SyntheticOpenApi
/// (public API patterns: allOf, form and multipart bodies, shared enums, paging) at 100, 500, 1,000 and 2,000
/// operations, a cold run each (what a build pays). Allocated bytes are BenchmarkDotNet's; the input and output sizes
/// (generated files and characters) are columns computed in the host, so the ratios against 100 operations come from one run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SizeColumns))]
public class GeneratorScaleBenchmarks
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "Consumer",
        [CSharpSyntaxTree.ParseText("public static class Program { public static void Main() { } }", new CSharpParseOptions(LanguageVersion.CSharp12))],
        Basic.Reference.Assemblies.Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private readonly Dictionary<int, AdditionalText> _documents = [];
    private AdditionalText _reports = null!;

    [GlobalSetup]
    public void Setup()
    {
        foreach (var operations in new[] { 100, 500, 1000, 2000 })
        {
            _documents[operations] = Document(operations);
        }

        _reports = Document(2000, unions: true);
    }

    [Benchmark(Baseline = true, Description = "100 operations")]
    public GeneratorDriver Operations100() => Run(_documents[100]);

    [Benchmark(Description = "500 operations")]
    public GeneratorDriver Operations500() => Run(_documents[500]);

    [Benchmark(Description = "1,000 operations")]
    public GeneratorDriver Operations1000() => Run(_documents[1000]);

    [Benchmark(Description = "2,000 operations")]
    public GeneratorDriver Operations2000() => Run(_documents[2000]);

    /// <summary>The same with an anyOf in every resource and list answer: 682 MAG003 to locate in the document.</summary>
    [Benchmark(Description = "2,000 operations, 682 reports")]
    public GeneratorDriver Operations2000Reports() => Run(_reports);

    /// <summary>The synthetic document of <paramref name="operations"/> operations as an AdditionalFiles item.</summary>
    public static AdditionalText Document(int operations, bool unions = false) => new Text($"/bench/commerce{operations}.openapi.json", SyntheticOpenApi.Build(operations, unions));

    /// <summary>A cold run: a fresh driver over the consumer's compilation.</summary>
    public static GeneratorDriver Run(AdditionalText document) =>
        CSharpGeneratorDriver.Create([new OpenApiGenerator().AsSourceGenerator()], [document], new CSharpParseOptions(LanguageVersion.CSharp12), new RootNamespaceOptions("Commerce.Api"))
            .RunGenerators(Compilation);

    /// <summary>What a run of <paramref name="operations"/> operations reads and writes: input characters, generated files and characters.</summary>
    public static (int Input, int Files, long Output) Sizes(int operations, bool unions = false)
    {
        var (input, files, output, _) = Measure(operations, unions);
        return (input, files, output);
    }

    /// <summary>The sizes and how many diagnostics the run reports.</summary>
    public static (int Input, int Files, long Output, int Reports) Measure(int operations, bool unions = false)
    {
        var document = Document(operations, unions);
        var result = Run(document).GetRunResult();
        return (document.GetText()!.Length, result.GeneratedTrees.Length, result.GeneratedTrees.Sum(t => (long)t.Length), result.Diagnostics.Length);
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Input and output sizes of each case, and the output's growth against the 100-operation case.</summary>
    private sealed class SizeColumns : ManualConfig
    {
        public SizeColumns() => AddColumn(new SizeColumn("Input (chars)", s => s.Input), new SizeColumn("Files", s => s.Files), new SizeColumn("Output (chars)", s => s.Output), new SizeColumn("Output / input", s => (double)s.Output / s.Input), new SizeColumn("Output ratio", null));
    }

    private sealed class SizeColumn(string name, Func<(int Input, int Files, long Output), double>? value) : IColumn
    {
        private static readonly ConcurrentDictionary<int, (int Input, int Files, long Output)> Measured = new();

        public string Id => nameof(SizeColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name == "Output ratio" ? "Generated characters against the 100-operation case" : name;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var method = benchmarkCase.Descriptor.WorkloadMethod.Name["Operations".Length..];
            var operations = int.Parse(method.Replace("Reports", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            var sizes = Measured.GetOrAdd(method.EndsWith("Reports", StringComparison.Ordinal) ? -operations : operations, o => Sizes(Math.Abs(o), unions: o < 0));
            var number = value is null ? (double)sizes.Output / Measured.GetOrAdd(100, o => Sizes(o)).Output : value(sizes);
            return number >= 100 ? number.ToString("N0", CultureInfo.InvariantCulture) : number.ToString("0.00", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
