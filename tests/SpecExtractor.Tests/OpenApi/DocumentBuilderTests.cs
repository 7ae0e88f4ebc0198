using System.Text.Json.Nodes;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.OpenApi;

public sealed class DocumentBuilderTests
{
    public static TheoryData<string, string> Formats => Pages.PageFormatTests.Formats;

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_gives_the_same_operation_and_schemas(string file, string text)
    {
        var (document, coverage, _) = Extract.Pages((file, text));

        var operation = document["paths"]!["/v2/{project_id}/things/{group_id}"]!["post"]!.AsObject();
        Assert.Equal("CreateThing", operation["operationId"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/CreateThingRequest", operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.True(operation["requestBody"]!["required"]!.GetValue<bool>());
        Assert.Equal("#/components/schemas/CreateThingResponse", operation["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["project_id", "group_id"], operation["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>()));

        var request = document.Schema("CreateThingRequest");
        Assert.Equal(["name"], request["required"].Strings());
        Assert.Equal("#/components/schemas/Source", document.Property("CreateThingRequest", "source")["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Source", document.Property("CreateThingRequest", "sources")["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["source", "sources"], Assert.Single(request.Exclusive()));

        var mode = document.Property("CreateThingRequest", "mode");
        Assert.Equal(["fast", "slow"], mode["enum"].Strings());
        Assert.Equal("fast", mode["default"]!.GetValue<string>());

        Assert.Equal(["0", "1"], document.Property("Source", "type")["enum"].Strings());
        Assert.Equal(64, document.Property("CreateThingRequest", "name")["maxLength"]!.GetValue<long>());
        Assert.Equal(coverage.RowsFound, coverage.RowsExtracted);
        Assert.Equal((1, 1), (coverage.OperationsFound, coverage.OperationsExtracted));
    }

    [Fact]
    public void Prose_constraints_become_keywords_that_cite_their_sentence()
    {
        var (document, _, _) = Extract.Pages(("create_thing.rst", TestPages.Rst));

        var name = document.Property("CreateThingRequest", "name");
        Assert.Equal(1, name["minLength"]!.GetValue<long>());
        Assert.Equal("^[A-Za-z0-9_\\-]*$", name["pattern"]!.GetValue<string>());
        var sources = name["x-doc-source"]!.AsArray();
        Assert.Equal(["minLength", "maxLength"], sources[0]!["keywords"].Strings());
        Assert.Equal("The value contains 1 to 64 characters.", sources[0]!["sentence"]!.GetValue<string>());
        Assert.Equal("create_thing.rst", sources[0]!["page"]!.GetValue<string>());

        var note = document.Property("Source", "note");
        Assert.Equal("^[^\\^!<>=&\"']*$", note["pattern"]!.GetValue<string>());
        Assert.Equal(256, note["maxLength"]!.GetValue<long>());

        var ratio = document.Property("CreateThingRequest", "ratio");
        Assert.Equal((0, 1), (ratio["minimum"]!.GetValue<long>(), ratio["maximum"]!.GetValue<long>()));

        Assert.Equal("string", document.Property("CreateThingRequest", "tags")["additionalProperties"]!["type"]!.GetValue<string>());

        var limit = document["paths"]!["/v2/{project_id}/things/{group_id}"]!["post"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "limit")!;
        Assert.Equal("query", limit["in"]!.GetValue<string>());
        Assert.False(limit["required"]!.GetValue<bool>());
        Assert.Equal((1, 100), (limit["schema"]!["minimum"]!.GetValue<long>(), limit["schema"]!["maximum"]!.GetValue<long>()));
    }

    [Fact]
    public void A_field_only_the_example_shows_is_added_and_marked()
    {
        var (document, _, warnings) = Extract.Pages(("create_thing.rst", TestPages.Rst));

        var color = document.Property("CreateThingRequest", "color");
        Assert.Equal("string", color["type"]!.GetValue<string>());
        Assert.Equal("example", color["x-doc-source"]!.GetValue<string>());
        Assert.Contains(warnings, w => w.Message.Contains("$.color is in no table", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_and_example_type_disagreement_widens_the_schema_and_warns()
    {
        var (document, _, warnings) = Extract.Pages(("create_thing.rst", TestPages.Rst));

        var count = document.Property("CreateThingResponse", "count");
        Assert.Equal(["string", "integer"], count["type"].Strings()); // a fixed order: object, array, string, integer, number, boolean, null
        Assert.Equal("int64", count["format"]!.GetValue<string>()); // still describes the integer branch
        var conflict = count["x-doc-type-conflict"]![0]!;
        Assert.Equal(("integer", "string"), (conflict["documented"]!.GetValue<string>(), conflict["observed"]!.GetValue<string>()));
        var warning = Assert.Single(warnings, w => w.Message.Contains("$.count", StringComparison.Ordinal));
        Assert.Equal("create_thing.rst", warning.File);
    }

    [Fact]
    public void Examples_are_attached_with_their_title_and_source_line()
    {
        var (document, _, _) = Extract.Pages(("create_thing.rst", TestPages.Rst));

        var example = document["paths"]!["/v2/{project_id}/things/{group_id}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["example1"]!;
        Assert.Equal("Creating a fast thing", example["summary"]!.GetValue<string>());
        Assert.Equal("t-1", example["value"]!["name"]!.GetValue<string>());
        Assert.StartsWith("create_thing.rst:", example["x-doc-source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Same_named_tables_that_differ_merge_by_the_documented_rule()
    {
        var other = TestPages.Rst
            .Replace(":original_name: CreateThing.html", ":original_name: UpdateThing.html", StringComparison.Ordinal)
            .Replace("POST /v2/{project_id}/things/{group_id}", "PUT /v2/{project_id}/things/{group_id}", StringComparison.Ordinal)
            .Replace("| note      | No        | String  |", "| note      | Yes       | Integer |", StringComparison.Ordinal);
        var (document, _, warnings) = Extract.Pages(("a.rst", TestPages.Rst), ("b.rst", other));

        var note = document.Property("Source", "note");
        Assert.Equal(["string", "integer"], note["type"].Strings());
        Assert.False(document.Schema("Source").ContainsKey("required")); // Yes on one page, No on the other
        Assert.Equal(2, document.Schema("Source")["x-doc-tables"]!.AsArray().Count);
        Assert.Contains(warnings, w => w.File == "b.rst" && w.Message.Contains("'Source.note' is integer here but string in a.rst", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_path_keeps_one_item_with_one_operation_per_method()
    {
        var get = TestPages.Rst
            .Replace(":original_name: CreateThing.html", ":original_name: ShowThing.html", StringComparison.Ordinal)
            .Replace("POST /v2/{project_id}/things/{group_id}", "GET /v2/{project_id}/things/{group_id}", StringComparison.Ordinal);
        var (document, coverage, _) = Extract.Pages(("a.rst", TestPages.Rst), ("b.rst", get));

        var item = document["paths"]!["/v2/{project_id}/things/{group_id}"]!.AsObject();
        Assert.Equal(["get", "post"], item.Select(p => p.Key));
        Assert.Equal("ShowThing", item["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal(2, coverage.OperationsExtracted);
    }

    [Fact]
    public void A_page_without_an_operation_name_gets_one_from_its_title_and_a_warning()
    {
        var text = TestPages.PlainText.Replace("doc-exports/docs/modelarts/api-ref/CreateThing.html", "exported page", StringComparison.Ordinal);
        var (document, _, warnings) = Extract.Pages(("p.txt", text));

        Assert.Equal("CreateThing", document["paths"]!["/v2/{project_id}/things/{group_id}"]!["post"]!["operationId"]!.GetValue<string>());
        Assert.Contains(warnings, w => w.Message.Contains("operationId 'CreateThing' is derived from its title", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_type_name_is_a_warning_and_a_free_form_object()
    {
        // Neither a caption nor the label the link points to names the type.
        var text = TestPages.Rst
            .Replace(".. table:: **Table 4** Source", ".. table:: **Table 4** Origin", StringComparison.Ordinal)
            .Replace(".. _en-us_topic_1__request_source:", ".. _en-us_topic_1__request_origin:", StringComparison.Ordinal);
        var (document, _, warnings) = Extract.Pages(("p.rst", text));

        var source = document.Property("CreateThingRequest", "source");
        Assert.Equal("object", source["type"]!.GetValue<string>());
        Assert.Equal("Source object", source["x-doc-type"]!.GetValue<string>());
        Assert.Contains(warnings, w => w.Message.Contains("names no table on any page", StringComparison.Ordinal));
    }

    [Fact]
    public void Output_is_sorted_and_byte_identical_on_rerun()
    {
        var first = OpenApiText(Extract.Pages(("b.rst", TestPages.Rst), ("a.txt", TestPages.PlainText)).Document);
        var second = OpenApiText(Extract.Pages(("b.rst", TestPages.Rst), ("a.txt", TestPages.PlainText)).Document);

        Assert.Equal(first, second);
        var schemas = JsonNode.Parse(first)!["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(schemas.Order(StringComparer.Ordinal), schemas);
    }

    private static string OpenApiText(JsonObject document) => ModelArts.SpecExtractor.OpenApi.JsonOutput.Write(document);
}
