using System.Text.Json;

namespace ModelArts.Runtime.Json;

/// <summary>A value that writes itself as JSON: a generated model or option type.</summary>
public interface IJsonValue
{
    /// <summary>Writes the value.</summary>
    void WriteJson(Utf8JsonWriter writer);
}

/// <summary>Writes one value of a list or map.</summary>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);

public static partial class JsonWrite
{
    /// <summary>Writes the property when the value is set; a required one (<paramref name="required"/>) is written as null when it is not.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, string? value, bool required = false)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (required)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes the property when the value is set.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>Writes the property when the value is set.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>Writes the property when the value is set.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>Writes the property when the value is set.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    /// <summary>Writes the property when the value is set.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
    }

    /// <summary>Writes the property when the value is set.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            v.WriteTo(writer);
        }
    }

    /// <summary>Writes the property when the value is set; a required one is written as null when it is not.</summary>
    public static void Property(Utf8JsonWriter writer, JsonEncodedText name, IJsonValue? value, bool required = false)
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            value.WriteJson(writer);
        }
        else if (required)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an option value when it is set.</summary>
    public static void Option<T>(Utf8JsonWriter writer, JsonEncodedText name, T? value)
        where T : struct, IJsonValue
    {
        if (value is { } v)
        {
            writer.WritePropertyName(name);
            v.WriteJson(writer);
        }
    }

    /// <summary>Writes a list when it is set, each item with <paramref name="item"/>; a required one is written as null when it is not.</summary>
    public static void List<T>(Utf8JsonWriter writer, JsonEncodedText name, IList<T>? value, JsonValueWriter<T> item, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                writer.WriteNull(name);
            }

            return;
        }

        writer.WritePropertyName(name);
        Items(writer, value, item);
    }

    /// <summary>Writes a map when it is set, each value with <paramref name="item"/>; a required one is written as null when it is not.</summary>
    public static void Map<T>(Utf8JsonWriter writer, JsonEncodedText name, IDictionary<string, T>? value, JsonValueWriter<T> item, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                writer.WriteNull(name);
            }

            return;
        }

        writer.WritePropertyName(name);
        Entries(writer, value, item);
    }

    /// <summary>A JSON array of the items.</summary>
    public static void Items<T>(Utf8JsonWriter writer, IList<T> value, JsonValueWriter<T> item)
    {
        if (writer is null || value is null || item is null)
        {
            throw new ArgumentNullException(writer is null ? nameof(writer) : value is null ? nameof(value) : nameof(item));
        }

        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            item(writer, value[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>A JSON object of the entries.</summary>
    public static void Entries<T>(Utf8JsonWriter writer, IDictionary<string, T> value, JsonValueWriter<T> item)
    {
        if (writer is null || value is null || item is null)
        {
            throw new ArgumentNullException(writer is null ? nameof(writer) : value is null ? nameof(value) : nameof(item));
        }

        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WritePropertyName(pair.Key);
            item(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the explicit <c>null</c> of a property that may be null and came as null.</summary>
    public static void Null(Utf8JsonWriter writer, JsonEncodedText name, bool wasNull)
    {
        if (wasNull)
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes the properties the model does not name, as they came.</summary>
    public static void Additional(Utf8JsonWriter writer, IDictionary<string, JsonElement>? additional)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var pair in additional)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>A string item.</summary>
    public static void StringItem(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>A 32-bit integer item.</summary>
    public static void Int32Item(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>A 64-bit integer item.</summary>
    public static void Int64Item(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>A single-precision item.</summary>
    public static void SingleItem(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    /// <summary>A number item.</summary>
    public static void DoubleItem(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>A boolean item.</summary>
    public static void BooleanItem(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>A JSON value item, as it came.</summary>
    public static void ElementItem(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>A model or option item.</summary>
    public static void ValueItem<T>(Utf8JsonWriter writer, T value)
        where T : IJsonValue => value.WriteJson(writer);
}
