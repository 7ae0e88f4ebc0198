using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Generator.Tests;
using Xunit;

namespace ModelArts.Analyzers.Tests;

/// <summary>A diagnostic expected at a span of the test source, written <c>{|MA0001:text|}</c>.</summary>
internal sealed record Expected(string Id, TextSpan Span);

/// <summary>
/// Runs the analyzer the way the compiler does, without the Testing packages: the shipped spec's
/// generated sources plus the test's source, through <see cref="CompilationWithAnalyzers"/>.
/// </summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<SyntaxTree>> GeneratedTrees = new(() => Generated(LanguageVersion.CSharp12));
    private static readonly Lazy<ImmutableArray<SyntaxTree>> GeneratedTrees10 = new(() => Generated(LanguageVersion.CSharp10));

    public static ImmutableArray<SyntaxTree> Generated(LanguageVersion language)
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var (output, _, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences, language), language);
        return [.. output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))];
    }

    /// <summary>The consumer compilation: the generated sources and <paramref name="sources"/>; it must compile.</summary>
    public static CSharpCompilation Compile(IEnumerable<string> sources, LanguageVersion language = LanguageVersion.CSharp12)
    {
        var parse = new CSharpParseOptions(language);
        var generated = language == LanguageVersion.CSharp12 ? GeneratedTrees.Value : GeneratedTrees10.Value;
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [.. generated, .. sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, $"/src/Test{i}.cs", Encoding.UTF8))],
            GeneratorHarness.ConsumerReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // Only the test's own trees need binding here; the generated ones are proven clean by the generator tests.
        var errors = compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith("/src/", StringComparison.Ordinal))
            .SelectMany(t => compilation.GetSemanticModel(t).GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test source does not compile:\n" + string.Join("\n", errors.Take(10)));
        return compilation;
    }

    /// <summary>The analyzer's diagnostics in the test's own sources, in source order.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
    {
        var analyzers = compilation.WithAnalyzers([new ConstraintAnalyzer()]);
        var trees = compilation.SyntaxTrees.Where(t => !t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        return [.. trees
            .SelectMany(t => analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(t), null, CancellationToken.None).GetAwaiter().GetResult())
            .OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>Asserts the analyzer reports exactly the marked diagnostics in <paramref name="markup"/>.</summary>
    public static ImmutableArray<Diagnostic> Verify(string markup, LanguageVersion language = LanguageVersion.CSharp12)
    {
        var (source, expected) = Parse(markup);
        var diagnostics = Analyze(Compile([source], language));
        var actual = diagnostics.Select(d => new Expected(d.Id, d.Location.SourceSpan)).OrderBy(e => e.Span.Start).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"expected:\n  {string.Join("\n  ", expected.Select(e => Describe(e, source)))}\nactual:\n  {string.Join("\n  ", diagnostics.Select(d => Describe(new Expected(d.Id, d.Location.SourceSpan), source) + "  " + d.GetMessage()))}");
        return diagnostics;
    }

    public static (string Source, List<Expected> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), source.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new Expected(id, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        return (source.ToString(), expected.OrderBy(e => e.Span.Start).ToList());
    }

    private static string Describe(Expected e, string source) =>
        $"{e.Id} at {e.Span}: '{(e.Span.End <= source.Length ? source.Substring(e.Span.Start, e.Span.Length) : "?")}'";
}
