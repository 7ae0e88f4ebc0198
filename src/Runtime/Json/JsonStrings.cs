using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ModelArts.Runtime.Json;

/// <summary>Finds the strings of a document that cannot be decoded: invalid UTF-8, or a lone surrogate escape (<c>"\ud800"</c>).</summary>
internal static class JsonStrings
{
    public const string UndecodableReason = "a string that is not valid UTF-8 or holds a lone surrogate escape";

    private static readonly byte[] Escape = "\\u"u8.ToArray();

    /// <summary>Whether an escape in the surrogate range (<c>\uD800</c>-<c>\uDFFF</c>) may occur; false positives are fine.</summary>
    public static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf(Escape); at >= 0 && at + 3 < json.Length; at = NextEscape(json, at))
        {
            if (json[at + 2] is (byte)'d' or (byte)'D' && json[at + 3] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The error for a read that failed on an undecodable string: at the path of that string when the document shows it.</summary>
    public static ModelArtsJsonException Undecodable(ReadOnlySpan<byte> json, Exception error) =>
        ModelArtsJsonException.At(FindUndecodable(json) ?? "$", UndecodableReason + " (" + error.Message + ")", error);

    /// <summary>The JSON path of the first string or property name that cannot be decoded; null when there is none.</summary>
    public static string? FindUndecodable(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[frames.Count - 1] = new Frame(isArray: false, null, index: -1);
                        if (!Decodes(ref reader, out var name))
                        {
                            return PathOf(frames);
                        }

                        frames[frames.Count - 1] = new Frame(isArray: false, name, index: -1);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count > 0 && frames[frames.Count - 1].IsArray)
                {
                    var array = frames[frames.Count - 1];
                    frames[frames.Count - 1] = new Frame(isArray: true, null, array.Index + 1);
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.String when !Decodes(ref reader, out _):
                        return PathOf(frames);
                    case JsonTokenType.StartObject:
                        frames.Add(new Frame(isArray: false, null, -1));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(isArray: true, null, -1));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed further on: the reader reports that itself.
        }

        return null;
    }

    private static int NextEscape(ReadOnlySpan<byte> json, int at)
    {
        var next = json.Slice(at + 2).IndexOf(Escape);
        return next < 0 ? -1 : at + 2 + next;
    }

    private static bool Decodes(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (!frame.IsArray && frame.Name is { } name)
            {
                path.Append(ModelArtsJsonException.Segment(name));
            }
        }

        return path.ToString();
    }

    private readonly struct Frame(bool isArray, string? name, int index)
    {
        public bool IsArray { get; } = isArray;

        public string? Name { get; } = name;

        public int Index { get; } = index;
    }
}
