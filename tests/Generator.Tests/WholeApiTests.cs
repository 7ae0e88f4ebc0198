using Xunit;
using Verify = ModelArts.Generator.Tests.Verifiers.CSharpGeneratorVerifier;

namespace ModelArts.Generator.Tests;

/// <summary>
/// What the chapters beyond data management ask of the generator: a project pays only for the chapters it selects,
/// header parameters (but not the authentication's), deprecated operations naming their replacement, option lists
/// with two spellings of one value, paging offsets that count items, and waits of the shapes their pages document.
/// </summary>
public sealed class WholeApiTests
{
    private const string Path = "/specs/jobs.openapi.json";

    [Fact]
    public void A_project_that_selects_data_management_gets_exactly_what_the_data_management_document_alone_gives()
    {
        var (alone, aloneOptions) = GeneratorHarness.WholeApi();
        var dataManagement = alone.Where(t => t.Path.EndsWith("modelarts.openapi.json", StringComparison.Ordinal)).ToArray();
        var expected = Generate(dataManagement, aloneOptions);

        var (all, selectedOptions) = GeneratorHarness.WholeApi(new() { ["build_property.ModelArtsOperationList"] = "chapter:data-management" });
        Assert.Equal(9, all.Length);
        var (output, diagnostics, _) = GeneratorHarness.Run(all, selectedOptions, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));

        Assert.Empty(diagnostics);
        var selected = Sources(output);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), selected.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, source => Assert.Equal(source.Value, selected[source.Key]));
        Assert.Contains("Modelarts.ModelArtsClient.g.cs", selected.Keys);
        Assert.DoesNotContain(selected.Keys, file => !file.StartsWith("Modelarts.", StringComparison.Ordinal));
    }

    [Fact]
    public void Selecting_two_chapters_generates_both_clients_and_nothing_of_the_others()
    {
        var (all, options) = GeneratorHarness.WholeApi(new() { ["build_property.ModelArtsOperationList"] = "chapter:training,chapter:iam" });

        var (output, diagnostics, _) = GeneratorHarness.Run(all, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));

        Assert.Empty(diagnostics);
        Assert.Equal(["Iam", "Training"], Sources(output).Keys.Select(f => f.Split('.')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task A_chapter_no_document_has_is_MAG008()
    {
        var test = new Verify.Test().WithWholeApi().WithProperty("ModelArtsOperationList", "chapter:trainings");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.UnmatchedSelection).WithNoLocation().WithArguments("chapter:trainings"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Header_parameters_are_arguments_except_the_authentication_headers()
    {
        var test = Generate(Operation(
            string.Empty,
            """
            , { "name": "X-Language", "in": "header", "schema": { "type": "string" } },
              { "name": "X-Auth-Token", "in": "header", "required": true, "schema": { "type": "string" } },
              { "name": "X-Api-Key", "in": "header", "required": true, "schema": { "type": "string" } }
            """,
            """, "securitySchemes": { "key": { "type": "apiKey", "in": "header", "name": "X-Api-Key" } }"""));

        await test.RunAsync();

        var client = Source(test, "Jobs.JobsClient.g.cs");
        Assert.Contains("ShowJobAsync(string jobId, string? xLanguage = null, global::System.Threading.CancellationToken cancellationToken = default)", client, StringComparison.Ordinal);
        Assert.Contains(".Header(\"X-Language\", xLanguage)", client, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Auth-Token", client, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Api-Key", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "operationId": "ShowJobV2", "page": "jobs/show.rst", "title": "Querying a Job" }""", "Deprecated: use ShowJobV2Async instead (\\\"Querying a Job\\\").")]
    [InlineData("\"show_job_v2\"", "Deprecated: use ShowJobV2Async instead.")]
    [InlineData("null", "Deprecated by the API reference.")]
    public async Task A_deprecated_operation_is_obsolete_and_names_its_replacement(string replacedBy, string message)
    {
        var test = Generate(Operation($"\"deprecated\": true, \"x-replaced-by\": {replacedBy},"));

        await test.RunAsync();

        Assert.Contains($"[global::System.Obsolete(\"{message}\")]", Source(test, "Jobs.JobsClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_spellings_of_one_option_are_one_member_and_both_known()
    {
        var test = Generate(Operation(string.Empty).Replace("\"phase\": { \"type\": \"string\" }", "\"phase\": { \"type\": \"string\" }, \"arch\": { \"type\": \"string\", \"enum\": [\"X86_64\", \"AARCH64\", \"x86_64\"] }", StringComparison.Ordinal));

        await test.RunAsync();

        var option = Source(test, "Jobs.JobStatusArch.g.cs");
        Assert.Contains("public static JobStatusArch X8664 => new(\"X86_64\");", option, StringComparison.Ordinal);
        Assert.DoesNotContain("X86642", option, StringComparison.Ordinal);
        Assert.Contains("KnownValues { get; } = new JobStatusArch[] { X8664, Aarch64, new(\"x86_64\") };", option, StringComparison.Ordinal);
        Assert.Contains("Value switch { \"X86_64\" or \"AARCH64\" or \"x86_64\" => true", option, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_named_like_a_type_every_file_sees_gets_a_suffix_so_consumer_code_stays_unambiguous()
    {
        // Implicit usings import System.Threading.Tasks: a generated Task would make every 'async Task' of a file that
        // imports the document's namespace ambiguous (CS0104).
        const string Consumer = """
            using System.Threading.Tasks;
            using Jobs;

            public static class Usage
            {
                public static async Task<TaskObject> Run(JobsClient client) => (await client.ShowJobAsync("j")).Tasks![0];

                public static TaskStatusOption Done => TaskStatusOption.Done;
            }
            """;
        var document = Operation(string.Empty)
            .Replace("\"phase\": { \"type\": \"string\" }", "\"phase\": { \"$ref\": \"#/components/schemas/TaskStatus\" }", StringComparison.Ordinal)
            .Replace("\"Job\": { \"type\": \"object\", \"properties\": {", "\"Task\": { \"type\": \"object\", \"properties\": { \"id\": { \"type\": \"string\" } } },\n      \"TaskStatus\": { \"type\": \"string\", \"enum\": [\"Running\", \"Done\"] },\n      \"Job\": { \"type\": \"object\", \"properties\": { \"tasks\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/components/schemas/Task\" } },", StringComparison.Ordinal);
        var test = Generate(document);
        test.TestCode = Consumer;

        await test.RunAsync();

        Assert.Contains(test.Output!.SyntaxTrees, t => t.FilePath.EndsWith("Jobs.TaskObject.g.cs", StringComparison.Ordinal));
        Assert.Contains(test.Output.SyntaxTrees, t => t.FilePath.EndsWith("Jobs.TaskStatusOption.g.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.01f, 0)]
    [InlineData(0.009f, 1)]
    public void A_float_meets_a_bound_stated_as_the_same_decimal(float cpu, int violations)
    {
        // "Number of CPU cores, which can be a decimal. The value cannot be smaller than 0.01": (double)0.01f is 0.0099999998.
        var document = new InMemoryText(Path, """
            {
              "openapi": "3.1.0", "info": { "title": "Jobs API", "version": "1" },
              "paths": { "/jobs": { "post": { "operationId": "CreateJob",
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Spec" } } } },
                "responses": { "200": { "description": "OK" } } } } },
              "components": { "schemas": { "Spec": { "type": "object", "properties": { "cpu": { "type": "number", "format": "float", "minimum": 0.01 } } } } }
            }
            """);
        var options = new TestOptionsProvider(new() { [Path] = new() { ["build_metadata.AdditionalFiles.ModelArtsNamespace"] = "Jobs" } });
        var (output, diagnostics, _) = GeneratorHarness.Run([document], options, GeneratorHarness.Compilation([], GeneratorHarness.ExecutionReferences));
        Assert.Empty(diagnostics);
        var spec = GeneratorHarness.Load(output).GetType("Jobs.Spec")!;
        var value = Activator.CreateInstance(spec)!;
        spec.GetProperty("Cpu")!.SetValue(value, cpu);

        var found = (System.Collections.ICollection)spec.GetMethod("Validate", Type.EmptyTypes)!.Invoke(value, null)!;

        Assert.Equal(violations, found.Count);
    }

    [Theory]
    [InlineData("Start offset of the records on each page.", true)]
    [InlineData("Offset for querying algorithms. If this parameter is set to 1, the query starts from the second one.", true)]
    [InlineData("Start index. The default value is 0.", true)]
    [InlineData("Start page for pagination display. The default value is 0.", false)]
    [InlineData("Index of the query page, which defaults to 0", false)]
    [InlineData(null, true)] // no word for it: an offset usually counts records
    public async Task Paging_follows_what_the_offset_is_documented_to_count(string? description, bool countsItems)
    {
        var offset = description is null ? "{ \"name\": \"offset\", \"in\": \"query\", \"schema\": { \"type\": \"integer\" } }" : $"{{ \"name\": \"offset\", \"in\": \"query\", \"description\": \"{description}\", \"schema\": {{ \"type\": \"integer\" }} }}";
        var test = Generate(Lists(offset));

        await test.RunAsync();

        var client = Source(test, "Jobs.JobsClient.g.cs");
        Assert.Contains("ListJobsItemsAsync(", client, StringComparison.Ordinal);
        Assert.Equal(countsItems, client.Contains("position += items.Count;", StringComparison.Ordinal));
        Assert.Equal(!countsItems, client.Contains("for (var page = 0; ; page++)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_whose_status_path_names_nothing_is_MAG003_and_the_rest_is_generated()
    {
        var test = Generate(Operation("""{|#0:"x-modelarts-wait"|}: { "method": "WaitForJob", "status": ["state", "phase"], "succeeded": ["Done"] },"""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.Unsupported).WithLocation(0)
            .WithArguments("x-modelarts-wait needs 'method' and a 'status' property (or path of properties) of the response that is a string, integer or option list, and no required query or header parameter; no wait method is generated"));

        await test.RunAsync();

        Assert.DoesNotContain("WaitForJobAsync", Source(test, "Jobs.JobsClient.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waits_read_status_paths_string_values_several_waits_and_pending_lists()
    {
        var test = Generate(Operation(
            """
            "x-modelarts-wait": [
              { "method": "WaitForJobDone", "status": ["status", "phase"], "succeeded": ["Done"], "failed": ["Failed"], "stopped": [], "errorMessage": ["status", "message"], "pendingWhile": [["status", "pending"]] },
              { "method": "WaitForJobStarted", "status": ["status", "phase"], "succeeded": ["Running"], "failed": [], "stopped": [] }
            ],
            """));

        await test.RunAsync();

        var client = Source(test, "Jobs.JobsClient.g.cs");
        Assert.Contains("status => status.Status?.Phase switch { \"Done\" => global::ModelArts.Runtime.Http.ModelArtsTaskState.Succeeded, \"Failed\" => global::ModelArts.Runtime.Http.ModelArtsTaskState.Failed, _ => global::ModelArts.Runtime.Http.ModelArtsTaskState.Pending } is var reached && reached == global::ModelArts.Runtime.Http.ModelArtsTaskState.Succeeded && ((status.Status?.Pending?.Count ?? 0) > 0) ? global::ModelArts.Runtime.Http.ModelArtsTaskState.Pending : reached,", client, StringComparison.Ordinal);
        Assert.Contains("status => ((string?)null, status.Status?.Message),", client, StringComparison.Ordinal);
        Assert.Contains("WaitForJobStartedAsync(string jobId,", client, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Generate(Microsoft.CodeAnalysis.AdditionalText[] texts, TestOptionsProvider options)
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));
        Assert.Empty(diagnostics);
        return Sources(output);
    }

    private static Dictionary<string, string> Sources(Microsoft.CodeAnalysis.Compilation output) =>
        output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToDictionary(t => System.IO.Path.GetFileName(t.FilePath), t => t.ToString(), StringComparer.Ordinal);

    private static string Source(Verify.Test test, string file) =>
        test.Output!.SyntaxTrees.SingleOrDefault(t => t.FilePath.EndsWith(file, StringComparison.Ordinal))?.ToString()
            ?? throw new Xunit.Sdk.XunitException($"{file} was not generated; the sources are {string.Join(", ", test.Output.SyntaxTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)))}");

    private static Verify.Test Generate(string document) =>
        new Verify.Test().WithProperty("RootNamespace", "Consumer").WithDocument(Path, document, new Dictionary<string, string> { ["ModelArtsNamespace"] = "Jobs", ["ModelArtsClientName"] = "JobsClient" });

    /// <summary>
    /// GET /jobs/{job_id} answering a Job with a status object: <paramref name="operation"/> goes into the operation,
    /// <paramref name="parameters"/> after the path parameter, <paramref name="components"/> after the schemas.
    /// </summary>
    private static string Operation(string operation, string parameters = "", string components = "") => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Jobs API", "version": "1" },
          "paths": {
            "/jobs/{job_id}": {
              "get": {
                "operationId": "ShowJob",
                {{operation}}
                "parameters": [ { "name": "job_id", "in": "path", "required": true, "schema": { "type": "string" } }{{parameters}} ],
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Job" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Job": { "type": "object", "properties": { "status": { "$ref": "#/components/schemas/JobStatus" } } },
              "JobStatus": { "type": "object", "properties": { "phase": { "type": "string" }, "message": { "type": "string" }, "pending": { "type": "array", "items": { "type": "string" } } } }
            }{{components}}
          }
        }
        """;

    /// <summary>GET /jobs paged by offset and limit.</summary>
    private static string Lists(string offset) => $$"""
        {
          "openapi": "3.1.0",
          "info": { "title": "Jobs API", "version": "1" },
          "paths": {
            "/jobs": {
              "get": {
                "operationId": "ListJobs",
                "parameters": [ {{offset}}, { "name": "limit", "in": "query", "schema": { "type": "integer" } } ],
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "object", "properties": { "items": { "type": "array", "items": { "type": "string" } } } } } } } }
              }
            }
          }
        }
        """;
}
