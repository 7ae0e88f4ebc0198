using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelArts.Runtime.Http;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// The auto-labeling tutorial, end to end through the generated client: token, CreateTask (auto-label),
/// AutoAnnotationProgress until succeeded, ListAutoAnnotationSamples, UpdateSamples — against a server on
/// 127.0.0.1 that answers with the documentation's example bodies.
/// </summary>
public sealed class TutorialFlowTests
{
    private static readonly JsonObject Spec = JsonNode.Parse(File.ReadAllText(Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", "modelarts.openapi.json")))!.AsObject();

    [Fact]
    public async Task The_auto_labeling_tutorial_runs_against_the_documented_answers()
    {
        var polls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!;
            var method = context.Request.Method;
            string body;
            if (path == "/v3/auth/tokens")
            {
                context.Response.StatusCode = 201;
                context.Response.Headers["X-Subject-Token"] = "MIIZmgYJ-token";
                body = """{"token":{"expires_at":"2099-01-01T00:00:00.000000Z"}}""";
            }
            else if (context.Request.Headers["X-Auth-Token"] != "MIIZmgYJ-token")
            {
                context.Response.StatusCode = 401;
                body = "{}";
            }
            else if (method == "POST" && path == "/v2/proj/datasets/ds-1/tasks")
            {
                body = Example("/v2/{project_id}/datasets/{dataset_id}/tasks", "post", "200");
            }
            else if (method == "GET" && path.StartsWith("/v2/proj/datasets/ds-1/tasks/", StringComparison.Ordinal))
            {
                var status = Interlocked.Increment(ref polls) < 3 ? 1 : 3;
                var example = JsonNode.Parse(Example("/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}", "get", "200"))!.AsObject();
                example["status"] = status;
                example["progress"] = status == 3 ? 100.0 : 50.0;
                body = example.ToJsonString();
            }
            else if (method == "GET" && path == "/v2/proj/datasets/ds-1/auto-annotations/samples")
            {
                body = Example("/v2/{project_id}/datasets/{dataset_id}/auto-annotations/samples", "get", "200");
            }
            else if (method == "PUT" && path == "/v2/proj/datasets/ds-1/data-annotations/samples")
            {
                body = Example("/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples", "put", "200");
            }
            else
            {
                context.Response.StatusCode = 404;
                body = "{}";
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, server.Address, "user_name", "user_password", "domain_name", "project_name");
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj", Authenticator = iam });

        // Start auto-labeling with the documented request body.
        var request = CreateTaskRequest.FromJson(RequestExample("/v2/{project_id}/datasets/{dataset_id}/tasks", "post", "example1"));
        Assert.Equal("auto-label", request.TaskType?.ToString());
        var created = await client.CreateTaskAsync("ds-1", request);
        Assert.False(string.IsNullOrEmpty(created.TaskId));

        // Wait, with progress.
        var seen = new List<int?>();
        var done = await client.WaitForTaskAsync("ds-1", created.TaskId!, new Progress(s => seen.Add(s.Status?.Value)), pollInterval: TimeSpan.FromMilliseconds(10));
        Assert.Equal(3, done.Status?.Value);
        Assert.Equal(3, polls);

        // The auto-labeled samples, then confirm their labels.
        var samples = await client.ListAutoAnnotationSamplesAsync("ds-1");
        Assert.NotEmpty(samples.Samples!);
        var update = UpdateSamplesRequest.FromJson(RequestExample("/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples", "put", "example1"));
        var updated = await client.UpdateSamplesAsync("ds-1", update);
        Assert.NotNull(updated);

        Assert.Equal(
            ["POST /v3/auth/tokens", "POST /v2/proj/datasets/ds-1/tasks", $"GET /v2/proj/datasets/ds-1/tasks/{created.TaskId}", $"GET /v2/proj/datasets/ds-1/tasks/{created.TaskId}", $"GET /v2/proj/datasets/ds-1/tasks/{created.TaskId}", "GET /v2/proj/datasets/ds-1/auto-annotations/samples", "PUT /v2/proj/datasets/ds-1/data-annotations/samples"],
            server.Requests);
        Assert.Equal(1, iam.TokensFetched);
    }

    [Fact]
    public async Task A_failed_task_surfaces_its_error_code_and_message()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Response.WriteAsync("""{"status":2,"error_code":"ModelArts.4902","error_msg":"the dataset has too few labeled samples"}"""));
        using var http = new HttpClient();
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj" });

        var error = await Assert.ThrowsAsync<ModelArtsTaskFailedException>(() => client.WaitForTaskAsync("ds-1", "t-1", pollInterval: TimeSpan.FromMilliseconds(10)));

        Assert.Equal((ModelArtsTaskState.Failed, "ModelArts.4902", "the dataset has too few labeled samples"), (error.State, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public async Task Paging_asks_for_page_after_page_by_index_until_a_page_is_empty()
    {
        var example = JsonNode.Parse(Example("/v2/{project_id}/datasets/{dataset_id}/auto-annotations/samples", "get", "200"))!;
        var perPage = example["samples"]!.AsArray().Count;
        example["sample_count"] = 2 * perPage;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            // Two different pages (their sample ids tell them apart), then an empty one.
            var offset = context.Request.Query["offset"].ToString();
            var page = example.DeepClone();
            foreach (var sample in page["samples"]!.AsArray())
            {
                sample!["sample_id"] = sample["sample_id"] + "-page-" + offset;
            }

            return context.Response.WriteAsync(offset == "2" ? """{"samples":[]}""" : page.ToJsonString());
        });
        using var http = new HttpClient();
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj" });

        var items = new List<ModelArts.DescribeSampleResp>();
        await foreach (var item in client.ListAutoAnnotationSamplesItemsAsync("ds-1", pageSize: 10))
        {
            items.Add(item);
        }

        Assert.Equal(2 * perPage, items.Count);
        Assert.Equal(
            ["GET /v2/proj/datasets/ds-1/auto-annotations/samples?limit=10&offset=0", "GET /v2/proj/datasets/ds-1/auto-annotations/samples?limit=10&offset=1", "GET /v2/proj/datasets/ds-1/auto-annotations/samples?limit=10&offset=2"],
            server.Requests);
    }

    [Fact]
    public async Task The_typed_client_is_registered_with_IHttpClientFactory()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"status":3}"""));
        var services = new ServiceCollection();
        services.AddModelArtsClient(options =>
        {
            options.Endpoint = server.Address;
            options.ProjectId = "proj";
            options.Authenticator = new TokenAuthenticator("given-token");
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ModelArtsClient>();
        var status = await client.AutoAnnotationProgressAsync("ds-1", "t-1");

        Assert.Equal(3, status.Status?.Value);
        Assert.Equal("given-token", server.Headers.Single()["X-Auth-Token"]);
    }

    [Fact]
    public async Task An_invalid_request_is_not_sent_unless_validation_is_off()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"task_id":"t"}"""));
        using var http = new HttpClient();
        var request = new ModelArts.CreateProcessorTaskRequest
        {
            Name = "t",
            Template = new ModelArts.TemplateParam { Id = "sys_data_analyse" },
            CreateVersion = true,
            Description = "a<b",
        };

        var strict = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj" });
        var error = await Assert.ThrowsAsync<ModelArtsValidationException>(() => strict.CreateProcessorTaskAsync(request));
        // Neither data_source nor inputs: "Either this parameter or inputs is used" makes one of them required (anyOf).
        Assert.Equal([("pattern", "$.description"), ("anyOf", "$"), ("if-then", "$.template.id")], error.Violations.Select(v => (v.RuleId, v.Path)));
        Assert.Empty(server.Requests);

        var lenient = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj", ValidateRequests = false });
        await lenient.CreateProcessorTaskAsync(request);
        Assert.Single(server.Requests);
    }

    /// <summary>"limit: 1 to 100" and a documented format hold for query parameters too, with the rule ids of Validate().</summary>
    [Fact]
    public async Task Parameters_that_break_their_documented_constraints_are_not_sent_unless_validation_is_off()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"datasets":[],"total_number":0}"""));
        using var http = new HttpClient();

        var strict = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj" });
        var error = await Assert.ThrowsAsync<ModelArtsValidationException>(() => strict.ListDatasetsAsync(limit: int.Parse("1000", System.Globalization.CultureInfo.InvariantCulture), trainEvaluateRatio: "half"));
        Assert.Equal([("maximum", "query.limit"), ("pattern", "query.train_evaluate_ratio")], error.Violations.Select(v => (v.RuleId, v.Path)));
        Assert.Empty(server.Requests);

        await strict.ListDatasetsAsync(limit: 100, trainEvaluateRatio: "0.0,1.0");
        Assert.Single(server.Requests);

        var lenient = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj", ValidateRequests = false });
        await lenient.ListDatasetsAsync(limit: 1000);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Every_attempt_is_an_activity_of_the_sdk_source()
    {
        var stopped = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) { stopped.Add(activity); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"status":3}"""));
        using var http = new HttpClient();
        var client = new ModelArtsClient(http, new ModelArtsClientOptions { Endpoint = server.Address, ProjectId = "proj" });

        await client.AutoAnnotationProgressAsync("ds-1", "t-1");

        var activity = Assert.Single(stopped, a => (string?)a.GetTagItem("url.path") == "/v2/proj/datasets/ds-1/tasks/t-1");
        Assert.Equal("ModelArts GET", activity.DisplayName);
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
    }

    private static string Example(string path, string method, string status) =>
        Spec["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.ToJsonString();

    private static string RequestExample(string path, string method, string key) =>
        Spec["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["examples"]![key]!["value"]!.ToJsonString();


    private sealed class Progress(Action<ModelArts.AutoAnnotationProgressResponse> report) : IProgress<ModelArts.AutoAnnotationProgressResponse>
    {
        public void Report(ModelArts.AutoAnnotationProgressResponse value) => report(value);
    }
}
