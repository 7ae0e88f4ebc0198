using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelArts.SpecExtractor.OpenApi;
using ModelArts.SpecExtractor.Pages;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Corpus;

/// <summary>
/// The whole API reference (../shared/docs/otc and otc-more) against <c>otc-more/INDEX_all.tsv</c>, the
/// list of its 222 operation pages. The index is ground truth for the tests only; the extractor never reads it.
/// </summary>
public sealed partial class WholeReferenceCorpusTests
{
    /// <summary>The split: one document per chapter; an old-version chapter joins the chapter it is the old version of.</summary>
    private static readonly Dictionary<string, string> DocumentOf = new(StringComparer.Ordinal)
    {
        ["historical_apis/data_management_old_version"] = "modelarts.openapi.json",
        ["training_management"] = "training.openapi.json",
        ["historical_apis/training_management_old_version"] = "training.openapi.json",
        ["development_environment_management"] = "development.openapi.json",
        ["historical_apis/devenviron_old_version"] = "development.openapi.json",
        ["resource_management"] = "resources.openapi.json",
        ["service_management"] = "services.openapi.json",
        ["service_task_management"] = "service-tasks.openapi.json",
        ["ai_application_management"] = "ai-applications.openapi.json",
        ["authorization_management"] = "authorization.openapi.json",
    };

    private sealed record IndexRow(string Page, string Method, string Path, string Title, string OperationId, string Area);

    private static List<IndexRow> Index() =>
        File.ReadAllLines(Path.Combine(TestPaths.Docs, "otc-more", "INDEX_all.tsv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new IndexRow(c[0], c[1], c[2].Split('?')[0].TrimEnd(), c[3], c[4], c[5]))
            .ToList();

    /// <summary>Every operation of the committed documents the manifest lists, with its document.</summary>
    private static List<(string Document, string Method, string Path, JsonObject Operation)> SpecOperations() =>
        Manifest.Load(TestPaths.Spec)
            .SelectMany(entry =>
            {
                var document = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Spec, entry.Out)))!.AsObject();
                return document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
                    .Where(m => m.Value is JsonObject o && o.ContainsKey("operationId"))
                    .Select(m => (entry.Out, m.Key.ToUpperInvariant(), path.Key, m.Value!.AsObject())));
            })
            .ToList();

    [DocsFact]
    public void Every_operation_page_of_the_reference_is_an_operation_of_its_chapters_document_with_its_method_path_and_name()
    {
        var index = Index();
        var operations = SpecOperations().Where(o => o.Document != "iam.openapi.json").ToList();

        Assert.Equal(222, index.Count);
        Assert.Equal(index.Count, operations.Count);
        foreach (var row in index)
        {
            var match = operations.Where(o => o.Method == row.Method && o.Path == row.Path).ToList();
            var (document, _, _, operation) = Assert.Single(match);
            Assert.Equal(row.Title, operation["summary"]!.GetValue<string>());
            var id = operation["operationId"]!.GetValue<string>();
            if (OperationNames.IsTopicId(row.OperationId))
            {
                // A topic id is no operation name: the title gives it, with the path's version if a current page has it.
                Assert.Matches("^" + Regex.Escape(OperationNames.FromTitle(row.Title)) + "(V1)?$", id);
            }
            else
            {
                Assert.Equal(row.OperationId, id);
            }

            Assert.Equal(DocumentOf[row.Area], document);
        }
    }

    [DocsFact]
    public void Historical_operations_outside_data_management_are_deprecated_and_current_ones_are_not()
    {
        var index = Index();
        var operations = SpecOperations();

        foreach (var row in index)
        {
            var operation = operations.Single(o => o.Method == row.Method && o.Path == row.Path).Operation;
            var historical = row.Area.StartsWith("historical_apis/", StringComparison.Ordinal) && !row.Area.Contains("data_management", StringComparison.Ordinal);
            Assert.True(historical == (operation["deprecated"]?.GetValue<bool>() == true), $"{row.Page}: deprecated should be {historical}");
            if (operation["x-replaced-by"] is { } replacement)
            {
                // The replacement is the current page of the same title.
                var current = Assert.Single(index, r => !r.Area.StartsWith("historical_apis/", StringComparison.Ordinal) && r.Title == row.Title);
                Assert.Equal(current.OperationId, replacement["operationId"]!.GetValue<string>());
            }
        }

        Assert.Equal(32, operations.Count(o => o.Operation["deprecated"]?.GetValue<bool>() == true));
        Assert.Equal(
            ["ChangeTrainingJobDescription", "CreateTrainingJob", "DeleteTrainingJob", "ListTrainingJobs"],
            operations.Select(o => o.Operation["x-replaced-by"]?["operationId"]?.GetValue<string>()).OfType<string>().Order(StringComparer.Ordinal));
    }

    [DocsFact]
    public void Regenerate_covers_every_operation_and_parameter_row_of_both_folders()
    {
        var (exit, stdout, stderr) = CliTests.Run("regenerate", "--docs", TestPaths.Docs, "--spec", TestPaths.Spec, "--check");

        Assert.True(exit == 0, stdout + stderr);
        var line = Assert.Single(stdout.Split('\n'), l => l.StartsWith("coverage of all", StringComparison.Ordinal));
        var match = CoverageLine().Match(line);
        Assert.True(match.Success, line);
        Assert.Equal(match.Groups["rows"].Value, match.Groups["found"].Value);
        Assert.Contains("operations 222/222, parameter rows ", line, StringComparison.Ordinal);
        Assert.Contains("(100.0%)", line, StringComparison.Ordinal);
    }

    [DocsFact]
    public void Every_document_is_byte_identical_on_rerun()
    {
        foreach (var entry in Manifest.Load(TestPaths.Spec))
        {
            var first = JsonOutput.Bytes(Extraction.Run(Manifest.Request(entry, TestPaths.Docs, TestPaths.Spec)).Document);
            var second = JsonOutput.Bytes(Extraction.Run(Manifest.Request(entry, TestPaths.Docs, TestPaths.Spec)).Document);

            Assert.True(first.AsSpan().SequenceEqual(second), $"{entry.Out} differs between two runs");
        }
    }

    [DocsFact]
    public void Every_curated_rule_of_the_chapters_beyond_data_management_cites_a_sentence_its_page_states()
    {
        foreach (var entry in Manifest.Load(TestPaths.Spec).Where(e => e.Inputs.All(i => i.StartsWith("otc-more/", StringComparison.Ordinal))))
        {
            foreach (var overlay in entry.Overlays)
            {
                var actions = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Spec, overlay)))!["actions"]!.AsArray();
                foreach (var source in actions.Select(a => a!["x-doc-source"]).OfType<JsonObject>())
                {
                    var page = source["page"]!.GetValue<string>();
                    var sentence = Normalize(source["sentence"]!.GetValue<string>());
                    var text = PageText(Path.Combine(TestPaths.Docs, page));
                    Assert.True(text.Contains(sentence, StringComparison.Ordinal), $"{overlay}: '{sentence}' is not on {page}");
                }
            }
        }
    }

    /// <summary>A page's paragraphs and table cells as the extractor reads them, bullets and markup gone.</summary>
    private static string PageText(string file)
    {
        var warnings = new WarningSink();
        var text = File.ReadAllText(file);
        var parsed = RstPageParser.Parse(file, text, warnings);
        var pieces = parsed.Blocks.SelectMany(b => b switch
        {
            ParagraphBlock p => [p.Text],
            TableBlock t => t.Rows.SelectMany(r => r.Cells),
            _ => [],
        });
        return string.Join(' ', pieces.Select(Normalize));
    }

    private static string Normalize(string text) =>
        Regex.Replace(Regex.Replace(text, @"(?m)^- ", string.Empty), @"\s+", " ").Trim();

    [GeneratedRegex(@"parameter rows (?<rows>\d+)/(?<found>\d+)")]
    private static partial Regex CoverageLine();
}
