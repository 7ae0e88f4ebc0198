using System.Globalization;
using System.Reflection;
using ModelArts.Testing;

// What referencing ModelArts.Sdk costs a consumer's build, as ratios against a project without it, measured
// in one run: CPU seconds of the whole build's process tree (user + system, as bash's `time` counts waited-for
// children), the median of interleaved runs, with the compiler server and node reuse off so that every run pays
// the same start-up. Also the generated code's size and the consumer's dll size.
//
// Usage (after `dotnet build -c Release` of the solution):
//   dotnet run -c Release --project bench/BuildCost -- [--runs 5] [--keep]
var runs = 5;
var keep = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--keep":
            keep = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: [--runs N] [--keep]");
            return 2;
    }
}

var root = Directory.CreateTempSubdirectory("modelarts-buildcost-").FullName;
try
{
    var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
    var configuration = typeof(Consumer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
    Consumer.Check(Consumer.Dotnet(RepositoryRoot.Path, "pack", Path.Combine("src", "Runtime", "Runtime.csproj"), "-c", configuration, "--no-build", "-o", feed), "pack");

    var consumers = new List<Consumer>
    {
        new("empty", root, feed, package: false, itemGroup: string.Empty),
        // The default: the shipped documents come compiled (ModelArts.Api.dll); the build compiles none of their code.
        new("package", root, feed, package: true, itemGroup: string.Empty),
        // Every shipped operation generated in the consumer's build, as before the compiled client.
        new("source", root, feed, package: true, itemGroup: string.Empty, properties: "<ModelArtsShippedCode>source</ModelArtsShippedCode>"),
        // Data management and IAM generated in the build: the 79 + 1 operations the package shipped before the whole API.
        new("data-management", root, feed, package: true, itemGroup: """
            <ModelArtsOperations Include="chapter:data-management;chapter:iam" />
            """),
        // The seed pages' operations (processing task, team labeling task, intelligent-task progress) and the auto-labeling tutorial's.
        new("selected", root, feed, package: true, itemGroup: """
            <ModelArtsOperations Include="CreateProcessorTask;CreateWorkforceTask;AutoAnnotationProgress;CreateTask;ListAutoAnnotationSamples;UpdateSamples" />
            """),
    };

    foreach (var consumer in consumers)
    {
        consumer.Build(); // restore and warm the package cache; not measured
    }

    var clean = consumers.ToDictionary(c => c.Name, _ => new List<double>());
    var touched = consumers.ToDictionary(c => c.Name, _ => new List<double>());
    for (var run = 0; run < runs; run++)
    {
        foreach (var consumer in consumers)
        {
            clean[consumer.Name].Add(consumer.CleanBuild());
        }

        foreach (var consumer in consumers)
        {
            touched[consumer.Name].Add(consumer.TouchBuild());
        }

        Console.Error.WriteLine($"run {run + 1}/{runs} done");
    }

    var baseClean = Median(clean["empty"]);
    var baseTouch = Median(touched["empty"]);
    Console.WriteLine($"| consumer | clean build CPU | ratio | touch-one-file CPU | ratio | dll | ModelArts.Api.dll | generated files | lines | bytes |");
    Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var consumer in consumers)
    {
        var (files, lines, bytes) = consumer.GeneratedSize();
        var c = Median(clean[consumer.Name]);
        var t = Median(touched[consumer.Name]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {consumer.Name} | {c:0.00} s | {c / baseClean:0.00}x | {t:0.00} s | {t / baseTouch:0.00}x | {consumer.DllSize() / 1024.0:0.0} KB | {(consumer.ApiDllSize() is { } api ? $"{api / 1024.0:0.0} KB" : "-")} | {files} | {lines:N0} | {bytes / 1024.0:0} KB |"));
    }

    Console.WriteLine($"(median of {runs} interleaved runs; CPU = user + system of the build's process tree)");
    return 0;
}
finally
{
    if (!keep)
    {
        Directory.Delete(root, recursive: true);
    }
    else
    {
        Console.Error.WriteLine($"kept {root}");
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

/// <summary>A console project, with or without the package, in a folder of its own.</summary>
internal sealed class Consumer
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
    };

    // One node, no node reuse, no compiler server: every child process is waited for, so its CPU is counted.
    private static readonly string[] BuildArguments = ["-c", "Release", "-m:1", "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false", "-v:q", "-nologo"];

    private readonly string _folder;

    public Consumer(string name, string root, string feed, bool package, string itemGroup, string properties = "")
    {
        Name = name;
        _folder = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RestorePackagesPath>{Path.Combine(root, "packages")}</RestorePackagesPath>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {(package ? """<PackageReference Include="ModelArts.Sdk" Version="0.1.0" />""" : string.Empty)}
                {itemGroup}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_folder, "Program.cs"), package
            ? """
              var request = new ModelArts.CreateProcessorTaskRequest { Name = "task", Template = new ModelArts.TemplateParam { Id = "sys_data_validation" } };
              Console.WriteLine(request.Validate().Count);
              """
            : """
              Console.WriteLine(0);
              """);
        File.WriteAllText(Path.Combine(_folder, "Other.cs"), "internal static class Other { public static int Value => 1; }\n");
    }

    public string Name { get; }

    public void Build() => Check(Dotnet(_folder, ["build", .. BuildArguments]), "build " + Name);

    /// <summary>bin and obj deleted, then a build (restore included, from the warm package cache).</summary>
    public double CleanBuild()
    {
        foreach (var folder in new[] { "bin", "obj" })
        {
            var path = Path.Combine(_folder, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        return TimedBuild(restore: true);
    }

    /// <summary>One unrelated file touched, then a build without restore: what an edit costs.</summary>
    public double TouchBuild()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "Other.cs"), DateTime.UtcNow);
        return TimedBuild(restore: false);
    }

    /// <summary>The compiled shipped client copied next to the consumer, when the consumer uses it.</summary>
    public long? ApiDllSize() => Directory.EnumerateFiles(Path.Combine(_folder, "bin"), "ModelArts.Api.dll", SearchOption.AllDirectories).Select(f => (long?)new FileInfo(f).Length).FirstOrDefault();

    public long DllSize() => new FileInfo(Directory.EnumerateFiles(Path.Combine(_folder, "bin"), Name + ".dll", SearchOption.AllDirectories).First()).Length;

    /// <summary>Files, lines and bytes the generator adds, from a build that writes them out.</summary>
    public (int Files, long Lines, long Bytes) GeneratedSize()
    {
        var output = Path.Combine(_folder, "obj", "generated-count");
        Check(Dotnet(_folder, ["build", .. BuildArguments, "--no-incremental", "-p:EmitCompilerGeneratedFiles=true", $"-p:CompilerGeneratedFilesOutputPath={output}"]), "count " + Name);
        var files = Directory.Exists(output) ? Directory.EnumerateFiles(output, "*.cs", SearchOption.AllDirectories).Where(f => f.Contains("ModelArts.Generator", StringComparison.Ordinal)).ToList() : [];
        return (files.Count, files.Sum(f => (long)File.ReadAllLines(f).Length), files.Sum(f => new FileInfo(f).Length));
    }

    private double TimedBuild(bool restore)
    {
        var arguments = string.Join(' ', new[] { "build" }.Concat(BuildArguments).Concat(restore ? [] : ["--no-restore"]));
        var (exit, output) = ChildProcess.Run("bash", ["-c", $"TIMEFORMAT='CPU %3U %3S'; time dotnet {arguments}"], _folder, TimeSpan.FromMinutes(10), Environment);
        Check((exit, output), "timed build " + Name);
        var line = output.Split('\n').Last(l => l.StartsWith("CPU ", StringComparison.Ordinal)).Split(' ');
        return double.Parse(line[1], CultureInfo.InvariantCulture) + double.Parse(line[2], CultureInfo.InvariantCulture);
    }

    public static (int Exit, string Output) Dotnet(string folder, params string[] arguments) =>
        ChildProcess.Run("dotnet", arguments, folder, TimeSpan.FromMinutes(10), Environment);

    public static void Check((int Exit, string Output) result, string what)
    {
        if (result.Exit != 0)
        {
            throw new InvalidOperationException($"{what} failed:\n{result.Output}");
        }
    }
}
