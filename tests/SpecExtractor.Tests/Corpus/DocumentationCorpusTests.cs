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

    /// <summary>Issue 10, requirement 10: per class, at least 95 % of request-side statements encoded; every rule between fields encoded or reported.</summary>
    [DocsFact]
    public void Request_side_prose_is_encoded_in_every_class_and_every_rule_is_encoded_or_reported()
    {
        var entry = Manifest.Load(TestPaths.Spec).Single(e => e.Out == "modelarts.openapi.json");
        var result = Extraction.Run(Manifest.Request(entry, TestPaths.Docs, TestPaths.Spec));

        foreach (var coverage in result.Constraints)
        {
            Assert.True(coverage.Found > 0, $"no {coverage.Class} statement was found at all");
            if (coverage.Class == ModelArts.SpecExtractor.Schema.ConstraintClass.Rule)
            {
                Assert.Equal(coverage.Found, coverage.Encoded + coverage.Reported);
                Assert.True(coverage.Encoded * 2 > coverage.Found, $"only {coverage.Encoded} of {coverage.Found} rules are encoded");
            }
            else
            {
                Assert.True(coverage.Encoded * 100 >= coverage.Found * 95, $"{coverage.Class}: {coverage.Encoded}/{coverage.Found} encoded; missed: {string.Join(" | ", result.Missed.Where(m => m.Class == coverage.Class).Select(m => m.Sentence))}");
            }
        }

        // Reported means a warning that quotes the sentence and says why.
        var reported = result.Warnings.Where(w => w.Message.StartsWith("rule not encoded: \"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, w => Assert.Matches(@"^rule not encoded: "".+"" \(.+\): .+$", w.Message));
    }

    [DocsFact]
    public void The_rules_the_issue_names_are_in_the_shipped_spec()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Spec, "modelarts.openapi.json")))!.AsObject();

        // task_type's inline option list, with auto-deploy from the Chinese edition.
        Assert.Equal(["auto-label", "pre-label", "auto-grouping", "auto-deploy"], spec.Property("CreateTaskRequest", "task_type")["enum"].Strings());

        // GaussDB(DWS) (data_type 1) needs user_name and user_password.
        var dws = spec.Schema("DataSource").Rules().Single(r => r["if"]!["properties"]!["data_type"] is not null);
        Assert.Equal("1", dws["if"]!["properties"]!["data_type"]!["const"]!.ToJsonString());
        Assert.Equal(["user_name", "user_password"], dws["then"]!["properties"]!["source_info"]!["required"].Strings());

        // A relationship label (102) needs @modelarts:from_type and to_type.
        var relationship = spec.Schema("Label").Rules().Single(r => r["then"]!["required"] is not null);
        Assert.Equal("102", relationship["if"]!["properties"]!["type"]!["const"]!.ToJsonString());
        Assert.Equal(["@modelarts:from_type", "@modelarts:to_type"], relationship["then"]!["properties"]!["property"]!["required"].Strings());

        // An object-detection label in the list needs @modelarts:size.
        var size = Assert.Single(spec.Schema("Sample").Rules());
        Assert.Equal("1", size["if"]!["properties"]!["labels"]!["contains"]!["properties"]!["type"]!["const"]!.ToJsonString());

        // A processing-task source of type OBS is an OBS path.
        var obs = Assert.Single(spec.Schema("ProcessorDataSource").Rules());
        Assert.DoesNotMatch(obs["then"]!["properties"]!["source"]!["pattern"]!.GetValue<string>(), "PYc9H2HGv5BJNwBGXyK");

        // Enum hygiene: two spellings, a lost line break, no example-only value on the request side.
        Assert.Equal(["0", "false", "1", "true"], spec.Property("SampleLabelProperty", "@modelarts:hard")["enum"].Strings());
        Assert.Contains("1", spec.Property("DatasetVersion", "processor_task_status")["enum"].Strings());
        Assert.DoesNotContain("supervisory", spec.Property("SmartTaskConfig", "algorithm_type")["enum"].Strings());
        Assert.DoesNotContain("", spec.Property("ExportParams", "sample_state")["enum"].Strings());

        // The Chinese edition's locale options.
        var describeSample = spec["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Single(o => o.Value?["operationId"]?.GetValue<string>() == "DescribeSample").Value!;
        Assert.Equal(["en-us", "zh-cn"], describeSample["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "locale")!["schema"]!["enum"].Strings());
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
        Assert.Equal(["data_source", "inputs"], Assert.Single(chinese.Document.Schema("CreateProcessorTaskRequest").Exclusive()));
        Assert.Equal(256, chinese.Document.Property("CreateProcessorTaskRequest", "description")["maxLength"]!.GetValue<long>());
    }

    private static HashSet<string> OperationIds(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Value is JsonObject o && o.ContainsKey("operationId")))
            .Select(m => m.Value!["operationId"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
}
