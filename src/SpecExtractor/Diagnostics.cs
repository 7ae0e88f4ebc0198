namespace ModelArts.SpecExtractor;

/// <summary>Something in a page the extractor could not understand; printed as <c>file:line: message</c>.</summary>
internal sealed record DocWarning(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>Collects warnings in the order they were found, so output stays deterministic.</summary>
internal sealed class WarningSink
{
    private readonly List<DocWarning> _warnings = [];

    public IReadOnlyList<DocWarning> Warnings => _warnings;

    public void Add(string file, int line, string message) => _warnings.Add(new DocWarning(file, line, message));
}
