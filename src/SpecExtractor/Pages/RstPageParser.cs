using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// Reads the reStructuredText pages of the API reference: headings, paragraphs and bullets,
/// <c>.. table::</c> directives holding grid or simple tables, and <c>.. code-block::</c> directives
/// at any indentation (examples often sit inside bullet items).
/// </summary>
internal static partial class RstPageParser
{
    public static ParsedPage Parse(string file, string text, WarningSink warnings)
    {
        var lines = TextLines.Split(text);
        var blocks = new List<Block>();
        string? title = null;
        string? operationId = null;
        var operationIdLine = 0;

        string? anchor = null;
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var indent = TextLines.Indent(line);

            if (trimmed.Length == 0)
            {
                i++;
                continue;
            }

            if (OriginalName().Match(trimmed) is { Success: true } original)
            {
                operationId = original.Groups["name"].Value;
                operationIdLine = i + 1;
                i++;
                continue;
            }

            var tableAnchor = anchor;
            anchor = null;
            if (trimmed.StartsWith(".. table::", StringComparison.Ordinal))
            {
                var (caption, number) = TableCaption(trimmed[".. table::".Length..]);
                var (body, next) = TextLines.IndentedBody(lines, i + 1, indent);
                i = next;
                if (ParseTable(file, caption, body, warnings) is { } table)
                {
                    blocks.Add(table with { Number = number, Anchor = tableAnchor });
                }
                else
                {
                    warnings.Add(file, body.Count > 0 ? body[0].Line : i, $"table '{caption}' has no grid or simple table under its directive; it is not extracted");
                }

                continue;
            }

            if (CodeDirective().IsMatch(trimmed))
            {
                var (body, next) = TextLines.IndentedBody(lines, i + 1, indent);
                blocks.Add(new CodeBlock(TextLines.Dedent(body.Select(b => b.Text)), body.Count > 0 ? body[0].Line : i + 1));
                i = next;
                continue;
            }

            if (AnchorLabel().Match(trimmed) is { Success: true } label)
            {
                // The label of the block that follows: links in Type cells point to a table by it.
                anchor = label.Groups["label"].Value;
                i++;
                continue;
            }

            if (trimmed.StartsWith("..", StringComparison.Ordinal))
            {
                // Notes and other directives: their content (if any) is parsed as ordinary lines.
                i++;
                continue;
            }

            if (IsGridBorder(trimmed) || IsSimpleBorder(trimmed))
            {
                var body = new List<NumberedLine>();
                var borders = 0;
                while (i < lines.Length && lines[i].Trim().Length > 0 && TextLines.Indent(lines[i]) >= indent)
                {
                    if (IsSimpleBorder(lines[i].Trim()) && ++borders == 3)
                    {
                        body.Add(new NumberedLine(lines[i], i + 1));
                        i++;
                        break;
                    }

                    body.Add(new NumberedLine(lines[i], i + 1));
                    i++;
                }

                if (ParseTable(file, null, body, warnings) is { } table)
                {
                    blocks.Add(table);
                }

                continue;
            }

            if (i + 1 < lines.Length && indent == 0 && IsUnderline(lines[i + 1], trimmed))
            {
                title ??= InlineText.FromRst(trimmed);
                blocks.Add(new HeadingBlock(InlineText.FromRst(trimmed), i + 1));
                i += 2;
                continue;
            }

            var paragraphStart = i;
            var paragraph = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0 && !lines[i].Trim().StartsWith("..", StringComparison.Ordinal)
                && (i == paragraphStart || TextLines.Indent(lines[i]) >= indent))
            {
                paragraph.Add(lines[i]);
                i++;
            }

            blocks.Add(new ParagraphBlock(InlineText.JoinCellLines(paragraph, InlineText.FromRst), paragraphStart + 1));
        }

        return new ParsedPage(file, title, operationId, operationIdLine, blocks);
    }

    private static (string Caption, int? Number) TableCaption(string directiveArgument)
    {
        var text = InlineText.FromRst(directiveArgument.Trim());
        var number = TableNumber().Match(text);
        return number.Success
            ? (InlineText.Collapse(text[number.Length..]), int.Parse(number.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (InlineText.Collapse(text), null);
    }

    private static TableBlock? ParseTable(string file, string? caption, List<NumberedLine> body, WarningSink warnings)
    {
        var tableLines = body.Where(l => l.Text.Trim().Length > 0).ToList();
        if (tableLines.Count == 0)
        {
            return null;
        }

        var dedented = TextLines.Dedent(tableLines.Select(l => l.Text)).Split('\n');
        var numbered = dedented.Select((text, index) => new NumberedLine(text, tableLines[index].Line)).ToList();
        var first = numbered[0].Text.Trim();
        if (IsGridBorder(first))
        {
            return GridTable.Parse(file, caption, numbered, warnings);
        }

        if (IsSimpleBorder(first))
        {
            return SimpleTable.Parse(caption, numbered);
        }

        return null;
    }

    private static bool IsGridBorder(string trimmed) => trimmed.Length > 2 && trimmed[0] == '+' && trimmed[^1] == '+' && GridBorder().IsMatch(trimmed);

    private static bool IsSimpleBorder(string trimmed) => trimmed.Length > 0 && SimpleBorder().IsMatch(trimmed);

    private static bool IsUnderline(string candidate, string heading)
    {
        // RST wants the underline at least as long as the title; allow a little slack for wide characters.
        var t = candidate.TrimEnd();
        return t.Length >= 3 && t.Length >= heading.Length - 2 && Underline().IsMatch(t);
    }

    [GeneratedRegex(@"^:original_name:\s*(?<name>[^\s]+?)(?:\.html?)?\s*$")]
    private static partial Regex OriginalName();

    [GeneratedRegex(@"^\.\.\s+_(?<label>[^:\s][^:]*):\s*$")]
    private static partial Regex AnchorLabel();

    [GeneratedRegex(@"^\.\.\s+(?:code-block|code|sourcecode)::")]
    private static partial Regex CodeDirective();

    [GeneratedRegex(@"^(?:\*\*)?(?:Table|表)\s*(?<n>\d+)(?:\*\*)?\s*")]
    private static partial Regex TableNumber();

    [GeneratedRegex(@"^\+[-=+]+\+$")]
    private static partial Regex GridBorder();

    [GeneratedRegex(@"^=+(?:\s+=+)+$")]
    private static partial Regex SimpleBorder();

    [GeneratedRegex(@"^([=\-~^""'`#*+])\1+$")]
    private static partial Regex Underline();
}
