using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Corpus;

/// <summary>The extractor over the real documentation in ../shared/docs.</summary>
public sealed class DocumentationCorpusTests
{
    [DocsFact]
    public void Spec_folder_is_what_the_documentation_gives_today()
    {
        var (exit, stdout, stderr) = CliTests.Run("regenerate", "--docs", TestPaths.Docs, "--spec", TestPaths.Spec, "--check");

        Assert.True(exit == 0, $"spec/ is stale; run: dotnet run --project src/SpecExtractor -- regenerate\n{stdout}\n{stderr}");
    }

    [DocsFact]
    public void Extraction_is_byte_identical_on_rerun()
    {
        var entry = Manifest.Load(TestPaths.Spec)[0];
        var first = JsonOutput.Bytes(Extraction.Run(Manifest.Request(entry, TestPaths.Docs, TestPaths.Spec)).Document);
        var second = JsonOutput.Bytes(Extraction.Run(Manifest.Request(entry, TestPaths.Docs, TestPaths.Spec)).Document);

        Assert.Equal(first, second);
    }

    [DocsFact]
    public void The_english_reference_is_covered_completely()
    {
        var result = Extraction.Run(new ExtractionRequest([Path.Combine(TestPaths.Docs, "otc")], [], Extract.Info));

        Assert.Equal(80, result.Coverage.OperationsFound); // 79 data-management pages + the IAM token call
        Assert.Equal(80, result.Coverage.OperationsExtracted);
        Assert.Equal(result.Coverage.RowsFound, result.Coverage.RowsExtracted);
        Assert.True(result.Coverage.RowsFound > 3000, $"only {result.Coverage.RowsFound} rows were seen");
    }

    [DocsFact]
    public void Plain_text_seed_002_adds_the_fields_only_its_example_shows()
    {
        var result = Extraction.Run(new ExtractionRequest([Path.Combine(TestPaths.Docs, "seeds", "002_6ab636e5ae2ba871.txt")], [], Extract.Info));
        var document = result.Document;

        var operation = document["paths"]!["/v2/{project_id}/datasets/{dataset_id}/workforce-tasks"]!["post"]!;
        Assert.Equal("CreateWorkforceTask", operation["operationId"]!.GetValue<string>());
        foreach (var field in new[] { "task_name", "labels", "synchronize_data", "workspace_id" })
        {
            Assert.Equal("example", document.Property("CreateWorkforceTaskRequest", field)["x-doc-source"]!.GetValue<string>());
        }

        Assert.Equal(1, document.Property("CreateWorkforceTaskRequest", "repetition")["minimum"]!.GetValue<long>());
        Assert.Equal(["0", "1", "2", "3"], document.Property("CreateWorkforceTaskRequest", "data_sync_type")["enum"].Strings());
        Assert.Equal(1024, document.Property("WorkforceConfig", "workforce_name")["maxLength"]!.GetValue<long>());
        Assert.Equal(result.Coverage.RowsFound, result.Coverage.RowsExtracted);
    }

    [DocsFact]
    public void Plain_text_seed_003_yields_the_intelligent_task_query()
    {
        var result = Extraction.Run(new ExtractionRequest([Path.Combine(TestPaths.Docs, "seeds", "003_4c09c8aa5b18b1ce.txt")], [], Extract.Info));

        var operation = result.Document["paths"]!["/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}"]!["get"]!;
        Assert.Equal(3, operation["parameters"]!.AsArray().Count);
        Assert.Equal("#/components/schemas/SmartTaskConfig", result.Document.Property(operation["operationId"]!.GetValue<string>() + "Response", "config")["$ref"]!.GetValue<string>());
        Assert.True(result.Document.Schema("SmartTaskConfig")["properties"]!.AsObject().Count > 10);
        Assert.Equal(result.Coverage.RowsFound, result.Coverage.RowsExtracted);
    }

    [DocsFact]
    public void The_chinese_edition_yields_the_same_operations_and_its_constraints()
    {
        var chinese = Extraction.Run(new ExtractionRequest([Path.Combine(TestPaths.Docs, "zh")], [], Extract.Info));
        var english = Extraction.Run(new ExtractionRequest([Path.Combine(TestPaths.Docs, "otc")], [], Extract.Info));

        Assert.Equal(chinese.Coverage.RowsFound, chinese.Coverage.RowsExtracted);
        var chineseIds = OperationIds(chinese.Document);
        foreach (var id in new[] { "CreateProcessorTask", "CreateWorkforceTask", "AutoAnnotationProgress", "CreateTask", "ListAutoAnnotationSamples", "UpdateSamples" })
        {
            Assert.Contains(id, chineseIds);
        }

        Assert.True(chineseIds.Intersect(OperationIds(english.Document)).Count() >= 75, "the 2021 Chinese edition should share most operations with the English one");
        Assert.Equal(["data_source", "inputs"], chinese.Document.Schema("CreateProcessorTaskRequest")["not"]!["required"].Strings());
        Assert.Equal(256, chinese.Document.Property("CreateProcessorTaskRequest", "description")["maxLength"]!.GetValue<long>());
    }

    private static HashSet<string> OperationIds(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Value is JsonObject o && o.ContainsKey("operationId")))
            .Select(m => m.Value!["operationId"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
}
