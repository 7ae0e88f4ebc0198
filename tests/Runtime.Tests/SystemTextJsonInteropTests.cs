using System.Text.Json;
using ModelArts;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// A model or option value put into a payload of the user's own (a cache, a log, an API of theirs) goes through
/// System.Text.Json: the generated converters make it read and write as the service's JSON, with no reflection over
/// the model (the converter calls the generated reader and writer).
/// </summary>
public sealed class SystemTextJsonInteropTests
{
    private sealed record Envelope(string Kind, CreateProcessorTaskRequest Request, TemplateParamId Template, IReadOnlyList<DataSyncType> Sync);

    private static CreateProcessorTaskRequest Request() => new()
    {
        Name = "PRE-e77c",
        Template = new TemplateParam { Id = TemplateParamId.SysDataValidation },
        Inputs = [new ProcessorDataSource { Type = "DATASET", Source = "PYc9H2HGv5BJNwBGXyK" }],
        CreateVersion = true,
    };

    [Fact]
    public void A_model_written_by_JsonSerializer_is_the_service_json()
    {
        var request = Request();

        var written = JsonSerializer.Serialize(request);

        Assert.Equal(request.ToJson(), written);
        Assert.Contains("\"template\":{\"id\":\"sys_data_validation\"}", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Option_values_are_written_as_their_wire_value_and_read_back_known_or_not()
    {
        Assert.Equal("\"sys_data_analyse\"", JsonSerializer.Serialize(TemplateParamId.SysDataAnalyse));
        Assert.Equal("3", JsonSerializer.Serialize(DataSyncType.DataAndLabelSynchronization));

        var known = JsonSerializer.Deserialize<TemplateParamId>("\"sys_data_cleaning\"");
        var unknown = JsonSerializer.Deserialize<DataSyncType>("7");

        Assert.Equal(TemplateParamId.SysDataCleaning, known);
        Assert.True(known.IsKnown);
        Assert.Equal(7, unknown.Value);
        Assert.False(unknown.IsKnown);
    }

    [Fact]
    public void Models_and_options_inside_a_payload_of_ones_own_round_trip()
    {
        var envelope = new Envelope("cache", Request(), TemplateParamId.SysDataSelection, [DataSyncType.Unsynchronization, DataSyncType.LabelSynchronization]);

        var json = JsonSerializer.Serialize(envelope);
        var read = JsonSerializer.Deserialize<Envelope>(json)!;

        Assert.Contains("\"Template\":\"sys_data_selection\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Sync\":[0,2]", json, StringComparison.Ordinal);
        Assert.Equal(envelope.Request.ToJson(), read.Request.ToJson());
        Assert.Equal(envelope.Template, read.Template);
        Assert.Equal(envelope.Sync, read.Sync);
    }

    [Fact]
    public void A_body_of_the_wrong_shape_fails_with_the_json_path_inside_the_payload()
    {
        var error = Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<CreateProcessorTaskRequest>("""{"name":"t","template":{"id":5}}"""));

        Assert.Contains("$.template.id", error.ToString(), StringComparison.Ordinal);
    }
}
