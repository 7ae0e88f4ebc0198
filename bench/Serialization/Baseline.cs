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
