namespace ModelArts.SpecExtractor.Pages;

internal enum PageFormat
{
    ReStructuredText,
    MarkdownHtml,
    PlainText,
}

/// <summary>Picks the parser for a page by its extension, then by its content.</summary>
internal static class PageReader
{
    public static PageFormat? FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".RST" => PageFormat.ReStructuredText,
        ".MD" or ".MARKDOWN" => PageFormat.MarkdownHtml,
        ".TXT" or ".TEXT" => PageFormat.PlainText,
        _ => null,
    };

    public static DocPage Read(string file, string text, PageFormat format, WarningSink warnings)
    {
        var parsed = format switch
        {
            PageFormat.ReStructuredText => RstPageParser.Parse(file, text, warnings),
            PageFormat.MarkdownHtml => MarkdownPageParser.Parse(file, text, warnings),
            _ => text.TrimStart().StartsWith(":original_name:", StringComparison.Ordinal)
                ? RstPageParser.Parse(file, text, warnings) // a .txt copy of an .rst page
                : PlainTextPageParser.Parse(file, text, warnings),
        };
        return PageAssembler.Assemble(parsed, warnings);
    }
}
