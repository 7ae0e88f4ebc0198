using System.Globalization;
using System.Text.Json;
using ModelArts.Runtime.Json;

namespace ModelArts.Runtime.Http;

/// <summary>A generated model sent as <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>.</summary>
public interface IFormModel : IJsonModel
{
    /// <summary>Adds each set property as a form field.</summary>
    void WriteForm(FormWriter form);
}

/// <summary>How one property of a form body is encoded (OpenAPI's <c>encoding</c> object); null members take the defaults.</summary>
/// <param name="ContentType">The field's media type: <c>application/json</c> sends an object or array as its JSON text; in multipart, the part's Content-Type.</param>
/// <param name="Style"><c>form</c> (the default), <c>spaceDelimited</c>, <c>pipeDelimited</c> or <c>deepObject</c> (urlencoded bodies only).</param>
/// <param name="Explode">Arrays and objects as one field per item or property; the default is true for <c>form</c>, false for the others.</param>
public sealed record FieldEncoding(string? ContentType = null, string? Style = null, bool? Explode = null);

/// <summary>
/// Collects the fields of a form body, then encodes them. Scalars are their invariant text; arrays and objects follow the
/// field's <see cref="FieldEncoding"/> (OpenAPI 3 <c>style</c>/<c>explode</c> for urlencoded bodies; in multipart an object
/// is an <c>application/json</c> part and an array one part per item); files are multipart file parts.
/// </summary>
public sealed class FormWriter
{
    private readonly IReadOnlyDictionary<string, FieldEncoding>? _encoding;
    private readonly bool _multipart;
    private readonly List<FormField> _fields = [];

    /// <summary>A writer for one body; <paramref name="encoding"/> by property name, as the document gives it.</summary>
    public FormWriter(bool multipart, IReadOnlyDictionary<string, FieldEncoding>? encoding = null)
    {
        _multipart = multipart;
        _encoding = encoding;
    }

    /// <summary>The fields added so far, in order.</summary>
    public IReadOnlyList<FormField> Fields => _fields;

    /// <summary>Adds a text field when the value is set.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new FormField(name, value, null, Encoding(name)?.ContentType));
        }
    }

    /// <summary>Adds <c>true</c>/<c>false</c> when the value is set.</summary>
    public void Add(string name, bool? value) => Add(name, value is { } v ? WireText.Of(v) : null);

    /// <summary>Adds a number or option value when it is set, in the invariant culture.</summary>
    public void Add<T>(string name, T? value)
        where T : struct => Add(name, value is { } v ? WireText.Of(v) : null);

    /// <summary>Adds a file part (multipart), or the file's bytes as text (urlencoded, where files have no form) when it is set.</summary>
    public void Add(string name, FileContent? file)
    {
        if (file is not null)
        {
            _fields.Add(new FormField(name, null, file, file.ContentType ?? Concrete(Encoding(name)?.ContentType)));
        }
    }

    /// <summary>Adds one file part per file, all under <paramref name="name"/>.</summary>
    public void Add(string name, IEnumerable<FileContent>? files)
    {
        foreach (var file in files ?? [])
        {
            Add(name, file);
        }
    }

    /// <summary>Adds a JSON value by its kind: scalars as text, arrays and objects by the field's encoding.</summary>
    public void Add(string name, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        var encoding = Encoding(name);
        // JSON text when the encoding says so, and for an object in multipart (its default content type, application/json).
        if (IsJson(encoding?.ContentType) || (_multipart && v.ValueKind == JsonValueKind.Object))
        {
            _fields.Add(new FormField(name, v.GetRawText(), null, encoding?.ContentType ?? "application/json"));
            return;
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.Array when _multipart:
                foreach (var item in v.EnumerateArray())
                {
                    Add(name, item);
                }

                break;
            case JsonValueKind.Array:
                AddArray(name, v, encoding);
                break;
            case JsonValueKind.Object:
                AddObject(name, v, encoding);
                break;
            default:
                Add(name, Text(v));
                break;
        }
    }

    /// <summary>Adds a model, list or map written as JSON by <paramref name="write"/>, then encoded as <see cref="Add(string, JsonElement?)"/> says.</summary>
    public void Add<T>(string name, T? value, JsonValueWriter<T> write)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        using var document = JsonDocument.Parse(JsonText(value, write)!);
        Add(name, document.RootElement.Clone());
    }

    /// <summary>Adds the properties the model does not name, as they came.</summary>
    public void Additional(IDictionary<string, JsonElement>? additional)
    {
        foreach (var pair in additional ?? new Dictionary<string, JsonElement>())
        {
            Add(pair.Key, pair.Value);
        }
    }

    /// <summary>A list as one value, its items joined by <paramref name="delimiter"/> (an unexploded query or path parameter); null when the list is.</summary>
    public static string? Join<T>(IEnumerable<T>? values, string delimiter) =>
        values is null ? null : string.Join(delimiter, values.Select(v => WireText.Of(v)));

    /// <summary>A value as its JSON text (an object parameter sent where only text goes); null when the value is.</summary>
    public static string? JsonText<T>(T? value, JsonValueWriter<T> write)
        where T : class
    {
        if (value is null)
        {
            return null;
        }

        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Adds an object query parameter in its style: <c>form</c> exploded (one parameter per property, the default), unexploded, or <c>deepObject</c>.</summary>
    public static void AddTo(ref Query query, string name, JsonElement? value, FieldEncoding style)
    {
        var form = new FormWriter(multipart: false, new Dictionary<string, FieldEncoding>(StringComparer.Ordinal) { [name] = style });
        form.Add(name, value);
        foreach (var field in form.Fields)
        {
            query.Add(field.Name, field.Text);
        }
    }

    /// <summary>Adds a model or map query parameter in its style, written as JSON by <paramref name="write"/> first.</summary>
    public static void AddTo<T>(ref Query query, string name, T? value, JsonValueWriter<T> write, FieldEncoding style)
        where T : class
    {
        if (JsonText(value, write) is { } json)
        {
            using var document = JsonDocument.Parse(json);
            AddTo(ref query, name, document.RootElement, style);
        }
    }

    private FieldEncoding? Encoding(string name) => _encoding is not null && _encoding.TryGetValue(name, out var encoding) ? encoding : null;

    /// <summary>An array in a urlencoded body: one field per item (explode) or one field of the items joined by the style's delimiter.</summary>
    private void AddArray(string name, JsonElement array, FieldEncoding? encoding)
    {
        var style = encoding?.Style ?? "form";
        if (encoding?.Explode ?? style == "form")
        {
            foreach (var item in array.EnumerateArray())
            {
                Add(name, Text(item));
            }

            return;
        }

        var delimiter = style switch
        {
            "spaceDelimited" => " ",
            "pipeDelimited" => "|",
            _ => ",",
        };
        Add(name, string.Join(delimiter, array.EnumerateArray().Select(Text)));
    }

    /// <summary>An object in a urlencoded body: <c>deepObject</c> as <c>name[key]=value</c>, exploded <c>form</c> as <c>key=value</c>, else <c>name=key,value,...</c>.</summary>
    private void AddObject(string name, JsonElement value, FieldEncoding? encoding)
    {
        var style = encoding?.Style ?? "form";
        if (style == "deepObject")
        {
            foreach (var property in value.EnumerateObject())
            {
                Add(name + "[" + property.Name + "]", Text(property.Value));
            }

            return;
        }

        if (encoding?.Explode ?? true)
        {
            foreach (var property in value.EnumerateObject())
            {
                Add(property.Name, Text(property.Value));
            }

            return;
        }

        Add(name, string.Join(",", value.EnumerateObject().SelectMany(p => new[] { p.Name, Text(p.Value) })));
    }

    /// <summary>A value as form text: a string as it is, other scalars as their JSON, arrays and objects as their JSON text.</summary>
    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>A documented content type usable as a part's Content-Type: one concrete type, not a list or a wildcard.</summary>
    private static string? Concrete(string? contentType) =>
        contentType is null || contentType.IndexOfAny([',', '*']) >= 0 ? null : contentType.Trim();
}

/// <summary>How a value is written where only text goes (a form field, a header, a joined list): invariant culture, <c>true</c>/<c>false</c>.</summary>
internal static class WireText
{
    public static string Of<T>(T value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>One field of a form body: text, or a file.</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Text">The field's text; null for a file.</param>
/// <param name="File">The file of a file field.</param>
/// <param name="ContentType">The part's media type in a multipart body; null for plain text.</param>
public sealed record FormField(string Name, string? Text, FileContent? File, string? ContentType);
