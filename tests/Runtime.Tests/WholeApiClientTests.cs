using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ModelArts.Runtime.Http;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// The clients of the chapters beyond data management, through a scripted handler: the waits their status pages document
/// (string statuses, status paths, several waits on one operation, lists that must empty first), header parameters sent
/// as headers, a body's own media type, and paging by item position.
/// </summary>
public sealed class WholeApiClientTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task WaitForTrainingJob_reads_the_phase_under_status_until_it_completes()
    {
        var phases = new Queue<string>(["Pending", "Running", "Completed"]);
        var handler = new ScriptedHandler(_ => TrainingJob(phases.Dequeue()));
        var client = new ModelArts.Training.TrainingClient(new HttpClient(handler), Options());
        var seen = new List<string?>();

        var done = await client.WaitForTrainingJobAsync("job-1", new Progress<ModelArts.Training.ShowTrainingJobDetailsResponse>(s => seen.Add(s.Status?.Phase?.Value)), pollInterval: Quick);

        Assert.Equal("Completed", done.Status?.Phase?.Value);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("GET /v2/proj/training-jobs/job-1", r.Line));
    }

    [Theory]
    [InlineData("Failed", ModelArtsTaskState.Failed)]
    [InlineData("Abnormal", ModelArtsTaskState.Failed)]
    [InlineData("Terminated", ModelArtsTaskState.Stopped)]
    public async Task WaitForTrainingJob_ends_on_a_failed_or_stopped_phase(string phase, ModelArtsTaskState state)
    {
        var client = new ModelArts.Training.TrainingClient(new HttpClient(new ScriptedHandler(_ => TrainingJob(phase))), Options());

        var error = await Assert.ThrowsAsync<ModelArtsTaskFailedException>(() => client.WaitForTrainingJobAsync("job-1", pollInterval: Quick));

        Assert.Equal(state, error.State);
    }

    [Fact]
    public async Task WaitForService_compares_lower_case_statuses_and_surfaces_the_error_message()
    {
        var statuses = new Queue<string>(["deploying", "failed"]);
        var client = new ModelArts.Services.ServicesClient(new HttpClient(new ScriptedHandler(_ => Service(statuses.Dequeue(), "the image could not be pulled"))), Options());

        var error = await Assert.ThrowsAsync<ModelArtsTaskFailedException>(() => client.WaitForServiceAsync("svc-1", pollInterval: Quick));

        Assert.Equal((ModelArtsTaskState.Failed, null, "the image could not be pulled"), (error.State, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public async Task One_status_operation_serves_two_waits_that_do_not_end_on_each_others_state()
    {
        // Right after a stop call the instance still shows RUNNING: the stop wait must not end there, nor the start wait on STOPPED.
        var forStop = new Queue<string>(["RUNNING", "STOPPING", "STOPPED"]);
        var stopping = new ModelArts.Development.DevelopmentClient(new HttpClient(new ScriptedHandler(_ => Notebook(forStop.Dequeue()))), Options());
        Assert.Equal("STOPPED", (await stopping.WaitForNotebookStoppedAsync("nb-1", pollInterval: Quick)).Status?.Value);
        Assert.Empty(forStop);

        var forStart = new Queue<string>(["STOPPED", "STARTING", "RUNNING"]);
        var starting = new ModelArts.Development.DevelopmentClient(new HttpClient(new ScriptedHandler(_ => Notebook(forStart.Dequeue()))), Options());
        Assert.Equal("RUNNING", (await starting.WaitForNotebookRunningAsync("nb-1", pollInterval: Quick)).Status?.Value);
        Assert.Empty(forStart);

        var failing = new ModelArts.Development.DevelopmentClient(new HttpClient(new ScriptedHandler(_ => Notebook("START_FAILED", "no resources"))), Options());
        var error = await Assert.ThrowsAsync<ModelArtsTaskFailedException>(() => failing.WaitForNotebookRunningAsync("nb-1", pollInterval: Quick));
        Assert.Equal("no resources", error.ErrorMessage);
    }

    [Fact]
    public async Task WaitForPool_waits_while_nodes_are_still_being_created_or_deleted()
    {
        var answers = new Queue<string>([Pool("Creating"), Pool("Running", creating: 2), Pool("Running", deleting: 1), Pool("Running")]);
        var handler = new ScriptedHandler(_ => answers.Dequeue());
        var client = new ModelArts.Resources.ResourcesClient(new HttpClient(handler), Options());

        var done = await client.WaitForPoolAsync("pool-1", pollInterval: Quick);

        Assert.Equal("Running", done.Status?.Phase?.Value);
        Assert.Equal(4, handler.Requests.Count);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task WaitForPool_surfaces_the_status_message_of_a_failed_pool()
    {
        var client = new ModelArts.Resources.ResourcesClient(new HttpClient(new ScriptedHandler(_ => Pool("CreationFailed", message: "quota exceeded"))), Options());

        var error = await Assert.ThrowsAsync<ModelArtsTaskFailedException>(() => client.WaitForPoolAsync("pool-1", pollInterval: Quick));

        Assert.Equal("quota exceeded", error.ErrorMessage);
    }

    [Fact]
    public async Task Header_parameters_are_sent_as_headers_and_only_when_set()
    {
        var handler = new ScriptedHandler(_ => """{"events":[]}""");
        var client = new ModelArts.Training.TrainingClient(new HttpClient(handler), Options());

        await client.ListTrainingJobEventsAsync("job-1", xLanguage: "en-us");
        await client.ListTrainingJobEventsAsync("job-1");

        Assert.Equal("en-us", handler.Requests[0].Headers["X-Language"]);
        Assert.False(handler.Requests[1].Headers.ContainsKey("X-Language"));
    }

    [Fact]
    public async Task A_content_type_header_parameter_of_a_get_is_sent_on_an_empty_body()
    {
        // "If this parameter is set to text/plain, the temporary preview link is returned."
        var handler = new ScriptedHandler(_ => """{"obs_url":"https://bucket.obs.example.com/log"}""");
        var client = new ModelArts.Training.TrainingClient(new HttpClient(handler), Options());

        await client.ShowObsUrlOfTrainingJobLogsAsync("job-1", "worker-0", contentType: "text/plain");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("GET /v2/proj/training-jobs/job-1/tasks/worker-0/logs/url", request.Line);
        Assert.Equal("text/plain", request.Headers["Content-Type"]);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task A_merge_patch_body_is_sent_with_its_media_type()
    {
        var handler = new ScriptedHandler(_ => "{}");
        var client = new ModelArts.Resources.ResourcesClient(new HttpClient(handler), Options());

        await client.PatchPoolAsync("pool-1", new ModelArts.Resources.PatchPoolRequest());

        var request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH /v2/proj/pools/pool-1", request.Line);
        Assert.Equal("application/merge-patch+json", request.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Paging_by_item_position_moves_the_offset_by_the_items_received()
    {
        // ListNotebooks: "offset: Start offset of the records on each page."
        var page = Spec("development")["paths"]!["/v1/{project_id}/notebooks"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.AsObject();
        var perPage = page["data"]!.AsArray().Count;
        // The second page holds other notebooks (the client stops on a page the server sent before).
        foreach (var total in new[] { "total", "count", "total_count" }.Where(page.ContainsKey))
        {
            page[total] = 2 * perPage;
        }

        var second = page.DeepClone().AsObject();
        foreach (var notebook in second["data"]!.AsArray())
        {
            notebook!["id"] = notebook["id"]!.GetValue<string>() + "-next";
        }

        var handler = new ScriptedHandler(r =>
            r.RequestUri!.Query.Contains($"offset={2 * perPage}", StringComparison.Ordinal) ? """{"data":[]}"""
            : r.RequestUri.Query.Contains($"offset={perPage}", StringComparison.Ordinal) ? second.ToJsonString()
            : page.ToJsonString());
        var client = new ModelArts.Development.DevelopmentClient(new HttpClient(handler), Options());

        var items = new List<ModelArts.Development.NotebookResp>();
        await foreach (var item in client.ListNotebooksItemsAsync(pageSize: 10))
        {
            items.Add(item);
        }

        Assert.Equal(2 * perPage, items.Count);
        Assert.Equal(
            [$"GET /v1/proj/notebooks?limit=10&offset=0", $"GET /v1/proj/notebooks?limit=10&offset={perPage}", $"GET /v1/proj/notebooks?limit=10&offset={2 * perPage}"],
            handler.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task An_old_version_operation_still_works_and_its_replacement_is_named()
    {
        var method = typeof(ModelArts.Training.TrainingClient).GetMethod(nameof(ModelArts.Training.TrainingClient.CreateTrainingJobV1Async))!;
        var obsolete = (ObsoleteAttribute)Attribute.GetCustomAttribute(method, typeof(ObsoleteAttribute))!;

        Assert.Equal("Deprecated: use CreateTrainingJobAsync instead (\"Creating a Training Job\").", obsolete.Message);
        Assert.NotNull(typeof(ModelArts.Training.TrainingClient).GetMethod(nameof(ModelArts.Training.TrainingClient.CreateTrainingJobAsync)));
    }

    [Fact]
    public void A_property_only_requests_must_carry_is_optional_when_read_and_required_by_Validate()
    {
        // JobMetadata is both the request's and the answer's metadata; only the request table marks name Mandatory.
        var documented = Spec("training")["paths"]!["/v2/{project_id}/training-jobs"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.DeepClone().AsObject();
        documented["spec"]!.AsObject().Remove("log_export_path"); // the example's empty OBS path is a listed exception (spec/example-exceptions.json)
        Assert.Equal([], ModelArts.Training.CreateTrainingJobRequest.FromJson(documented.ToJsonString()).Validate().Select(v => v.ToString()));

        var unnamed = documented.DeepClone().AsObject();
        unnamed["metadata"]!.AsObject().Remove("name");
        var violation = Assert.Single(ModelArts.Training.CreateTrainingJobRequest.FromJson(unnamed.ToJsonString()).Validate());
        Assert.Equal(("required", "$.metadata.name"), (violation.RuleId, violation.Path));

        var answer = ModelArts.Training.ShowTrainingJobDetailsResponse.FromJson(Documented("training", "/v2/{project_id}/training-jobs/{training_job_id}", job => job["metadata"]!.AsObject().Remove("name")));
        Assert.Null(answer.Metadata!.Name);
        var name = typeof(ModelArts.Training.JobMetadata).GetProperty(nameof(ModelArts.Training.JobMetadata.Name))!;
        Assert.Equal(System.Reflection.NullabilityState.Nullable, new System.Reflection.NullabilityInfoContext().Create(name).WriteState);
        Assert.NotNull(Attribute.GetCustomAttribute(name, typeof(ModelArts.Runtime.Constraints.RequiredPropertyAttribute)));
    }

    private static ModelArtsClientOptions Options() => new() { Endpoint = new Uri("https://modelarts.example.com"), ProjectId = "proj" };

    private static readonly ConcurrentDictionary<string, JsonObject> Documents = new();

    private static JsonObject Spec(string document) =>
        Documents.GetOrAdd(document, d => JsonNode.Parse(File.ReadAllText(Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", d + ".openapi.json")))!.AsObject());

    /// <summary>The documented answer of an operation, with some fields changed.</summary>
    private static string Documented(string document, string path, Action<JsonObject> change)
    {
        var example = Spec(document)["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.DeepClone().AsObject();
        change(example);
        return example.ToJsonString();
    }

    private static string TrainingJob(string phase) =>
        Documented("training", "/v2/{project_id}/training-jobs/{training_job_id}", job => job["status"]!["phase"] = phase);

    private static string Service(string status, string? error = null) =>
        Documented("services", "/v1/{project_id}/services/{service_id}", service =>
        {
            service["status"] = status;
            service["error_msg"] = error;
        });

    private static string Notebook(string status, string? reason = null) =>
        Documented("development", "/v1/{project_id}/notebooks/{id}", notebook =>
        {
            notebook["status"] = status;
            notebook["fail_reason"] = reason;
        });

    /// <summary>The pool page documents no example answer: the smallest pool its tables allow.</summary>
    private static string Pool(string phase, int creating = 0, int deleting = 0, string? message = null) =>
        new JsonObject
        {
            ["apiVersion"] = "v2",
            ["kind"] = "Pool",
            ["metadata"] = new JsonObject { ["name"] = "pool-1" },
            ["status"] = new JsonObject
            {
                ["phase"] = phase,
                ["message"] = message,
                ["resources"] = new JsonObject
                {
                    ["creating"] = Counts(creating),
                    ["deleting"] = Counts(deleting),
                },
            },
        }.ToJsonString();

    private static JsonArray Counts(int n) => new([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)new JsonObject { ["flavor"] = "modelarts.vm.gpu.t4", ["count"] = 1 })]);

    private sealed record Sent(string Line, Dictionary<string, string> Headers, string Body);

    /// <summary>Answers every request with the JSON the script gives, recording the request line, headers and body.</summary>
    private sealed class ScriptedHandler(Func<HttpRequestMessage, string> answer) : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add(new Sent($"{request.Method} {request.RequestUri!.PathAndQuery}", headers, body ?? "(none)"));
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer(request), Encoding.UTF8, "application/json") };
        }
    }
}
