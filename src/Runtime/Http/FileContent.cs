using System.Text.Json;
using ModelArts.Runtime.Json;

namespace ModelArts.Runtime.Http;

/// <summary>
/// Binary content: a file part of a <c>multipart/form-data</c> body, or the whole body of an <c>application/octet-stream</c>
/// (or image, audio, PDF, ...) request. Converts implicitly from <see cref="Stream"/> and <see cref="byte"/>[].
/// </summary>
/// <remarks>
/// A stream is read from its current position when the request is encoded, and is not disposed: it stays the caller's.
/// In JSON (a model's <c>ToJson</c>) the content is a base64 string, the only way JSON carries bytes. A string read from
/// JSON is written back as it came, base64 or not (documents show file fields as <c>"&lt;binary&gt;"</c>, say), and its bytes
/// are the decoded base64, or the string's UTF-8 when it is not base64.
/// </remarks>
public sealed class FileContent : IJsonValue
{
    private readonly byte[]? _bytes;
    private readonly Stream? _stream;
    private readonly string? _json;

    /// <summary>Content held in memory.</summary>
    public FileContent(byte[] bytes, string? fileName = null, string? contentType = null)
    {
        _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>Content read from <paramref name="stream"/> when the request is sent.</summary>
    public FileContent(Stream stream, string? fileName = null, string? contentType = null)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        FileName = fileName;
        ContentType = contentType;
    }

    private FileContent(byte[] bytes, string json)
    {
        _bytes = bytes;
        _json = json;
    }

    /// <summary>The file name a multipart part gives (<c>filename=</c>); the part's name when null.</summary>
    public string? FileName { get; }

    /// <summary>The media type of the content (<c>image/png</c>); the documented one, else <c>application/octet-stream</c>, when null.</summary>
    public string? ContentType { get; }

    /// <summary>Content held in memory.</summary>
    public static implicit operator FileContent(byte[] bytes) => new(bytes);

    /// <summary>Content read from the stream when the request is sent.</summary>
    public static implicit operator FileContent(Stream stream) => new(stream);

    /// <summary>Content held in memory.</summary>
    public static FileContent FromByteArray(byte[] bytes) => new(bytes);

    /// <summary>Content read from the stream when the request is sent.</summary>
    public static FileContent FromStream(Stream stream) => new(stream);

    /// <summary>The bytes: the array given, or what is left of the stream.</summary>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        if (_bytes is not null)
        {
            return _bytes;
        }

        using var copy = new MemoryStream();
#if NET
        await _stream!.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
#else
        await _stream!.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
#endif
        return copy.ToArray();
    }

    /// <summary>Writes the content as a base64 string; a seekable stream is put back where it was.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (_json is not null)
        {
            writer.WriteStringValue(_json);
            return;
        }

        if (_bytes is not null)
        {
            writer.WriteBase64StringValue(_bytes);
            return;
        }

        var start = _stream!.CanSeek ? _stream.Position : -1;
        using var copy = new MemoryStream();
        _stream.CopyTo(copy);
        if (start >= 0)
        {
            _stream.Position = start;
        }

        writer.WriteBase64StringValue(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    /// <summary>Reads a string: its bytes are the decoded base64, or the string's UTF-8 when it is not base64; it is written back as it came.</summary>
    public static FileContent ReadJson(ref Utf8JsonReader reader)
    {
        var text = JsonRead.GetString(ref reader);
        return new FileContent(reader.TryGetBytesFromBase64(out var bytes) ? bytes! : System.Text.Encoding.UTF8.GetBytes(text), text);
    }
}
