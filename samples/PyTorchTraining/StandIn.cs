using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelArts.Samples;

namespace PyTorchTraining;

/// <summary>
/// A local stand-in for IAM and ModelArts training on 127.0.0.1 that answers with the example responses of the API
/// reference (embedded from spec/training.openapi.json), so the walkthrough runs without an account. It is not the
/// service: it moves the documented job along (creating, running, completed) and forgets it when it is deleted.
/// </summary>
internal sealed class StandIn : IAsyncDisposable
{
    private const string Project = "/v2/stand-in-project";

    /// <summary>The engine the walkthrough's own answer lists (use_cases/using_pytorch_to_create_a_training_job); the engines page's example lists others.</summary>
    private const string PyTorchEngine = """
        {
          "engine_id": "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64", "engine_name": "PyTorch",
          "engine_version": "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64", "v1_compatible": false, "run_user": "1102",
          "image_info": { "cpu_image_url": "aip/pytorch_1_8:train", "gpu_image_url": "aip/pytorch_1_8:train", "image_version": "pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20210912152543-1e0838d" }
        }
        """;

    private static readonly string[] Phases = ["Creating", "Pending", "Running", "Running", "Completed"];

    private LocalStandIn _host = null!;
    private int _polls;
    private bool _deleted;

    public Settings Settings { get; private set; } = null!;

    public static async Task<StandIn> StartAsync(CancellationToken cancellationToken)
    {
        using var stream = typeof(StandIn).Assembly.GetManifestResourceStream("training.openapi.json")!;
        var spec = JsonNode.Parse(stream)!;
        var standIn = new StandIn();
        standIn._host = await LocalStandIn.StartAsync(context => standIn.AnswerAsync(context, spec), cancellationToken);
        var address = standIn._host.Address;
        standIn.Settings = new Settings(address, address, "user_name", "user_password", "domain_name", "project_name", "stand-in-project", "cnnorth4-job-test-v2");
        return standIn;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task AnswerAsync(HttpContext context, JsonNode spec)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method.ToLowerInvariant();
        if (context.Request.Headers["X-Auth-Token"] != LocalStandIn.Token)
        {
            return Answer(context, 401, """{"error_code":"ModelArts.0104","error_msg":"no token"}""");
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (template, status) = (method, path) switch
        {
            ("get", Project + "/training-job-flavors") => ("/v2/{project_id}/training-job-flavors", "200"),
            ("get", Project + "/training-job-engines") => ("/v2/{project_id}/training-job-engines", "200"),
            ("post", Project + "/algorithms") => ("/v2/{project_id}/algorithms", "201"),
            ("post", Project + "/training-jobs") => ("/v2/{project_id}/training-jobs", "201"),
            ("get", _) when segments is [_, _, "training-jobs", _] && !_deleted => ("/v2/{project_id}/training-jobs/{training_job_id}", "200"),
            ("delete", _) when segments is [_, _, "training-jobs", _] && !_deleted => ("/v2/{project_id}/training-jobs/{training_job_id}", "202"),
            ("get", _) when segments is [_, _, "training-jobs", _, "tasks", _, "logs", "url"] => ("/v2/{project_id}/training-jobs/{training_job_id}/tasks/{task_id}/logs/url", "200"),
            ("get", _) when segments is [_, _, "training-jobs", _, "metrics", _] => ("/v2/{project_id}/training-jobs/{training_job_id}/metrics/{task_id}", "200"),
            _ => (null, null),
        };
        if (template is null)
        {
            return Answer(context, 404, """{"error_code":"ModelArts.0404","error_msg":"the stand-in does not play this call"}""");
        }

        if (method == "delete")
        {
            _deleted = true;
            return Answer(context, 202, string.Empty);
        }

        var body = spec["paths"]![template]![method]!["responses"]![status!]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.DeepClone();
        if (template.EndsWith("training-job-engines", StringComparison.Ordinal))
        {
            body["items"]!.AsArray().Add(JsonNode.Parse(PyTorchEngine));
        }
        else if (template.EndsWith("{training_job_id}", StringComparison.Ordinal))
        {
            // The documented job, moved along: creating, pending, running, completed.
            var poll = Interlocked.Increment(ref _polls);
            body["status"]!["phase"] = Phases[Math.Min(poll, Phases.Length) - 1];
            body["status"]!["secondary_phase"] = body["status"]!["phase"]!.GetValue<string>();
            body["status"]!["duration"] = poll * 60_000;
        }

        return Answer(context, int.Parse(status!, System.Globalization.CultureInfo.InvariantCulture), body.ToJsonString());
    }

    private static Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return body.Length == 0 ? Task.CompletedTask : context.Response.WriteAsync(body);
    }
}
