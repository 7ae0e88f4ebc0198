using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// Paging that ends against a server that ignores <c>offset</c> or never runs out, endpoints whose path is a base path,
/// and ids or query values that are not valid UTF-16.
/// </summary>
public sealed class PagingAndInputTests
{
    /// <summary>More items than any of these servers should ever give: a listing past it has not ended.</summary>
    private const int Runaway = 2_000;

    [Fact]
    public async Task A_server_that_sends_the_same_page_again_stops_the_listing_with_a_typed_error()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(Page(["a", "b"], total: null)));
        var client = Client(server);

        var (items, error) = await List(client);

        var paging = Assert.IsType<ModelArtsPagingException>(error);
        Assert.Equal(("ListAutoAnnotationSamples", 1), (paging.Operation, paging.Page));
        Assert.Contains("sent page 0 again", paging.Message, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], items);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_alternates_two_pages_is_caught_too()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Response.WriteAsync(int.Parse(context.Request.Query["offset"]!, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0 ? Page(["a"], null) : Page(["b"], null)));

        var (items, error) = await List(Client(server));

        Assert.IsType<ModelArtsPagingException>(error);
        Assert.Equal(["a", "b"], items);
    }

    [Fact]
    public async Task A_server_that_sends_more_items_than_its_total_stops_the_listing()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var offset = context.Request.Query["offset"].ToString();
            return context.Response.WriteAsync(Page([offset + "-1", offset + "-2"], total: 5)); // a new page every time, total 5
        });

        var (items, error) = await List(Client(server));

        var paging = Assert.IsType<ModelArtsPagingException>(error);
        Assert.Contains("reported 5 items", paging.Message, StringComparison.Ordinal);
        Assert.Equal(6, items.Count); // pages 0-2 (6 >= 5 items), then page 3 is refused
    }

    [Fact]
    public async Task A_server_that_pages_by_fewer_items_than_asked_still_lists_everything()
    {
        // The page size the server uses (2) is smaller than the one asked for (100): the total, not the page size, bounds the listing.
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var offset = int.Parse(context.Request.Query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            return context.Response.WriteAsync(offset < 3 ? Page([$"{offset}-1", $"{offset}-2"], total: 6) : Page([], total: 6));
        });

        var (items, error) = await List(Client(server));

        Assert.Null(error);
        Assert.Equal(6, items.Count);
    }

    [Fact]
    public async Task An_endpoint_path_is_kept_as_the_base_path_of_every_call_and_of_the_token_request()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/iam/v3/auth/tokens")
            {
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = "token-1";
                await context.Response.WriteAsync("""{"token":{"expires_at":"2099-01-01T00:00:00Z"}}""");
                return;
            }

            context.Response.StatusCode = context.Request.Path.StartsWithSegments("/gateway/modelarts") ? 200 : 404;
            await context.Response.WriteAsync("""{"status":3}""");
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, new Uri(server.Address, "/iam/"), "user", "pa55", "domain", "eu-de");
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = new Uri(server.Address, "/gateway/modelarts/"), ProjectId = "p", Authenticator = iam });

        await client.AutoAnnotationProgressAsync("ds", "t");
        var withoutSlash = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = new Uri(server.Address, "/gateway/modelarts"), ProjectId = "p", Authenticator = iam });
        await withoutSlash.AutoAnnotationProgressAsync("ds", "t");

        Assert.Equal(["POST /iam/v3/auth/tokens", "GET /gateway/modelarts/v2/p/datasets/ds/tasks/t", "GET /gateway/modelarts/v2/p/datasets/ds/tasks/t"], server.Requests);
    }

    [Theory]
    [InlineData("https://modelarts.example/?region=eu")]
    [InlineData("https://modelarts.example/#top")]
    [InlineData("https://user:secret@modelarts.example/")]
    [InlineData("http://modelarts.example/")]
    public void An_endpoint_that_cannot_be_a_base_is_refused_with_a_clear_error(string endpoint)
    {
        using var http = new HttpClient();

        var service = Assert.Throws<ArgumentException>(() => new ModelArtsPipeline(http, new ModelArtsClientOptions { Endpoint = new Uri(endpoint) }));
        var iam = Assert.Throws<ArgumentException>(() => new IamPasswordAuthenticator(http, new Uri(endpoint), "u", "p", "d", "eu-de"));

        Assert.Contains(new Uri(endpoint).ToString(), service.Message, StringComparison.Ordinal);
        Assert.Contains("IAM endpoint", iam.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("query")]
    [InlineData("project")]
    public async Task A_lone_surrogate_in_an_id_or_a_query_value_is_refused_before_sending(string where)
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"samples":[]}"""));
        using var http = new HttpClient();
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = where == "project" ? "p\uDC00" : "p" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.ListAutoAnnotationSamplesAsync(where == "id" ? "ds-\uD800" : "ds", labelName: where == "query" ? "cat\uD800" : null));

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void A_surrogate_pair_is_valid_and_escaped_as_utf8()
    {
        Assert.Equal("%F0%9F%98%80", ModelArtsPipeline.Segment("\U0001F600"));
    }

    private static ModelArtsClient Client(LoopbackServer server) =>
        new(new HttpClient(), new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "p" });

    private static string Page(string[] ids, int? total)
    {
        var page = new JsonObject { ["samples"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["sample_id"] = id })]) };
        if (total is { } count)
        {
            page["sample_count"] = count;
        }

        return page.ToJsonString();
    }

    /// <summary>Every item, or the error that ended the listing; a listing that runs past <see cref="Runaway"/> items fails the test.</summary>
    private static async Task<(List<string> Items, Exception? Error)> List(ModelArtsClient client)
    {
        var items = new List<string>();
        try
        {
            await foreach (var sample in client.ListAutoAnnotationSamplesItemsAsync("ds"))
            {
                items.Add(sample.SampleId!);
                Assert.True(items.Count < Runaway, "the listing did not end");
            }
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return (items, e);
        }

        return (items, null);
    }
}
