using System.Collections.Immutable;
using System.Reflection;
using System.Diagnostics;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Analyzers;
using ModelArts.Generator;

namespace ModelArts.Benchmarks;

/// <summary>
/// What the analyzer adds to a build: a consumer with 1,000 request constructions (object initializers,
/// nested models, constants, assignments after construction) compiled without and with the analyzer,
/// on a fresh compilation each time, single-threaded so the figures measure work rather than scheduling.
/// The difference to the empty operation analyzer is the analyzer's own cost.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private ImmutableArray<DiagnosticAnalyzer> _emptyAnalyzers;

    /// <summary>
    /// <c>compiled</c>: the models referenced as an assembly, as a consumer gets them by default (ModelArts.Api.dll);
    /// <c>source</c>: generated into the same compilation (<c>ModelArtsShippedCode=source</c>).
    /// </summary>
    [Params("compiled", "source")]
    public string Models { get; set; } = "compiled";

    [GlobalSetup]
    public void Setup()
    {
        var spec = Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", "modelarts.openapi.json");
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var runtime = typeof(AnalyzerBenchmarks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RuntimeNetStandardPath").Value!;
        var references = Basic.Reference.Assemblies.Net80.References.All
            .Append(MetadataReference.CreateFromFile(Path.GetFullPath(runtime)))
            .Append(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "Microsoft.Bcl.TimeProvider.dll")))
            .ToList();
        var consumer = CSharpSyntaxTree.ParseText(Consumer(1000), parse, "Consumer.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
        var generator = CSharpGeneratorDriver.Create([new OpenApiGenerator().AsSourceGenerator()], [new Spec(spec)], parse, new RootNamespaceOptions("ModelArts"));
        if (Models == "compiled")
        {
            generator.RunGeneratorsAndUpdateCompilation(CSharpCompilation.Create("ModelArts.Api", [], references, options), out var models, out _);
            using var image = new MemoryStream();
            var emitted = models.Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Take(5)));
            }

            _compilation = CSharpCompilation.Create("Consumer", [consumer], [.. references, MetadataReference.CreateFromImage(image.ToArray())], options);
        }
        else
        {
            generator.RunGeneratorsAndUpdateCompilation(CSharpCompilation.Create("Consumer", [consumer], references, options), out var output, out _);
            _compilation = (CSharpCompilation)output;
        }

        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", errors.Take(5)));
        }

        _analyzers = [new ConstraintAnalyzer()];
        _emptyAnalyzers = [new EmptyOperationAnalyzer()];
    }

    [Benchmark(Baseline = true, Description = "compile")]
    public int Compile() => _compilation.Clone().GetDiagnostics().Length;

    [Benchmark(Description = "compile + an empty operation analyzer")]
    public int CompileAndEmptyAnalyzer() =>
        _compilation.Clone().WithAnalyzers(_emptyAnalyzers, Sequential).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    [Benchmark(Description = "compile + ModelArts analyzer")]
    public int CompileAndAnalyze() =>
        _compilation.Clone().WithAnalyzers(_analyzers, Sequential).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>One thread for the compiler and the analyzers: the machine has two cores, and the figure wanted is work, not parallelism.</summary>
    private static readonly CompilationWithAnalyzersOptions Sequential = new(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    /// <summary>
    /// The same registrations doing nothing: the cost Roslyn's operation-analysis machinery adds to any
    /// IOperation analyzer (the SDK's default analyzers pay it in every build), so the difference to the
    /// ModelArts analyzer is the analyzer's own work.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("EMPTY01", "never", "never", "bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.Invocation, OperationKind.ObjectCreation);
        }
    }

    /// <summary>One compile with the analyzer; returns the time spent inside its callbacks.</summary>
    public TimeSpan OwnTime() => Own().Elapsed;

    /// <summary>One compile with the analyzer; the time and bytes spent inside its callbacks.</summary>
    public (TimeSpan Elapsed, long Allocated) Own()
    {
        var timed = new TimedAnalyzer(new ConstraintAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = _compilation.Clone().WithAnalyzers([timed], options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        if (!diagnostics.Any(d => d.Id.StartsWith("MA", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("the consumer has violations; the analyzer reported none");
        }

        return (timed.Elapsed, timed.Allocated);
    }

    /// <summary>1,000 constructions of the kinds the analyzer looks at, about a tenth of them flagged.</summary>
    internal static string Consumer(int count)
    {
        var code = new StringBuilder("using ModelArts;\nusing System.Collections.Generic;\n\npublic static class Requests\n{\n");
        for (var i = 0; i < count; i++)
        {
            code.Append((i % 4) switch
            {
                0 => $$"""
                    public static object R{{i}}() => new CreateProcessorTaskRequest { Name = "task-{{i}}", Description = "run {{i}}", Template = new TemplateParam { Id = "sys_data_validation", OperatorParams = [new OperatorParam { Name = "MetaValidation" }] }, Inputs = [new ProcessorDataSource { Type = "DATASET", Source = "s{{i}}" }], WorkPath = new WorkPath { Type = "DATASET", VersionName = "V{{i}}" }, CreateVersion = {{(i % 40 == 0 ? "true" : "false")}} };

                    """,
                1 => $$"""
                    public static object R{{i}}(string name)
                    {
                        var request = new CreateWorkforceTaskRequest { TaskName = name, DataSyncType = {{i % 4}}, Repetition = {{1 + (i % 3)}} };
                        request.WorkforcesConfig = new WorkforcesConfig { Workforces = [new WorkforceConfig { WorkforceName = "team-{{i}}", Workers = [new Worker { Email = "a@b.c", Role = 0 }] }] };
                        return request;
                    }

                    """,
                2 => $$"""
                    public static object R{{i}}(ProcessorDataSource source) => new CreateProcessorTaskRequest { Name = "n{{i}}", Template = new TemplateParam { Id = {{(i % 30 == 2 ? "\"sys_data_analys\"" : "TemplateParamId.SysDataCleaning")}} }, DataSource = source };

                    """,
                _ => $$"""
                    public static object R{{i}}() => new SearchCondition { SampleTime = "{{(i % 20 == 3 ? "20190901-20191015" : "month")}}", LabelList = new SearchLabels { Labels = [new SearchLabel { Name = "cat" }, new SearchLabel { Name = "dog" }], Op = "OR" } };

                    """,
            });
        }

        return code.Append("}\n").ToString();
    }

    private sealed class Spec(string path) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
/// <summary>
/// <c>dotnet run -c Release --project bench/Benchmarks -- analyzer-share</c>: the time spent inside the analyzer's
/// callbacks as a share of the compile time, median of seven runs after three warm-ups.
/// </summary>
public static class AnalyzerShare
{
    public static void Run()
    {
        foreach (var models in new[] { "compiled", "source" })
        {
            Run(models);
        }
    }

    private static void Run(string models)
    {
        var benchmark = new AnalyzerBenchmarks { Models = models };
        benchmark.Setup();
        for (var i = 0; i < 3; i++)
        {
            benchmark.Compile();
            benchmark.OwnTime();
        }

        var compile = new List<double>();
        var inside = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            benchmark.Compile();
            compile.Add(watch.Elapsed.TotalMilliseconds);
            inside.Add(benchmark.OwnTime().TotalMilliseconds);
        }

        var allocated = benchmark.Own().Allocated;

        var medianCompile = compile.Order().ElementAt(3);
        var medianInside = inside.Order().ElementAt(3);
        Console.WriteLine($"models {models}: compile (median) {medianCompile:F0} ms; inside the ModelArts analyzer (median) {medianInside:F1} ms; share {100 * medianInside / medianCompile:F1}%; allocated inside it {allocated / 1024.0 / 1024.0:F1} MB");
    }
}
