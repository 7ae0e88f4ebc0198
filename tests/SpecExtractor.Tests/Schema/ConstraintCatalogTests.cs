using System.Text.Json.Nodes;
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
    public void A_sentence_that_allows_one_value_is_a_closed_set_not_a_character_class()
    {
        var facts = ConstraintCatalog.Read("feature_supports", "string", "Currently, only the value 0 is supported, indicating that the OBS file size is limited.", Row);

        Assert.Equal("[\"0\"]", facts.Keywords["enum"]!.ToJsonString());
        Assert.False(facts.Keywords.ContainsKey("pattern"));
        Assert.Empty(facts.Warnings);
    }
}

/// <summary>Formats and closed sets stated without an option list (issue 10, requirement 2), and enum hygiene (requirement 3).</summary>
public sealed class FormatCatalogTests
{
    private static readonly DocSource Row = new("page.rst", 7, string.Empty);

    [Theory]
    [InlineData("OBS path or manifest path to be imported.", "/bucket/dir/", "dataset-id-123")]
    [InlineData("OBS directory for storing sample prediction results.", "obs://bucket/out/", "out/")]
    [InlineData("Output path for exporting data to OBS.", "/test-obs/daoChu/", "test-obs")]
    [InlineData("URL of the OBS path where the file of a training job is outputted.", "https://bucket.obs.example.com/x", "bucket")]
    [InlineData("The format is /Bucket name/File path, for example, /obs-bucket/flower/rose/.", "/obs-bucket/flower/rose/", "flower/rose")]
    public void An_obs_path_is_a_pattern_with_the_format_named(string sentence, string valid, string invalid)
    {
        var facts = ConstraintCatalog.Read("path", "string", sentence, Row);

        Assert.Equal("obs-path", facts.Keywords["format"]!.GetValue<string>());
        Assert.Matches(facts.Keywords["pattern"]!.GetValue<string>(), valid);
        Assert.DoesNotMatch(facts.Keywords["pattern"]!.GetValue<string>(), invalid);
    }

    [Theory]
    [InlineData("A data source path cannot be an OBS path in a KMS-encrypted bucket.")]
    [InlineData("Prefix of the OBS path in the exported labeling file.")]
    public void A_sentence_that_only_mentions_obs_paths_states_no_format(string sentence) =>
        Assert.False(ConstraintCatalog.Read("path", "string", sentence, Row).Keywords.ContainsKey("pattern"));

    [Fact]
    public void A_bucket_alone_and_a_missing_trailing_slash_are_refused_when_the_prose_says_so()
    {
        var facts = ConstraintCatalog.Read("work_path", "string", "The format is /Bucket name/File path. A bucket cannot be directly used as a path. The directory must end with a slash (/).", Row);

        var patterns = new[] { facts.Keywords["pattern"]!.GetValue<string>() }.Concat(facts.Keywords["allOf"]!.AsArray().Select(p => p!["pattern"]!.GetValue<string>())).ToList();
        Assert.Equal(3, patterns.Count);
        Assert.All(patterns, p => Assert.Matches(p, "/bucket/dir/"));
        Assert.Contains(patterns, p => !System.Text.RegularExpressions.Regex.IsMatch("/bucket", p));
        Assert.Contains(patterns, p => !System.Text.RegularExpressions.Regex.IsMatch("/bucket/dir", p));
    }

    [Theory]
    [InlineData("Speech start time, in the format of hh:mm:ss.SSS.", "00:01:02.345", "1:2:3")]
    [InlineData("Label color, which is a hexadecimal code of the color.", "#3399ff", "red")]
    [InlineData("IP address of your GaussDB(DWS) cluster.", "192.168.0.1", "cluster-1")]
    [InlineData("Use a hyphen (-) to separate every two hard sample reason IDs, for example, 3-20-21-19.", "3-20-21-19", "3--20")]
    [InlineData("The numbers before and after the comma indicate the minimum and maximum split ratios, for example, 0.0,1.0.", "0.0,1.0", "0.0-1.0")]
    [InlineData("The minimum and maximum values are separated by hyphens (-), for example, 0.10-0.90.", "0.10-0.90", "0.10,0.90")]
    public void Value_formats_become_patterns(string sentence, string valid, string invalid)
    {
        var pattern = ConstraintCatalog.Read("x", "string", sentence, Row).Keywords["pattern"]!.GetValue<string>();

        Assert.Matches(pattern, valid);
        Assert.DoesNotMatch(pattern, invalid);
    }

    [Fact]
    public void Options_of_a_separated_list_are_its_items_not_its_values()
    {
        var facts = ConstraintCatalog.Read("@modelarts:hard_reasons", "string",
            "Reasons that the sample is a hard sample. Use a hyphen (-) to separate every two hard sample reason IDs, for example, 3-20-21-19. Options:\n- 0: No target objects are identified.\n- 3: The prediction result differs.\n- 19: Other.\n- 20: Other.\n- 21: Other.",
            Row);

        var pattern = facts.Keywords["pattern"]!.GetValue<string>();
        Assert.False(facts.Keywords.ContainsKey("enum"));
        Assert.Matches(pattern, "3-20-21-19");
        Assert.Matches(pattern, "0");
        Assert.DoesNotMatch(pattern, "3-7");
        Assert.DoesNotMatch(pattern, "3--20");
        Assert.Contains(facts.Sources, s => s.Keywords.Contains("pattern") && s.Sentence.StartsWith("Options:", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_formats_for_two_cases_are_alternatives_not_two_requirements()
    {
        var facts = ConstraintCatalog.Read("begin_at", "string",
            "Start time of a period. If a scheduled task is of the once type, the value of the parameter is in the format of yyyy-MM-ddThh:mm:ss. For other scheduled task types, the value of the parameter is in the format of hh:mm:ss.",
            Row);

        var pattern = facts.Keywords["pattern"]!.GetValue<string>();
        Assert.False(facts.Keywords.ContainsKey("allOf"));
        Assert.Matches(pattern, "2024-01-02T08:00:00");
        Assert.Matches(pattern, "08:00:00");
        Assert.DoesNotMatch(pattern, "08:00");
        Assert.Equal(2, facts.Sources.Count(s => s.Keywords.Contains("pattern")));
    }

    [Fact]
    public void Quoted_literals_in_a_date_format_are_literal_characters()
    {
        var pattern = ConstraintCatalog.Read("timestamp", "string", "UTC time, in the format of yyyy-MM-dd'T'HH:mm:ss'Z'", Row).Keywords["pattern"]!.GetValue<string>();

        Assert.Matches(pattern, "2022-03-30T07:09:10Z");
        Assert.DoesNotMatch(pattern, "2022-03-30");
    }

    [Fact]
    public void An_option_list_for_one_case_is_no_enum()
    {
        var facts = ConstraintCatalog.Read("flavor_id", "string",
            "ID of the resource flavor. The options for dedicated resource pools with GPU specifications are as follows:\n- modelarts.pool.visual.xlarge (1 card)\n- modelarts.pool.visual.2xlarge (2 cards)",
            Row);

        Assert.False(facts.Keywords.ContainsKey("enum"));
        Assert.Contains(facts.Warnings, w => w.Contains("applies only for dedicated resource pools with GPU specifications", StringComparison.Ordinal));
        Assert.True(ConstraintCatalog.Read("status", "string", "Options for Status:\n- running\n- stopped", Row).Keywords.ContainsKey("enum"));
    }

    [Fact]
    public void An_option_list_of_ranges_is_no_enum()
    {
        var facts = ConstraintCatalog.Read("cidr", "string", "Network CIDR. Values:\n- 172.16.0.0/12-172.16.0.0/24\n- 192.168.0.0/16-192.168.0.0/24", Row);

        Assert.False(facts.Keywords.ContainsKey("enum"));
        Assert.Contains(facts.Warnings, w => w.Contains("lists ranges", StringComparison.Ordinal));
        Assert.Equal("[\"sys-data\",\"sys-model\"]", ConstraintCatalog.Read("x", "string", "Values:\n- sys-data\n- sys-model", Row).Keywords["enum"]!.ToJsonString());
    }

    [Fact]
    public void A_single_character_separator_from_a_listed_set_admits_its_documented_default()
    {
        var facts = ConstraintCatalog.Read("text_sample_separator", "string",
            "Separator between the text and label. By default, the Tab key is used as the separator. The separator needs to be escaped. The separator can contain only one character, such as a letter, a digit, or any of the following special characters: !@#$%^&*_=|?/':.;,",
            Row);

        var pattern = facts.Keywords["pattern"]!.GetValue<string>();
        Assert.Equal("\t", facts.Keywords["default"]!.GetValue<string>());
        Assert.Matches(pattern, "\t");
        Assert.Matches(pattern, ";");
        Assert.DoesNotMatch(pattern, ";;");
        Assert.DoesNotMatch(pattern, "~");
        Assert.Contains(facts.Warnings, w => w.Contains("breaks its documented format", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Encoding type. The value can be UTF-8, GBK, or GB2312. The default value is UTF-8.", "[\"UTF-8\",\"GBK\",\"GB2312\"]")]
    [InlineData("Review score, whose value can be A, B, C, or D, in descending order.", "[\"A\",\"B\",\"C\",\"D\"]")]
    [InlineData("Currently, only value all is available.", "[\"all\"]")]
    public void Closed_sets_stated_in_a_sentence_are_enums(string sentence, string values) =>
        Assert.Equal(values, ConstraintCatalog.Read("x", "string", sentence, Row).Keywords["enum"]!.ToJsonString());

    [Theory]
    [InlineData("Possible values are DAYS, HOURS, and MINUTES.", "[\"DAYS\",\"HOURS\",\"MINUTES\"]")]
    [InlineData("The options are between, like, in, and not.", "[\"between\",\"like\",\"in\",\"not\"]")]
    [InlineData("The value can be ROUND_ROBIN (weighted round robin), LEAST_CONNECTIONS (weighted least connections), or SOURCE_IP (source IP address algorithm).", "[\"ROUND_ROBIN\",\"LEAST_CONNECTIONS\",\"SOURCE_IP\"]")]
    [InlineData("The value range is [Info Error Warning].", "[\"Info\",\"Error\",\"Warning\"]")]
    public void Closed_sets_with_other_leads_notes_and_brackets_are_enums(string sentence, string values) =>
        Assert.Equal(values, ConstraintCatalog.Read("x", "string", sentence, Row).Keywords["enum"]!.ToJsonString());

    [Fact]
    public void An_option_list_introduced_as_follows_is_not_read_as_an_inline_closed_set() =>
        Assert.False(ConstraintCatalog.Read("x", "string", "The options are as follows, or none.", Row).Keywords.ContainsKey("enum"));

    [Theory]
    [InlineData("The value contains 64 characters.", 64)]
    [InlineData("The value is a string of 32 characters consisting of lowercase letters and digits.", 32)]
    public void One_stated_length_is_both_bounds(string sentence, int length)
    {
        var facts = ConstraintCatalog.Read("id", "string", sentence, Row);

        Assert.Equal(length, facts.Keywords["minLength"]!.GetValue<long>());
        Assert.Equal(length, facts.Keywords["maxLength"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("The value must be greater than 0.", "exclusiveMinimum", "0")]
    [InlineData("The value cannot be smaller than 0.01, with the third decimal place is rounded off.", "minimum", "0.01")]
    public void Lower_bounds_stated_as_comparisons(string sentence, string keyword, string value) =>
        Assert.Equal(value, ConstraintCatalog.Read("cpu", "number", sentence, Row).Keywords[keyword]!.ToJsonString());

    [Fact]
    public void A_condition_on_the_value_is_no_bound() =>
        Assert.False(ConstraintCatalog.Read("max_surge", "number", "If the value is greater than 1, it indicates the maximum number of instances.", Row).Keywords.ContainsKey("exclusiveMinimum"));

    [Fact]
    public void Special_characters_listed_after_the_sentence_are_forbidden()
    {
        var pattern = ConstraintCatalog.Read("event_info", "string", "The following special characters are not supported: (){}';,[]<>/?`", Row).Keywords["pattern"]!.GetValue<string>();

        Assert.Matches(pattern, "disk full");
        Assert.DoesNotMatch(pattern, "a;b");
    }

    [Fact]
    public void Only_one_item_at_a_time_is_max_items()
    {
        var facts = ConstraintCatalog.Read("data_sources", "array", "Input dataset path. Only one data source can be imported at a time.", Row);

        Assert.Equal("1", facts.Keywords["maxItems"]!.ToJsonString());
    }

    [Fact]
    public void Options_spelled_two_ways_are_two_wire_values()
    {
        var facts = ConstraintCatalog.Read("@modelarts:hard", "string", "Whether the sample is hard. Options:\n- 0/false: not a hard example\n- 1/true: hard example", Row);

        Assert.Equal("[\"0\",\"false\",\"1\",\"true\"]", facts.Keywords["enum"]!.ToJsonString());
    }

    [Fact]
    public void An_option_swallowed_by_a_lost_line_break_is_recovered()
    {
        var facts = ConstraintCatalog.Read("processor_task_status", "integer", "Status. The options are as follows:\n- 0: initialized - 1: running\n- 2: completed", Row);

        Assert.Equal("[0,1,2]", facts.Keywords["enum"]!.ToJsonString());
        Assert.Equal("Status. The options are as follows:\n- 0: initialized\n- 1: running\n- 2: completed", ConstraintCatalog.Normalize("Status. The options are as follows:\n- 0: initialized - 1: running\n- 2: completed"));
    }

    [Fact]
    public void An_option_list_written_on_one_line_is_an_option_list()
    {
        var facts = ConstraintCatalog.Read("task_type", "string", "Task type. The options are as follows: - auto-label: active learning - pre-label: pre-labeling - auto-grouping: auto grouping", Row);

        Assert.Equal("[\"auto-label\",\"pre-label\",\"auto-grouping\"]", facts.Keywords["enum"]!.ToJsonString());
    }

    [Fact]
    public void A_default_outside_the_options_is_dropped_with_a_warning()
    {
        var facts = ConstraintCatalog.Read("running_task_type", "integer", "Type. Options:\n- 0: auto labeling\n- 1: pre-labeling\nThe default value is 10.", Row);

        Assert.False(facts.Keywords.ContainsKey("default"));
        Assert.Contains(facts.Warnings, w => w.Contains("not among its options", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("标签与标签之间的分隔符，默认为逗号分隔。", ",")]
    [InlineData("文本与标签之间的分隔符，默认为Tab键分隔。", "\t")]
    [InlineData("编码类型，默认为UTF-8编码。", "UTF-8")]
    [InlineData("收集规则，默认为全量收集规则“all”。", "all")]
    public void Chinese_defaults_name_their_value(string sentence, string value) =>
        Assert.Equal(value, ConstraintCatalog.Read("x", "string", sentence, Row).Keywords["default"]!.GetValue<string>());

    [Theory]
    [InlineData("描述，默认为空。")]
    [InlineData("Default value of a label attribute.")]
    public void A_default_that_is_no_value_states_none(string sentence) =>
        Assert.False(ConstraintCatalog.Read("x", "string", sentence, Row).Keywords.ContainsKey("default"));

    [Fact]
    public void An_open_upper_bound_is_a_lower_bound_only()
    {
        var facts = ConstraintCatalog.Read("limit", "integer", "Maximum number of records returned on each page. The value range is (0, ∞).", Row);

        Assert.Equal("0", facts.Keywords["exclusiveMinimum"]!.ToJsonString());
        Assert.False(facts.Keywords.ContainsKey("maximum"));
        Assert.False(facts.Keywords.ContainsKey("exclusiveMaximum"));
    }

    [Theory]
    [InlineData("integer", "Number of workers in a training job. Obtain the maximum value from the max_num value returned by the API in Querying Job Resource Specifications.", "another API's answer")]
    [InlineData("object", "The value is key-value pairs in JSON format. A maximum of 10 key-value pairs are allowed.", "key-value pairs")]
    public void A_bound_the_schema_cannot_hold_is_a_warning_naming_it(string type, string description, string reason)
    {
        var facts = ConstraintCatalog.Read("x", type, description, Row);

        Assert.DoesNotContain(facts.Sources, s => s.Keywords.Any(k => k.Contains("imum", StringComparison.Ordinal) || k.EndsWith("Properties", StringComparison.Ordinal)));
        Assert.Contains(reason, Assert.Single(facts.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_outside_the_stated_range_widens_the_range_with_a_warning()
    {
        var facts = ConstraintCatalog.Read("limit", "integer", "Number of returned result records. The value range is (0, ∞). The default value is 0, which indicates that all results are returned.", Row);

        Assert.False(facts.Keywords.ContainsKey("exclusiveMinimum"));
        Assert.Equal("0", facts.Keywords["minimum"]!.ToJsonString());
        Assert.Contains(facts.Sources, s => s.Keywords.Contains("minimum") && s.Sentence == "The value range is (0, ∞).");
        Assert.Contains("outside its documented range", Assert.Single(facts.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Maximum number of records returned on each page. A maximum of 500 records are allowed on each page.")]
    [InlineData("Number of records on each page. A maximum of 500 records can be queried.")]
    public void A_maximum_count_of_records_bounds_a_number(string description) =>
        Assert.Equal("500", ConstraintCatalog.Read("limit", "integer", description, Row).Keywords["maximum"]!.ToJsonString());

    [Fact]
    public void Words_in_brackets_are_a_closed_set_not_a_numeric_range()
    {
        var facts = ConstraintCatalog.Read("level", "string", "Event level. The value range is [Info Error Warning].", Row);

        var statement = Assert.Single(facts.Statements, s => s.Text.Contains('[', StringComparison.Ordinal));
        Assert.Equal([ConstraintClass.Options], statement.Classes);
        Assert.Equal("[\"Info\",\"Error\",\"Warning\"]", facts.Keywords["enum"]!.ToJsonString());
    }

    [Theory]
    [InlineData("Sorting field. Enums:\n- create_at: time when an AI application is created (default value)\n- model_version: AI application version", "create_at")]
    [InlineData("Sorting field. Enums:\n- publish_at: service publishing time, which is the default value\n- service_name: service name", "publish_at")]
    [InlineData("Inference type. Enums:\n- real-time, which is the default value\n- batch", "real-time")]
    public void An_enums_list_is_an_option_list_with_its_marked_default(string description, string value)
    {
        var facts = ConstraintCatalog.Read("sort_by", "string", description, Row);

        Assert.Contains(value, facts.Keywords["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(value, facts.Keywords["default"]!.GetValue<string>());
        Assert.Contains(facts.Statements, s => s.IsOptionList && s.Classes.Contains(ConstraintClass.Options));
    }

    [Theory]
    [InlineData("string", "Script type.\n- COMMAND: The script content (Base64-encoded) must be specified.\n- SCRIPT (default): The script path must be specified.", "\"SCRIPT\"")]
    [InlineData("boolean", "Whether dest_path is read-only.\n- true: read-only permission\n- false: read/write permission. This is the default value.", "false")]
    public void A_bullet_marked_as_the_default_without_an_introduction_is_the_default(string type, string description, string value)
    {
        var facts = ConstraintCatalog.Read("type", type, description, Row);

        Assert.Equal(value, facts.Keywords["default"]!.ToJsonString());
        Assert.Contains(facts.Sources, s => s.Keywords.Contains("default") && s.Sentence.Contains("default", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void By_default_a_single_item_is_a_default_count_of_one() =>
        Assert.Equal("1", ConstraintCatalog.Read("node_count", "integer", "Number of resource replicas selected for a training job. By default, a single node is used.", Row).Keywords["default"]!.ToJsonString());

    /// <summary>
    /// Sentences the broad detectors would count in a class, which state no constraint of it: a bound on a boolean
    /// counts what the call does; "If the value is less than 1, it indicates ..." says how a value is read; a default
    /// decided elsewhere names no value; a format sentence on an object describes its data; an IP address in an
    /// option's note is part of the note.
    /// </summary>
    [Theory]
    [InlineData("boolean", "Whether to delete the AI applications of the same name. A maximum of 20 models can be deleted at a time.", "Range")]
    [InlineData("number", "If the value is less than 1, it indicates the percentage of instances to be added during the rolling upgrade.", "Range")]
    [InlineData("number", "If the value is greater than 1, it indicates the maximum number of instances to be added during the rolling upgrade.", "Range")]
    [InlineData("string", "If this parameter is not set, the default value is specified by CCE.", "Default")]
    [InlineData("string", "During service configuration update, the default value is the value set last time.", "Default")]
    [InlineData("object", "Mapping between input parameters and CSV data. Use commas (,) to separate multiple pieces of CSV data.", "Format")]
    [InlineData("string", "The value can be ROUND_ROBIN (weighted round robin), LEAST_CONNECTIONS (weighted least connections), or SOURCE_IP (source IP address algorithm).", "Format")]
    public void Sentences_that_state_no_constraint_of_a_class_are_not_counted_in_it(string type, string sentence, string className)
    {
        var @class = Enum.Parse<ConstraintClass>(className);
        var facts = ConstraintCatalog.Read("x", type, sentence, Row);

        Assert.DoesNotContain(facts.Statements, s => s.Classes.Contains(@class));
        Assert.DoesNotContain(facts.Sources, s => s.Keywords.Any(k => k is "minimum" or "maximum" or "exclusiveMinimum" or "default" or "pattern" or "format"));
    }

    [Theory]
    [InlineData("Path of the YAML configuration of auto search jobs. An OBS URL is required.", "obs://bucket/config.yaml", "job/config.yaml")]
    [InlineData("Mandatory for batch services. OBS path to the input data of a batch job", "/bucket/input/", "input/")]
    [InlineData("The value must be a valid OBS bucket path and end with a slash (/).", "/bucket/dir/", "/bucket/dir")]
    public void An_obs_path_stated_in_a_later_sentence_is_a_format(string description, string valid, string invalid)
    {
        var facts = ConstraintCatalog.Read("path", "string", description, Row);

        Assert.Equal(KnownFormats.ObsPath, facts.Keywords["format"]!.GetValue<string>());
        Assert.True(Matches(facts, valid));
        Assert.False(Matches(facts, invalid));
    }

    [Fact]
    public void A_path_template_ending_in_a_slash_states_the_trailing_slash()
    {
        var facts = ConstraintCatalog.Read("output_dir", "string", "Sample output path. The format is as follows: Dataset output path/Dataset name-Dataset ID/annotation/auto-deploy/. Example: /test/work_1/dataset123-g6IO/annotation/auto-deploy/.", Row);

        Assert.Contains(facts.Sources, s => s.Sentence == "The format is as follows: Dataset output path/Dataset name-Dataset ID/annotation/auto-deploy/.");

        Assert.True(Matches(facts, "/bucket/out/flowers-abc123/annotation/auto-deploy/"));
        Assert.False(Matches(facts, "/bucket/out/flowers-abc123/annotation/auto-deploy"));
    }

    [Fact]
    public void The_constraints_of_a_bullet_under_a_condition_are_reported_not_encoded()
    {
        // The example of an EVS instance has "/home/ma-user/work": the OBS format holds only when type is obs.
        var facts = ConstraintCatalog.Read("path", "string", "Storage path\n- If **type** is set to **obs**, this parameter is mandatory. The value must be a valid OBS bucket path and end with a slash (/).", Row);

        Assert.Empty(facts.Keywords);
        Assert.Contains("hold only if **type** is set to **obs**", Assert.Single(facts.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Patterns_that_must_all_hold_are_each_anchored_at_the_start()
    {
        // Prism merges allOf into lookaheads at the start of the value: "(?=^(?:obs|s3)://...)(?=/$)" would admit only "/".
        var facts = ConstraintCatalog.Read("path", "string", "The value must be a valid OBS bucket path and end with a slash (/).", Row);

        var patterns = new[] { facts.Keywords["pattern"]!.GetValue<string>() }.Concat(facts.Keywords["allOf"]!.AsArray().Select(a => a!["pattern"]!.GetValue<string>())).ToList();
        Assert.Equal(2, patterns.Count);
        Assert.All(patterns, p => Assert.StartsWith("^", p, StringComparison.Ordinal));
        var merged = string.Concat(patterns.Select(p => "(?=" + p + ")"));
        Assert.Matches(merged, "/bucket/dir/");
        Assert.DoesNotMatch(merged, "/bucket/dir");
    }

    [Fact]
    public void A_command_template_is_no_path_template() =>
        Assert.False(ConstraintCatalog.Read("user_command", "string", "The format is bash /home/work/run_train.sh python /home/work/user-job-dir/app/train.py {python_file_parameter}.", Row).Keywords.ContainsKey("pattern"));

    [Fact]
    public void Plural_separators_make_a_separated_list()
    {
        var facts = ConstraintCatalog.Read("service_id", "string", "Service ID. To delete multiple services in a batch, use commas (,) to separate multiple service_id values.", Row);

        Assert.True(Matches(facts, "a1,b2,c3"));
        Assert.False(Matches(facts, "a1, b2"));
    }

    [Theory]
    [InlineData("The value can contain letters, digits, hyphens (-), and underscores (_).", "dev-env_1", "dev env")]
    [InlineData("Image tag, which can contain a maximum of 64 characters, including letters, digits, hyphens (-), underscores (_), and periods (.)", "v1.0-rc_2", "v1:0")]
    public void A_character_list_that_ends_the_sentence_is_the_allowed_set(string sentence, string valid, string invalid)
    {
        var facts = ConstraintCatalog.Read("tag", "string", sentence, Row);

        Assert.True(Matches(facts, valid));
        Assert.False(Matches(facts, invalid));
    }

    [Fact]
    public void A_character_list_followed_by_more_rules_is_not_read_as_the_whole_set() =>
        Assert.False(ConstraintCatalog.Read("name", "string", "The value can contain letters, digits, and underscores, and must start with a letter.", Row).Keywords.ContainsKey("pattern"));

    private static bool Matches(PropertyFacts facts, string value)
    {
        var patterns = new List<string>();
        if (facts.Keywords["pattern"] is { } pattern)
        {
            patterns.Add(pattern.GetValue<string>());
        }

        patterns.AddRange((facts.Keywords["allOf"] as JsonArray ?? []).Select(a => a!["pattern"]!.GetValue<string>()));
        Assert.NotEmpty(patterns);
        return patterns.All(p => System.Text.RegularExpressions.Regex.IsMatch(value, p));
    }
}
