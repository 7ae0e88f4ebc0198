using ModelArts.SpecExtractor.OpenApi;
using ModelArts.SpecExtractor.Pages;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Corpus;

/// <summary>
/// Mutated pages: lines dropped, duplicated, swapped, truncated, cell walls broken, garbage inserted.
/// Whatever the damage, reading and building report warnings and never throw. Seeds are fixed so a
/// failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private const int MutationsPerPage = 150;

    public static TheoryData<string, string> WrittenPages
    {
        get
        {
            var pages = Pages.PageFormatTests.Formats;
            pages.Add("old_version.rst", StylePages.OldVersion);
            pages.Add("nested.rst", StylePages.Nested);
            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(WrittenPages))]
    public void Mutated_written_pages_never_throw(string file, string text) => FuzzPage(file, text, seed: file.Length);

    [DocsFact]
    public void Mutated_documentation_pages_never_throw()
    {
        var pages = new[]
        {
            "otc/historical_apis/data_management_old_version/creating_a_processing_task.rst",
            "otc/historical_apis/data_management_old_version/obtaining_an_auto_labeling_sample_list.rst",
            "seeds/002_6ab636e5ae2ba871.txt",
            "seeds/003_4c09c8aa5b18b1ce.txt",
            "zh/创建团队标注任务.md",
            "otc-more/historical_apis/devenviron_old_version/modifying_the_description_of_a_development_environment_instance.rst",
            "otc-more/resource_management/resource_pool_management/creating_resource_pools.rst",
        };
        foreach (var page in pages)
        {
            FuzzPage(page, File.ReadAllText(Path.Combine(TestPaths.Docs, page)), seed: page.Length);
        }
    }

    [Fact]
    public void A_broken_cell_wall_is_reported_as_a_warning()
    {
        var broken = TestPages.Rst.Replace("| limit      | No        |", "| limit      | No         ", StringComparison.Ordinal);
        var (_, _, warnings) = Extract.Pages(("p.rst", broken));

        Assert.NotEmpty(warnings);
    }

    [Fact]
    public void Random_bytes_are_a_page_with_nothing_in_it_not_a_crash()
    {
        var random = new Random(7);
        foreach (var file in new[] { "x.rst", "x.md", "x.txt" })
        {
            for (var i = 0; i < 50; i++)
            {
                var chars = Enumerable.Range(0, random.Next(0, 2000)).Select(_ => (char)random.Next(0, 0x3000)).ToArray();
                var warnings = new WarningSink();
                var page = PageReader.Read(file, new string(chars), PageReader.FormatOf(file)!.Value, warnings);
                _ = new DocumentBuilder(warnings).Build([page], Extract.Info);
            }
        }
    }

    private static void FuzzPage(string file, string text, int seed)
    {
        var random = new Random(seed);
        var format = PageReader.FormatOf(file)!.Value;
        var warned = 0;
        for (var i = 0; i < MutationsPerPage; i++)
        {
            var mutated = Mutate(text, random, out var mutation);
            var warnings = new WarningSink();
            try
            {
                var page = PageReader.Read(file, mutated, format, warnings);
                _ = new DocumentBuilder(warnings).Build([page], Extract.Info);
            }
            catch (Exception e)
            {
                Assert.Fail($"{file}: mutation #{i} ({mutation}) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            warned += warnings.Warnings.Count > 0 ? 1 : 0;
        }

        // The damage is visible: a good share of mutated pages say what they could not read.
        Assert.True(warned > MutationsPerPage / 10, $"{file}: only {warned} of {MutationsPerPage} mutated pages produced a warning");
    }

    private static string Mutate(string text, Random random, out string mutation)
    {
        var lines = text.Split('\n').ToList();
        var rounds = random.Next(1, 6);
        var applied = new List<string>();
        for (var r = 0; r < rounds && lines.Count > 1; r++)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case 0:
                    lines.RemoveAt(at);
                    applied.Add($"drop {at}");
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    applied.Add($"duplicate into {at}");
                    break;
                case 2:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    applied.Add($"swap {at} {other}");
                    break;
                case 3:
                    lines[at] = lines[at][..random.Next(lines[at].Length + 1)];
                    applied.Add($"truncate {at}");
                    break;
                case 4:
                    lines[at] = lines[at].Replace('|', ' ');
                    applied.Add($"unwall {at}");
                    break;
                case 5:
                    lines.Insert(at, new[] { "{", "[", "**Status code: 999**", "Status code: 200", "+---+", "=== ===", "<table>", "```", ".. table:: **Table 9**", "Table 9 Broken", "Parameter", "- **x**:" }[random.Next(12)]);
                    applied.Add($"insert structure at {at}");
                    break;
                case 6:
                    var position = random.Next(lines[at].Length + 1);
                    lines[at] = lines[at].Insert(position, new string((char)random.Next(32, 0x2FFF), random.Next(1, 4)));
                    applied.Add($"garbage in {at}");
                    break;
                case 7:
                    lines.RemoveRange(at, Math.Min(lines.Count - at, random.Next(1, 30)));
                    applied.Add($"cut block at {at}");
                    break;
                default:
                    lines[at] = "  " + lines[at];
                    applied.Add($"indent {at}");
                    break;
            }
        }

        mutation = string.Join(", ", applied);
        return string.Join('\n', lines);
    }
}
