using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ModelArts.Analyzers.Tests.Verifiers;

/// <summary>
/// Analyzer tests on the Roslyn testing framework, over a consumer project (<see cref="ConsumerProject"/>).
/// Expected diagnostics are markup in the source: <c>{|MA0003:"DATASTE"|}</c> for an id and a span, or
/// <c>{|#0:...|}</c> with <c>Diagnostic("MA0001").WithLocation(0).WithMessage(...)</c> to check the message too.
/// The framework also checks that each diagnostic is silenced by <c>#pragma warning disable</c> and that the
/// sources compile.
/// </summary>
internal static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Asserts that the analyzer reports exactly the marked and the given diagnostics in <paramref name="source"/>.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, LanguageVersion.CSharp12, expected);

    public static Task VerifyAnalyzerAsync(string source, LanguageVersion language, params DiagnosticResult[] expected)
    {
        var test = new Test(language) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The analyzer's diagnostics in <paramref name="source"/>, for tests that ask whether anything is reported rather than exactly what.</summary>
    public static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Diagnostics(string source, LanguageVersion language = LanguageVersion.CSharp12) =>
        ConsumerProject.Compilation(language, source).WithAnalyzers([new TAnalyzer()]).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(LanguageVersion language = LanguageVersion.CSharp12) => ConsumerProject.Configure(this, language);
    }
}
