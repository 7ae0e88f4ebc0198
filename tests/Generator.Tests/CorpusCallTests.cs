using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using ModelArts.Runtime.Http;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// What the generated clients of the corpus put on the wire and read back: form, multipart, binary and text bodies,
/// header parameters and query styles, through an in-memory handler (the real pipeline, no server).
/// </summary>
public sealed class CorpusCallTests
{
    [Fact]
    public async Task A_form_body_is_urlencoded_as_its_encoding_says()
    {
        var document = CorpusDocument.Get("form");
        var body = Model(document, "CustomerForm", """{"email":"a@b.c","balance":100,"tax_exempt":"none","expand":["sources","tax"],"tags":["vip","eu"],"metadata":{"plan":"gold"},"address":{"city":"Berlin","line1":"Unter den Linden 1"}}""");
        var handler = new Recorder("""{"id":"cus_1"}""");

        var customer = await Call(document, handler, "CreateCustomerAsync", ("body", body));

        Assert.Equal("application/x-www-form-urlencoded", handler.ContentType!.MediaType);
        Assert.Equal(
            [
                ("email", "a@b.c"), ("balance", "100"), ("tax_exempt", "none"),
                ("expand", "sources"), ("expand", "tax"),                      // style form, explode: one field per item
                ("tags", "vip|eu"),                                            // pipeDelimited, not exploded
                ("metadata[plan]", "gold"),                                    // deepObject
                ("address", """{"city":"Berlin","line1":"Unter den Linden 1"}"""), // contentType application/json
            ],
            FormFields(handler.Body!));
        Assert.Equal("a+b%40c.d", UrlEncodedValue(await SentForm(document, "email", "a b@c.d")));
        Assert.Equal("cus_1", customer!.GetType().GetProperty("Id")!.GetValue(customer));
    }

    [Fact]
    public async Task A_form_body_is_validated_before_anything_is_sent()
    {
        var document = CorpusDocument.Get("form");
        var body = Model(document, "CustomerForm", $$"""{"email":"{{new string('x', 513)}}"}""");
        var handler = new Recorder("{}");

        var error = await Assert.ThrowsAsync<ModelArtsValidationException>(() => Call(document, handler, "CreateCustomerAsync", ("body", body)));

        Assert.Contains(error.Violations, v => v.RuleId == "maxLength" && v.Path == "$.email");
        Assert.Null(handler.Body);
    }

    [Fact]
    public async Task A_multipart_body_has_a_part_per_field_and_file_parts_with_their_names_and_types()
    {
        var document = CorpusDocument.Get("multipart");
        var body = Model(document, "UploadFileRequest", """{"file":"","caption":"Rex","tags":["dog","beach"],"meta":{"width":640,"height":480}}""");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 255 };
        body.GetType().GetProperty("File")!.SetValue(body, new FileContent(new MemoryStream(png), "rex.png", "image/png"));
        body.GetType().GetProperty("Thumbnails")!.SetValue(body, new List<FileContent> { new([1, 2]), new([3]) });
        var handler = new Recorder("""{"code":200}""");

        await Call(document, handler, "UploadFileAsync", ("petId", 7L), ("body", body), ("additionalMetadata", "x y"));

        Assert.Equal("/pets/7/uploadImage?additionalMetadata=x%20y", handler.Uri!.PathAndQuery);
        Assert.Equal("multipart/form-data", handler.ContentType!.MediaType);
        var parts = MultipartParts(handler.Body!, handler.ContentType);
        Assert.Equal(["file", "caption", "tags", "tags", "meta", "thumbnails", "thumbnails"], parts.Select(p => p.Name));
        var file = parts[0];
        Assert.Equal(("rex.png", "image/png"), (file.FileName, file.ContentType));
        Assert.Equal(png, file.Body);
        Assert.Equal(("Rex", null), (Encoding.UTF8.GetString(parts[1].Body), parts[1].ContentType));
        Assert.Equal(["dog", "beach"], parts.Where(p => p.Name == "tags").Select(p => Encoding.UTF8.GetString(p.Body)));
        Assert.Equal(("application/json", """{"width":640,"height":480}"""), (parts[4].ContentType, Encoding.UTF8.GetString(parts[4].Body)));
        Assert.Equal(("thumbnails", "application/octet-stream"), (parts[5].FileName, parts[5].ContentType)); // no name of its own: the field's
        Assert.Equal([1, 2], parts[5].Body);
    }

    [Fact]
    public async Task A_binary_body_is_sent_as_it_is_and_the_callers_stream_stays_open()
    {
        var document = CorpusDocument.Get("binary");
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var stream = new MemoryStream(bytes);
        var handler = new Recorder(string.Empty, HttpStatusCode.NoContent);

        await Call(document, handler, "PutFileAsync", ("name", "a b.bin"), ("body", FileContent.FromStream(stream)));

        Assert.Equal("/files/a%20b.bin", handler.Uri!.AbsolutePath);
        Assert.Equal("application/octet-stream", handler.ContentType!.MediaType);
        Assert.Equal(bytes, handler.Body);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task A_binary_answer_is_a_stream_of_its_bytes_and_the_call_accepts_every_documented_type()
    {
        var document = CorpusDocument.Get("binary");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 13, 10 };
        var handler = new Recorder(png, "image/png");

        var stream = (Stream)(await Call(document, handler, "GetThumbnailAsync", ("id", 3L)))!;

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
        Assert.Equal("image/png, image/jpeg", handler.Accept);
    }

    [Fact]
    public async Task A_text_body_is_sent_as_utf8_and_a_text_answer_is_read_in_its_charset()
    {
        var document = CorpusDocument.Get("text");
        var handler = new Recorder(Encoding.Latin1.GetBytes("café noté"), "text/plain; charset=iso-8859-1");

        var answer = await Call(document, handler, "PutNoteAsync", ("id", "n1"), ("body", "café ☕"));

        Assert.Equal(("text/plain", "utf-8"), (handler.ContentType!.MediaType, handler.ContentType.CharSet));
        Assert.Equal("café ☕", Encoding.UTF8.GetString(handler.Body!));
        Assert.Equal("café noté", answer);
        Assert.Equal("text/plain", handler.Accept);
    }

    [Fact]
    public async Task Header_parameters_are_sent_in_the_simple_style_and_unset_ones_are_not()
    {
        var document = CorpusDocument.Get("header-cookie");
        var handler = new Recorder("""{"id":"p1"}""");
        var mode = document.Type("XMode")!.GetProperty("Live")!.GetValue(null);

        await Call(document, handler, "CreatePaymentAsync", ("idempotencyKey", "k-1"), ("xRetryCount", 2), ("xFeatures", new List<string> { "a", "b" }), ("xMode", mode));

        Assert.Equal("k-1", handler.Headers["Idempotency-Key"]);
        Assert.Equal("2", handler.Headers["X-Retry-Count"]);
        Assert.Equal("a,b", handler.Headers["X-Features"]);
        Assert.Equal("live", handler.Headers["X-Mode"]);
        Assert.False(handler.Headers.ContainsKey("X-Request-Id"));
        Assert.Equal("application/json", handler.Accept);
    }

    [Fact]
    public async Task Required_header_parameters_of_every_scalar_kind_are_sent()
    {
        var document = CorpusDocument.Get("required-headers");
        var handler = new Recorder("{}");
        var json = document.Type("ContentType")!.GetProperty("ApplicationJson")!.GetValue(null);
        var level = document.Type("XLevel")!.GetProperty("High")!.GetValue(null);
        var body = Model(document, "ChangeTagsRequest", """{"add":"red"}""");

        await Call(document, handler, "ChangeTagsAsync", ("body", body), ("contentType", json), ("xPage", 3L), ("xRatio", 0.5), ("xDryRun", true), ("xLevel", level));

        Assert.Equal("3", handler.Headers["X-Page"]);
        Assert.Equal("0.5", handler.Headers["X-Ratio"]);
        Assert.Equal("true", handler.Headers["X-Dry-Run"]);
        Assert.Equal("high", handler.Headers["X-Level"]);
        Assert.Equal("application/json", handler.ContentType?.MediaType);
    }

    [Fact]
    public async Task Query_parameters_follow_their_style()
    {
        var document = CorpusDocument.Get("query-styles");
        var handler = new Recorder("""{"count":1}""");
        var range = Model(document, "RangeObject", """{"from":1,"to":5}""");

        await Call(
            document,
            handler,
            "SearchAsync",
            ("ids", new List<long> { 1, 2 }),
            ("tags", new List<string> { "a", "b" }),
            ("fields", new List<string> { "x", "y" }),
            ("words", new List<string> { "p", "q" }),
            ("filter", new Dictionary<string, string> { ["state"] = "open" }),
            ("range", range),
            ("point", range));

        Assert.Equal(
            [("ids", "1,2"), ("tags", "a"), ("tags", "b"), ("fields", "x|y"), ("words", "p q"), ("filter[state]", "open"), ("from", "1"), ("to", "5"), ("point", "from,1,to,5")],
            Pairs(handler.Uri!.Query.TrimStart('?'), form: false));
    }

    [Fact]
    public async Task Json_bodies_of_any_type_are_written_read_and_their_models_validated()
    {
        var document = CorpusDocument.Get("json-values");
        var tag = document.Type("Tag")!;
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(tag))!;
        list.Add(Model(document, "Tag", """{"name":"a"}"""));
        var handler = new Recorder("""{"a":1}""");

        var counts = await Call(document, handler, "ReplaceTagsAsync", ("body", list));

        Assert.Equal("""[{"name":"a"}]""", Encoding.UTF8.GetString(handler.Body!));
        Assert.Equal(1L, ((IDictionary<string, long>)counts!)["a"]);
        list.Add(Model(document, "Tag", """{"name":""}"""));
        var error = await Assert.ThrowsAsync<ModelArtsValidationException>(() => Call(document, new Recorder("{}"), "ReplaceTagsAsync", ("body", list)));
        Assert.Equal(("minLength", "$[1].name"), (error.Violations.Single().RuleId, error.Violations.Single().Path));
        Assert.Equal(42L, await Call(document, new Recorder("42"), "CountAsync"));
    }

    [Theory]
    [InlineData("ListEventsItemsAsync", "0,2,4,5")]     // offset counts items: it moves by what each page held
    [InlineData("ListPagesItemsAsync", "0,1,2,3")]      // "Start page of the paging list": offset is the page index
    public async Task Paging_reads_every_item_once_whatever_the_offset_counts(string method, string offsets)
    {
        var document = CorpusDocument.Get("paging");
        var pager = new Pager(total: 5, byPage: method.StartsWith("ListPages", StringComparison.Ordinal));
        var client = Activator.CreateInstance(document.Client, new HttpClient(pager), new ModelArtsClientOptions { Endpoint = new Uri("http://127.0.0.1/") })!;
        var call = document.Client.GetMethod(method)!;
        var values = call.GetParameters().Select(p => p.Name == "pageSize" ? 2 : p.HasDefaultValue ? p.DefaultValue : null).ToArray();

        var ids = new List<long>();
        await foreach (var item in (IAsyncEnumerable<object>)GeneratedAssembly.Invoke(call, client, values)!)
        {
            ids.Add((long)item.GetType().GetProperty("Id")!.GetValue(item)!);
        }

        Assert.Equal([0L, 1, 2, 3, 4], ids);
        Assert.Equal(offsets, string.Join(",", pager.Offsets));
    }

    private static async Task<string> SentForm(CorpusDocument document, string field, string value)
    {
        var handler = new Recorder("""{"id":"c"}""");
        await Call(document, handler, "CreateCustomerAsync", ("body", Model(document, "CustomerForm", $$"""{"{{field}}":"{{value}}"}""")));
        return Encoding.ASCII.GetString(handler.Body!);
    }

    private static string UrlEncodedValue(string form) => form.Split('=', 2)[1];

    private static object Model(CorpusDocument document, string type, string json) =>
        document.Type(type)!.GetMethod("FromJson", [typeof(string)])!.Invoke(null, [json])!;

    /// <summary>Calls a client method with the named arguments (the others at their defaults) and awaits its result.</summary>
    private static async Task<object?> Call(CorpusDocument document, HttpMessageHandler handler, string method, params (string Name, object? Value)[] arguments)
    {
        var client = Activator.CreateInstance(document.Client, new HttpClient(handler), new ModelArtsClientOptions { Endpoint = new Uri("http://127.0.0.1/"), Retry = { MaxAttempts = 1 } })!;
        var call = document.Client.GetMethod(method) ?? throw new InvalidOperationException(method);
        var values = call.GetParameters().Select(p => arguments.FirstOrDefault(a => a.Name == p.Name) is { Name: not null } given ? given.Value : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        var task = (Task)GeneratedAssembly.Invoke(call, client, values)!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    private static List<(string Name, string Value)> FormFields(byte[] body) => Pairs(Encoding.ASCII.GetString(body), form: true);

    private static List<(string Name, string Value)> Pairs(string text, bool form) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => (Decode(p[0], form), Decode(p[1], form)))
            .ToList();

    private static string Decode(string value, bool form) => Uri.UnescapeDataString(form ? value.Replace('+', ' ') : value);

    /// <summary>The parts of a multipart body: name, file name, content type, bytes.</summary>
    private static List<(string Name, string? FileName, string? ContentType, byte[] Body)> MultipartParts(byte[] body, MediaTypeHeaderValue type)
    {
        var boundary = Encoding.ASCII.GetBytes("--" + type.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"'));
        var parts = new List<(string, string?, string?, byte[])>();
        var starts = new List<int>();
        for (var i = 0; i + boundary.Length <= body.Length; i++)
        {
            if (body.AsSpan(i, boundary.Length).SequenceEqual(boundary))
            {
                starts.Add(i);
            }
        }

        for (var k = 0; k + 1 < starts.Count; k++)
        {
            var from = starts[k] + boundary.Length + 2; // CRLF after the boundary
            var to = starts[k + 1] - 2;                 // CRLF before the next one
            var part = body.AsSpan(from, to - from).ToArray();
            var split = part.AsSpan().IndexOf("\r\n\r\n"u8);
            var headers = Encoding.ASCII.GetString(part, 0, split).Split("\r\n").Select(h => h.Split(':', 2)).ToDictionary(h => h[0].Trim(), h => h[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var disposition = ContentDispositionHeaderValue.Parse(headers["Content-Disposition"]);
            parts.Add((disposition.Name!.Trim('"'), disposition.FileName?.Trim('"'), headers.TryGetValue("Content-Type", out var contentType) ? MediaTypeHeaderValue.Parse(contentType).MediaType : null, part[(split + 4)..]));
        }

        return parts;
    }

    /// <summary>Serves <c>total</c> events in pages of <c>limit</c>, the offset read as an item count or a page index.</summary>
    private sealed class Pager(int total, bool byPage) : HttpMessageHandler
    {
        public List<int> Offsets { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var query = Pairs(request.RequestUri!.Query.TrimStart('?'), form: false).ToDictionary(p => p.Name, p => int.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture));
            Offsets.Add(query["offset"]);
            var first = byPage ? query["offset"] * query["limit"] : query["offset"];
            var events = Enumerable.Range(first, Math.Max(0, Math.Min(query["limit"], total - first))).Select(i => $$"""{"id":{{i}}}""");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($$"""{"events":[{{string.Join(",", events)}}],"total":{{total}}}""", Encoding.UTF8, "application/json") });
        }
    }

    /// <summary>Records the one request it gets and answers with a canned body.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        private readonly byte[] _answer;
        private readonly string _answerType;
        private readonly HttpStatusCode _status;

        public Recorder(string json, HttpStatusCode status = HttpStatusCode.OK)
            : this(Encoding.UTF8.GetBytes(json), "application/json", status)
        {
        }

        public Recorder(byte[] answer, string answerType, HttpStatusCode status = HttpStatusCode.OK)
        {
            _answer = answer;
            _answerType = answerType;
            _status = status;
        }

        public Uri? Uri { get; private set; }

        public byte[]? Body { get; private set; }

        public MediaTypeHeaderValue? ContentType { get; private set; }

        public string? Accept { get; private set; }

        public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Accept = request.Headers.TryGetValues("Accept", out var accept) ? string.Join(", ", accept) : null;
            foreach (var header in request.Headers)
            {
                Headers[header.Key] = string.Join(",", header.Value);
            }

            if (request.Content is not null)
            {
                Body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
                ContentType = request.Content.Headers.ContentType;
            }

            var response = new HttpResponseMessage(_status) { Content = new ByteArrayContent(_answer) };
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(_answerType);
            return response;
        }
    }
}
