using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Rules;

/// <summary>
/// Rules between fields are placed on the schema that sees both fields and written as JSON Schema 2020-12
/// (issue 10, requirement 1): a phrase is matched against the documented meanings of the options of a field the
/// schema can see, going up through the schemas that hold it; what cannot be placed is reported, never guessed.
/// </summary>
public sealed class RulePlacementTests
{
    private static readonly Table Body = new("Request body parameters", "request",
        new Row("dataset_type", "No", "Integer", "Dataset type. Options:\n- 0: image classification\n- 100: text classification\n- 102: text triplet\n- 400: table dataset"),
        new Row("label_format", "No", "String", "Label format. This parameter is used only for text datasets."),
        new Row("data_format", "No", "String", "Data format. Options:\n- Default: default format\n- CarbonData: CarbonData (supported only by table datasets)"),
        new Row("sources", "No", "Array of Source objects", "Data sources."),
        new Row("labels", "No", "Array of Label objects", "Labels."),
        new Row("samples", "No", "Array of Sample objects", "Samples."),
        new Row("weight", "No", "Integer", "Traffic weight. This parameter is mandatory only when infer_type is set to real-time."));

    private static readonly Table Source = new("Source", "request",
        new Row("data_type", "No", "Integer", "Data type. Options:\n- 0: OBS bucket\n- 1: GaussDB(DWS)"),
        new Row("type", "No", "String", "Source type. Options:\n- OBS: OBS path\n- DATASET: dataset"),
        new Row("path", "No", "String", "Source path. Options:\n- If type is set to OBS, path is an OBS path.\n- If type is set to DATASET, path is a dataset ID."),
        new Row("info", "No", "Info object", "Connection."));

    private static readonly Table Info = new("Info", "request",
        new Row("user_name", "No", "String", "Username, which is mandatory for GaussDB(DWS) data."),
        new Row("user_password", "No", "String", "User password, which is mandatory for GaussDB(DWS) data."));

    private static readonly Table Label = new("Label", "request",
        new Row("type", "No", "Integer", "Label type. Options:\n- 1: object detection\n- 102: text triplet relationship"),
        new Row("property", "No", "LabelProperty object", "Attributes."));

    private static readonly Table LabelProperty = new("LabelProperty", "request",
        new Row("from_type", "No", "String", "Head entity type. This attribute must be specified when a relationship label is created. This parameter is used only for the text triplet dataset."),
        new Row("shape", "No", "String", "Object shape, which is a default attribute dedicated to the object detection label."));

    private static readonly Table Sample = new("Sample", "request",
        new Row("labels", "No", "Array of Label objects", "Labels of the sample."),
        new Row("metadata", "No", "Metadata object", "Metadata."));

    private static readonly Table Metadata = new("Metadata", "request",
        new Row("size", "No", "Array of integers", "Image size. Note: This parameter is mandatory only when the sample label list contains the object detection label."));

    private static readonly (JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings) Result =
        Extract.Pages(PageWriter.Operation("CreateThing", "POST /v2/{project_id}/things", Body, Source, Info, Label, LabelProperty, Sample, Metadata));

    private static JsonObject Document => Result.Document;

    [Fact]
    public void Mandatory_for_a_kind_of_data_is_required_when_the_parent_field_has_that_option()
    {
        var rule = Assert.Single(Document.Schema("Source").Rules(), r => r["then"]?["properties"]?["info"] is not null);

        Assert.Equal("""{"properties":{"data_type":{"const":1}},"required":["data_type"]}""", rule["if"]!.ToJsonString());
        Assert.Equal("""{"properties":{"info":{"required":["user_name","user_password"]}},"required":["info"]}""", rule["then"]!.ToJsonString());
        Assert.Equal(2, rule["x-doc-source"]!.AsArray().Count);
        Assert.Equal("info.user_name is required when data_type is 1; info.user_password is required when data_type is 1", rule["description"]!.GetValue<string>());
    }

    [Fact]
    public void Used_only_for_a_kind_of_dataset_forbids_the_field_for_every_other_documented_kind()
    {
        var rule = Document.Schema("CreateThingRequest").Rules().Single(r => r["then"]!.ToJsonString().Contains("label_format", StringComparison.Ordinal));

        Assert.Equal("[0,400]", rule["if"]!["properties"]!["dataset_type"]!["enum"]!.ToJsonString());
        Assert.Equal("""{"not":{"required":["label_format"]}}""", rule["then"]!.ToJsonString());
    }

    [Fact]
    public void An_option_supported_only_by_a_kind_of_dataset_is_refused_for_the_others()
    {
        var rule = Document.Schema("CreateThingRequest").Rules().Single(r => r["then"]!.ToJsonString().Contains("CarbonData", StringComparison.Ordinal));

        Assert.Equal("[0,100,102]", rule["if"]!["properties"]!["dataset_type"]!["enum"]!.ToJsonString());
        Assert.Equal("""{"properties":{"data_format":{"not":{"const":"CarbonData"}}}}""", rule["then"]!.ToJsonString());
    }

    [Fact]
    public void A_rule_about_a_list_item_is_placed_where_the_condition_is_visible_and_applies_to_every_item_on_every_path()
    {
        var rules = Document.Schema("CreateThingRequest").Rules().Where(r => r["then"]!.ToJsonString().Contains("from_type", StringComparison.Ordinal)).ToList();

        Assert.All(rules, r => Assert.Equal("[0,100,400]", r["if"]!["properties"]!["dataset_type"]!["enum"]!.ToJsonString()));
        Assert.Equal(
            [
                """{"properties":{"labels":{"items":{"properties":{"property":{"not":{"required":["from_type"]}}}}}}}""",
                """{"properties":{"samples":{"items":{"properties":{"labels":{"items":{"properties":{"property":{"not":{"required":["from_type"]}}}}}}}}}}""",
            ],
            rules.Select(r => r["then"]!.ToJsonString()));
    }

    [Fact]
    public void Mandatory_when_a_kind_of_label_is_created_is_placed_on_the_label()
    {
        var rules = Document.Schema("Label").Rules();

        var required = rules.Single(r => r["then"]!["required"] is not null);
        Assert.Equal("""{"properties":{"type":{"const":102}},"required":["type"]}""", required["if"]!.ToJsonString());
        Assert.Equal("""{"properties":{"property":{"required":["from_type"]}},"required":["property"]}""", required["then"]!.ToJsonString());

        var dedicated = rules.Single(r => r["then"]!.ToJsonString().Contains("shape", StringComparison.Ordinal));
        Assert.Equal("""{"properties":{"type":{"const":102}},"required":["type"]}""", dedicated["if"]!.ToJsonString());
    }

    [Fact]
    public void A_list_that_contains_an_item_of_a_kind_is_contains()
    {
        var rule = Assert.Single(Document.Schema("Sample").Rules());

        Assert.Equal("""{"properties":{"labels":{"contains":{"properties":{"type":{"const":1}},"required":["type"]}}},"required":["labels"]}""", rule["if"]!.ToJsonString());
        Assert.Equal("""{"properties":{"metadata":{"required":["size"]}},"required":["metadata"]}""", rule["then"]!.ToJsonString());
    }

    [Fact]
    public void A_format_when_another_field_has_a_value_is_a_pattern_under_that_condition()
    {
        var rule = Document.Schema("Source").Rules().Single(r => r["then"]!.ToJsonString().Contains("pattern", StringComparison.Ordinal));

        Assert.Equal("""{"properties":{"type":{"const":"OBS"}},"required":["type"]}""", rule["if"]!.ToJsonString());
        Assert.Matches(rule["then"]!["properties"]!["path"]!["pattern"]!.GetValue<string>(), "/bucket/dir/");
        Assert.DoesNotMatch(rule["then"]!["properties"]!["path"]!["pattern"]!.GetValue<string>(), "PYc9H2HGv5BJNwBGXyK");
    }

    [Theory]
    [InlineData("'infer_type' is no field")]
    [InlineData("the documentation gives no format for 'a dataset ID'")]
    public void A_rule_that_cannot_be_placed_is_reported_with_the_reason(string reason)
    {
        var extraction = Extraction.Run(new ExtractionRequest([WriteTemporaryPage()], [], Extract.Info));

        Assert.Contains(extraction.Warnings, w => w.Message.StartsWith("rule not encoded:", StringComparison.Ordinal) && w.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_rule_statement_is_either_encoded_or_reported()
    {
        var extraction = Extraction.Run(new ExtractionRequest([WriteTemporaryPage()], [], Extract.Info));

        var rules = extraction.Constraints.Single(c => c.Class == ModelArts.SpecExtractor.Schema.ConstraintClass.Rule);
        Assert.Equal(rules.Found, rules.Encoded + rules.Reported);
        Assert.Equal(2, rules.Reported);
        Assert.DoesNotContain(extraction.Missed, m => m.Class == ModelArts.SpecExtractor.Schema.ConstraintClass.Rule);
    }

    [Fact]
    public void A_field_is_never_the_condition_of_its_own_rule()
    {
        // "This mode is supported only when the instance category is EFS." on an option of ownership: EFS is no option
        // of category, and ownership's own options must not stand in for the condition.
        var (file, text) = PageWriter.Operation(
            "CreateNotebook",
            "POST /v1/{project_id}/notebooks",
            new Table("Request body parameters", "request", new Row("volume", "No", "VolumeReq object", "Storage.")),
            new Table("VolumeReq", "request",
                new Row("category", "Yes", "String", "Storage type. Enums:\n- SFS\n- EVS"),
                new Row("ownership", "Yes", "String", "Owner. Enums:\n- MANAGED: Resources are managed by the service.\n- DEDICATED: Resources are managed by the user account. This mode is supported only when the instance category is EFS.")));
        var folder = Directory.CreateTempSubdirectory("rules-").FullName;
        File.WriteAllText(Path.Combine(folder, file), text);

        var extraction = Extraction.Run(new ExtractionRequest([Path.Combine(folder, file)], [], Extract.Info));

        Assert.DoesNotContain("\"if\"", extraction.Document.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(extraction.Warnings, w => w.Message.StartsWith("rule not encoded:", StringComparison.Ordinal) && w.Message.Contains("instance category is EFS", StringComparison.Ordinal));
    }

    private static string WriteTemporaryPage()
    {
        var (file, text) = PageWriter.Operation("CreateThing", "POST /v2/{project_id}/things", Body, Source, Info, Label, LabelProperty, Sample, Metadata);
        var folder = Directory.CreateTempSubdirectory("rules-").FullName;
        File.WriteAllText(Path.Combine(folder, file), text);
        return Path.Combine(folder, file);
    }
}
