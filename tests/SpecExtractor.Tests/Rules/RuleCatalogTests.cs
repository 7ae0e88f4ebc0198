using ModelArts.SpecExtractor.Schema;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Rules;

/// <summary>Each way the documentation ties one field to another, as a sentence pattern (issue 10, requirement 1).</summary>
public sealed class RuleCatalogTests
{
    private static readonly DocSource Row = new("page.rst", 7, string.Empty);

    [Theory]
    [InlineData("Username, which is mandatory for GaussDB(DWS) data.", "GaussDB(DWS) data")]
    [InlineData("This attribute must be specified when a relationship label is created.", "relationship label is created")]
    [InlineData("This parameter is mandatory when data is exported to OBS or a new dataset.", "data is exported to OBS or a new dataset")]
    [InlineData("Dataset version ID, which must be specified when data of a dataset version is exported.", "data of a dataset version is exported")]
    [InlineData("用户名，GaussDB(DWS)数据需提供此参数。", "GaussDB(DWS)数据")]
    public void Mandatory_when_a_phrase_holds(string sentence, string condition)
    {
        var rule = RuleCatalog.Read("user_name", sentence, Row)!;

        Assert.Equal(RuleKind.RequiredWhen, rule.Kind);
        Assert.Equal(condition, rule.Condition.Text);
        Assert.Null(rule.Condition.Field);
        Assert.Equal(sentence, rule.Source.Sentence);
    }

    [Fact]
    public void Mandatory_when_a_named_field_has_a_value()
    {
        var rule = RuleCatalog.Read("weight", "This parameter is mandatory only when infer_type is set to real-time.", Row)!;

        Assert.Equal(RuleKind.RequiredWhen, rule.Kind);
        Assert.Equal("infer_type", rule.Condition.Field);
        Assert.Equal(["real-time"], rule.Condition.Values);
    }

    [Fact]
    public void Mandatory_when_a_list_contains_something()
    {
        var rule = RuleCatalog.Read("@modelarts:size", "Note: This parameter is mandatory only when the sample label list contains the object detection label.", Row)!;

        Assert.Equal(RuleKind.RequiredWhen, rule.Kind);
        Assert.True(rule.Condition.Contains);
        Assert.Equal("the object detection label", rule.Condition.Text);
    }

    [Fact]
    public void Another_field_must_be_set_when_something_holds()
    {
        var rule = RuleCatalog.Read("labels", "If you want to search for multiple labels, op must be specified.", Row)!;

        Assert.Equal(RuleKind.RequiredWhen, rule.Kind);
        Assert.Equal("op", rule.Subject);
    }

    [Theory]
    [InlineData("This parameter is used only for text datasets.", "text datasets")]
    [InlineData("This field is valid for the table dataset.", "table dataset")]
    [InlineData("This parameter is used only in the scenario of auto labeling for videos.", "auto labeling for videos")]
    [InlineData("Start position of the text, which is a default attribute dedicated to the named entity label.", "named entity label")]
    [InlineData("Default shape of an object detection label (dedicated attribute).", "object detection label")]
    [InlineData("标签格式信息，此参数仅文本类数据集使用。", "文本类数据集")]
    public void Used_only_for_something(string sentence, string condition)
    {
        var rule = RuleCatalog.Read("x", sentence, Row)!;

        Assert.Equal(RuleKind.OnlyFor, rule.Kind);
        Assert.Equal(condition, rule.Condition.Text);
    }

    [Fact]
    public void Invalid_for_something()
    {
        var rule = RuleCatalog.Read("import_folder", "This field is invalid for table datasets.", Row)!;

        Assert.Equal(RuleKind.ForbiddenWhen, rule.Kind);
        Assert.Equal("table datasets", rule.Condition.Text);
    }

    [Theory]
    [InlineData("Set this parameter to true only when creating a data processing task.", "true", "creating a data processing task")]
    [InlineData("CarbonData: CarbonData (supported only by table datasets)", "CarbonData", "table datasets")]
    [InlineData("1: CarbonData (supported only by table datasets)", "1", "table datasets")]
    public void One_value_only_when_something_holds(string sentence, string value, string condition)
    {
        var rule = RuleCatalog.Read("data_format", sentence, Row)!;

        Assert.Equal(RuleKind.ValueOnlyWhen, rule.Kind);
        Assert.Equal(value, rule.Value);
        Assert.Equal(condition, rule.Condition.Text);
    }

    [Fact]
    public void A_format_when_another_field_has_a_value()
    {
        var rule = RuleCatalog.Read("source", "If type is set to OBS, source is an OBS path.", Row)!;

        Assert.Equal(RuleKind.FormatWhen, rule.Kind);
        Assert.Equal(("type", "OBS"), (rule.Condition.Field, Assert.Single(rule.Condition.Values)));
        Assert.Equal("source", rule.Subject);
        Assert.Equal("an OBS path", rule.Format);
    }

    [Theory]
    [InlineData("Information required for importing a table data source.")]
    [InlineData("Dataset ID.")]
    [InlineData("Whether to import only hard examples.")]
    public void Descriptions_that_tie_nothing_are_no_rule(string sentence) =>
        Assert.Null(RuleCatalog.Read("x", sentence, Row));
}
