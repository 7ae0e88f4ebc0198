using System.Text.Json.Nodes;
using Xunit;

namespace ModelArts.SpecExtractor.Tests;

/// <summary>The command-line contract: exit codes, warnings as file:line: message, the coverage line, never a crash.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("specextractor-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Extract_writes_the_document_and_prints_coverage_and_warnings()
    {
        var page = Write("create_thing.rst", TestPages.Rst);
        var output = Path.Combine(_dir, "out", "thing.openapi.json");

        var (exit, stdout, stderr) = Run("extract", page, "--out", output);

        Assert.Equal(0, exit);
        Assert.Contains("coverage: operations 1/1, parameter rows 13/13 (100.0%)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^.*create_thing\.rst:\d+: example field \$\.color is in no table", stderr);
        Assert.Equal("3.1.0", JsonNode.Parse(File.ReadAllText(output))!["openapi"]!.GetValue<string>());
    }

    [Fact]
    public void A_folder_is_read_recursively_and_other_files_are_ignored()
    {
        Write("a/create_thing.rst", TestPages.Rst);
        Write("a/notes.tsv", "not a page");
        var output = Path.Combine(_dir, "o.json");

        var (exit, stdout, _) = Run("extract", Path.Combine(_dir, "a"), "--out", output);

        Assert.Equal(0, exit);
        Assert.Contains("operations 1/1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlays_are_applied_after_extraction()
    {
        var page = Write("create_thing.rst", TestPages.Rst);
        var overlay = Write("o.overlay.json", """{ "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "actions": [ { "target": "$.components.schemas.Source", "update": { "x-curated": true } } ] }""");
        var output = Path.Combine(_dir, "o.json");

        var (exit, _, _) = Run("extract", page, "--out", output, "--overlay", overlay);

        Assert.Equal(0, exit);
        Assert.True(JsonNode.Parse(File.ReadAllText(output))!["components"]!["schemas"]!["Source"]!["x-curated"]!.GetValue<bool>());
    }

    [Fact]
    public void A_missing_input_fails_with_a_message_and_writes_nothing()
    {
        var output = Path.Combine(_dir, "o.json");

        var (exit, _, stderr) = Run("extract", Path.Combine(_dir, "missing.rst"), "--out", output);

        Assert.Equal(1, exit);
        Assert.Contains("missing.rst: no such file or folder", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Pages_without_any_operation_are_an_empty_result_and_fail()
    {
        var page = Write("notes.md", "# Notes\n\nNothing to see.\n");

        var (exit, _, stderr) = Run("extract", page, "--out", Path.Combine(_dir, "o.json"));

        Assert.Equal(1, exit);
        Assert.Contains("no operation was found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_overlay_fails_with_its_name()
    {
        var page = Write("create_thing.rst", TestPages.Rst);
        var overlay = Write("bad.json", "{ not json");

        var (exit, _, stderr) = Run("extract", page, "--out", Path.Combine(_dir, "o.json"), "--overlay", overlay);

        Assert.Equal(1, exit);
        Assert.Contains("bad.json: not an OpenAPI Overlay 1.0 document", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("extract", "--out")]
    [InlineData("extract", "page.rst")]
    [InlineData("extract", "--bogus", "x")]
    public void Bad_arguments_print_usage_and_exit_2_or_1(params string[] args)
    {
        var (exit, _, stderr) = Run(args);

        Assert.InRange(exit, 1, 2);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Regenerate_check_reports_a_stale_file()
    {
        var docs = Path.Combine(_dir, "docs");
        var spec = Path.Combine(_dir, "spec");
        Write("docs/pages/create_thing.rst", TestPages.Rst);
        Write("spec/spec-manifest.json", """{ "documents": [ { "out": "t.openapi.json", "inputs": ["pages"], "title": "T", "version": "1", "description": "d" } ] }""");

        Assert.Equal(1, Run("regenerate", "--docs", docs, "--spec", spec, "--check").Exit);
        Assert.Equal(0, Run("regenerate", "--docs", docs, "--spec", spec).Exit);
        var (exit, stdout, _) = Run("regenerate", "--docs", docs, "--spec", spec, "--check");
        Assert.Equal(0, exit);
        Assert.Contains("up to date", stdout, StringComparison.Ordinal);
        Assert.Contains("\"page\": \"pages/create_thing.rst\"", File.ReadAllText(Path.Combine(spec, "t.openapi.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Regenerate_deprecates_historical_inputs_and_prints_the_coverage_of_all_documents()
    {
        var docs = Path.Combine(_dir, "docs");
        var spec = Path.Combine(_dir, "spec");
        Write("docs/current/creating_a_widget_job.rst", StylePages.CurrentVersion);
        Write("docs/old/creating_a_widget_job.rst", StylePages.OldVersion);
        Write("docs/things/create_thing.rst", TestPages.Rst);
        Write("spec/spec-manifest.json", """
            { "documents": [
              { "out": "w.openapi.json", "inputs": ["current", "old"], "historical": ["old"], "title": "W", "version": "1", "description": "d" },
              { "out": "t.openapi.json", "inputs": ["things"], "typeConflicts": "widen", "title": "T", "version": "1", "description": "d" } ] }
            """);

        var (exit, stdout, _) = Run("regenerate", "--docs", docs, "--spec", spec);

        Assert.Equal(0, exit);
        Assert.Contains("coverage of all 2 documents: operations 3/3, parameter rows ", stdout, StringComparison.Ordinal);
        var widgets = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "w.openapi.json")))!;
        Assert.True(widgets["paths"]!["/v1/{project_id}/widget-jobs"]!["post"]!["deprecated"]!.GetValue<bool>());
        Assert.Null(widgets["paths"]!["/v2/{project_id}/widget-jobs"]!["post"]!["deprecated"]);
        var things = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "t.openapi.json")))!;
        Assert.Equal(2, things["components"]!["schemas"]!["CreateThingResponse"]!["properties"]!["count"]!["type"]!.AsArray().Count); // widened
    }

    [Theory]
    [InlineData("""{ "out": "w.openapi.json", "inputs": ["current"], "historical": ["old"], "title": "W", "version": "1", "description": "d" }""", "lists 'old' as historical but not among its inputs")]
    [InlineData("""{ "out": "w.openapi.json", "inputs": ["current"], "typeConflicts": "loose", "title": "W", "version": "1", "description": "d" }""", "typeConflicts 'loose'")]
    [InlineData("""{ "out": "w.openapi.json", "inputs": "current", "title": "W", "version": "1", "description": "d" }""", "'inputs' is not an array")]
    public void A_bad_manifest_entry_fails_with_the_reason(string entry, string message)
    {
        Write("docs/current/creating_a_widget_job.rst", StylePages.CurrentVersion);
        Write("spec/spec-manifest.json", "{ \"documents\": [ " + entry + " ] }");

        var (exit, _, stderr) = Run("regenerate", "--docs", Path.Combine(_dir, "docs"), "--spec", Path.Combine(_dir, "spec"));

        Assert.Equal(1, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_takes_historical_inputs_and_the_type_conflict_policy()
    {
        var old = Write("old/creating_a_widget_job.rst", StylePages.OldVersion);
        var output = Path.Combine(_dir, "o.json");

        Assert.Equal(2, Run("extract", old, "--out", output, "--type-conflicts", "loose").Exit);
        Assert.Equal(2, Run("extract", old, "--out", output, "--historical", Path.Combine(_dir, "elsewhere")).Exit);
        Assert.Equal(0, Run("extract", Path.Combine(_dir, "old"), "--out", output, "--historical", Path.Combine(_dir, "old"), "--type-conflicts", "widen").Exit);

        var operation = JsonNode.Parse(File.ReadAllText(output))!["paths"]!["/v1/{project_id}/widget-jobs"]!["post"]!;
        Assert.True(operation["deprecated"]!.GetValue<bool>());
        Assert.Equal("CreateWidgetJob", operation["operationId"]!.GetValue<string>());
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    internal static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Cli.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
