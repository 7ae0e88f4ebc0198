using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// Checked-in generated sources for the operations this project started from. A change to the
/// emitted code shows up as a diff in review. To accept a change: UPDATE_BASELINES=1 dotnet test,
/// then read the diff of tests/Generator.Tests/Baselines before committing it.
/// </summary>
/// <remarks>
/// Not on the testing framework: its generated-sources check wants every generated file listed (about 190 for the
/// shipped documents), where these are a chosen handful reviewed as diffs; moving them would add only that list.
/// </remarks>
public sealed class BaselineTests
{
    public static TheoryData<string> Files => new()
    {
        "Modelarts.CreateProcessorTaskRequest.g.cs",
        "Modelarts.CreateProcessorTaskResponse.g.cs",
        "Modelarts.TemplateParam.g.cs",
        "Modelarts.TemplateParamId.g.cs",
        "Modelarts.ProcessorDataSource.g.cs",
        "Modelarts.WorkPath.g.cs",
        "Modelarts.CreateWorkforceTaskRequest.g.cs",
        "Modelarts.DataSyncType.g.cs",
        "Modelarts.DataSource.g.cs",
        "Modelarts.Sample.g.cs",
        "Modelarts.ModelArtsClientJsonConverter.g.cs",
        "Modelarts.WorkforcesConfig.g.cs",
        "Modelarts.Worker.g.cs",
        "Modelarts.AutoAnnotationProgressResponse.g.cs",
        "Modelarts.SmartTaskConfig.g.cs",
        "Modelarts.ModelArtsClient.g.cs",
    };

    private static readonly Lazy<Dictionary<string, string>> Generated = new(() =>
    {
        var (texts, options) = GeneratorHarness.ShippedSpec();
        var (output, _, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));
        return output.SyntaxTrees.Where(t => t.FilePath.Length > 0).ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString(), StringComparer.Ordinal);
    });

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_source_matches_its_baseline(string file)
    {
        var baseline = Path.Combine(GeneratorHarness.RepoRoot, "tests", "Generator.Tests", "Baselines", file);
        Assert.True(Generated.Value.TryGetValue(file, out var actual), $"{file} was not generated");
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
            File.WriteAllText(baseline, actual);
            return;
        }

        Assert.True(File.Exists(baseline), $"no baseline {baseline}; run UPDATE_BASELINES=1 dotnet test and review it");
        Assert.Equal(File.ReadAllText(baseline).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
