using System.Text;
using System.Text.Json;

namespace ModelArts.Runtime.Json;

/// <summary>
/// The JSON property names of one generated model, in declaration order: their UTF-8 bytes to match while reading,
/// their encoded form to write, and their JSON path segments for errors and violations. One static instance per model.
/// </summary>
public sealed class JsonNames
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;
    private readonly string[] _segments;
    private readonly ulong _keepNull;

    /// <summary>The names; <paramref name="keepNull"/> marks (bit i for name i) the properties whose explicit <c>null</c> is kept.</summary>
    public JsonNames(string[] names, ulong keepNull = 0)
    {
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _keepNull = keepNull;
        _utf8 = new byte[names.Length][];
        _encoded = new JsonEncodedText[names.Length];
        _segments = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
            _encoded[i] = JsonEncodedText.Encode(names[i]);
            _segments[i] = ModelArtsJsonException.Segment(names[i]);
        }
    }

    /// <summary>How many names there are.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>, encoded for a writer.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>The name at <paramref name="index"/>.</summary>
    public string Name(int index) => _names[index];

    /// <summary>The JSON path segment of the name at <paramref name="index"/>: <c>.name</c> or <c>['@odd:name']</c>.</summary>
    public string Segment(int index) => _segments[index];

    /// <summary>Whether an explicit <c>null</c> of the property at <paramref name="index"/> is kept (the document says it may be null).</summary>
    public bool KeepsNull(int index) => index < 64 && (_keepNull & (1UL << index)) != 0;

    /// <summary>The index of the property name the reader stands on, or -1.</summary>
    internal int Find(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var text = reader.GetString();
            return Array.IndexOf(_names, text);
        }

        var span = reader.ValueSpan;
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (span.SequenceEqual(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
