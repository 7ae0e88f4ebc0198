using System.Text.Json;

namespace ModelArts.Runtime.Json;

/// <summary>
/// Token readers for generated deserializers. Each checks the token type and throws a
/// <see cref="ModelArtsJsonException"/> that names what was expected, so a response of the wrong
/// shape fails with its JSON path instead of an invalid cast.
/// </summary>
public static partial class JsonRead
{
    /// <summary>A string.</summary>
    public static string GetString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Mismatch("a string", ref reader);

    /// <summary>A boolean.</summary>
    public static bool GetBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Mismatch("true or false", ref reader),
    };

    /// <summary>A whole number that fits 32 bits.</summary>
    public static int GetInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Mismatch("a 32-bit integer", ref reader);

    /// <summary>A whole number that fits 64 bits.</summary>
    public static long GetInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Mismatch("a 64-bit integer", ref reader);

    /// <summary>A number (single precision); one beyond its range (<c>3.5e38</c>) is an error, not Infinity, so that it can be written back.</summary>
    public static float GetSingle(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) && !float.IsInfinity(value) && !float.IsNaN(value)
            ? value
            : throw Mismatch(reader.TokenType == JsonTokenType.Number ? "a number within the range of float" : "a number", ref reader);

    /// <summary>A number (double precision); one beyond its range (<c>1e400</c>) is an error, not Infinity, so that it can be written back.</summary>
    public static double GetDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && !double.IsInfinity(value) && !double.IsNaN(value)
            ? value
            : throw Mismatch(reader.TokenType == JsonTokenType.Number ? "a number within the range of double" : "a number", ref reader);

    /// <summary>Any JSON value, kept as it is.</summary>
    public static JsonElement GetElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Throws unless the reader stands on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("an object", ref reader);
        }
    }

    /// <summary>An array, each item read by <paramref name="item"/>; the item's index joins the error path.</summary>
    public static List<T> List<T>(ref Utf8JsonReader reader, JsonValueReader<T> item)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch("an array", ref reader);
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(item(ref reader));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw ModelArtsJsonException.Within("[" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", e);
            }
        }

        return list;
    }

    /// <summary>An object used as a map from names to values read by <paramref name="value"/>.</summary>
    public static Dictionary<string, T> Map<T>(ref Utf8JsonReader reader, JsonValueReader<T> value)
    {
        StartObject(ref reader);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            try
            {
                map[name] = value(ref reader);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw ModelArtsJsonException.Within(ModelArtsJsonException.Segment(name), e);
            }
        }

        return map;
    }

    /// <summary>
    /// Reads a whole document with <paramref name="read"/> and checks nothing follows it. Every failure is a
    /// <see cref="ModelArtsJsonException"/> with a JSON path: malformed JSON, comments (which <see cref="JsonDocument"/>
    /// rejects too), strings that are not valid UTF-8 or hold a lone surrogate escape, numbers out of range.
    /// </summary>
    public static T Document<T>(ReadOnlySpan<byte> utf8Json, JsonValueReader<T> read)
    {
        T value;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (IsBlank(utf8Json) || !reader.Read())
            {
                throw new ModelArtsJsonException("the document is empty");
            }

            value = read(ref reader);
            if (reader.Read())
            {
                throw new ModelArtsJsonException("unexpected data after the value");
            }
        }
        catch (JsonException e) when (e is not ModelArtsJsonException)
        {
            throw ModelArtsJsonException.Within(string.Empty, e); // malformed JSON at the root
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // A string the reader cannot decode (invalid UTF-8, a lone surrogate) in a property name at the root level.
            throw JsonStrings.Undecodable(utf8Json, e);
        }

        // A lone surrogate escape kept in a JsonElement (an unknown property, a free-form value) could not be written
        // back; the escape is rare, so the document is only walked again when one may be present.
        if (JsonStrings.MayHoldSurrogateEscape(utf8Json) && JsonStrings.FindUndecodable(utf8Json) is { } path)
        {
            throw ModelArtsJsonException.At(path, JsonStrings.UndecodableReason, null);
        }

        return value;
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8Json)
    {
        foreach (var b in utf8Json)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The error for a missing required property.</summary>
    public static ModelArtsJsonException MissingRequired(string jsonName) =>
        new ModelArtsJsonException("missing required property").Within(ModelArtsJsonException.Segment(jsonName));

    private static ModelArtsJsonException Mismatch(string expected, ref Utf8JsonReader reader) =>
        new($"expected {expected}, found {Describe(reader.TokenType)}");

    /// <summary>A token kind as a phrase: <c>a string</c>, <c>an object</c>, ...</summary>
    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}

/// <summary>Writes models to UTF-8 JSON.</summary>
public static partial class JsonWrite
{
    /// <summary>The model as UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Bytes(IJsonValue model)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

#if NET
        // One buffer and writer per thread, reset between uses: only the result array is allocated.
        var buffer = t_buffer ??= new System.Buffers.ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            model.WriteJson(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > 1024 * 1024)
            {
                t_buffer = null; // do not keep a large buffer alive on the thread
                t_writer = null;
            }
        }
#else
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            model.WriteJson(writer);
        }

        return stream.ToArray();
#endif
    }

#if NET
    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
#endif

    /// <summary>The model as a JSON string.</summary>
    public static string ToJsonString(IJsonValue model) => System.Text.Encoding.UTF8.GetString(ToUtf8Bytes(model));
}
