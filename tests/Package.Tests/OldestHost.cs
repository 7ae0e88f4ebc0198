using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace ModelArts.Package.Tests;

/// <summary>
/// The oldest host the package supports: Roslyn 4.8.0 (the .NET 8 SDK, Visual Studio 17.8) with its Workspaces.
/// What such a host carries is read from the 4.8.0 assemblies themselves: them, and at least the versions of
/// everything they reference (System.Collections.Immutable 7.0, System.Composition 7.0, ...).
/// </summary>
internal static class OldestHost
{
    public static readonly Version RoslynVersion = new(4, 8, 0, 0);

    private static string PackageRoot =>
        typeof(OldestHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    /// <summary>The Roslyn 4.8.0 assemblies, compiler and Workspaces.</summary>
    public static ImmutableArray<string> RoslynAssemblies { get; } =
    [
        Path.Combine(PackageRoot, "microsoft.codeanalysis.common", "4.8.0", "lib", "netstandard2.0", "Microsoft.CodeAnalysis.dll"),
        Path.Combine(PackageRoot, "microsoft.codeanalysis.csharp", "4.8.0", "lib", "netstandard2.0", "Microsoft.CodeAnalysis.CSharp.dll"),
        Path.Combine(PackageRoot, "microsoft.codeanalysis.workspaces.common", "4.8.0", "lib", "netstandard2.0", "Microsoft.CodeAnalysis.Workspaces.dll"),
        Path.Combine(PackageRoot, "microsoft.codeanalysis.csharp.workspaces", "4.8.0", "lib", "netstandard2.0", "Microsoft.CodeAnalysis.CSharp.Workspaces.dll"),
    ];

    /// <summary>MEF as a 4.8 host would have it; 8.0.0 stands in for the 7.0.0 the package source lacks (see <see cref="Carried"/>).</summary>
    public static ImmutableArray<string> CompositionAssemblies { get; } =
        [.. new[] { "AttributedModel", "Runtime", "Hosting", "TypedParts" }.Select(part =>
            Path.Combine(PackageRoot, "system.composition." + part.ToLowerInvariant(), "8.0.0", "lib", "netstandard2.0", $"System.Composition.{part}.dll"))];

    /// <summary>Each assembly a 4.8 host carries, with the oldest version it may have.</summary>
    public static IReadOnlyDictionary<string, Version> Carried { get; } = ComputeCarried();

    /// <summary>The assembly references of a file, read with System.Reflection.Metadata (nothing is loaded).</summary>
    public static (AssemblyName Identity, ImmutableArray<AssemblyName> References) ReadReferences(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return (
            metadata.GetAssemblyDefinition().GetAssemblyName(),
            [.. metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName())]);
    }

    private static Dictionary<string, Version> ComputeCarried()
    {
        var carried = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase) { ["netstandard"] = new(2, 0, 0, 0) };
        foreach (var path in RoslynAssemblies)
        {
            var (identity, references) = ReadReferences(path);
            carried[identity.Name!] = identity.Version!;
            foreach (var reference in references)
            {
                // Every reference of the host's own assemblies is satisfied there, at that version or newer.
                carried[reference.Name!] = carried.TryGetValue(reference.Name!, out var known) && known > reference.Version! ? known : reference.Version!;
            }
        }

        return carried;
    }

    /// <summary>
    /// Loads as a Roslyn 4.8 host does: Roslyn 4.8.0 and MEF are the host's own, the framework serves what it has,
    /// the rest comes from the package's analyzer folder; a reference newer than the host carries does not bind
    /// (as with a .NET Framework binding redirect, or a .NET host whose default context holds the older one).
    /// </summary>
    public sealed class LoadContext(string analyzerFolder) : AssemblyLoadContext("roslyn-4.8-host", isCollectible: true)
    {
        private static readonly HashSet<string> Framework = new(
            Directory.EnumerateFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Select(Path.GetFileNameWithoutExtension)!,
            StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, string> _host = RoslynAssemblies.Concat(CompositionAssemblies)
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase);

        protected override Assembly? Load(AssemblyName name)
        {
            if (_host.TryGetValue(name.Name!, out var path))
            {
                return name.Version is null || name.Version <= Carried[name.Name!]
                    ? LoadFromAssemblyPath(path)
                    : throw new FileNotFoundException($"A Roslyn 4.8 host carries {name.Name} {Carried[name.Name!]}; {name} does not bind there.", name.Name);
            }

            if (Framework.Contains(name.Name!))
            {
                return null;
            }

            var packaged = Path.Combine(analyzerFolder, name.Name + ".dll");
            if (File.Exists(packaged) && AssemblyName.GetAssemblyName(packaged).Version >= name.Version)
            {
                return LoadFromAssemblyPath(packaged);
            }

            // The host's own dependencies (Humanizer, SQLitePCLRaw, ...) are the host's business.
            return Carried.TryGetValue(name.Name!, out var carried) && name.Version <= carried
                ? null
                : throw new FileNotFoundException($"{name} is neither carried by a Roslyn 4.8 host nor in the package's analyzer folder.", name.Name);
        }
    }
}
