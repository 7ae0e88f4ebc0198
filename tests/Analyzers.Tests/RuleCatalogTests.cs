using ModelArts.Generator.Tests;
using Xunit;

namespace ModelArts.Analyzers.Tests;

public sealed class RuleCatalogTests
{
    [Fact]
    public void Every_rule_has_a_help_page_a_help_link_and_a_release_entry()
    {
        var releases = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "README.md"));
        var descriptors = new ConstraintAnalyzer().SupportedDiagnostics;

        Assert.Equal(11, descriptors.Length);
        foreach (var descriptor in descriptors)
        {
            Assert.True(File.Exists(Path.Combine(GeneratorHarness.RepoRoot, "docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md");
            Assert.EndsWith("/docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains($"{descriptor.Id} | ModelArts.Usage | {descriptor.DefaultSeverity}", releases, StringComparison.Ordinal);
            Assert.Contains($"[{descriptor.Id}](docs/rules/{descriptor.Id}.md)", readme, StringComparison.Ordinal);
        }
    }
}
