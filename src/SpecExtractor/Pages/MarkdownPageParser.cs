using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// Reads the Markdown pages of the Chinese edition: <c>#</c> headings with <c>&lt;a name&gt;</c> anchors,
/// <c>**表 N**  caption</c> lines before HTML <c>&lt;table&gt;</c> blocks, and fenced code blocks.
/// </summary>
internal static partial class MarkdownPageParser
{
    public static ParsedPage Parse(string file, string text, WarningSink warnings)
    {
        var lines = TextLines.Split(text);
        var blocks = new List<Block>();
        string? title = null;
        string? operationId = null;
        var operationIdLine = 0;
        string? pendingCaption = null;
        int? pendingNumber = null;

        var i = 0;
        while (i < lines.Length)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0)
            {
                i++;
                continue;
            }

            if (Heading().Match(trimmed) is { Success: true } heading)
            {
                var headingText = InlineText.FromMarkdown(heading.Groups["text"].Value);
                if (heading.Groups["level"].Length == 1 && title is null)
                {
                    title = headingText;
                    if (Anchor().Match(trimmed) is { Success: true } anchor && Identifier().IsMatch(anchor.Groups["name"].Value))
                    {
                        operationId = anchor.Groups["name"].Value;
                        operationIdLine = i + 1;
                    }
                }

                blocks.Add(new HeadingBlock(headingText, i + 1));
                i++;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                var start = i + 1;
                var end = start;
                while (end < lines.Length && !lines[end].Trim().StartsWith("```", StringComparison.Ordinal))
                {
                    end++;
                }

                if (end == lines.Length)
                {
                    warnings.Add(file, i + 1, "code fence is never closed; the rest of the page is read as code");
                }

                blocks.Add(new CodeBlock(TextLines.Dedent(lines[start..end]), start + 1));
                i = Math.Min(end + 1, lines.Length);
                continue;
            }

            if (Caption().Match(trimmed) is { Success: true } caption)
            {
                pendingCaption = InlineText.FromMarkdown(caption.Groups["caption"].Value);
                pendingNumber = int.Parse(caption.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                i++;
                continue;
            }

            if (trimmed.StartsWith("<table", StringComparison.OrdinalIgnoreCase))
            {
                var start = i;
                while (i < lines.Length && !lines[i].Contains("</table>", StringComparison.OrdinalIgnoreCase))
                {
                    i++;
                }

                if (i == lines.Length)
                {
                    warnings.Add(file, start + 1, "HTML table is never closed; it is not extracted");
                    break;
                }

                blocks.Add(HtmlTable.Parse(pendingCaption, lines, start, i) with { Number = pendingNumber });
                pendingCaption = null;
                pendingNumber = null;
                i++;
                continue;
            }

            if (trimmed.StartsWith("<a name=", StringComparison.OrdinalIgnoreCase) && Anchor().Match(trimmed).Length == trimmed.Length)
            {
                i++;
                continue;
            }

            var paragraphStart = i;
            var paragraph = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#')
                && !lines[i].TrimStart().StartsWith('<') && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                paragraph.Add(lines[i]);
                i++;
            }

            if (paragraph.Count == 0)
            {
                // A stray HTML line: keep its text, drop the tags.
                paragraph.Add(InlineText.FromHtml(lines[i]));
                i++;
            }

            blocks.Add(new ParagraphBlock(InlineText.JoinCellLines(paragraph, InlineText.FromMarkdown), paragraphStart + 1));
        }

        return new ParsedPage(file, title, operationId, operationIdLine, blocks);
    }

    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<text>.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+name=""(?<name>[^""]*)""\s*>\s*</a>", RegexOptions.IgnoreCase)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\*\*(?:表|Table)\s*(?<n>\d+)\*\*\s*(?<caption>.+)$")]
    private static partial Regex Caption();
}

/// <summary>An HTML table as the Chinese pages write it: one <c>&lt;tr&gt;</c> per row, <c>&lt;th&gt;</c> header cells.</summary>
internal static partial class HtmlTable
{
    public static TableBlock Parse(string? caption, string[] lines, int startIndex, int endIndex)
    {
        var html = string.Join('\n', lines[startIndex..(endIndex + 1)]);
        List<string> header = [];
        var rows = new List<RawRow>();
        foreach (Match row in Row().Matches(html))
        {
            var line = startIndex + 1 + html.AsSpan(0, row.Index).Count('\n');
            var cells = Cell().Matches(row.Value).Select(c => InlineText.FromHtml(c.Groups["body"].Value)).ToList();
            if (row.Value.Contains("<th", StringComparison.OrdinalIgnoreCase) && header.Count == 0)
            {
                header = cells;
            }
            else
            {
                rows.Add(new RawRow(cells, line));
            }
        }

        return new TableBlock(caption, header, rows, startIndex + 1);
    }

    [GeneratedRegex(@"<tr\b[^>]*>.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Row();

    [GeneratedRegex(@"<t[hd]\b[^>]*>(?<body>.*?)</t[hd]>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Cell();
}
