using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelArts.Runtime.Json;
using ModelArts.Runtime.Validation;

namespace ModelArts.Runtime.Http;

/// <summary>
/// What a call sends besides its path and query: a body in the media type the document gives (JSON, form, multipart,
/// binary, text) and header parameters. The body is encoded once per call: signing and retries need its bytes.
/// </summary>
public sealed class RequestContent
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    private readonly Action<ICollection<ModelArtsViolation>>? _validate;
    private readonly Func<CancellationToken, Task<(byte[] Bytes, MediaTypeHeaderValue Type)>>? _encode;
    private List<KeyValuePair<string, string>>? _headers;

    private RequestContent(Action<ICollection<ModelArtsViolation>>? validate, Func<CancellationToken, Task<(byte[] Bytes, MediaTypeHeaderValue Type)>>? encode)
    {
        _validate = validate;
        _encode = encode;
    }

    /// <summary>The header parameters set, in order; null when none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers => _headers;

    /// <summary>No body (a call with header parameters only).</summary>
    public static RequestContent None() => new(null, null);

    /// <summary>A JSON body of a model, checked with its <c>Validate()</c> before sending; no body when null.</summary>
    public static RequestContent Json(IJsonModel? body) => JsonModel(body, JsonType);

    /// <summary>
    /// A JSON body of a model sent as another JSON media type (<c>application/merge-patch+json</c>), checked with its
    /// <c>Validate()</c> before sending; no body when null.
    /// </summary>
    public static RequestContent Json(IJsonModel? body, string mediaType) =>
        JsonModel(body, MediaType(mediaType) ?? throw new ArgumentException($"'{mediaType}' is not one media type", nameof(mediaType)));

    private static RequestContent JsonModel(IJsonModel? body, MediaTypeHeaderValue type) =>
        body is null ? None() : new(violations => body.Validate(violations, "$"), _ => Task.FromResult((JsonWrite.ToUtf8Bytes(body), type)));

    /// <summary>A JSON body of any other type (an array, a map, a string), written by <paramref name="write"/>; models in a list are validated.</summary>
    public static RequestContent Json<T>(T? body, JsonValueWriter<T> write)
    {
        if (body is null)
        {
            return None();
        }

        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        return new(
            body is IEnumerable<IJsonModel> items ? violations => ValidateItems(items, violations) : null,
            _ =>
            {
                using var stream = new MemoryStream();
                using (var writer = new Utf8JsonWriter(stream))
                {
                    write(writer, body);
                }

                return Task.FromResult((stream.ToArray(), JsonType));
            });
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> body; <paramref name="encoding"/> is the document's <c>encoding</c> by property.</summary>
    public static RequestContent Form(IFormModel? body, IReadOnlyDictionary<string, FieldEncoding>? encoding = null) =>
        FormBody(body, multipart: false, encoding, async (form, cancellationToken) =>
        {
            var text = new StringBuilder();
            foreach (var field in form.Fields)
            {
                var value = field.File is { } file ? Encoding.UTF8.GetString(await file.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false)) : field.Text!;
                text.Append(text.Length == 0 ? string.Empty : "&").Append(UrlEncode(field.Name)).Append('=').Append(UrlEncode(value));
            }

            return (Encoding.ASCII.GetBytes(text.ToString()), new MediaTypeHeaderValue("application/x-www-form-urlencoded"));
        });

    /// <summary>A <c>multipart/form-data</c> body: one part per field, files as file parts; <paramref name="encoding"/> is the document's <c>encoding</c> by property.</summary>
    public static RequestContent Multipart(IFormModel? body, IReadOnlyDictionary<string, FieldEncoding>? encoding = null) =>
        FormBody(body, multipart: true, encoding, async (form, cancellationToken) =>
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var field in form.Fields)
            {
                var part = new ByteArrayContent(field.File is { } file ? await file.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false) : Encoding.UTF8.GetBytes(field.Text!));
                if (MediaType(field.ContentType) is { } type)
                {
                    part.Headers.ContentType = type;
                }
                else if (field.File is not null)
                {
                    part.Headers.ContentType = OctetStream;
                }

                if (field.File is { } named)
                {
                    multipart.Add(part, Quoted(field.Name), Quoted(named.FileName ?? field.Name));
                }
                else
                {
                    multipart.Add(part, Quoted(field.Name));
                }
            }

            var bytes = await multipart.ReadAsByteArrayAsync().ConfigureAwait(false);
            return (bytes, multipart.Headers.ContentType!);
        });

    /// <summary>A binary body (<c>application/octet-stream</c>, an image, ...); its own content type wins over <paramref name="mediaType"/>.</summary>
    public static RequestContent Binary(FileContent? body, string mediaType)
    {
        if (body is null)
        {
            return None();
        }

        return new(null, async cancellationToken =>
            (await body.ReadAllBytesAsync(cancellationToken).ConfigureAwait(false), MediaType(body.ContentType) ?? MediaType(mediaType) ?? OctetStream));
    }

    /// <summary>A text body (<c>text/plain</c>, ...), sent as UTF-8.</summary>
    public static RequestContent Text(string? body, string mediaType)
    {
        if (body is null)
        {
            return None();
        }

        var type = MediaType(mediaType) ?? new MediaTypeHeaderValue("text/plain");
        type.CharSet = "utf-8";
        return new(null, _ => Task.FromResult((Encoding.UTF8.GetBytes(body), type)));
    }

    /// <summary>Adds a header parameter when the value is set.</summary>
    public RequestContent Header(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= []).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds a boolean header parameter (<c>true</c>/<c>false</c>) when it is set.</summary>
    public RequestContent Header(string name, bool? value) => Header(name, value is { } v ? WireText.Of(v) : null);

    /// <summary>Adds a number or option header parameter when it is set, in the invariant culture.</summary>
    public RequestContent Header<T>(string name, T? value)
        where T : struct => Header(name, value is { } v ? WireText.Of(v) : null);

    /// <summary>Adds a list header parameter (OpenAPI's <c>simple</c> style: the items joined by commas) when it is set.</summary>
    public RequestContent Header<T>(string name, IEnumerable<T>? values) => Header(name, FormWriter.Join(values, ","));

    /// <summary>A form body: validated as a model, its fields collected by its <c>WriteForm</c>, then encoded by <paramref name="encode"/>.</summary>
    private static RequestContent FormBody(
        IFormModel? body, bool multipart, IReadOnlyDictionary<string, FieldEncoding>? encoding, Func<FormWriter, CancellationToken, Task<(byte[] Bytes, MediaTypeHeaderValue Type)>> encode)
    {
        if (body is null)
        {
            return None();
        }

        return new(violations => body.Validate(violations, "$"), cancellationToken =>
        {
            var form = new FormWriter(multipart, encoding);
            body.WriteForm(form);
            return encode(form, cancellationToken);
        });
    }

    /// <summary>Adds the documented constraints the body breaks.</summary>
    internal void Validate(ICollection<ModelArtsViolation> violations) => _validate?.Invoke(violations);

    /// <summary>The body's bytes and content type; null bytes when there is no body.</summary>
    internal async Task<(byte[]? Bytes, MediaTypeHeaderValue? Type)> EncodeAsync(CancellationToken cancellationToken) =>
        _encode is null ? (null, null) : await _encode(cancellationToken).ConfigureAwait(false);

    private static void ValidateItems(IEnumerable<IJsonModel> items, ICollection<ModelArtsViolation> violations)
    {
        var index = 0;
        foreach (var item in items)
        {
            item?.Validate(violations, "$[" + index.ToString(CultureInfo.InvariantCulture) + "]");
            index++;
        }
    }

    /// <summary>A documented media type as a header value: one concrete type, not a wildcard or a list; null otherwise.</summary>
    private static MediaTypeHeaderValue? MediaType(string? mediaType) =>
        mediaType is not null && mediaType.IndexOfAny(['*', ',']) < 0 && MediaTypeHeaderValue.TryParse(mediaType, out var type) ? type : null;

    /// <summary>A name in a Content-Disposition parameter: quoted, with quotes and line breaks percent-encoded as browsers do.</summary>
    private static string Quoted(string name) => "\"" + name.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";

    /// <summary>The <c>application/x-www-form-urlencoded</c> form of a name or value: UTF-8, unreserved characters kept, spaces as '+'.</summary>
    private static string UrlEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'*')
            {
                builder.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
