using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.OpenApi;

public sealed class OverlayTests
{
    private static JsonObject Document() => JsonNode.Parse("""
        {
          "paths": { "/a/{id}": { "post": { "operationId": "A", "tags": ["x"], "responses": { "200": {}, "201": {} } } } },
          "components": { "schemas": { "A": { "type": "object", "properties": { "p": { "type": "string" } } } } }
        }
        """)!.AsObject();

    [Fact]
    public void Update_merges_objects_recursively_and_appends_to_arrays()
    {
        var document = Document();
        var warnings = new WarningSink();
        Overlay.Apply(document, "o.json", """
            { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "actions": [
              { "target": "$.components.schemas.A", "update": { "properties": { "q": { "type": "integer" } }, "if": { "required": ["p"] } } },
              { "target": "$.paths['/a/{id}'].post.tags", "update": "y" }
            ] }
            """, warnings);

        Assert.Empty(warnings.Warnings);
        Assert.Equal(["p", "q"], document.Schema("A")["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["p"], document.Schema("A")["if"]!["required"].Strings());
        Assert.Equal(["x", "y"], document["paths"]!["/a/{id}"]!["post"]!["tags"].Strings());
    }

    [Fact]
    public void Remove_deletes_every_match()
    {
        var document = Document();
        Overlay.Apply(document, "o.json", """
            { "overlay": "1.0.0", "info": { "title": "t", "version": "1" }, "actions": [
              { "target": "$.paths.*.post.responses['200']", "remove": true }
            ] }
            """, new WarningSink());

        Assert.Equal(["201"], document["paths"]!["/a/{id}"]!["post"]!["responses"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_target_that_matches_nothing_is_a_warning_at_its_line()
    {
        var warnings = new WarningSink();
        Overlay.Apply(Document(), "o.json", "{ \"overlay\": \"1.0.0\", \"actions\": [\n  { \"update\": {} },\n  { \"target\": \"$.components.schemas.Gone\", \"update\": {} }\n] }", warnings);

        Assert.Equal(2, warnings.Warnings.Count);
        Assert.Contains("has no target", warnings.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(("o.json", 3), (warnings.Warnings[1].File, warnings.Warnings[1].Line));
        Assert.Contains("matches nothing", warnings.Warnings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"overlay\": \"2.0.0\", \"actions\": [] }")]
    [InlineData("{ \"overlay\": \"1.0.0\" }")]
    public void A_document_that_is_not_an_overlay_is_rejected_with_the_reason(string text) =>
        Assert.Throws<InvalidDataException>(() => Overlay.Apply(Document(), "o.json", text, new WarningSink()));

    [Theory]
    [InlineData("$.paths['/a/{id}'].post.operationId", 1)]
    [InlineData("$.paths[\"/a/{id}\"].post", 1)]
    [InlineData("$.paths.*.post.tags[0]", 1)]
    [InlineData("$.paths.*.post.tags[*]", 1)]
    [InlineData("$.components.schemas.*.properties.p", 1)]
    [InlineData("$.nothing", 0)]
    public void JsonPath_subset(string path, int count) => Assert.Equal(count, JsonPath.Select(Document(), path).Count);

    [Theory]
    [InlineData("paths")]
    [InlineData("$.paths[?(@.x)]")]
    [InlineData("$..paths")]
    public void Unsupported_JsonPath_is_a_format_error(string path) =>
        Assert.Throws<FormatException>(() => JsonPath.Select(Document(), path));
}
