using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>Mutated documents never make the generator throw (no CS8785): every run ends in sources and diagnostics.</summary>
/// <remarks>
/// Not on the testing framework: it asserts an exact list of diagnostics, and what a mutated document yields is
/// not known in advance; the property here is only that no run ends in an exception.
/// </remarks>
public sealed class FuzzTests
{
    [Fact]
    public void Mutated_documents_never_escape_an_exception()
    {
        var (texts, _) = GeneratorHarness.ShippedSpec();
        var seedText = texts[0].GetText()!.ToString();
        // A slice keeps each run fast while still holding paths, parameters, schemas and refs.
        var documents = new[] { seedText[..60_000] + "}}}}", seedText, File.ReadAllText(Path.Combine(GeneratorHarness.SpecFolder, "iam.openapi.json")) };
        var random = new Random(20261122);
        var runs = 0;
        foreach (var document in documents)
        {
            for (var i = 0; i < (document.Length > 100_000 ? 8 : 60); i++)
            {
                var mutated = Mutate(document, random);
                var (output, diagnostics, driver) = GeneratorHarness.Run(
                    [new InMemoryText("/f/doc.openapi.json", mutated)],
                    new TestOptionsProvider(new()),
                    GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));
                var result = driver.GetRunResult().Results.Single();
                Assert.True(result.Exception is null, $"run {runs}: {result.Exception}");
                Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "MAG006");
                runs++;
            }
        }

        Assert.True(runs > 100);
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text.ToCharArray().ToList();
        for (var round = random.Next(1, 8); round > 0; round--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(6))
            {
                case 0:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 200), chars.Count - at));
                    break;
                case 1:
                    chars.Insert(at, "{}[],:\"0tn"[random.Next(10)]);
                    break;
                case 2:
                    var other = random.Next(chars.Count);
                    (chars[at], chars[other]) = (chars[other], chars[at]);
                    break;
                case 3:
                    chars.InsertRange(at, "\"$ref\": \"#/components/schemas/Nope\",");
                    break;
                case 4:
                    chars.InsertRange(at, "\"type\": [\"integer\", \"object\"], \"enum\": [1, \"x\", null],");
                    break;
                default:
                    chars.InsertRange(at, "\"if\": {}, \"not\": {\"required\": [\"zz\"]},");
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}
