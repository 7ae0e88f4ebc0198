using Xunit;

namespace ModelArts.SpecExtractor.Tests;

internal static class TestPaths
{
    public static string RepoRoot => ModelArts.Testing.RepositoryRoot.Path;

    /// <summary>The documentation corpus beside the repository (CI has it; a fresh clone may not).</summary>
    public static string Docs => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "docs"));

    public static string Spec => Path.Combine(RepoRoot, "spec");

    public static bool HaveDocs => Directory.Exists(Path.Combine(Docs, "otc"));

}

/// <summary>
/// A fact over the real documentation in ../shared/docs. Without that folder (a fresh clone on its
/// own) it is reported as skipped with the reason, instead of failing for a missing input.
/// </summary>
internal sealed class DocsFactAttribute : FactAttribute
{
    public DocsFactAttribute()
    {
        if (!TestPaths.HaveDocs)
        {
            Skip = $"needs the documentation corpus at {TestPaths.Docs}, which is absent on this machine (CI has it)";
        }
    }
}
