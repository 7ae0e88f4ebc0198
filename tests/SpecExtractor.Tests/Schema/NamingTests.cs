using ModelArts.SpecExtractor.OpenApi;
using ModelArts.SpecExtractor.Schema;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Schema;

/// <summary>Component names from captions and operation names from titles.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("PoolSpec", "PoolSpec")] // a type name stays as it is written
    [InlineData("PFSSummary", "PFSSummary")]
    [InlineData("search_params", "SearchParams")] // a property name
    [InlineData("i18n_description", "I18nDescription")]
    [InlineData("config parameters", "Config")] // old style: "**config** parameters"
    [InlineData("models structure data", "Models")]
    [InlineData("Docker deployment parameters", "DockerDeployment")]
    [InlineData("parameter parameters", "Parameter")]
    [InlineData("3rd party", "_3rdParty")]
    public void Captions_become_PascalCase_component_names(string caption, string name) =>
        Assert.Equal(name, SchemaNames.FromCaption(caption));

    [Theory]
    [InlineData("Parameters", true)]
    [InlineData("Parameter description", true)]
    [InlineData("Response parameters", true)]
    [InlineData("Parameter", false)] // one word names an object
    [InlineData("config parameters", false)]
    [InlineData("Field", false)]
    public void Captions_that_name_no_object(string caption, bool generic) =>
        Assert.Equal(generic, SchemaNames.IsGeneric(caption));

    [Theory]
    [InlineData("Creating a Training Job", "CreateTrainingJob")]
    [InlineData("Querying Training Job Logs", "QueryTrainingJobLogs")]
    [InlineData("Querying the Details About a Training Job Version", "QueryDetailsAboutTrainingJobVersion")]
    [InlineData("Obtaining the Name of a Training Job Log File", "ObtainNameOfTrainingJobLogFile")]
    [InlineData("Stopping a Visualization Job", "StopVisualizationJob")]
    [InlineData("Modifying the Description of a Training Job", "ModifyDescriptionOfTrainingJob")]
    [InlineData("Early Stopping a Trial", "EarlyStoppingTrial")] // only a leading gerund is the verb
    public void Titles_become_operation_names(string title, string name) =>
        Assert.Equal(name, OperationNames.FromTitle(title));

    [Theory]
    [InlineData("modelarts_03_0149", true)]
    [InlineData("en-us_topic_0000001", true)]
    [InlineData("CreateTrainingJob", false)]
    [InlineData("createnotebook", false)]
    [InlineData("list_jobs_v2", false)] // a snake_case name: no group is all digits
    public void Topic_ids_are_not_operation_names(string name, bool topic) =>
        Assert.Equal(topic, OperationNames.IsTopicId(name));
}
