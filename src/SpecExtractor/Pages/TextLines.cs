namespace ModelArts.SpecExtractor.Pages;

internal readonly record struct NumberedLine(string Text, int Line);

internal static class TextLines
{
    /// <summary>Splits on any line ending and expands tabs, so column positions are comparable.</summary>
    public static string[] Split(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\t", "    ", StringComparison.Ordinal).Split('\n');

    public static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }

    /// <summary>The lines after a directive that are indented deeper than it, blank lines included.</summary>
    public static (List<NumberedLine> Body, int Next) IndentedBody(string[] lines, int start, int directiveIndent)
    {
        var body = new List<NumberedLine>();
        var i = start;
        while (i < lines.Length && (lines[i].Trim().Length == 0 || Indent(lines[i]) > directiveIndent))
        {
            body.Add(new NumberedLine(lines[i], i + 1));
            i++;
        }

        while (body.Count > 0 && body[0].Text.Trim().Length == 0)
        {
            body.RemoveAt(0);
        }

        while (body.Count > 0 && body[^1].Text.Trim().Length == 0)
        {
            body.RemoveAt(body.Count - 1);
        }

        // Give the trailing blank lines back so the caller sees the next block at the right place.
        return (body, body.Count > 0 ? Math.Max(body[^1].Line, start) : start);
    }

    public static string Dedent(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).ToList();
        var indent = list.Where(l => l.Length > 0).Select(Indent).DefaultIfEmpty(0).Min();
        return string.Join('\n', list.Select(l => l.Length >= indent ? l[indent..] : string.Empty));
    }
}
