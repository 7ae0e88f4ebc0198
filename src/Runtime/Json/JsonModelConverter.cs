using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelArts.Runtime.Json;

/// <summary>
/// Lets System.Text.Json carry a generated model or option value inside a payload of the user's own (a cache, a log,
/// an API of theirs) through the generated reader and writer: no reflection, trim- and AOT-safe.
/// </summary>
public sealed class JsonModelConverter<T> : JsonConverter<T>
    where T : IJsonValue
{
    private readonly JsonValueReader<T> _read;

    /// <summary>A converter that reads with the generated <c>ReadJson</c>.</summary>
    public JsonModelConverter(JsonValueReader<T> read) => _read = read ?? throw new ArgumentNullException(nameof(read));

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => _read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (writer is null || value is null)
        {
            throw new ArgumentNullException(writer is null ? nameof(writer) : nameof(value));
        }

        value.WriteJson(writer);
    }
}
