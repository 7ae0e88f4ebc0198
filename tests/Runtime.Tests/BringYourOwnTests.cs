using System.Text;
using Microsoft.AspNetCore.Http;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Tests.Files;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// A document of the tests' own (BringYourOwn/files.openapi.json), generated in this build as in a consumer's, against a
/// real Kestrel server on 127.0.0.1 that parses what it gets with ASP.NET Core's own form reader: multipart and
/// urlencoded bodies, binary and text answers, a header parameter.
/// </summary>
public sealed class BringYourOwnTests
{
    [Fact]
    public async Task A_multipart_upload_reaches_a_server_as_form_fields_and_a_file()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 tiny");
        string? seen = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            var file = form.Files.Single();
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            seen = string.Join(" | ", $"title={form["title"]}", $"labels={string.Join(",", form["labels"].ToArray())}", $"meta={form["meta"]}",
                $"file={file.Name}:{file.FileName}:{file.ContentType}:{Encoding.ASCII.GetString(copy.ToArray())}", $"tenant={context.Request.Headers["X-Tenant"]}");
            context.Response.StatusCode = 201;
            await context.Response.WriteAsJsonAsync(new { id = "d1", size = file.Length });
        });

        var stored = await Client(server).UploadDocumentAsync(
            new UploadDocumentRequest
            {
                File = new FileContent(new MemoryStream(pdf), "invoice.pdf", "application/pdf"),
                Title = "Invoice 7",
                Labels = ["paid", "2024"],
                Meta = new UploadDocumentRequestMeta { Pages = 1 },
            },
            xTenant: "acme");

        Assert.Equal("title=Invoice 7 | labels=paid,2024 | meta={\"pages\":1} | file=file:invoice.pdf:application/pdf:%PDF-1.4 tiny | tenant=acme", seen);
        Assert.Equal(("d1", 13L), (stored.Id, stored.Size));
    }

    [Fact]
    public async Task A_urlencoded_update_reaches_a_server_in_the_encoding_the_document_gives()
    {
        string? seen = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            seen = $"{context.Request.ContentType} | " + string.Join(" & ", form.Select(f => $"{f.Key}={f.Value}"));
            await context.Response.WriteAsJsonAsync(new { id = "d1", size = (long?)null });
        });

        var stored = await Client(server).UpdateDocumentAsync("d 1", new UpdateDocumentRequest
        {
            Title = "A & B = C",
            Metadata = new Dictionary<string, string> { ["plan"] = "gold" },
            Labels = ["x", "y"],
        });

        Assert.Equal("application/x-www-form-urlencoded | title=A & B = C & metadata[plan]=gold & labels=x|y", seen);
        Assert.Null(stored.Size);
        Assert.Equal("POST /documents/d%201", server.Requests.Single());
    }

    [Fact]
    public async Task Binary_content_goes_up_as_it_is_and_comes_back_as_a_stream_and_text_in_its_charset()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "GET")
            {
                context.Response.ContentType = "text/plain; charset=utf-16";
                await context.Response.Body.WriteAsync(Encoding.Unicode.GetBytes("résumé ✓"));
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.ContentType = context.Request.ContentType == "application/octet-stream" && context.Request.Headers.Accept == "image/png" ? "image/png" : "text/plain";
            await context.Response.Body.WriteAsync(body.ToArray().Reverse().ToArray());
        });
        var client = Client(server);

        using var echoed = await client.ReplaceContentAsync("d1", bytes);
        using var copy = new MemoryStream();
        await echoed.CopyToAsync(copy);
        var summary = await client.GetSummaryAsync("d1");

        Assert.Equal(bytes.Reverse(), copy.ToArray());
        Assert.Equal("résumé ✓", summary);
    }

    private static FilesClient Client(LoopbackServer server) =>
        new(new HttpClient(), new ModelArtsClientOptions { Endpoint = server.Address, Retry = { MaxAttempts = 1 } });
}
