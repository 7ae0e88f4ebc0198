using System.Text.Json;

namespace ModelArts.Runtime.Json;

public static partial class JsonRead
{
    /// <summary>
    /// Moves to the next property of the object the reader is in and onto its value. <paramref name="index"/> is the
    /// property's place in <paramref name="names"/>, or -1 for a name the model does not know (then in
    /// <paramref name="unknown"/>). A <c>null</c> value of a known property is passed over unless the document says
    /// it may be null. False at the end of the object.
    /// </summary>
    public static bool Property(ref Utf8JsonReader reader, JsonNames names, out int index, out string? unknown)
    {
        if (names is null)
        {
            throw new ArgumentNullException(nameof(names));
        }

        // Until the next name is read, a failure (a comment, a name that is not text) belongs to the object, not to the
        // property read before.
        index = -1;
        unknown = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            index = names.Find(ref reader);
            unknown = index < 0 ? reader.GetString() : null;
            if (!reader.Read())
            {
                throw new ModelArtsJsonException("the document ends inside an object");
            }

            if (index >= 0 && reader.TokenType == JsonTokenType.Null && !names.KeepsNull(index))
            {
                continue; // absent and null read the same for a property that may not be null
            }

            return true;
        }

        index = -1;
        unknown = null;
        return false;
    }

    /// <summary>Keeps a property the model does not name, with its value as it came, so it is written back.</summary>
    public static IDictionary<string, JsonElement> Keep(ref Utf8JsonReader reader, string name, IDictionary<string, JsonElement>? additional)
    {
        additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        additional[name] = JsonElement.ParseValue(ref reader);
        return additional;
    }

    /// <summary>Whether <paramref name="error"/> is a failure to read JSON (to be reported with its path).</summary>
    public static bool IsReadError(Exception error) => error is JsonException or InvalidOperationException or FormatException;

    /// <summary>The error of reading the property at <paramref name="index"/> (or the unknown one), one level further out.</summary>
    public static ModelArtsJsonException Within(Exception error, JsonNames names, int index, string? unknown) =>
        ModelArtsJsonException.Within(index >= 0 ? names.Segment(index) : unknown is null ? string.Empty : ModelArtsJsonException.Segment(unknown), error);

    /// <summary>The error for a required property that is missing (or null).</summary>
    public static ModelArtsJsonException MissingRequired(JsonNames names, int index) =>
        new ModelArtsJsonException("missing required property").Within(names.Segment(index));

    /// <summary>A value that may be JSON null: null, else what <paramref name="read"/> reads.</summary>
    public static T? OrNull<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
        where T : class => reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

    /// <summary>A value type that may be JSON null: null, else what <paramref name="read"/> reads.</summary>
    public static T? ValueOrNull<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
        where T : struct => reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

    /// <summary>A list of strings.</summary>
    public static List<string> Strings(ref Utf8JsonReader reader) => List(ref reader, GetString);

    /// <summary>A list of 32-bit integers.</summary>
    public static List<int> Int32s(ref Utf8JsonReader reader) => List(ref reader, GetInt32);

    /// <summary>A list of 64-bit integers.</summary>
    public static List<long> Int64s(ref Utf8JsonReader reader) => List(ref reader, GetInt64);

    /// <summary>A list of numbers.</summary>
    public static List<double> Doubles(ref Utf8JsonReader reader) => List(ref reader, GetDouble);

    /// <summary>A list of single-precision numbers.</summary>
    public static List<float> Singles(ref Utf8JsonReader reader) => List(ref reader, GetSingle);

    /// <summary>A list of booleans.</summary>
    public static List<bool> Booleans(ref Utf8JsonReader reader) => List(ref reader, GetBoolean);

    /// <summary>A list of JSON values kept as they are.</summary>
    public static List<JsonElement> Elements(ref Utf8JsonReader reader) => List(ref reader, GetElement);

    /// <summary>A map of strings.</summary>
    public static Dictionary<string, string> StringMap(ref Utf8JsonReader reader) => Map(ref reader, GetString);

    /// <summary>A map of JSON values kept as they are.</summary>
    public static Dictionary<string, JsonElement> ElementMap(ref Utf8JsonReader reader) => Map(ref reader, GetElement);
}
