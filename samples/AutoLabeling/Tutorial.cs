using ModelArts;
using ModelArts.Runtime.Http;

namespace AutoLabeling;

public static class Tutorial
{
    public static async Task<int> RunAsync(TextWriter output, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var settings = Settings.From(environment);
        await using var standIn = settings is null ? await StandIn.StartAsync(cancellationToken) : null;
        settings ??= standIn!.Settings;
        output.WriteLine(standIn is null
            ? $"Talking to {settings.Endpoint} as {settings.User}."
            : $"No MODELARTS_* variables set: talking to a local stand-in on {settings.Endpoint} that plays the documented answers (no real service is called).");

        // The SDK's own HttpClient (no redirect is followed, so no credential goes elsewhere) for the token and the calls.
        using var iam = new IamPasswordAuthenticator(settings.IamEndpoint, settings.User, settings.Password, settings.Domain, settings.ProjectName);
        var client = new ModelArtsClient(new ModelArtsClientOptions { Endpoint = settings.Endpoint, ProjectId = settings.ProjectId, Authenticator = iam });

        try
        {
            // 2. Start auto-labeling: image classification, active learning, the documented defaults.
            var created = await client.CreateTaskAsync(settings.DatasetId, new CreateTaskRequest
            {
                TaskType = "auto-label",
                Config = new SmartTaskConfig { AlgorithmType = "fast", Ambiguity = false, CollectSample = true, ConfidenceScope = "0.10-0.90" },
            }, cancellationToken: cancellationToken);
            output.WriteLine($"Started auto-labeling task {created.TaskId}.");

            // 3. Wait, drawing the progress.
            var done = await client.WaitForTaskAsync(
                settings.DatasetId,
                created.TaskId!,
                new Bar(output),
                pollInterval: standIn is null ? TimeSpan.FromSeconds(10) : TimeSpan.FromMilliseconds(200),
                cancellationToken: cancellationToken);
            output.WriteLine();
            output.WriteLine($"Task {created.TaskId} succeeded ({done.ElapsedTime ?? 0} ms).");

            // 4. The auto-labeled samples, 5. confirm their labels.
            var confirmed = new List<SampleLabels>();
            await foreach (var sample in client.ListAutoAnnotationSamplesItemsAsync(settings.DatasetId, cancellationToken: cancellationToken))
            {
                var labels = sample.Labels ?? [];
                output.WriteLine($"  {sample.SampleId}: {string.Join(", ", labels.Select(l => $"{l.Name} ({l.Score:0.00})"))}");
                confirmed.Add(new SampleLabels { SampleId = sample.SampleId, Labels = labels });
            }

            await client.UpdateSamplesAsync(settings.DatasetId, new UpdateSamplesRequest { Samples = confirmed }, cancellationToken: cancellationToken);
            output.WriteLine($"Confirmed the labels of {confirmed.Count} sample(s).");
            return 0;
        }
        catch (Exception e) when (e is ModelArtsApiException or ModelArtsTaskFailedException or ModelArtsValidationException or HttpRequestException or TimeoutException)
        {
            output.WriteLine($"The tutorial stopped: {e.Message}");
            return 1;
        }
    }

    private sealed class Bar(TextWriter output) : IProgress<AutoAnnotationProgressResponse>
    {
        public void Report(AutoAnnotationProgressResponse value)
        {
            var percent = (int)Math.Round(value.Progress ?? 0);
            var state = value.Status is { } status && AutoAnnotationProgressResponseStatus.KnownValues.Contains(status) ? status.ToString() : "?";
            output.Write($"\r[{new string('#', percent / 5).PadRight(20, '.')}] {percent,3}% (status {state})");
        }
    }
}

internal sealed record Settings(Uri Endpoint, Uri IamEndpoint, string User, string Password, string Domain, string ProjectName, string ProjectId, string DatasetId)
{
    public static Settings? From(Func<string, string?> environment)
    {
        string? Get(string name) => environment("MODELARTS_" + name) is { Length: > 0 } value ? value : null;
        if (Get("ENDPOINT") is not { } endpoint || Get("IAM_ENDPOINT") is not { } iam || Get("USER") is not { } user || Get("PASSWORD") is not { } password
            || Get("DOMAIN") is not { } domain || Get("PROJECT_NAME") is not { } projectName || Get("PROJECT_ID") is not { } projectId || Get("DATASET_ID") is not { } dataset)
        {
            return null;
        }

        return new Settings(new Uri(endpoint), new Uri(iam), user, password, domain, projectName, projectId, dataset);
    }
}
