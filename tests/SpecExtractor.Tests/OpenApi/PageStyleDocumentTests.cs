using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.OpenApi;

/// <summary>What the page styles beyond the data-management chapter become in a document (<see cref="StylePages"/>).</summary>
public sealed class PageStyleDocumentTests
{
    private const string OldPath = "/v1/{project_id}/widget-jobs";
    private const string CurrentPath = "/v2/{project_id}/widget-jobs";
    private const string PoolPath = "/v2/{project_id}/pools/{pool_name}";

    private static (JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings) Widgets(TypeConflicts conflicts = TypeConflicts.Typed) =>
        Extract.Document(conflicts, ("historical/creating_a_widget_job.rst", StylePages.OldVersion, true), ("current/creating_a_widget_job.rst", StylePages.CurrentVersion, false));

    private static (JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings) Pools(TypeConflicts conflicts = TypeConflicts.Typed) =>
        Extract.Document(conflicts, ("creating_a_pool.rst", StylePages.Nested, false), ("obtaining_a_pool.rst", StylePages.Show, false));

    [Fact]
    public void An_old_style_page_becomes_a_complete_operation()
    {
        var (document, coverage, _) = Widgets();

        var operation = document.Operation("post", OldPath);
        var parameters = operation["parameters"]!.AsArray();
        Assert.Equal([("project_id", "path"), ("dry_run", "query")], parameters.Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>())));
        var request = operation["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("#/components/schemas/CreateWidgetJobV1Request", request["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("TestJob", request["examples"]!["example1"]!["value"]!["job_name"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/CreateWidgetJobV1Response", operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());

        Assert.Equal("#/components/schemas/Config", document.Property("CreateWidgetJobV1Request", "config")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Profile", document.Property("CreateWidgetJobV1Request", "profile")["$ref"]!.GetValue<string>());
        Assert.Equal(["worker_server_num"], document.Schema("Config")["required"].Strings());
        Assert.Equal((2, 2), (coverage.OperationsFound, coverage.OperationsExtracted));
        Assert.Equal(coverage.RowsFound, coverage.RowsExtracted);
    }

    [Fact]
    public void A_page_named_by_a_topic_id_is_named_by_its_title_and_yields_to_the_declared_name()
    {
        var (document, _, warnings) = Widgets();

        Assert.Equal("CreateWidgetJob", document.Operation("post", CurrentPath)["operationId"]!.GetValue<string>());
        Assert.Equal("CreateWidgetJobV1", document.Operation("post", OldPath)["operationId"]!.GetValue<string>());
        Assert.DoesNotContain(warnings, w => w.Message.Contains("operationId", StringComparison.Ordinal));
    }

    [Fact]
    public void A_historical_operation_is_deprecated_and_names_the_current_one_of_the_same_title()
    {
        var (document, _, _) = Widgets();

        var old = document.Operation("post", OldPath);
        Assert.True(old["deprecated"]!.GetValue<bool>());
        Assert.Equal("CreateWidgetJob", old["x-replaced-by"]!["operationId"]!.GetValue<string>());
        Assert.Equal("current/creating_a_widget_job.rst", old["x-replaced-by"]!["page"]!.GetValue<string>());
        Assert.Null(document.Operation("post", CurrentPath)["deprecated"]);
    }

    [Fact]
    public void A_historical_table_whose_name_a_current_table_uses_gets_the_version()
    {
        var (document, _, _) = Widgets();

        Assert.Equal(["name", "i18n"], document.Schema("Parameter")["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["label", "value"], document.Schema("ParameterV1")["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("#/components/schemas/ParameterV1", document.Property("CreateWidgetJobV1Request", "parameter")["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Tables_nest_five_levels_deep_through_objects_lists_and_maps()
    {
        var (document, _, _) = Pools();

        Assert.Equal("#/components/schemas/Level1", document.Property("CreatePoolRequest", "spec")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Level2", document.Property("Level1", "level2")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Level3", document.Property("Level2", "level3")["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Level4", document.Property("Level3", "level4")["additionalProperties"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Level5", document.Property("Level4", "level5")["$ref"]!.GetValue<string>());
        Assert.Equal("integer", document.Property("Level5", "depth")["type"]!.GetValue<string>());
    }

    [Fact]
    public void Map_types_and_property_names_with_slashes_and_dots_keep_their_shape()
    {
        var (document, _, _) = Pools();

        Assert.Equal("string", document.Property("CreatePoolRequest", "labels")["additionalProperties"]!["type"]!.GetValue<string>());
        var matrix = document.Property("CreatePoolRequest", "matrix");
        Assert.Equal(("array", "object", "integer"), (matrix["type"]!.GetValue<string>(), matrix["items"]!["type"]!.GetValue<string>(), matrix["items"]!["additionalProperties"]!["type"]!.GetValue<string>()));
        Assert.Equal(["os.modelarts/name", "os.modelarts/node.prefix"], document.Schema("PoolMeta")["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["os.modelarts/name"], document.Schema("PoolMeta")["required"].Strings());
    }

    [Fact]
    public void Request_headers_become_the_body_media_type_and_header_parameters()
    {
        var (document, _, _) = Pools();

        var operation = document.Operation("patch", PoolPath);
        Assert.Equal(["application/merge-patch+json"], operation["requestBody"]!["content"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["X-Auth-Token", "X-Language"], operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>()));

        // Once an overlay declares the token header as a security scheme, the row is that scheme.
        document["components"]!["securitySchemes"] = JsonNode.Parse("""{ "token": { "type": "apiKey", "in": "header", "name": "X-Auth-Token" } }""");
        SecurityHeaders.Fold(document);
        Assert.Equal(["X-Language"], operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void A_response_table_without_a_status_line_is_the_success_response()
    {
        var (document, _, _) = Pools();

        var responses = document.Operation("patch", PoolPath)["responses"]!.AsObject();
        Assert.Equal(["201", "404"], responses.Select(r => r.Key));
        Assert.Equal("#/components/schemas/CreatePoolResponse", responses["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void One_caption_on_both_sides_requires_its_mandatory_fields_of_requests_only()
    {
        var (typed, _, _) = Pools();
        var (widened, _, _) = Pools(TypeConflicts.Widen);

        Assert.Null(typed.Schema("Tag")["required"]); // the response example omits "value"
        Assert.Equal(["key", "value"], typed.Schema("Tag")["x-required-in-requests"].Strings());
        Assert.Equal(["key", "value"], widened.Schema("Tag")["required"].Strings());
    }

    [Fact]
    public void A_documented_type_stays_where_the_example_can_be_read_as_it()
    {
        var (document, _, warnings) = Pools();

        var weight = document.Property("CreatePoolResponse", "weight");
        Assert.Equal(("integer", "int32"), (weight["type"]!.GetValue<string>(), weight["format"]!.GetValue<string>()));
        Assert.Equal("string", weight["x-doc-type-conflict"]![0]!["observed"]!.GetValue<string>());
        Assert.Equal("string", document.Property("CreatePoolResponse", "workspace_id")["type"]!.GetValue<string>());

        var tags = document.Property("CreatePoolResponse", "tags"); // "Tag object", the example a list of them
        Assert.Equal(("array", "#/components/schemas/Tag"), (tags["type"]!.GetValue<string>(), tags["items"]!["$ref"]!.GetValue<string>()));
        Assert.Equal("Tags.", tags["description"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/CodeTree", document.Property("CreatePoolResponse", "code_tree")["$ref"]!.GetValue<string>()); // a list in the table, one in the example

        var auto = document.Property("CreatePoolResponse", "auto");
        Assert.Equal(["#/components/schemas/Auto", null], auto["anyOf"]!.AsArray().Select(b => b!["$ref"]?.GetValue<string>()));
        Assert.Equal("null", auto["anyOf"]![1]!["type"]!.GetValue<string>());
        Assert.Equal("int64", document.Property("CreatePoolResponse", "created")["format"]!.GetValue<string>());

        // What cannot be read as the documented type still widens.
        Assert.Equal(["string", "integer"], document.Property("CreatePoolResponse", "count")["type"].Strings());
        Assert.Contains(warnings, w => w.Message.Contains("example value \"100\" at $.weight is string but the table says integer; the example shows it as 100", StringComparison.Ordinal));
    }

    [Fact]
    public void An_example_shown_in_the_documented_type_records_what_the_page_showed()
    {
        var (document, _, _) = Pools();

        var example = document.Operation("patch", PoolPath)["responses"]!["201"]!["content"]!["application/json"]!["examples"]!["example1"]!;
        Assert.Equal(100, example["value"]!["weight"]!.GetValue<long>());
        Assert.Equal("0", example["value"]!["workspace_id"]!.GetValue<string>());
        Assert.Equal("many", example["value"]!["count"]!.GetValue<string>());
        var adjusted = example["x-doc-adjusted"]!.AsArray();
        Assert.Equal(["$.weight", "$.workspace_id"], adjusted.Select(a => a!["at"]!.GetValue<string>()));
        Assert.Equal("\"100\"", adjusted[0]!["shown"]!.GetValue<string>());
        Assert.Equal("integer", adjusted[0]!["documented"]!.GetValue<string>());
    }

    [Fact]
    public void The_widen_policy_keeps_the_data_management_rule()
    {
        var (document, _, _) = Pools(TypeConflicts.Widen);

        Assert.Equal(["string", "integer"], document.Property("CreatePoolResponse", "weight")["type"].Strings());
        Assert.NotNull(document.Property("CreatePoolResponse", "tags")["anyOf"]);
        var example = document.Operation("patch", PoolPath)["responses"]!["201"]!["content"]!["application/json"]!["examples"]!["example1"]!;
        Assert.Equal("100", example["value"]!["weight"]!.GetValue<string>());
        Assert.Null(example["x-doc-adjusted"]);
    }

    [Fact]
    public void Request_examples_without_a_body_and_empty_responses_are_no_bodies()
    {
        var (document, coverage, warnings) = Pools();

        var show = document.Operation("get", PoolPath);
        Assert.Null(show["requestBody"]);
        Assert.Null(show["responses"]!["202"]!["content"]);
        Assert.DoesNotContain(warnings, w => w.File == "obtaining_a_pool.rst" && !w.Message.Contains("listed twice", StringComparison.Ordinal));
        Assert.Equal(coverage.RowsFound, coverage.RowsExtracted); // the repeated identical row is one parameter
        Assert.Single(show["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "project_id");
    }
}
