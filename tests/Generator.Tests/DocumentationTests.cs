using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// What the IDE shows: every public member of the generated code is documented as a project with
/// <c>GenerateDocumentationFile</c> and warnings as errors demands (no CS1591/CS1573), and each summary reads on its
/// own in a completion tooltip (which shows the summary only): no summary ends in a dangling "Options:".
/// </summary>
public sealed class DocumentationTests
{
    private static readonly Lazy<Compilation> Generated = new(() =>
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("internal static class ConsumerCode { }", parse)],
            GeneratorHarness.ConsumerReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([new OpenApiGenerator().AsSourceGenerator()], texts, parse, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return output;
    });

    [Fact]
    public void A_strict_documentation_build_reports_nothing_in_generated_code()
    {
        var documentation = Generated.Value.GetDiagnostics()
            .Where(d => d.Id is "CS1591" or "CS1573" or "CS1572" or "CS1570" or "CS1574" or "CS1584" or "CS1658" or "CS1587")
            .ToList();

        Assert.True(documentation.Count == 0, string.Join("\n", documentation.Take(20)));
    }

    [Fact]
    public void Every_summary_stands_alone_in_a_tooltip()
    {
        var summaries = Generated.Value.SyntaxTrees
            .Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>())
            .Select(member => (member, Summary: Summary(member)))
            .Where(m => m.Summary is not null)
            .ToList();

        Assert.True(summaries.Count > 2000, $"only {summaries.Count} summaries");
        var dangling = summaries.Where(m => m.Summary!.TrimEnd().EndsWith(':') || m.Summary.TrimEnd().EndsWith("Options", StringComparison.Ordinal)
            || m.Summary.Contains(":. One of", StringComparison.Ordinal) || m.Summary.Contains("Options: One of", StringComparison.Ordinal)).ToList();
        Assert.True(dangling.Count == 0, string.Join("\n", dangling.Take(10).Select(d => d.member.SyntaxTree.FilePath + ": " + d.Summary)));
    }

    [Fact]
    public void An_option_property_names_its_values_in_the_summary_and_unknown_properties_stay_out_of_completion()
    {
        var template = Generated.Value.GetTypeByMetadataName("ModelArts.TemplateParam")!;
        var id = template.GetMembers("Id").Single();
        var additional = template.GetMembers("AdditionalProperties").Single();

        var summary = XElement.Parse(id.GetDocumentationCommentXml()!).Element("summary")!.Value;
        Assert.Contains("One of: sys_data_analyse, sys_data_cleaning, sys_data_augmentation, sys_data_validation, sys_data_selection.", summary, StringComparison.Ordinal);
        Assert.Contains(additional.GetAttributes(), a => a.AttributeClass?.Name == "EditorBrowsableAttribute"
            && a.ConstructorArguments.Single().Value is int state && state == (int)System.ComponentModel.EditorBrowsableState.Never);
    }

    private static string? Summary(MemberDeclarationSyntax member)
    {
        var trivia = member.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().FirstOrDefault();
        var summary = trivia?.Content.OfType<XmlElementSyntax>().FirstOrDefault(e => e.StartTag.Name.LocalName.Text == "summary");
        return summary is null ? null : string.Concat(summary.Content.Select(c => c.ToString())).Replace("///", string.Empty, StringComparison.Ordinal).Trim();
    }
}
