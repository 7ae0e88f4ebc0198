using System.Text;
using System.Text.Json;

namespace ModelArts.Generator.Parsing;

/// <summary>
/// Finds where a JSON pointer stands in the document text, for diagnostic locations. Only called
/// when something is reported, so the happy path never pays for positions.
/// </summary>
internal static class JsonLocator
{
    /// <summary>The span of the property name at <paramref name="pointer"/> (or of its nearest ancestor), or the document start.</summary>
    public static (int Start, int Length) Find(string text, IReadOnlyList<string> pointer)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<Frame>();
        var best = (Start: 0, Length: 0);
        var bestDepth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        StartValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        frames[frames.Count - 1].Key = reader.GetString();
                        var matched = Matched(frames, pointer);
                        if (matched > bestDepth)
                        {
                            bestDepth = matched;
                            best = ToChars(bytes, (int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
                            if (matched == pointer.Count)
                            {
                                return best;
                            }
                        }

                        break;
                    default:
                        StartValue(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A broken document: the best match so far is the place to point at.
        }

        return best;
    }

    /// <summary>Zero-based line and column of a character offset.</summary>
    public static (int Line, int Column) LineColumn(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }

    /// <summary>The character offset of a zero-based line and byte position, as JsonException reports them.</summary>
    public static int Offset(string text, long line, long bytePosition)
    {
        var offset = 0;
        for (var l = 0; l < line && offset < text.Length; offset++)
        {
            if (text[offset] == '\n')
            {
                l++;
            }
        }

        var lineEnd = text.IndexOf('\n', offset);
        var lineText = text.Substring(offset, (lineEnd < 0 ? text.Length : lineEnd) - offset);
        var bytes = Encoding.UTF8.GetBytes(lineText);
        var chars = Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length));
        return offset + chars;
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Key { get; set; }

        public string? Segment => IsArray ? Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : Key;
    }

    private static void StartValue(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[frames.Count - 1].IsArray)
        {
            frames[frames.Count - 1].Index++;
        }
    }

    /// <summary>How many leading pointer segments the current position matches, when it matches all of its own.</summary>
    private static int Matched(List<Frame> frames, IReadOnlyList<string> pointer)
    {
        if (frames.Count > pointer.Count)
        {
            return -1;
        }

        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Segment != pointer[i])
            {
                return -1;
            }
        }

        return frames.Count;
    }

    private static (int, int) ToChars(byte[] bytes, int byteStart, int byteLength) =>
        (Encoding.UTF8.GetCharCount(bytes, 0, byteStart), Encoding.UTF8.GetCharCount(bytes, byteStart, Math.Min(byteLength, bytes.Length - byteStart)));
}
