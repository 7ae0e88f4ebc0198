using System.Text.RegularExpressions;
using Xunit;

namespace ModelArts.Package.Tests;

/// <summary>
/// Consumers other than a .NET 10 console, built by MSBuild from the packed package: libraries for netstandard2.0
/// and .NET Framework 4.7.2 at their default C# 7.3 (the compiled client) and generating the shipped code (C# 9 needed,
/// MAG007 below), and a project that selects its operations with the <c>ModelArtsOperations</c> property and items.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed partial class ConsumerKindTests(PackageFixture package)
{
    private const string LibraryCode = """
        namespace Consumer
        {
            public static class Requests
            {
                public static ModelArts.CreateProcessorTaskRequest Validation() => new ModelArts.CreateProcessorTaskRequest
                {
                    Name = "PRE-e77c",
                    Template = new ModelArts.TemplateParam { Id = "sys_data_validation" },
                    Inputs = new System.Collections.Generic.List<ModelArts.ProcessorDataSource> { new ModelArts.ProcessorDataSource { Type = "DATASET", Source = "PYc9H2HGv5BJNwBGXyK" } },
                };

                public static string Json() => Validation().ToJson();
            }
        }
        """;

    [Fact]
    public void Libraries_for_netstandard2_0_and_net472_use_the_compiled_client_at_their_default_CSharp_7_3()
    {
        var folder = package.Project("OldLibraries", new Dictionary<string, string> { ["Requests.cs"] = LibraryCode }, """
            <PropertyGroup>
              <TargetFrameworks>netstandard2.0;net472</TargetFrameworks>
              <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            </PropertyGroup>
            """);

        var (exit, output) = PackageFixture.Run(folder, "build");

        Assert.True(exit == 0, output);
        Assert.Matches(@"(?m)^\s*0 Warning\(s\)", output);
        Assert.True(File.Exists(Path.Combine(folder, "bin", "Debug", "netstandard2.0", "OldLibraries.dll")), output);
        Assert.True(File.Exists(Path.Combine(folder, "bin", "Debug", "net472", "OldLibraries.dll")), output);
    }

    [Fact]
    public void Generating_for_netstandard2_0_and_net472_needs_CSharp_9_and_says_so_in_one_error()
    {
        // Source mode at the defaults: C# 7.3 for both, no nullable context.
        var atDefaults = package.Project("OldSourceLibraries", new Dictionary<string, string> { ["Requests.cs"] = LibraryCode }, """
            <PropertyGroup>
              <TargetFrameworks>netstandard2.0;net472</TargetFrameworks>
              <ModelArtsShippedCode>source</ModelArtsShippedCode>
            </PropertyGroup>
            """);

        var (exit, output) = PackageFixture.Run(atDefaults, "build");

        Assert.NotEqual(0, exit);
        var errors = ErrorLine().Matches(output).Select(m => (m.Groups["id"].Value, m.Groups["tfm"].Value)).Distinct().ToList();
        // Without the generated types the library's own file cannot compile (CS0246/CS0234); nothing else fails.
        Assert.Contains(("MAG007", "netstandard2.0"), errors);
        Assert.Contains(("MAG007", "net472"), errors);
        Assert.All(errors, e => Assert.Contains(e.Item1, new[] { "MAG007", "CS0246", "CS0234" }));
        Assert.Contains("Set <LangVersion>9.0</LangVersion> or newer", output, StringComparison.Ordinal);
        Assert.Contains("compiles C# 7.3", output, StringComparison.Ordinal);

        var atNine = package.Project("NewSourceLibraries", new Dictionary<string, string> { ["Requests.cs"] = LibraryCode }, """
            <PropertyGroup>
              <TargetFrameworks>netstandard2.0;net472</TargetFrameworks>
              <ModelArtsShippedCode>source</ModelArtsShippedCode>
              <LangVersion>9.0</LangVersion>
              <Nullable>enable</Nullable>
              <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            </PropertyGroup>
            """);

        (exit, output) = PackageFixture.Run(atNine, "build");

        Assert.True(exit == 0, output);
        Assert.Matches(@"(?m)^\s*0 Warning\(s\)", output);
        Assert.True(File.Exists(Path.Combine(atNine, "bin", "Debug", "netstandard2.0", "NewSourceLibraries.dll")), output);
        Assert.True(File.Exists(Path.Combine(atNine, "bin", "Debug", "net472", "NewSourceLibraries.dll")), output);
    }

    [Fact]
    public void The_ModelArtsOperations_property_and_items_select_what_is_generated()
    {
        var folder = package.Project("Selecting", new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using ModelArts;
                using ModelArts.Runtime.Http;

                var client = new ModelArtsClient(new HttpClient(), new ModelArtsClientOptions { Endpoint = new Uri("https://modelarts.eu-de.otc.t-systems.com"), ProjectId = "p" });
                Func<Task> calls = async () =>
                {
                    await client.CreateProcessorTaskAsync(new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [] });
                    await client.DescribeProcessorTaskAsync("task");
                    await client.ListWorkersAsync("workforce");
                };
                foreach (var method in typeof(ModelArtsClient).GetMethods().Where(m => m.Name.EndsWith("Async")).Select(m => m.Name).Distinct().Order())
                {
                    Console.WriteLine(method);
                }
                """,
        }, """
            <PropertyGroup>
              <OutputType>Exe</OutputType>
              <TargetFramework>net10.0</TargetFramework>
              <Nullable>enable</Nullable>
              <ImplicitUsings>enable</ImplicitUsings>
              <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              <ModelArtsOperations>DescribeProcessorTask</ModelArtsOperations>
            </PropertyGroup>
            <ItemGroup>
              <ModelArtsOperations Include="CreateProcessorTask;tag:workforces" />
            </ItemGroup>
            """);

        var (exit, output) = PackageFixture.Run(folder, "run");

        Assert.True(exit == 0, output);
        var methods = output.Split('\n').Select(l => l.Trim()).Where(l => l.EndsWith("Async", StringComparison.Ordinal)).ToList();
        Assert.Contains("CreateProcessorTaskAsync", methods);
        Assert.Contains("DescribeProcessorTaskAsync", methods);
        Assert.Contains("ListWorkersAsync", methods);           // tag workforces/workers is under workforces
        Assert.Contains("CreateWorkforceAsync", methods);
        Assert.DoesNotContain("CreateDatasetAsync", methods);
        Assert.DoesNotContain("ListProcessorTaskVersionsAsync", methods);
    }

    [GeneratedRegex(@"error (?<id>[A-Z]+\d+):.*\[[^\]]*::TargetFramework=(?<tfm>[^\]]+)\]")]
    private static partial Regex ErrorLine();
}
