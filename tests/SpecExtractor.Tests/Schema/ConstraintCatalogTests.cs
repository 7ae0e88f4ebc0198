using ModelArts.SpecExtractor.Schema;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Schema;

/// <summary>Each sentence pattern of the catalogue, on sentences as the documentation writes them.</summary>
public sealed class ConstraintCatalogTests
{
    private static readonly DocSource Row = new("page.rst", 7, string.Empty);

    [Theory]
    [InlineData("The value contains 0 to 256 characters.", "minLength", "0", "maxLength", "256")]
    [InlineData("The value contains 0 to 1,024 characters and cannot contain special characters (!<>=&\"').", "minLength", "0", "maxLength", "1024")]
    [InlineData("Version name consisting of 1 to 32 characters.", "minLength", "1", "maxLength", "32")]
    [InlineData("Label attribute name, which can contain a maximum of 64 characters.", "maxLength", "64", null, null)]
    [InlineData("名称，长度为1-64位。", "minLength", "1", "maxLength", "64")]
    public void Lengths(string sentence, string keyword1, string value1, string? keyword2, string? value2)
    {
        var facts = ConstraintCatalog.Read("name", "string", sentence, Row);

        Assert.Equal(value1, facts.Keywords[keyword1]!.ToJsonString());
        if (keyword2 is not null)
        {
            Assert.Equal(value2, facts.Keywords[keyword2]!.ToJsonString());
        }
    }

    [Theory]
    [InlineData("The description contains 0 to 256 characters and does not support the following special characters: ^!<>=&\"'", "^[^\\^!<>=&\"']*$")]
    [InlineData("Special characters (^!<>=&\"') are not allowed.", "^[^\\^!<>=&\"']*$")]
    [InlineData("Review comment, which contains 0 to 256 characters, excluding special characters (!<>=&\"'').", "^[^!<>=&\"']*$")]
    [InlineData("The value contains a maximum of 64 characters and cannot contain the character. <>=&\"'.", "^[^<>=&\"']*$")]
    [InlineData("Only digits, letters, underscores (_), and hyphens (-) are allowed.", "^[0-9A-Za-z_\\-]*$")]
    [InlineData("The value contains 1 to 64 characters, including only letters, digits, underscores (_), and hyphens (-).", "^[A-Za-z0-9_\\-]*$")]
    [InlineData("数据处理任务描述，长度为0-256位，不能包含^!<>=&\"'特殊字符。", "^[^\\^!<>=&\"']*$")]
    public void Patterns(string sentence, string pattern)
    {
        var facts = ConstraintCatalog.Read("name", "string", sentence, Row);

        Assert.Equal(pattern, facts.Keywords["pattern"]!.GetValue<string>());
        Assert.Contains(facts.Sources, s => s.Keywords.Contains("pattern"));
        Assert.Matches(pattern, "abc-1_2");
    }

    [Theory]
    [InlineData("The minimum value is 1.", "minimum", "1", null, null)]
    [InlineData("The value ranges from 0 to 1.", "minimum", "0", "maximum", "1")]
    [InlineData("The value range is [0,1].", "minimum", "0", "maximum", "1")]
    [InlineData("The value range is (0,1].", "exclusiveMinimum", "0", "maximum", "1")]
    [InlineData("The value cannot exceed 100.", "maximum", "100", null, null)]
    [InlineData("The value ranges from 0.5 to 1,000.", "minimum", "0.5", "maximum", "1000")]
    public void Ranges(string sentence, string keyword1, string value1, string? keyword2, string? value2)
    {
        var facts = ConstraintCatalog.Read("ratio", "number", sentence, Row);

        Assert.Equal(value1, facts.Keywords[keyword1]!.ToJsonString());
        if (keyword2 is not null)
        {
            Assert.Equal(value2, facts.Keywords[keyword2]!.ToJsonString());
        }
    }

    [Fact]
    public void Option_lists_become_enums_of_the_property_type_with_the_marked_default()
    {
        var facts = ConstraintCatalog.Read("role", "integer", "Role. The options are as follows:\n- 0: labeler\n- 1: reviewer (Default value)\n- 2: admin", Row);

        Assert.Equal("[0,1,2]", facts.Keywords["enum"]!.ToJsonString());
        Assert.Equal("1", facts.Keywords["default"]!.ToJsonString());
    }

    [Fact]
    public void Option_bullets_with_parenthesized_notes_or_no_text_are_values()
    {
        var facts = ConstraintCatalog.Read("format", "string", "Format. Options:\n- Default: default format\n- CarbonData (supported only by table datasets)\n- running", Row);

        Assert.Equal("[\"Default\",\"CarbonData\",\"running\"]", facts.Keywords["enum"]!.ToJsonString());
    }

    [Fact]
    public void A_date_format_among_the_options_makes_the_list_a_pattern()
    {
        var facts = ConstraintCatalog.Read("sample_time", "string", "Sample time. Options:\n- month: last 30 days\n- day: yesterday\n- yyyyMMdd-yyyyMMdd: a period (at most 30 days)", Row);

        Assert.False(facts.Keywords.ContainsKey("enum"));
        var pattern = facts.Keywords["pattern"]!.GetValue<string>();
        Assert.Equal(@"^(?:month|day|\d{8}-\d{8})$", pattern);
        Assert.Matches(pattern, "20190901-20190915");
        Assert.Matches(pattern, "month");
        Assert.DoesNotMatch(pattern, "yyyyMMdd-yyyyMMdd");
    }

    [Fact]
    public void Conditional_bullets_are_not_an_option_list()
    {
        var facts = ConstraintCatalog.Read("source", "string", "Data source path. Options:\n- If type is set to OBS, source is an OBS path.\n- If type is set to TASK, source is a task ID.", Row);

        Assert.False(facts.Keywords.ContainsKey("enum"));
        Assert.Empty(facts.Warnings);
    }

    [Fact]
    public void A_partly_readable_option_list_is_a_warning_not_a_wrong_enum()
    {
        var facts = ConstraintCatalog.Read("status", "integer", "Status. Options:\n- 0: new\n- **4: Rejected.", Row);

        Assert.False(facts.Keywords.ContainsKey("enum"));
        Assert.Contains("mixes values with other text", Assert.Single(facts.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Workspace ID. If no workspace is created, the default value is 0.", "string", "\"0\"")]
    [InlineData("Page size. The default value is 10.", "integer", "10")]
    [InlineData("Interval. The default value is 15 minutes.", "integer", "15")]
    [InlineData("工作空间ID。未创建工作空间时默认值为“0”。", "string", "\"0\"")]
    public void Defaults(string sentence, string type, string value)
    {
        var facts = ConstraintCatalog.Read("x", type, sentence, Row);

        Assert.Equal(value, facts.Keywords["default"]!.ToJsonString());
    }

    [Fact]
    public void A_default_that_is_not_a_value_is_ignored()
    {
        var facts = ConstraintCatalog.Read("x", "string", "The default value is left blank.", Row);

        Assert.False(facts.Keywords.ContainsKey("default"));
    }

    [Theory]
    [InlineData("Data source. Either this parameter or inputs is used.", "inputs")]
    [InlineData("Number of samples. Either this parameter or the sampling ratio is delivered.", "the sampling ratio")]
    [InlineData("数据来源，与inputs二选一。", "inputs")]
    public void Exclusivity(string sentence, string other)
    {
        var facts = ConstraintCatalog.Read("data_source", "object", sentence, Row);

        var exclusive = Assert.Single(facts.Exclusive);
        Assert.Equal(other, exclusive.Other);
        Assert.Equal(7, exclusive.Source.Line);
    }

    [Fact]
    public void String_patterns_do_not_apply_to_numbers_nor_number_patterns_to_strings()
    {
        Assert.Empty(ConstraintCatalog.Read("n", "integer", "The value contains 0 to 256 characters.", Row).Keywords);
        Assert.Empty(ConstraintCatalog.Read("s", "string", "The value ranges from 0 to 1.", Row).Keywords);
    }

    [Fact]
    public void A_sentence_that_only_mentions_a_value_is_not_a_character_class()
    {
        var facts = ConstraintCatalog.Read("feature_supports", "string", "Currently, only the value 0 is supported, indicating that the OBS file size is limited.", Row);

        Assert.Empty(facts.Keywords);
        Assert.Empty(facts.Warnings);
    }
}
