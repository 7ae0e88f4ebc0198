using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json;

namespace ModelArts.Serialization.Benchmarks;

// Hand-written models of the same JSON, for the baselines: System.Text.Json (source-generated and
// reflection) and Newtonsoft.Json read and write them through these attributes. Free-form parts are
// `object` (a JsonElement for System.Text.Json, a JToken for Newtonsoft), as each library prefers.

public sealed class SamplePage
{
    [JsonPropertyName("sample_count"), JsonProperty("sample_count")]
    public int? SampleCount { get; set; }

    [JsonPropertyName("samples"), JsonProperty("samples")]
    public List<Sample>? Samples { get; set; }
}

public sealed class Sample
{
    [JsonPropertyName("sample_id"), JsonProperty("sample_id")]
    public string? SampleId { get; set; }

    [JsonPropertyName("sample_type"), JsonProperty("sample_type")]
    public int? SampleType { get; set; }

    [JsonPropertyName("labels"), JsonProperty("labels")]
    public List<Label>? Labels { get; set; }

    [JsonPropertyName("source"), JsonProperty("source")]
    public string? Source { get; set; }

    [JsonPropertyName("metadata"), JsonProperty("metadata")]
    public Dictionary<string, object>? Metadata { get; set; }

    [JsonPropertyName("sample_time"), JsonProperty("sample_time")]
    public long? SampleTime { get; set; }

    [JsonPropertyName("sample_status"), JsonProperty("sample_status")]
    public string? SampleStatus { get; set; }
}

public sealed class Label
{
    [JsonPropertyName("name"), JsonProperty("name")]
    public string? Name { get; set; }

    [JsonPropertyName("type"), JsonProperty("type")]
    public int? Type { get; set; }

    [JsonPropertyName("id"), JsonProperty("id")]
    public string? Id { get; set; }

    [JsonPropertyName("property"), JsonProperty("property")]
    public Dictionary<string, object>? Property { get; set; }

    [JsonPropertyName("score"), JsonProperty("score")]
    public double? Score { get; set; }
}

public sealed class TaskStatus
{
    [JsonPropertyName("status"), JsonProperty("status")]
    public int? Status { get; set; }

    [JsonPropertyName("progress"), JsonProperty("progress")]
    public float? Progress { get; set; }

    [JsonPropertyName("task_id"), JsonProperty("task_id")]
    public string? TaskId { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SamplePage))]
[JsonSerializable(typeof(TaskStatus))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class BaselineContext : JsonSerializerContext;

// The documented CreateProcessorTask body (example2) and its answer, for the raw HttpClient baseline of the POST.

public sealed class ProcessorTaskBody
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("inputs")]
    public List<ProcessorInput>? Inputs { get; set; }

    [JsonPropertyName("work_path")]
    public ProcessorWorkPath? WorkPath { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("create_version")]
    public bool? CreateVersion { get; set; }

    [JsonPropertyName("template")]
    public ProcessorTemplate? Template { get; set; }

    [JsonPropertyName("workspace_id")]
    public string? WorkspaceId { get; set; }
}

public sealed class ProcessorInput
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("version_id")]
    public string? VersionId { get; set; }
}

public sealed class ProcessorWorkPath
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("version_name")]
    public string? VersionName { get; set; }
}

public sealed class ProcessorTemplate
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("operator_params")]
    public List<ProcessorOperator>? OperatorParams { get; set; }
}

public sealed class ProcessorOperator
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("advanced_params_switch")]
    public bool? AdvancedParamsSwitch { get; set; }

    [JsonPropertyName("params")]
    public Dictionary<string, string>? Params { get; set; }
}

public sealed class ProcessorTaskCreated
{
    [JsonPropertyName("task_id")]
    public string? TaskId { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProcessorTaskBody))]
[JsonSerializable(typeof(ProcessorTaskCreated))]
public sealed partial class CallContext : JsonSerializerContext;
