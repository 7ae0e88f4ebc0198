using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Corpus;

/// <summary>What the committed spec/ says (no docs needed).</summary>
public sealed class ShippedSpecTests
{
    private static readonly JsonObject Spec = Load("modelarts.openapi.json");

    private static readonly JsonObject Iam = Load("iam.openapi.json");

    [Theory]
    [InlineData("CreateProcessorTask", "post", "/v2/{project_id}/processor-tasks")]
    [InlineData("CreateWorkforceTask", "post", "/v2/{project_id}/datasets/{dataset_id}/workforce-tasks")]
    [InlineData("AutoAnnotationProgress", "get", "/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}")]
    [InlineData("CreateTask", "post", "/v2/{project_id}/datasets/{dataset_id}/tasks")]
    [InlineData("ListAutoAnnotationSamples", "get", "/v2/{project_id}/datasets/{dataset_id}/auto-annotations/samples")]
    [InlineData("UpdateSamples", "put", "/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples")]
    public void Seed_operations_are_keyed_on_method_and_path(string operationId, string method, string path) =>
        Assert.Equal(operationId, Spec["paths"]![path]![method]!["operationId"]!.GetValue<string>());

    [Theory]
    [InlineData("ProcessorDataSource")]
    [InlineData("TemplateParam")]
    [InlineData("OperatorParam")]
    [InlineData("WorkPath")]
    [InlineData("WorkforcesConfig")]
    [InlineData("Worker")]
    [InlineData("SmartTaskConfig")]
    [InlineData("SampleLabel")]
    [InlineData("CreateProcessorTaskRequest")]
    [InlineData("CreateProcessorTaskResponse")]
    public void Nested_tables_are_schemas_named_by_caption(string name) =>
        Assert.Equal("object", Spec.Schema(name)["type"]!.GetValue<string>());

    [Fact]
    public void CreateProcessorTask_carries_its_prose_and_curated_rules()
    {
        var request = Spec.Schema("CreateProcessorTaskRequest");

        Assert.Equal(["data_source", "inputs"], Assert.Single(request.Exclusive()));
        var oneOfThem = request["allOf"]!.AsArray().Single(e => e!["anyOf"] is not null)!;
        Assert.Equal("[{\"required\":[\"data_source\"]},{\"required\":[\"inputs\"]}]", oneOfThem["anyOf"]!.ToJsonString());
        var rule = Assert.Single(request.Rules());
        Assert.True(rule["if"]!["properties"]!["create_version"]!["const"]!.GetValue<bool>());
        Assert.Equal(["sys_data_cleaning", "sys_data_augmentation", "sys_data_validation", "sys_data_selection"], rule["then"]!["properties"]!["template"]!["properties"]!["id"]!["enum"].Strings());
        Assert.Contains("Set this parameter to true only when creating a data processing task", rule["x-doc-source"]![0]!["sentence"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("create_version", rule["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var description = Spec.Property("CreateProcessorTaskRequest", "description");
        Assert.Equal((0, 256), (description["minLength"]!.GetValue<long>(), description["maxLength"]!.GetValue<long>()));
        Assert.Equal("^[^\\^!<>=&\"']*$", description["pattern"]!.GetValue<string>());
        Assert.Contains("sys_data_analyse", Spec.Property("TemplateParam", "id")["enum"].Strings());
        Assert.Equal("^[0-9A-Za-z_\\-]*$", Spec.Property("WorkPath", "version_name")["pattern"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SmartTaskConfig", "n_clusters")]
    [InlineData("CreateWorkerRequest", "role")]
    [InlineData("ExportParams", "train_sample_ratio")]
    [InlineData("SampleMetadata", "@modelarts:hard")]
    public void Table_and_example_type_conflicts_are_widened_and_recorded(string schema, string property)
    {
        var node = Spec.Property(schema, property);

        Assert.IsType<JsonArray>(node["type"]);
        Assert.NotEmpty(node["x-doc-type-conflict"]!.AsArray());
    }

    [Fact]
    public void The_iam_token_call_has_its_own_document()
    {
        var operation = Iam["paths"]!["/v3/auth/tokens"]!["post"]!;

        Assert.Equal("KeystoneCreateUserTokenByPassword", operation["operationId"]!.GetValue<string>());
        Assert.Empty(operation["security"]!.AsArray());
        Assert.True(operation["responses"]!["201"]!["headers"]!["X-Subject-Token"]!["required"]!.GetValue<bool>());
        Assert.Null(Spec["paths"]!["/v3/auth/tokens"]);
    }

    [Theory]
    [InlineData("services.openapi.json", "ServiceConfig", "weight", "integer")] // the example writes "100"
    [InlineData("services.openapi.json", "ListServices", "workspace_id", "string")] // the example writes 0
    [InlineData("training.openapi.json", "JobConfig", "code_tree", null)] // a list in the table, one object in the example
    [InlineData("resources.openapi.json", "UpdatePoolTagsResponse", "tags", "array")] // "Tag object", the example a list of them
    public void Beyond_data_management_a_clear_table_type_survives_its_example(string document, string schema, string property, string? type)
    {
        var node = Load(document).Property(schema, property);

        Assert.Null(node["anyOf"]);
        Assert.Equal(type, node["type"]?.GetValue<string>());
        Assert.NotEmpty(node["x-doc-type-conflict"]!.AsArray());
        if (type is null or "array")
        {
            Assert.StartsWith("#/components/schemas/", (node["$ref"] ?? node["items"]!["$ref"])!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("training.openapi.json", "/v2/{project_id}/training-jobs/{training_job_id}", "WaitForTrainingJob")]
    [InlineData("services.openapi.json", "/v1/{project_id}/services/{service_id}", "WaitForService")]
    [InlineData("development.openapi.json", "/v1/{project_id}/notebooks/{id}", "WaitForNotebookRunning")]
    [InlineData("development.openapi.json", "/v1/{project_id}/notebooks/{id}", "WaitForNotebookStopped")]
    [InlineData("resources.openapi.json", "/v2/{project_id}/pools/{pool_name}", "WaitForPool")]
    public void Long_running_work_has_a_wait_whose_statuses_are_documented_values(string document, string path, string method)
    {
        var spec = Load(document);
        var operation = spec["paths"]![path]!["get"]!;
        var waits = operation["x-modelarts-wait"] is JsonArray many ? many.Select(w => w!.AsObject()) : [operation["x-modelarts-wait"]!.AsObject()];
        var wait = Assert.Single(waits, w => w["method"]!.GetValue<string>() == method);

        var response = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var status = Resolve(spec, response, wait["status"] is JsonArray steps ? steps.Strings() : [wait["status"]!.GetValue<string>()]);
        var documented = status["enum"].Strings();
        var ending = new[] { "succeeded", "failed", "stopped" }.SelectMany(k => wait[k]?.Strings() ?? []).ToList();
        Assert.NotEmpty(wait["succeeded"].Strings());
        Assert.All(ending, value => Assert.Contains(value, documented));
    }

    [Fact]
    public void Same_named_tables_of_different_chapters_are_schemas_of_different_documents()
    {
        var event1 = Load("modelarts.openapi.json").Schema("Event");
        var event2 = Load("training.openapi.json").Schema("Event");
        var event3 = Load("resources.openapi.json").Schema("Event");

        Assert.Contains("error_code", event1["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("level", event2["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("firstTimestamp", event3["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("firstTimestamp", event2["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void No_two_operations_or_schemas_of_a_document_differ_only_in_case_or_punctuation()
    {
        foreach (var entry in Manifest.Load(TestPaths.Spec))
        {
            var spec = Load(entry.Out);
            var schemas = spec["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
            var operations = spec["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Select(m => m.Value?["operationId"]?.GetValue<string>()).OfType<string>().ToList();
            foreach (var names in new[] { schemas, operations })
            {
                var clashes = names.GroupBy(n => Regex.Replace(n, "[^A-Za-z0-9]", string.Empty).ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g));
                Assert.True(!clashes.Any(), $"{entry.Out}: {string.Join("; ", clashes)}");
            }
        }
    }

    /// <summary>The schema at a path of property names below a (possibly referenced) schema.</summary>
    private static JsonObject Resolve(JsonObject spec, JsonNode schema, IEnumerable<string> steps)
    {
        JsonObject Deref(JsonNode node) =>
            node["$ref"] is { } reference ? spec.Schema(reference.GetValue<string>()["#/components/schemas/".Length..]) : node.AsObject();

        var current = Deref(schema);
        foreach (var step in steps)
        {
            current = Deref(current["properties"]![step]!);
        }

        return current;
    }

    private static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Spec, name)))!.AsObject();
}
