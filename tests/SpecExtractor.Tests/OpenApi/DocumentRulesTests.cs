using Xunit;
using ModelArts.SpecExtractor.OpenApi;

namespace ModelArts.SpecExtractor.Tests.OpenApi;

/// <summary>Document-wide rules for what the pages leave contradictory or implicit.</summary>
public sealed class DocumentRulesTests
{
    private static string Update(string page) => page
        .Replace(":original_name: CreateThing.html", ":original_name: UpdateThing.html", StringComparison.Ordinal)
        .Replace("POST /v2/{project_id}/things/{group_id}", "PUT /v2/{project_id}/things/{group_id}", StringComparison.Ordinal);

    [Fact]
    public void Same_named_tables_that_share_no_property_are_separate_schemas_under_the_typed_policy()
    {
        var other = Update(TestPages.Rst)
            .Replace("| type      | No        | Integer |", "| kind      | No        | Integer |", StringComparison.Ordinal)
            .Replace("| note      | No        | String  |", "| label     | No        | String  |", StringComparison.Ordinal);

        var (typed, _, warnings) = Extract.Document(TypeConflicts.Typed, ("a.rst", TestPages.Rst, false), ("b.rst", other, false));
        var (widened, _, _) = Extract.Document(TypeConflicts.Widen, ("a.rst", TestPages.Rst, false), ("b.rst", other, false));

        Assert.Equal(["type", "note"], typed.Schema("Source")["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["kind", "label"], typed.Schema("UpdateThingSource")["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("#/components/schemas/UpdateThingSource", typed.Property("UpdateThingRequest", "source")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Source", typed.Property("CreateThingRequest", "source")["$ref"]!.GetValue<string>());
        Assert.Contains(warnings, w => w.File == "b.rst" && w.Message.Contains("shares no property", StringComparison.Ordinal));
        Assert.Equal(["type", "note", "kind", "label"], widened.Schema("Source")["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_default_outside_the_options_is_dropped_with_its_citation()
    {
        var text = TestPages.Rst
            .Replace("| Mode. Options:                                               |", "| Mode. The default value is medium. Options:                  |", StringComparison.Ordinal)
            .Replace("-  **fast**: quick. (Default value)  ", "-  **fast**: quick.                  ", StringComparison.Ordinal);

        var (document, _, warnings) = Extract.Pages(("p.rst", text));

        var mode = document.Property("CreateThingRequest", "mode");
        Assert.Equal(["fast", "slow"], mode["enum"].Strings());
        Assert.Null(mode["default"]);
        Assert.DoesNotContain(mode["x-doc-source"]!.AsArray(), s => s!["keywords"].Strings().Contains("default"));
        Assert.Contains(warnings, w => w.Message.Contains("default of 'mode' (\"medium\") is not among its options", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ellipsis_between_list_items_of_an_example_is_an_omission_not_a_value()
    {
        var page = PageWriter.Operation("ListEngines", "GET /v2/{project_id}/engines",
            [new Table("Response body parameters", "response", new Row("items", "", "Array of Engine objects", "Engines.")), new Table("Engine", "response", new Row("engine_name", "", "String", "Name."))],
            requestExample: null, statuses: ["200"]);
        var text = page.Text.Replace("## Status Codes", "## Example Responses\n\n**Status code: 200**\n\n```\n{ \"items\": [ { \"engine_name\": \"Caffe\" }, \"......\", { \"engine_name\": \"PyTorch\" } ] }\n```\n\n## Status Codes", StringComparison.Ordinal);

        var (document, _, warnings) = Extract.Pages((page.File, text));

        Assert.Equal("#/components/schemas/Engine", document.Property("ListEnginesResponse", "items")["items"]!["$ref"]!.GetValue<string>());
        var example = document.Operation("get", "/v2/{project_id}/engines")["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!;
        Assert.Equal(2, example["items"]!.AsArray().Count);
        Assert.Contains(warnings, w => w.Message.Contains("1 omission(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_body_table_of_a_get_lists_query_parameters()
    {
        // Old-style pages do this: "Request Body" under a GET whose sample request carries the names in its query.
        var page = PageWriter.Operation("ListConfigs", "GET /v1/{project_id}/configs",
            new Table("Request body parameters", "request", new Row("per_page", "No", "Integer", "Items per page. The value range is [1, 1000]."), new Row("order", "Yes", "String", "Sorting order.")));

        var (document, coverage, warnings) = Extract.Pages(page);

        var operation = document.Operation("get", "/v1/{project_id}/configs");
        Assert.Null(operation["requestBody"]);
        Assert.False(document["components"]!["schemas"]!.AsObject().ContainsKey("ListConfigsRequest"));
        var query = operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query").ToList();
        Assert.Equal(["per_page", "order"], query.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal([false, true], query.Select(p => p!["required"]!.GetValue<bool>()));
        Assert.Equal("1000", query[0]!["schema"]!["maximum"]!.ToJsonString());
        Assert.Equal("Items per page. The value range is [1, 1000].", query[0]!["description"]!.GetValue<string>());
        Assert.Equal(coverage.RowsFound, coverage.RowsExtracted);
        Assert.Contains(warnings, w => w.Message.Contains("GET carries no body", StringComparison.Ordinal));
    }

    [Fact]
    public void A_content_type_row_without_a_media_type_is_a_warning_and_a_header()
    {
        var text = StylePages.Nested.Replace("Content-Type Yes       String Application/merge-patch + JSON.", "Content-Type Yes       String Type of the message body.     ", StringComparison.Ordinal);

        var (document, _, warnings) = Extract.Document(TypeConflicts.Typed, ("p.rst", text, false));

        var operation = document.Operation("patch", "/v2/{project_id}/pools/{pool_name}");
        Assert.Equal(["application/json"], operation["requestBody"]!["content"]!.AsObject().Select(p => p.Key));
        Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Content-Type");
        Assert.Contains(warnings, w => w.Message.Contains("Content-Type row names no media type", StringComparison.Ordinal));
    }
}
