using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelArts.Generator.Tests;

public sealed class ShippedSpecCompilationTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.CSharp10)]
    public void The_whole_shipped_spec_compiles_without_a_warning_under_nullable_and_warnings_as_errors(LanguageVersion language)
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var (output, generatorDiagnostics, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences, language), language);

        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Take(30)));
        Assert.True(output.SyntaxTrees.Count() > 150, $"only {output.SyntaxTrees.Count()} sources were generated");
    }
}
