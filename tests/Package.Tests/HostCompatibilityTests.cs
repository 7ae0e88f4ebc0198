using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace ModelArts.Package.Tests;

/// <summary>
/// The generator, analyzers and code fixes load in the oldest host the package supports (Roslyn 4.8): no
/// reference newer than such a host carries, and the code fixes are found through [ExportCodeFixProvider] and
/// created there as an IDE does, where a missing dependency would make them vanish without a word.
/// </summary>
[Collection(PackedPackage.Name)]
public sealed class HostCompatibilityTests(PackageFixture package)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    [Fact]
    public void Nothing_in_the_analyzer_folder_references_an_assembly_newer_than_a_Roslyn_4_8_host_carries()
    {
        var folder = ExtractAnalyzerFolder();
        var packaged = Directory.EnumerateFiles(folder, "*.dll").Select(OldestHost.ReadReferences).ToList();
        var shipped = packaged.ToDictionary(p => p.Identity.Name!, p => p.Identity.Version!, StringComparer.OrdinalIgnoreCase);

        var problems = new List<string>();
        foreach (var (identity, references) in packaged)
        {
            foreach (var reference in references)
            {
                var carried = OldestHost.Carried.TryGetValue(reference.Name!, out var c) ? c : null;
                var inPackage = shipped.TryGetValue(reference.Name!, out var s) ? s : null;
                if (!(carried >= reference.Version || inPackage >= reference.Version))
                {
                    problems.Add($"{identity.Name} references {reference.Name} {reference.Version}; a Roslyn 4.8 host carries {carried?.ToString() ?? "none"}, the package {inPackage?.ToString() ?? "none"}");
                }

                // The compiler loads the generator and analyzers without Workspaces: only the fixes may use it.
                if (reference.Name!.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal) && identity.Name != "ModelArts.Analyzers.CodeFixes")
                {
                    problems.Add($"{identity.Name} references {reference.Name}, which a compiler host does not carry");
                }
            }
        }

        Assert.Contains("ModelArts.Generator", shipped.Keys);
        Assert.Contains("ModelArts.Analyzers", shipped.Keys);
        Assert.Contains("ModelArts.Analyzers.CodeFixes", shipped.Keys);
        Assert.Equal(OldestHost.RoslynVersion, OldestHost.Carried["Microsoft.CodeAnalysis.Workspaces"]);
        Assert.Equal(new Version(7, 0, 0, 0), OldestHost.Carried["System.Composition.AttributedModel"]);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void In_a_Roslyn_4_8_host_the_fixes_are_found_through_their_export_attribute_and_created()
    {
        var folder = ExtractAnalyzerFolder();
        var context = new OldestHost.LoadContext(folder);
        try
        {
            var workspaces = context.LoadFromAssemblyName(new AssemblyName("Microsoft.CodeAnalysis.Workspaces"));
            var compiler = context.LoadFromAssemblyName(new AssemblyName("Microsoft.CodeAnalysis"));
            Assert.Equal(OldestHost.RoslynVersion, workspaces.GetName().Version);

            // What Roslyn's ProjectCodeFixProvider does with an analyzer reference: every CodeFixProvider type with an
            // [ExportCodeFixProvider] for C#, created with its public constructor. (It swallows the exceptions; here they fail the test.)
            var fixes = Exported(
                context, "ModelArts.Analyzers.CodeFixes",
                workspaces.GetType("Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider", throwOnError: true)!,
                workspaces.GetType("Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute", throwOnError: true)!);
            var fixable = fixes.SelectMany(f => (ImmutableArray<string>)f.GetType().GetProperty("FixableDiagnosticIds")!.GetValue(f)!).ToHashSet();
            Assert.Superset(new HashSet<string> { "MA0001", "MA0002", "MA0003", "MA0004" }, fixable);
            Assert.Equal(ExportedTypeNames(Path.Combine(folder, "ModelArts.Analyzers.CodeFixes.dll"), "ExportCodeFixProviderAttribute"), fixes.Select(f => f.GetType().Name).Order(StringComparer.Ordinal));
            Assert.All(fixes, f => Assert.NotNull(f.GetType().GetMethod("GetFixAllProvider")!.Invoke(f, null)));

            // The compiler's side: the analyzer by [DiagnosticAnalyzer] and the generator by [Generator].
            var analyzers = Exported(
                context, "ModelArts.Analyzers",
                compiler.GetType("Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer", throwOnError: true)!,
                compiler.GetType("Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute", throwOnError: true)!);
            var rules = analyzers.SelectMany(a => ((System.Collections.IEnumerable)a.GetType().GetProperty("SupportedDiagnostics")!.GetValue(a)!).Cast<object>())
                .Select(d => (string)d.GetType().GetProperty("Id")!.GetValue(d)!);
            Assert.Superset(new HashSet<string> { "MA0001", "MA0002", "MA0003", "MA0004", "MA0005", "MA0006", "MA0007" }, rules.ToHashSet());
            Assert.Single(Exported(
                context, "ModelArts.Generator",
                compiler.GetType("Microsoft.CodeAnalysis.IIncrementalGenerator", throwOnError: true)!,
                compiler.GetType("Microsoft.CodeAnalysis.GeneratorAttribute", throwOnError: true)!));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The types of an assembly that derive from <paramref name="extension"/> and carry <paramref name="export"/>, created.</summary>
    private static List<object> Exported(OldestHost.LoadContext context, string assembly, Type extension, Type export)
    {
        var created = new List<object>();
        foreach (var type in context.LoadFromAssemblyName(new AssemblyName(assembly)).DefinedTypes.Where(t => extension.IsAssignableFrom(t) && !t.IsAbstract))
        {
            if (type.GetCustomAttribute(export) is not null)
            {
                created.Add(Activator.CreateInstance(type)!);
            }
        }

        return created;
    }

    /// <summary>The names of the types of an assembly that carry the named attribute, read from metadata (nothing loaded): what must be found.</summary>
    private static List<string> ExportedTypeNames(string path, string attribute)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Where(type => type.GetCustomAttributes().Select(metadata.GetCustomAttribute).Any(a =>
                a.Constructor.Kind == HandleKind.MemberReference
                && metadata.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == attribute))
            .Select(type => metadata.GetString(type.Name))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The package's analyzer folder, as NuGet lays it out.</summary>
    private string ExtractAnalyzerFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(package.Root, "analyzer-folder-" + Guid.NewGuid().ToString("N"))).FullName;
        using var archive = ZipFile.OpenRead(package.PackagePath);
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            entry.ExtractToFile(Path.Combine(folder, entry.Name));
        }

        return folder;
    }
}
