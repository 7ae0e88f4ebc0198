using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Verify = ModelArts.Generator.Tests.Verifiers.CSharpGeneratorVerifier;

namespace ModelArts.Generator.Tests;

public sealed class ShippedSpecCompilationTests
{
    [Theory]
    [InlineData(LanguageVersion.CSharp12)]
    [InlineData(LanguageVersion.CSharp10)]
    public async Task Every_shipped_document_compiles_without_a_warning_under_nullable_and_warnings_as_errors(LanguageVersion language)
    {
        // Any diagnostic, the generator's (MAG) or the compiler's, warnings included, fails the test: all nine documents.
        var test = new Verify.Test(language).WithWholeApi();
        await test.RunAsync();

        var clients = test.Output!.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(f => f.EndsWith("Client.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["AiApplications.AiApplicationsClient.g.cs", "Authorization.AuthorizationClient.g.cs", "Development.DevelopmentClient.g.cs", "Iam.IamClient.g.cs", "Modelarts.ModelArtsClient.g.cs",
             "Resources.ResourcesClient.g.cs", "ServiceTasks.ServiceTasksClient.g.cs", "Services.ServicesClient.g.cs", "Training.TrainingClient.g.cs"],
            clients);
        var generated = test.Output.SyntaxTrees.Count(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.True(generated > 600, $"only {generated} sources were generated");
    }
}
