using System.Collections;
using System.Reflection;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>What generated models do at run time: errors with JSON paths, and Validate().</summary>
public sealed class ModelBehaviourTests
{
    [Theory]
    [InlineData("ModelArts.ListAutoAnnotationSamplesResponse", """{"samples":[{"metadata":{"@modelarts:size":"big"}}]}""", "$.samples[0].metadata['@modelarts:size']")]
    [InlineData("ModelArts.AutoAnnotationProgressResponse", """{"progress":"half"}""", "$.progress")]
    [InlineData("ModelArts.CreateProcessorTaskRequest", """{"name":"x","template":{"operator_params":[{"params":{}},{"advanced_params_switch":"yes"}]}}""", "$.template.operator_params[1].advanced_params_switch")]
    [InlineData("ModelArts.CreateProcessorTaskRequest", """{"template":{}}""", "$.name")]
    public void A_value_of_the_wrong_shape_fails_with_its_json_path(string type, string json, string path)
    {
        var error = Assert.Throws<ModelArts.Runtime.Json.ModelArtsJsonException>(() => GeneratedAssembly.Deserialize(type, json));

        Assert.Equal(path, error.JsonPath);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"t","template":{"id":"sys_data_validation"},"data_source":{"type":"DATASET"},"inputs":[]}""", "not", "$")]
    [InlineData("""{"name":"t","inputs":[],"template":{"id":"sys_data_analyse"},"create_version":true}""", "if-then", "$.template.id")]
    [InlineData("""{"name":"t","inputs":[],"template":{"id":"sys_data_validation"},"description":"a<b"}""", "pattern", "$.description")]
    [InlineData("""{"name":"t","inputs":[],"template":{"id":"sys_data_unknown"}}""", "enum", "$.template.id")]
    [InlineData("""{"name":"t","inputs":[],"template":{"id":"sys_data_validation"},"work_path":{"version_name":"v 1"}}""", "pattern", "$.work_path.version_name")]
    public void Validate_reports_each_violation_with_rule_id_and_path(string json, string rule, string path)
    {
        var violations = Validate("ModelArts.CreateProcessorTaskRequest", json);

        var violation = Assert.Single(violations);
        Assert.Equal((rule, path), violation);
    }

    [Fact]
    public void Validate_reports_every_violation_at_once()
    {
        var description = new string('x', 257) + "<";
        var violations = Validate("ModelArts.CreateProcessorTaskRequest", $$"""{"name":"t","template":{"id":"sys_data_analyse"},"create_version":true,"description":"{{description}}","data_source":{},"inputs":[]}""");

        Assert.Equal([("maxLength", "$.description"), ("pattern", "$.description"), ("not", "$"), ("if-then", "$.template.id")], violations);
    }

    [Fact]
    public void A_valid_request_has_no_violation()
    {
        Assert.Empty(Validate("ModelArts.CreateProcessorTaskRequest", """{"name":"t","template":{"id":"sys_data_validation"},"create_version":true,"inputs":[{"type":"DATASET"}]}"""));
    }

    [Fact]
    public void Ranges_and_lengths_of_other_models_are_checked()
    {
        Assert.Equal([("minimum", "$.repetition")], Validate("ModelArts.CreateWorkforceTaskRequest", """{"repetition":0}"""));
        Assert.Equal([("maxLength", "$.workforces_config.workforces[0].workforce_name")], Validate("ModelArts.CreateWorkforceTaskRequest", """{"workforces_config":{"workforces":[{"workforce_name":"NAME"}]}}""".Replace("NAME", new string('w', 1025), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{"confidence_scope":"0.10-0.90"}""", null)]
    [InlineData("""{"confidence_scope":"0.90-0.10"}""", "format")]
    [InlineData("""{"confidence_scope":"0.10-1.50"}""", "format")]
    [InlineData("""{"confidence_scope":"high"}""", "pattern")]
    public void Documented_value_formats_are_checked(string json, string? rule)
    {
        var violations = Validate("ModelArts.SmartTaskConfig", json);

        Assert.Equal(rule is null ? [] : [(rule, "$.confidence_scope")], violations);
    }

    [Theory]
    [InlineData("month", null)]
    [InlineData("20190901-20190915", null)]
    [InlineData("20190901-20191015", "format")]
    [InlineData("20190915-20190901", "format")]
    [InlineData("yyyyMMdd-yyyyMMdd", "pattern")]
    public void Sample_time_is_month_day_or_a_period_of_at_most_30_days(string value, string? rule)
    {
        var violations = Validate("ModelArts.SearchCondition", $$"""{"sample_time":"{{value}}"}""");

        Assert.Equal(rule is null ? [] : [(rule, "$.sample_time")], violations);
    }

    [Fact]
    public void Several_labels_need_op()
    {
        Assert.Empty(Validate("ModelArts.SearchLabels", """{"labels":[{"name":"a"}]}"""));
        Assert.Empty(Validate("ModelArts.SearchLabels", """{"labels":[{"name":"a"},{"name":"b"}],"op":"OR"}"""));
        Assert.Equal([("if-then", "$.op")], Validate("ModelArts.SearchLabels", """{"labels":[{"name":"a"},{"name":"b"}]}"""));
    }

    /// <summary>
    /// role is documented as an integer in one place and a string in another (type: [string, integer], enum [0, 1, 2, "2"],
    /// format int32): its values are compared as JSON compares them, and a number must still fit 32 bits.
    /// </summary>
    [Theory]
    [InlineData("0", null)]
    [InlineData("2", null)]
    [InlineData("\"2\"", "enum")] // the example's string spelling is not a documented option (spec/example-exceptions.json)
    [InlineData("2.0", null)]
    [InlineData("3", "enum")]
    [InlineData("\"1\"", "enum")]
    [InlineData("true", "enum")]
    [InlineData("2147483648", "enum,format")]
    public void Values_of_varying_json_type_are_checked_against_the_enum_and_the_integer_width(string role, string? rules)
    {
        var violations = Validate("ModelArts.CreateWorkerRequest", $$"""{"emails":"a@b.c","role":{{role}}}""");

        Assert.Equal(rules?.Split(',').Select(rule => (rule, "$.role")).ToList() ?? [], violations);
    }

    [Theory]
    [InlineData("4", null)]
    [InlineData("\"4\"", null)]
    [InlineData("-2147483649", "format")]
    [InlineData("4.5", "format")]
    public void A_number_of_varying_json_type_must_fit_its_integer_format(string clusters, string? rule)
    {
        var violations = Validate("ModelArts.SmartTaskConfig", $$"""{"n_clusters":{{clusters}}}""");

        Assert.Equal(rule is null ? [] : [(rule, "$.n_clusters")], violations);
    }

    /// <summary>IAM's project is "by name or by ID": anyOf [{required: [name]}, {required: [id]}] is a presence rule on a model, not a union.</summary>
    [Theory]
    [InlineData("""{"name":"eu-de"}""", null)]
    [InlineData("""{"id":"0b2c"}""", null)]
    [InlineData("""{"name":"eu-de","id":"0b2c"}""", null)]
    [InlineData("""{}""", "anyOf")]
    public void A_project_needs_a_name_or_an_id(string project, string? rule)
    {
        var violations = Validate("ModelArts.Iam.KeystoneCreateUserTokenByPasswordRequestAuthScopeProject", project);

        Assert.Equal(rule is null ? [] : [(rule, "$")], violations);
    }

    /// <summary>"Either this parameter or inputs is used": anyOf and not of required lists, each in an allOf entry of its own.</summary>
    [Theory]
    [InlineData(""","data_source":{"type":"DATASET"}""", null)]
    [InlineData(""","inputs":[]""", null)]
    [InlineData("", "anyOf")]
    [InlineData(""","data_source":{"type":"DATASET"},"inputs":[]""", "not")]
    public void A_processing_task_reads_a_data_source_or_inputs(string sources, string? rule)
    {
        var violations = Validate("ModelArts.CreateProcessorTaskRequest", $$"""{"name":"t","template":{"id":"sys_data_validation"}{{sources}}}""");

        Assert.Equal(rule is null ? [] : [(rule, "$")], violations);
    }

    [Theory]
    [InlineData("""["password"]""", null)]
    [InlineData("""[]""", "minItems")]
    public void A_list_keeps_its_item_count_bounds(string methods, string? rule)
    {
        var json = """{"methods":""" + methods + ""","password":{"user":{"name":"u","password":"p","domain":{"name":"d"}}}}""";

        var violations = Validate("ModelArts.Iam.KeystoneCreateUserTokenByPasswordRequestAuthIdentity", json);

        Assert.Equal(rule is null ? [] : [(rule, "$.methods")], violations);
    }

    private static List<(string Rule, string Path)> Validate(string type, string json)
    {
        var model = GeneratedAssembly.Deserialize(type, json);
        var violations = (IEnumerable)GeneratedAssembly.Invoke(model.GetType().GetMethod("Validate", Type.EmptyTypes)!, model)!;
        return violations.Cast<ModelArts.Runtime.Validation.ModelArtsViolation>().Select(v => (v.RuleId, v.Path)).ToList();
    }
}
