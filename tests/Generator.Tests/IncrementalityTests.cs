using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits and whitespace cost nothing, one changed schema regenerates one source.</summary>
/// <remarks>
/// On <see cref="GeneratorHarness"/>, not the testing framework: the framework runs the generator once per
/// compilation through a driver it keeps to itself, so it cannot run it again after an edit or show the tracked
/// steps and their reasons, which are what these tests read.
/// </remarks>
public sealed class IncrementalityTests
{
    private static readonly string[] AllSteps = typeof(TrackingNames).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var compilation = GeneratorHarness.Compilation(["class A { }"], GeneratorHarness.ConsumerReferences);
        var driver = GeneratorHarness.Driver(texts, options).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", new CSharpParseOptions(LanguageVersion.CSharp12)));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            AssertReasons(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_whitespace_edit_to_a_spec_leaves_every_output_cached()
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var compilation = GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences);
        var driver = GeneratorHarness.Driver(texts, options).RunGenerators(compilation);

        var original = texts[0];
        var reformatted = new InMemoryText(original.Path, original.GetText()!.ToString().Replace("\n", "\n  ", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(original, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertReasons(result, TrackingNames.Specs, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        foreach (var step in new[] { TrackingNames.Models, TrackingNames.Enums, TrackingNames.Clients, TrackingNames.Diagnostics })
        {
            AssertReasons(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_one_schema_description_regenerates_only_that_schema()
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var compilation = GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences);
        var driver = GeneratorHarness.Driver(texts, options).RunGenerators(compilation);

        var original = texts[0];
        var text = original.GetText()!.ToString();
        const string Old = "\"description\": \"Version name consisting of 1 to 32 characters";
        Assert.Equal(1, CountOf(text, Old));
        var changed = new InMemoryText(original.Path, text.Replace(Old, "\"description\": \"The version name, consisting of 1 to 32 characters", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(original, changed).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var models = result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        var modified = models.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((ValueTuple<Model.ModelSpec, Model.LanguageFeatures>)o.Value).Item1.Name).ToList();
        Assert.Equal(["CreateDatasetVersionRequest"], modified);
        Assert.All(models.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var regenerated = result.TrackedOutputSteps.SelectMany(s => s.Value.SelectMany(v => v.Outputs).Select(o => (s.Key, o))).Where(o => o.o.Reason != IncrementalStepRunReason.Cached).ToList();
        Assert.True(regenerated.Count == 1, string.Join("; ", regenerated.Select(r => r.Key + ": " + r.o.Reason + " " + r.o.Value)));
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var result = GeneratorHarness.Driver(texts, options).RunGenerators(GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences)).GetRunResult().Results.Single();

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var output in result.TrackedSteps.Where(s => AllSteps.Contains(s.Key)).SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            AssertNoBannedTypes(output.Value, visited);
        }
    }

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        if (!result.TrackedSteps.TryGetValue(step, out var runs))
        {
            // Roslyn records no run for a SelectMany that produced nothing: only the diagnostics step may be empty.
            Assert.Equal(TrackingNames.Diagnostics, step);
            Assert.Empty(result.Diagnostics);
            return;
        }

        foreach (var output in runs.SelectMany(s => s.Outputs))
        {
            Assert.True(allowed.Contains(output.Reason), $"step {step}: {output.Reason}");
        }
    }

    private static void AssertNoBannedTypes(object? value, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum || !visited.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(value is ISymbol or Compilation or SyntaxNode or Location or SemanticModel, $"{type} in a step output");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoBannedTypes(item, visited);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoBannedTypes(field.GetValue(value), visited);
            }
        }
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}
