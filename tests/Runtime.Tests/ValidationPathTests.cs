using System.Collections.ObjectModel;
using ModelArts.Runtime.Validation;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// Nested models validate under an empty path and only their violations get the full JSON path (a valid body builds no
/// path string); the paths are the same whichever collection the caller passes.
/// </summary>
public sealed class ValidationPathTests
{
    private static ModelArts.CreateProcessorTaskRequest Request() => new()
    {
        Name = "t",
        Template = new ModelArts.TemplateParam { Id = "sys_data_validation" },
        Inputs =
        [
            new ModelArts.ProcessorDataSource { Type = "OBS", Source = "/bucket/in/" },
            new ModelArts.ProcessorDataSource { Type = "OBS", Source = "dataset-id" },
            new ModelArts.ProcessorDataSource { Type = "NOT_A_TYPE" },
        ],
    };

    [Fact]
    public void Violations_of_nested_models_and_list_items_carry_their_full_paths()
    {
        var violations = Request().Validate();

        Assert.Equal([("if-then", "$.inputs[1].source"), ("enum", "$.inputs[2].type")], violations.Select(v => (v.RuleId, v.Path)));
    }

    [Fact]
    public void A_caller_collection_that_is_not_a_list_gets_the_same_paths()
    {
        var list = new List<ModelArtsViolation>();
        var other = new Collection<ModelArtsViolation>();

        Request().Validate(list, "$");
        Request().Validate(other, "$");

        Assert.Equal(list.Select(v => (v.RuleId, v.Path, v.Message)), other.Select(v => (v.RuleId, v.Path, v.Message)));
        Assert.Equal(2, other.Count);
    }

    [Fact]
    public void Violations_already_in_the_list_keep_their_paths()
    {
        var earlier = new ModelArtsViolation("required", "$.other", "is required");
        var list = new List<ModelArtsViolation> { earlier };

        Request().Validate(list, "$.batch[0]");

        Assert.Same(earlier, list[0]);
        Assert.Equal(["$.batch[0].inputs[1].source", "$.batch[0].inputs[2].type"], list.Skip(1).Select(v => v.Path));
    }
}
