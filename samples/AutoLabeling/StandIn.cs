using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelArts.Samples;

namespace AutoLabeling;

/// <summary>
/// A local stand-in for IAM and ModelArts on 127.0.0.1 that answers with the example responses of the
/// API reference (embedded from spec/), so the tutorial runs without an account. It is not the service.
/// </summary>
internal sealed class StandIn : IAsyncDisposable
{
    private LocalStandIn _host = null!;
    private int _polls;

    public Settings Settings { get; private set; } = null!;

    public static async Task<StandIn> StartAsync(CancellationToken cancellationToken)
    {
        using var stream = typeof(StandIn).Assembly.GetManifestResourceStream("modelarts.openapi.json")!;
        var spec = JsonNode.Parse(stream)!;
        var standIn = new StandIn();
        standIn._host = await LocalStandIn.StartAsync(context => standIn.AnswerAsync(context, spec), cancellationToken);
        var address = standIn._host.Address;
        standIn.Settings = new Settings(address, address, "user_name", "user_password", "domain_name", "project_name", "stand-in-project", "stand-in-dataset");
        return standIn;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task AnswerAsync(HttpContext context, JsonNode spec)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method.ToLowerInvariant();

        const string Dataset = "/v2/stand-in-project/datasets/stand-in-dataset";
        var (template, status) = path switch
        {
            Dataset + "/tasks" when method == "post" => ("/v2/{project_id}/datasets/{dataset_id}/tasks", "200"),
            _ when path.StartsWith(Dataset + "/tasks/", StringComparison.Ordinal) => ("/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}", "200"),
            Dataset + "/auto-annotations/samples" => ("/v2/{project_id}/datasets/{dataset_id}/auto-annotations/samples", "200"),
            Dataset + "/data-annotations/samples" => ("/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples", "200"),
            _ => (null, null),
        };
        if (template is null)
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("""{"error_code":"ModelArts.0404","error_msg":"the stand-in does not play this call"}""");
        }

        var body = spec["paths"]![template]![method]!["responses"]![status!]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.DeepClone();
        if (template.EndsWith("{task_id}", StringComparison.Ordinal))
        {
            // The documented answer, moved along: running, then succeeded.
            var poll = Interlocked.Increment(ref _polls);
            body["status"] = poll < 5 ? 1 : 3;
            body["progress"] = Math.Min(100, poll * 25.0);
        }
        else if (template.EndsWith("auto-annotations/samples", StringComparison.Ordinal) && context.Request.Query["offset"] != "0")
        {
            body = new JsonObject { ["sample_count"] = 0, ["samples"] = new JsonArray() }; // one page in all
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
