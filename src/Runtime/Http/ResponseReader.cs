using System.Text;
using ModelArts.Runtime.Json;

namespace ModelArts.Runtime.Http;

/// <summary>How a call reads a successful answer: the media type it asks for (<c>Accept</c>) and what it makes of the body.</summary>
/// <typeparam name="T">What the call returns.</typeparam>
public sealed class ResponseReader<T>
{
    private readonly Func<byte[], string?, T> _read;

    /// <summary>A reader that asks for <paramref name="accept"/> and turns the body bytes and their charset into a value.</summary>
    public ResponseReader(string accept, Func<byte[], string?, T> read)
    {
        Accept = accept ?? throw new ArgumentNullException(nameof(accept));
        _read = read ?? throw new ArgumentNullException(nameof(read));
    }

    /// <summary>A reader of a JSON answer: the pipeline reads it from its pooled buffer, with the 204 rule.</summary>
    internal ResponseReader(JsonValueReader<T> json)
        : this(ResponseReader.JsonMediaType, (body, _) => JsonRead.Document(body, json)) => JsonReader = json;

    /// <summary>The generated reader of a JSON answer; null for other answers.</summary>
    internal JsonValueReader<T>? JsonReader { get; }

    /// <summary>The <c>Accept</c> header of the call.</summary>
    public string Accept { get; }

    /// <summary>The value of a successful answer's body, given its charset (null when the answer names none).</summary>
    public T Read(byte[] body, string? charSet) => _read(body, charSet);
}

/// <summary>The readers generated calls use.</summary>
public static class ResponseReader
{
    /// <summary>The <c>Accept</c> of a JSON answer (a <c>204</c> reads as the empty object).</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>An answer that is ignored (the document gives it no body).</summary>
    public static ResponseReader<object?> None { get; } = new(JsonMediaType + ", */*", static (_, _) => null);

    /// <summary>A JSON answer read with a generated reader.</summary>
    public static ResponseReader<T> Json<T>(JsonValueReader<T> read)
    {
        if (read is null)
        {
            throw new ArgumentNullException(nameof(read));
        }

        return new(read);
    }

    /// <summary>A binary answer (a file, an image) as a read-only stream over the received bytes.</summary>
    public static ResponseReader<Stream> Stream(string accept) => new(accept, static (body, _) => new MemoryStream(body, writable: false));

    /// <summary>A text answer, decoded with the charset the answer names (UTF-8 when it names none or one this platform lacks).</summary>
    public static ResponseReader<string> Text(string accept) => new(accept, static (body, charSet) => Decode(body, charSet));

    private static string Decode(byte[] body, string? charSet)
    {
        var encoding = Encoding.UTF8;
        if (charSet is { Length: > 0 })
        {
            try
            {
                encoding = Encoding.GetEncoding(charSet.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is what nearly every service means.
            }
        }

        // The encoding's byte order mark, when the body starts with one, is not text.
        var preamble = encoding.GetPreamble();
        var skip = preamble.Length > 0 && body.Length >= preamble.Length && body.AsSpan(0, preamble.Length).SequenceEqual(preamble) ? preamble.Length : 0;
        return encoding.GetString(body, skip, body.Length - skip);
    }
}
