using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ModelArts.Package.Tests;

/// <summary>What a new user installs and sees: one package, a build that generates the client, diagnostics in the build output.</summary>
[Collection(PackedPackage.Name)]
public sealed partial class PackageTests(PackageFixture package)
{
    private const string Program = """
        using ModelArts;
        using ModelArts.Iam;
        using ModelArts.Runtime.Http;

        var request = new CreateProcessorTaskRequest
        {
            Name = "PRE-e77c",
            Template = new TemplateParam { Id = "sys_data_validation" },
            Inputs = [new ProcessorDataSource { Type = "DATASET", Source = "PYc9H2HGv5BJNwBGXyK" }],
            CreateVersion = true,
        };
        Console.WriteLine(request.ToJson());
        Console.WriteLine(request.Validate().Count);
        var client = new ModelArtsClient(new HttpClient(), new ModelArtsClientOptions { Endpoint = new Uri("https://modelarts.eu-de.otc.t-systems.com"), ProjectId = "p" });
        Console.WriteLine(client is not null && typeof(IamClient) is not null);

        // Every chapter of the reference is a client of its own namespace.
        Type[] chapters =
        [
            typeof(ModelArts.Training.TrainingClient), typeof(ModelArts.Development.DevelopmentClient), typeof(ModelArts.Resources.ResourcesClient),
            typeof(ModelArts.Services.ServicesClient), typeof(ModelArts.ServiceTasks.ServiceTasksClient), typeof(ModelArts.AiApplications.AiApplicationsClient),
            typeof(ModelArts.Authorization.AuthorizationClient),
        ];
        Console.WriteLine($"chapters: {chapters.Length}");
        """;

    // Line numbers matter: the test expects MA0001 on line 10 and MA0002 on line 17.
    internal const string Misuse = """
        using ModelArts;

        public static class Misuse
        {
            public static object BothSources() => new CreateProcessorTaskRequest
            {
                Name = "PRE-e77c",
                Template = new TemplateParam { Id = "sys_data_validation" },
                DataSource = new ProcessorDataSource { Type = "DATASET", Source = "PYc9H2HGv5BJNwBGXyK" },
                Inputs = [new ProcessorDataSource { Type = "DATASET", Source = "PYc9H2HGv5BJNwBGXyK" }],
            };

            public static object VersionOnAnalysis() => new CreateProcessorTaskRequest
            {
                Name = "V001",
                Template = new TemplateParam { Id = "sys_data_analyse" },
                CreateVersion = true,
                DataSource = new ProcessorDataSource { Type = "DATASET", Source = "X6c3N3eztX7cr3Arvqu" },
            };
        }
        """;

    [Fact]
    public void The_package_holds_the_runtime_the_compiler_extensions_and_the_spec()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var expected in new[]
        {
            "lib/netstandard2.0/ModelArts.Runtime.dll", "lib/net10.0/ModelArts.Runtime.dll",
            "analyzers/dotnet/cs/ModelArts.Generator.dll", "analyzers/dotnet/cs/ModelArts.Analyzers.dll", "analyzers/dotnet/cs/ModelArts.Analyzers.CodeFixes.dll",
            "buildTransitive/ModelArts.Sdk.props", "buildTransitive/ModelArts.Sdk.targets",
            "README.md",
            "api/netstandard2.0/ModelArts.Api.dll", "api/netstandard2.0/ModelArts.Api.xml", "api/net10.0/ModelArts.Api.dll", "api/net10.0/ModelArts.Api.xml",
        })
        {
            Assert.Contains(expected, entries);
        }

        // Every document of spec/, one per chapter of the API reference.
        var documents = Directory.GetFiles(Path.Combine(PackageFixture.RepoRoot, "spec"), "*.openapi.json").Select(f => "spec/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, documents.Count);
        Assert.Equal(documents, entries.Where(e => e.StartsWith("spec/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // The analyzer folder carries exactly the generator's resolved netstandard2.0 runtime closure of System.Text.Json.
        var closure = GeneratorRuntimeClosure("System.Text.Json").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var packed = entries.Where(e => e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && !e.Contains("ModelArts", StringComparison.Ordinal)).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(closure.Order(StringComparer.Ordinal), packed.Order(StringComparer.Ordinal));

        var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("<releaseNotes>", nuspec, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", nuspec, StringComparison.Ordinal);
    }

    [Fact]
    public void A_consumer_builds_with_the_generated_client_and_no_warning()
    {
        var folder = package.Consumer("Clean", new Dictionary<string, string> { ["Program.cs"] = Program });

        var (exit, output) = PackageFixture.Run(folder, "build");

        Assert.True(exit == 0, output);
        Assert.Matches(@"(?m)^\s*0 Warning\(s\)", output);
        var (runExit, runOutput) = PackageFixture.Run(folder, "run", "--no-build");
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("\"template\":{\"id\":\"sys_data_validation\"}", runOutput, StringComparison.Ordinal);
        Assert.Contains("chapters: 7", runOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_the_shipped_documents_come_compiled_and_source_mode_generates_them()
    {
        const string Uses = """
            var request = new ModelArts.CreateProcessorTaskRequest { Name = "t", Template = new ModelArts.TemplateParam { Id = "sys_data_validation" }, Inputs = [] };
            Console.WriteLine(typeof(ModelArts.ModelArtsClient).Assembly.GetName().Name + " " + request.ToJson());
            """;
        var compiled = package.Consumer("Compiled", new Dictionary<string, string> { ["Program.cs"] = Uses }, "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>");
        var generated = package.Consumer("Generated", new Dictionary<string, string> { ["Program.cs"] = Uses }, "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles><ModelArtsShippedCode>source</ModelArtsShippedCode>");

        var (exit, output) = PackageFixture.Run(compiled, "run");
        Assert.True(exit == 0, output);
        Assert.Matches("(?m)^ModelArts.Api \\{.*\"name\":\"t\"", output);
        // Nothing of the documents; at most the IHttpClientFactory registrations, where the project has IHttpClientFactory.
        Assert.All(GeneratedFiles(compiled), f => Assert.EndsWith("Client.Registration.g.cs", f, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(compiled, "bin", "Debug", "net10.0", "ModelArts.Api.dll")));

        (exit, output) = PackageFixture.Run(generated, "run");
        Assert.True(exit == 0, output);
        Assert.Matches("(?m)^Generated \\{.*\"name\":\"t\"", output);
        Assert.Contains("Modelarts.CreateProcessorTaskRequest.g.cs", GeneratedFiles(generated));
        Assert.False(File.Exists(Path.Combine(generated, "bin", "Debug", "net10.0", "ModelArts.Api.dll")));
    }

    private static List<string> GeneratedFiles(string folder)
    {
        var root = Path.Combine(folder, "obj", "Debug", "net10.0", "generated");
        return Directory.Exists(root) ? [.. Directory.EnumerateFiles(root, "*.g.cs", SearchOption.AllDirectories).Where(f => f.Contains("ModelArts.Generator", StringComparison.Ordinal)).Select(f => Path.GetFileName(f))] : [];
    }

    [Fact]
    public void The_two_seed_misuses_fail_the_build_with_exactly_their_diagnostics()
    {
        var folder = package.Consumer("Misused", new Dictionary<string, string> { ["Program.cs"] = Program, ["Misuse.cs"] = Misuse });

        var (exit, output) = PackageFixture.Run(folder, "build");

        Assert.NotEqual(0, exit);
        var reported = Diagnostic().Matches(output)
            .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Id: m.Groups["id"].Value))
            .Distinct()
            .OrderBy(d => d.Line)
            .ToList();
        Assert.True(reported.SequenceEqual([("Misuse.cs", 10, "MA0001"), ("Misuse.cs", 17, "MA0002")]), output);
    }

    [Fact]
    public void A_native_aot_publish_of_a_consumer_has_no_trim_or_aot_warning_and_runs()
    {
        var folder = package.Consumer("Aot", new Dictionary<string, string> { ["Program.cs"] = Program }, "<PublishAot>true</PublishAot>");

        var (exit, output) = PackageFixture.Run(folder, "publish", "-c", "Release", "-r", "linux-x64");

        Assert.True(exit == 0, output);
        Assert.DoesNotMatch(@"(?i)warning IL\d{4}|Trim analysis warning|AOT analysis warning", output);
        var binary = Path.Combine(folder, "bin", "Release", "net10.0", "linux-x64", "publish", "Aot");
        Assert.True(File.Exists(binary), output);
        var run = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(binary) { RedirectStandardOutput = true })!;
        var printed = run.StandardOutput.ReadToEnd();
        run.WaitForExit();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"template\":{\"id\":\"sys_data_validation\"}", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_auto_labeling_sample_runs_the_tutorial_against_its_stand_in()
    {
        var (exit, output) = RunSample("AutoLabeling");

        Assert.True(exit == 0, output);
        Assert.Contains("talking to a local stand-in on http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("(status 3)", output, StringComparison.Ordinal);
        Assert.Contains("Confirmed the labels of 1 sample(s).", output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_source_generator_or_analyzer_of_a_dependency_reaches_a_consumer()
    {
        // The consumer records the analyzers its compiler is given; those from NuGet packages must all be the SDK's own.
        var folder = package.Consumer("NoForeignGenerators", new Dictionary<string, string>
        {
            ["Program.cs"] = Program,
            ["Directory.Build.targets"] = """
                <Project>
                  <Target Name="RecordAnalyzers" BeforeTargets="CoreCompile">
                    <WriteLinesToFile File="$(MSBuildProjectDirectory)/analyzers.txt" Lines="@(Analyzer)" Overwrite="true" />
                  </Target>
                </Project>
                """,
        });

        var (exit, output) = PackageFixture.Run(folder, "build");

        Assert.True(exit == 0, output);
        var packages = Path.Combine(package.Root, "packages") + Path.DirectorySeparatorChar;
        var fromPackages = File.ReadAllLines(Path.Combine(folder, "analyzers.txt"))
            .Select(Path.GetFullPath)
            .Where(p => p.StartsWith(packages, StringComparison.Ordinal))
            .Select(p => p[packages.Length..])
            .ToList();
        Assert.Contains(fromPackages, p => p.EndsWith("ModelArts.Generator.dll", StringComparison.Ordinal));
        Assert.All(fromPackages, p => Assert.StartsWith("modelarts.sdk" + Path.DirectorySeparatorChar, p, StringComparison.Ordinal));
    }

    [Fact]
    public void HttpClientFactory_logging_of_the_registered_clients_redacts_credentials_at_trace()
    {
        // Microsoft.Extensions.Http 8 logs header values in clear at Trace unless told otherwise: the oldest version a
        // consumer can bring, with the logging packages of the same release.
        var folder = package.Consumer(
            "TraceLogging",
            new Dictionary<string, string> { ["Program.cs"] = TraceLoggingProgram },
            extraItems: """
                <PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />
                <PackageReference Include="Microsoft.Extensions.Logging" Version="8.0.1" />
                """);

        var (exit, output) = PackageFixture.Run(folder, "run");

        Assert.True(exit == 0, output);
        Assert.Contains("answered: 3 / 2099", output, StringComparison.Ordinal);
        // The credential values were not logged, though the headers were (so that check means something).
        Assert.DoesNotContain("tok-never-logged", output, StringComparison.Ordinal);
        Assert.DoesNotContain("subject-never-logged", output, StringComparison.Ordinal);
        Assert.Matches(@"X-Auth-Token: \*", output);
        Assert.Matches(@"X-Subject-Token: \*", output);
    }

    /// <summary>
    /// A console program: both generated clients registered with IHttpClientFactory, Trace logging to the console, and a raw
    /// server on 127.0.0.1 that answers each request (the IAM one with an X-Subject-Token header).
    /// </summary>
    private const string TraceLoggingProgram = """"
        using System.Net;
        using System.Net.Sockets;
        using System.Text;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using ModelArts;
        using ModelArts.Iam;
        using ModelArts.Runtime.Http;

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                var head = new StringBuilder();
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    head.Append((char)stream.ReadByte());
                }

                var length = head.ToString().Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => int.Parse(l[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
                for (var i = 0; i < length; i++)
                {
                    stream.ReadByte();
                }

                var iam = head.ToString().StartsWith("POST /v3/auth/tokens", StringComparison.Ordinal);
                var body = iam ? "{\"token\":{\"expires_at\":\"2099-01-01T00:00:00.000000Z\"}}" : "{\"status\":3}";
                var answer = $"HTTP/1.1 {(iam ? "201 Created" : "200 OK")}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n{(iam ? "X-Subject-Token: subject-never-logged\r\n" : "")}Connection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
            }
        });
        var endpoint = new Uri("http://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new ConsoleLines()));
        services.AddSingleton<IModelArtsAuthenticator>(new TokenAuthenticator("tok-never-logged"));
        services.AddModelArtsClient(options => { options.Endpoint = endpoint; options.ProjectId = "p"; });
        services.AddIamClient(options => options.Endpoint = endpoint);
        using var provider = services.BuildServiceProvider();

        var status = await provider.GetRequiredService<ModelArtsClient>().AutoAnnotationProgressAsync("ds-1", "t-1");
        var token = await provider.GetRequiredService<IamClient>().KeystoneCreateUserTokenByPasswordAsync(KeystoneCreateUserTokenByPasswordRequest.FromJson(
            """{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"u","password":"p","domain":{"name":"d"}}}},"scope":{"project":{"name":"eu-de"}}}}"""));
        Console.WriteLine($"answered: {status.Status?.Value} / {token.Token?.ExpiresAt[..4]}");

        internal sealed class ConsoleLines : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) => this;

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                Console.WriteLine($"[{logLevel}] {formatter(state, exception)}");

            public void Dispose()
            {
            }
        }
        """";

    [Fact]
    public void The_pytorch_training_sample_runs_the_walkthrough_against_its_stand_in()
    {
        var (exit, output) = RunSample("PyTorchTraining");

        Assert.True(exit == 0, output);
        Assert.Contains("talking to a local stand-in on http://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("Engine: PyTorch pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64.", output, StringComparison.Ordinal);
        Assert.Matches(@"Training job \S+ Completed after", output);
        Assert.Contains("cpuUsage: 15 value(s)", output, StringComparison.Ordinal);
        Assert.Matches(@"Training job \S+ deleted\.", output);
    }

    /// <summary><c>dotnet run</c> of a sample in the configuration the tests were built in, with no MODELARTS_* variables: against its stand-in.</summary>
    private static (int Exit, string Output) RunSample(string name)
    {
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        return PackageFixture.Run(PackageFixture.RepoRoot, "run", "--project", Path.Combine("samples", name), "-c", configuration);
    }

    /// <summary>The runtime DLLs of a package and its dependencies as the generator's restore resolved them for netstandard2.0.</summary>
    private static List<string> GeneratorRuntimeClosure(string root)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(PackageFixture.RepoRoot, "src", "Generator", "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Visit(string name)
        {
            var library = libraries.EnumerateObject().FirstOrDefault(l => l.Name.StartsWith(name + "/", StringComparison.OrdinalIgnoreCase));
            if (library.Value.ValueKind != JsonValueKind.Object || !seen.Add(name))
            {
                return;
            }

            if (library.Value.TryGetProperty("runtime", out var runtime))
            {
                result.AddRange(runtime.EnumerateObject().Select(r => r.Name).Where(r => r.EndsWith(".dll", StringComparison.Ordinal)));
            }

            if (library.Value.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    Visit(dependency.Name);
                }
            }
        }

        Visit(root);
        return result;
    }

    [GeneratedRegex(@"(?<file>[^\s(]+\.cs)\((?<line>\d+),(?<column>\d+)\): (?:error|warning) (?<id>[A-Z]+\d+):")]
    private static partial Regex Diagnostic();
}
