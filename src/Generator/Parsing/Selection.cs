namespace ModelArts.Generator.Parsing;

/// <summary>
/// Which operations a project asks for (MSBuild <c>ModelArtsOperations</c>): an operation id (<c>CreateProcessorTask</c>),
/// a tag and the tags under it (<c>tag:datasets</c> matches <c>datasets</c> and <c>datasets/versions</c>), a path prefix
/// (<c>/v2/{project_id}/processor-tasks</c>), or a whole chapter of the reference (<c>chapter:training</c>: every operation
/// of the document whose chapter that is). Empty selects everything.
/// </summary>
internal sealed class Selection
{
    private readonly List<string> _entries;

    private Selection(List<string> entries) => _entries = entries;

    public bool IsEmpty => _entries.Count == 0;

    public IReadOnlyList<string> Entries => _entries;

    public static Selection Parse(string text) =>
        new((text ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList());

    /// <summary>
    /// The <c>chapter:</c> entry that selects the whole document of <paramref name="chapter"/>, or null. A selected chapter is
    /// generated as if nothing were selected (every component too), exactly what a project with only that document gets.
    /// </summary>
    public string? WholeChapter(string chapter) =>
        chapter.Length == 0 ? null : _entries.FirstOrDefault(e => e.StartsWith("chapter:", StringComparison.OrdinalIgnoreCase) && string.Equals(e.Substring(8).Trim(), chapter, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entries that select the operation; empty when none does.</summary>
    public IEnumerable<string> Matching(string operationId, string path, IEnumerable<string> tags)
    {
        foreach (var entry in _entries)
        {
            if (entry.StartsWith("tag:", StringComparison.OrdinalIgnoreCase))
            {
                var tag = entry.Substring(4).Trim();
                if (tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase) || t.StartsWith(tag + "/", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return entry;
                }
            }
            else if (entry.StartsWith("/", StringComparison.Ordinal))
            {
                if (path.StartsWith(entry, StringComparison.Ordinal))
                {
                    yield return entry;
                }
            }
            else if (string.Equals(entry, operationId, StringComparison.OrdinalIgnoreCase) || string.Equals(Naming.Pascal(entry), Naming.Pascal(operationId), StringComparison.Ordinal))
            {
                yield return entry;
            }
        }
    }
}
