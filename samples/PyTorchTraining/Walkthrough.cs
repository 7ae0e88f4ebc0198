using ModelArts.Runtime.Http;
using ModelArts.Training;

namespace PyTorchTraining;

public static class Walkthrough
{
    public static async Task<int> RunAsync(TextWriter output, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var settings = Settings.From(environment);
        await using var standIn = settings is null ? await StandIn.StartAsync(cancellationToken) : null;
        settings ??= standIn!.Settings;
        output.WriteLine(standIn is null
            ? $"Talking to {settings.Endpoint} as {settings.User}."
            : $"No MODELARTS_* variables set: talking to a local stand-in on {settings.Endpoint} that plays the documented answers (no real service is called).");

        // 1. The token: the authenticator fetches it once and sends it as X-Auth-Token.
        using var http = new HttpClient();
        using var iam = new IamPasswordAuthenticator(http, settings.IamEndpoint, settings.User, settings.Password, settings.Domain, settings.ProjectName);
        var client = new TrainingClient(http, new ModelArtsClientOptions { Endpoint = settings.Endpoint, ProjectId = settings.ProjectId, Authenticator = iam });
        var bucket = "/" + settings.Bucket + "/pytorch/fast_example";

        try
        {
            // 2. A CPU flavor: the walkthrough takes modelarts.vm.cpu.8u, else the first one offered.
            var flavors = (await client.ShowTrainingJobFlavorsAsync(FlavorType.Cpu, cancellationToken: cancellationToken)).Flavors ?? [];
            var flavor = flavors.FirstOrDefault(f => f.FlavorId == "modelarts.vm.cpu.8u") ?? flavors.FirstOrDefault()
                ?? throw new InvalidOperationException("the service offers no CPU flavor for training");
            output.WriteLine($"Flavor: {flavor.FlavorId} ({flavor.FlavorName}).");

            // 3. The PyTorch engine.
            var engines = (await client.ShowTrainingJobEnginesAsync(cancellationToken: cancellationToken)).Items ?? [];
            var engine = engines.FirstOrDefault(e => e.EngineName == "PyTorch")
                ?? throw new InvalidOperationException("the service offers no PyTorch engine");
            output.WriteLine($"Engine: {engine.EngineName} {engine.EngineVersion}.");

            // 4. An algorithm: the code, its boot file, one input and one output, two hyperparameters.
            var algorithm = await client.CreateAlgorithmAsync(new CreateAlgorithmRequest
            {
                Metadata = new AlgorithmMetadata { Name = "test-pytorch-cpu", Description = "test pytorch job in cpu in mode gloo" },
                JobConfig = new AlgorithmJobConfig
                {
                    BootFile = bucket + "/code/cpu/test-pytorch.py",
                    CodeDir = bucket + "/code/cpu/",
                    Engine = new AlgorithmCreateEngine { EngineName = engine.EngineName, EngineVersion = engine.EngineVersion },
                    Inputs = [new AlgorithmCreateInput { Name = "data_url", Description = "Data source 1" }],
                    Outputs = [new AlgorithmCreateOutput { Name = "train_url", Description = "Output data 1" }],
                    Parameters =
                    [
                        new Parameters { Name = "dist", Value = "False", Constraint = new ParametersConstraint { Type = "Boolean", Editable = true, Required = false } },
                        new Parameters { Name = "world_size", Value = "1", Constraint = new ParametersConstraint { Type = "Integer", Editable = true, Required = false } },
                    ],
                    ParametersCustomization = true,
                },
                ResourceRequirements = [],
            }, cancellationToken: cancellationToken);
            var algorithmId = algorithm.Metadata?.Id?.ToString() ?? throw new InvalidOperationException("the algorithm was created without an id");
            output.WriteLine($"Algorithm {algorithmId} created.");

            // 5. The training job: the algorithm, where its data comes from and its output and logs go, one node.
            var job = await client.CreateTrainingJobAsync(new CreateTrainingJobRequest
            {
                Kind = "job",
                Metadata = new JobMetadata { Name = "test-pytorch-cpu01", Description = "test pytorch work cpu in mode gloo" },
                Algorithm = new JobAlgorithm
                {
                    Id = algorithmId,
                    Parameters = [new Parameters { Name = "dist", Value = "False" }, new Parameters { Name = "world_size", Value = "1" }],
                    Inputs = [new Input { Name = "data_url", Remote = new InputDataInfo { Obs = new Obs { ObsUrl = bucket + "/data/" } } }],
                    Outputs = [new Output { Name = "train_url", Remote = new Remote { Obs = new RemoteObs { ObsUrl = bucket + "/outputs/" } } }],
                },
                Spec = new Spec
                {
                    Resource = new SpecResource { FlavorId = flavor.FlavorId, NodeCount = 1 },
                    LogExportPath = new LogExportPath { ObsUrl = bucket + "/log/" },
                },
            }, cancellationToken: cancellationToken);
            var jobId = job.Metadata?.Id ?? throw new InvalidOperationException("the training job was created without an id");
            output.WriteLine($"Training job {jobId} created ({job.Status?.Phase}).");

            // 6. Wait until the job completes (status.phase), telling every phase change.
            var done = await client.WaitForTrainingJobAsync(
                jobId,
                new Phases(output),
                pollInterval: standIn is null ? TimeSpan.FromSeconds(30) : TimeSpan.FromMilliseconds(100),
                timeout: TimeSpan.FromHours(6),
                cancellationToken: cancellationToken);
            output.WriteLine($"Training job {jobId} {done.Status?.Phase} after {done.Status?.Duration ?? 0} ms.");

            // 7. The log of the first task, 8. its metrics.
            var task = done.Status?.Tasks?.FirstOrDefault() ?? "worker-0";
            var logs = await client.ShowObsUrlOfTrainingJobLogsAsync(jobId, task, contentType: "application/octet-stream", cancellationToken: cancellationToken);
            output.WriteLine($"Log of {task}: {logs.ObsUrl}");
            var metrics = await client.ShowTrainingJobMetricsAsync(jobId, task, cancellationToken: cancellationToken);
            foreach (var metric in metrics.Metrics ?? [])
            {
                var values = metric.Value ?? [];
                output.WriteLine($"  {metric.Metric}: {values.Count} value(s), last {(values.Count > 0 ? values[^1] : 0):0.##}");
            }

            // 9. The job is no longer needed.
            await client.DeleteTrainingJobAsync(jobId, cancellationToken: cancellationToken);
            output.WriteLine($"Training job {jobId} deleted.");
            return 0;
        }
        catch (Exception e) when (e is ModelArtsApiException or ModelArtsTaskFailedException or ModelArtsValidationException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            output.WriteLine($"The walkthrough stopped: {e.Message}");
            return 1;
        }
    }

    /// <summary>Writes a line each time the job's phase changes.</summary>
    private sealed class Phases(TextWriter output) : IProgress<ShowTrainingJobDetailsResponse>
    {
        private string? _last;

        public void Report(ShowTrainingJobDetailsResponse value)
        {
            var phase = value.Status?.Phase?.ToString();
            if (phase != _last)
            {
                output.WriteLine($"  phase: {phase ?? "?"}{(value.Status?.SecondaryPhase is { } detail ? $" ({detail})" : string.Empty)}");
                _last = phase;
            }
        }
    }
}

internal sealed record Settings(Uri Endpoint, Uri IamEndpoint, string User, string Password, string Domain, string ProjectName, string ProjectId, string Bucket)
{
    public static Settings? From(Func<string, string?> environment)
    {
        string? Get(string name) => environment("MODELARTS_" + name) is { Length: > 0 } value ? value : null;
        if (Get("ENDPOINT") is not { } endpoint || Get("IAM_ENDPOINT") is not { } iam || Get("USER") is not { } user || Get("PASSWORD") is not { } password
            || Get("DOMAIN") is not { } domain || Get("PROJECT_NAME") is not { } projectName || Get("PROJECT_ID") is not { } projectId || Get("OBS_BUCKET") is not { } bucket)
        {
            return null;
        }

        return new Settings(new Uri(endpoint), new Uri(iam), user, password, domain, projectName, projectId, bucket);
    }
}
