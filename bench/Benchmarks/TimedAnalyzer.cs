using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelArts.Benchmarks;

/// <summary>
/// Wraps an analyzer and adds up the time spent inside its callbacks (compilation start and operation
/// actions), which is the analyzer's own share of a build. Roslyn's telemetry does not report it for
/// in-process analysis, so the benchmark measures it directly.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long _ticks;
    private long _bytes;

    /// <summary>Bytes allocated inside the callbacks (exact when analysis runs on one thread).</summary>
    public long Allocated => Interlocked.Read(ref _bytes);

    public TimeSpan Elapsed => TimeSpan.FromSeconds(Interlocked.Read(ref _ticks) / (double)Stopwatch.Frequency);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => inner.Initialize(new Context(context, this));

    private void Time(Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        action();
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private sealed class Context(AnalysisContext inner, TimedAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            inner.RegisterCompilationStartAction(c => owner.Time(() => action(new Start(c, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unused();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unused();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unused();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unused();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unused();

        private static NotSupportedException Unused() => new("the ModelArts analyzer registers only compilation-start and operation actions");
    }

    private sealed class Start(CompilationStartAnalysisContext inner, TimedAnalyzer owner)
        : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            inner.RegisterOperationAction(c => owner.Time(() => action(c)), operationKinds);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => throw Unused();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw Unused();

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unused();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unused();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unused();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw Unused();

        private static NotSupportedException Unused() => new("the ModelArts analyzer registers only compilation-start and operation actions");
    }
}
