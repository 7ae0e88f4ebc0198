using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = ModelArts.Generator.Tests.Verifiers.CSharpGeneratorVerifier;

namespace ModelArts.Generator.Tests;

public sealed class ShippedSpecCompilationTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.CSharp10)]
    public async Task The_whole_shipped_spec_compiles_without_a_warning_under_nullable_and_warnings_as_errors(LanguageVersion language)
    {
        // Any diagnostic, the generator's or the compiler's, warnings included, fails the test.
        var test = new Verify.Test(language).WithShippedSpec();
        await test.RunAsync();

        var generated = test.Output!.SyntaxTrees.Count(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.True(generated > 150, $"only {generated} sources were generated");
    }
}
