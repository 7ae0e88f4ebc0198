using System.Reflection;

namespace ModelArts.Package.Tests;

/// <summary>
/// Packs ModelArts.Sdk into a local folder feed once, and creates consumer projects in temporary
/// folders that reference it by version, as a user would: no project references, a packages folder
/// of their own (so no stale copy of the same version is ever used).
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string Version = "0.1.0";

    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("modelarts-e2e-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var (exit, output) = Run(RepoRoot, "pack", Path.Combine("src", "Runtime", "Runtime.csproj"), "-c", configuration, "--no-build", "-o", Feed);
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        PackagePath = Path.Combine(Feed, $"ModelArts.Sdk.{Version}.nupkg");
    }

    public static string RepoRoot => ModelArts.Testing.RepositoryRoot.Path;

    public string Root { get; }

    public string Feed { get; }

    public string PackagePath { get; }

    /// <summary>A consumer project referencing the package by version, with the given source files.</summary>
    public string Consumer(string name, IReadOnlyDictionary<string, string> files, string extraProperties = "", string extraItems = "") =>
        Project(name, files, $"""
            <PropertyGroup>
              <OutputType>Exe</OutputType>
              <TargetFramework>net10.0</TargetFramework>
              <Nullable>enable</Nullable>
              <ImplicitUsings>enable</ImplicitUsings>
              <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              {extraProperties}
            </PropertyGroup>
            <ItemGroup>
              {extraItems}
            </ItemGroup>
            """);

    /// <summary>
    /// A project referencing the package by version: <paramref name="body"/> is everything inside <c>&lt;Project&gt;</c>
    /// but the package reference and the package folder.
    /// </summary>
    public string Project(string name, IReadOnlyDictionary<string, string> files, string body)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              {body}
              <PropertyGroup>
                <RestorePackagesPath>{Path.Combine(Root, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ModelArts.Sdk" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    /// <summary>Runs dotnet with the given arguments; returns the exit code and everything it printed.</summary>
    public static (int Exit, string Output) Run(string folder, params string[] arguments) =>
        ModelArts.Testing.ChildProcess.Run("dotnet", arguments.Append("-nodeReuse:false"), folder, TimeSpan.FromMinutes(10), DotnetEnvironment);

    private static readonly Dictionary<string, string> DotnetEnvironment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is the system's to clean.
        }
    }

}
