using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ModelArts.Analyzers.Tests.Verifiers;

/// <summary>
/// Code-fix tests on the Roslyn testing framework, over a consumer project (<see cref="ConsumerProject"/>).
/// Besides the fixed code, the framework applies the fix through its Fix All provider in document, project
/// and solution scope and expects the same result, checks that applying fixes ends (no fix that loops), and
/// that the fixed code compiles.
/// </summary>
internal static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>
    /// Applies the code action <paramref name="equivalenceKey"/> to every diagnostic marked in <paramref name="source"/>
    /// and expects <paramref name="fixedSource"/>; the action applied must be titled <paramref name="title"/> when given.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string equivalenceKey, string? title = null) =>
        new Test(equivalenceKey, title) { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(string equivalenceKey, string? title = null, LanguageVersion language = LanguageVersion.CSharp12)
        {
            ConsumerProject.Configure(this, language);
            CodeActionEquivalenceKey = equivalenceKey;
            if (title is not null)
            {
                CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title, $"the title of the code action {equivalenceKey}");
            }
        }
    }
}
