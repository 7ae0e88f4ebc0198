using System.Text.Json.Nodes;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Corpus;

/// <summary>What the committed spec/ says about the operations this project started from (no docs needed).</summary>
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

    private static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Spec, name)))!.AsObject();
}
