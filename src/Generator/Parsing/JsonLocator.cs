using System.Text;
using System.Text.Json;

namespace ModelArts.Generator.Parsing;

/// <summary>
/// Finds where JSON pointers stand in the document text, for diagnostic locations: the property name a pointer ends with,
/// or its nearest ancestor's. Only called when something is reported, so the happy path never pays for positions.
/// </summary>
internal static class JsonLocator
{
    /// <summary>
    /// The spans of all pointers in one pass over the document, not one pass per diagnostic (a large document with many
    /// reports read itself once per report): only the branches some pointer goes through are read, the others are skipped.
    /// </summary>
    public static (int Start, int Length)[] FindAll(string text, IReadOnlyList<IReadOnlyList<string>> pointers)
    {
        const char Separator = '\u0001';
        var results = new (int Start, int Length)[pointers.Count];
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var keys = new string[pointers.Count][];
        for (var p = 0; p < pointers.Count; p++)
        {
            keys[p] = new string[pointers[p].Count];
            var key = string.Empty;
            for (var i = 0; i < pointers[p].Count; i++)
            {
                key = key + Separator + pointers[p][i];
                keys[p][i] = key;
                prefixes.Add(key);
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var found = new Dictionary<string, (int Start, int Length)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new Stack<(bool IsArray, string Path, int Index, string? Pending)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var parent = frames.Pop();
                        var child = parent.Path + Separator + reader.GetString();
                        var wanted = prefixes.Contains(child);
                        if (wanted)
                        {
                            found[child] = ((int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
                        }

                        frames.Push((parent.IsArray, parent.Path, parent.Index, wanted ? child : null));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = Enter(frames);
                        if (path is null)
                        {
                            reader.Skip(); // no pointer goes through this value
                        }
                        else
                        {
                            frames.Push((reader.TokenType == JsonTokenType.StartArray, path, -1, null));
                        }

                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        Enter(frames);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A broken document: what was found so far is the place to point at.
        }

        // The nearest ancestor with a property name, as Find does.
        for (var p = 0; p < pointers.Count; p++)
        {
            for (var i = keys[p].Length - 1; i >= 0; i--)
            {
                if (found.TryGetValue(keys[p][i], out var span))
                {
                    results[p] = span;
                    break;
                }
            }
        }

        if (bytes.Length == text.Length)
        {
            return results; // ASCII: bytes are characters
        }

        // Byte offsets to characters in one pass over the sorted offsets.
        var offsets = results.SelectMany(r => new[] { r.Start, r.Start + r.Length }).Distinct().OrderBy(o => o).ToList();
        var chars = new Dictionary<int, int>();
        var (previous, count) = (0, 0);
        foreach (var offset in offsets)
        {
            count += Encoding.UTF8.GetCharCount(bytes, previous, Math.Min(offset, bytes.Length) - previous);
            previous = Math.Min(offset, bytes.Length);
            chars[offset] = count;
        }

        return results.Select(r => (chars[r.Start], chars[r.Start + r.Length] - chars[r.Start])).ToArray();

        // The path of the value starting now, or null when no pointer goes through it.
        string? Enter(Stack<(bool IsArray, string Path, int Index, string? Pending)> stack)
        {
            if (stack.Count == 0)
            {
                return string.Empty;
            }

            var top = stack.Pop();
            string? path;
            if (top.IsArray)
            {
                path = top.Path + Separator + (top.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                stack.Push((true, top.Path, top.Index + 1, null));
                return prefixes.Contains(path) ? path : null;
            }

            path = top.Pending;
            stack.Push((false, top.Path, top.Index, null));
            return path;
        }
    }

    /// <summary>Zero-based line and column of character offsets, from one index of the line starts.</summary>
    public sealed class Lines(string text)
    {
        private readonly List<int> _starts = Starts(text);

        public (int Line, int Column) Of(int offset)
        {
            var index = _starts.BinarySearch(offset);
            var line = index >= 0 ? index : ~index - 1;
            return (line, offset - _starts[line]);
        }

        private static List<int> Starts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                starts.Add(i + 1);
            }

            return starts;
        }
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
}
