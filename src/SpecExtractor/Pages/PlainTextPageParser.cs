using System.Text.RegularExpressions;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// Reads a page rendered to plain text (a browser's "save as text"): every table cell is its own
/// paragraph, headings are bare lines, code blocks are bare JSON. Structure is recovered from the
/// fixed vocabulary: section names, "Table N caption" lines, header words, and row shapes
/// (a name, then Yes/No, then a type).
/// </summary>
internal static partial class PlainTextPageParser
{
    public static ParsedPage Parse(string file, string text, WarningSink warnings)
    {
        var lines = TextLines.Split(text);
        var blocks = new List<Block>();

        var firstSection = -1;
        for (var k = 0; k < lines.Length && firstSection < 0; k++)
        {
            if (Vocabulary.Section(lines[k]) is not null && !IsHeaderRun(lines, k))
            {
                firstSection = k;
            }
        }

        string? title = null;
        string? operationId = null;
        var operationIdLine = 0;
        for (var k = 0; k < (firstSection < 0 ? lines.Length : firstSection); k++)
        {
            var t = lines[k].Trim();
            if (SourceName().Match(t) is { Success: true } source)
            {
                operationId = source.Groups["name"].Value;
                operationIdLine = k + 1;
            }

            if (t.Length > 0)
            {
                title = t;
            }
        }

        var i = Math.Max(firstSection, 0);
        string? caption = null;
        int? captionNumber = null;
        var section = SectionKind.Other;
        while (i < lines.Length)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0)
            {
                i++;
                continue;
            }

            if (IsHeaderRun(lines, i))
            {
                var tables = blocks.Count;
                i = ReadTable(file, lines, i, caption, blocks, warnings);
                if (blocks.Count > tables && blocks[^1] is TableBlock table)
                {
                    blocks[^1] = table with { Number = captionNumber };
                }

                caption = null;
                captionNumber = null;
                continue;
            }

            if (Vocabulary.Section(trimmed) is { } kind)
            {
                section = kind;
                blocks.Add(new HeadingBlock(trimmed, i + 1));
                i++;
                continue;
            }

            if (TableCaption().Match(trimmed) is { Success: true } captionMatch)
            {
                caption = captionMatch.Groups["caption"].Value.Trim();
                captionNumber = int.Parse(captionMatch.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                i++;
                continue;
            }

            if (section is SectionKind.ExampleRequests or SectionKind.ExampleResponses && (trimmed[0] is '{' or '['))
            {
                var end = JsonEnd(lines, i);
                if (end < 0)
                {
                    warnings.Add(file, i + 1, "JSON example never closes its brackets; the rest of the section is read as its body");
                    end = lines.Length - 1;
                }

                blocks.Add(new CodeBlock(TextLines.Dedent(lines[i..(end + 1)]), i + 1));
                i = end + 1;
                continue;
            }

            if (section is SectionKind.ExampleRequests && Vocabulary.RequestLine(trimmed).Success)
            {
                blocks.Add(new CodeBlock(trimmed, i + 1));
                i++;
                continue;
            }

            blocks.Add(new ParagraphBlock(InlineText.JoinCellLines([lines[i]], s => s), i + 1));
            i++;
        }

        return new ParsedPage(file, title, operationId, operationIdLine, blocks);
    }

    /// <summary>Two or more header words on consecutive paragraphs start a table.</summary>
    private static bool IsHeaderRun(string[] lines, int index)
    {
        if (index < 0 || Vocabulary.Column(lines[index]) is null)
        {
            return false;
        }

        var next = NextNonBlank(lines, index + 1);
        return next >= 0 && Vocabulary.Column(lines[next]) is not null;
    }

    private static int ReadTable(string file, string[] lines, int start, string? caption, List<Block> blocks, WarningSink warnings)
    {
        var header = new List<string>();
        var i = start;
        while (i >= 0 && i < lines.Length && Vocabulary.Column(lines[i]) is not null)
        {
            header.Add(lines[i].Trim());
            i = NextNonBlank(lines, i + 1);
        }

        if (i < 0)
        {
            blocks.Add(new TableBlock(caption, header, [], start + 1));
            return lines.Length;
        }

        // The table's body runs to the next structural line.
        var body = new List<NumberedLine>();
        var end = i;
        while (end < lines.Length && !EndsTable(lines, end))
        {
            body.Add(new NumberedLine(lines[end], end + 1));
            end++;
        }

        var columns = header.Select(Vocabulary.Column).ToList();
        var rowStarts = FindRowStarts(body, columns);
        if (rowStarts.Count == 0 && body.Any(b => b.Text.Trim().Length > 0))
        {
            warnings.Add(file, body.First(b => b.Text.Trim().Length > 0).Line, $"no row of table '{caption}' could be recognized from its {header.Count} columns; the table is not extracted");
        }

        var rows = new List<RawRow>();
        for (var r = 0; r < rowStarts.Count; r++)
        {
            var from = rowStarts[r];
            var to = r + 1 < rowStarts.Count ? rowStarts[r + 1] : body.Count;
            var cellLines = body.Skip(from).Take(to - from).ToList();
            var fixedCells = cellLines.Where(l => l.Text.Trim().Length > 0).Take(header.Count - 1).ToList();
            var lastCellStart = cellLines.IndexOf(fixedCells[^1]) + 1;
            var cells = fixedCells.Select(l => l.Text.Trim()).ToList();
            cells.Add(InlineText.JoinCellLines(cellLines.Skip(lastCellStart).Select(l => l.Text), s => s));
            rows.Add(new RawRow(cells, body[from].Line));
        }

        blocks.Add(new TableBlock(caption, header, rows, start + 1));
        return end;
    }

    /// <summary>A row starts where the row's fixed cells have the shape their columns demand.</summary>
    private static List<int> FindRowStarts(List<NumberedLine> body, List<string?> columns)
    {
        var nonBlank = body.Select((l, index) => (l.Text.Trim(), index)).Where(x => x.Item1.Length > 0).ToList();
        var starts = new List<int>();
        var fixedCount = columns.Count - 1;
        for (var n = 0; n + fixedCount <= nonBlank.Count; n++)
        {
            var matches = true;
            for (var c = 0; c < fixedCount && matches; c++)
            {
                var cell = nonBlank[n + c].Item1;
                matches = columns[c] switch
                {
                    Vocabulary.Columns.Name => ParameterName().IsMatch(cell),
                    Vocabulary.Columns.Mandatory => Vocabulary.Mandatory(cell) is not null,
                    Vocabulary.Columns.Type => TypeExpression.LooksLikeType(cell),
                    Vocabulary.Columns.StatusCode => Vocabulary.IsStatusCode(cell),
                    _ => true,
                };
            }

            if (matches)
            {
                starts.Add(nonBlank[n].index);
                n += fixedCount - 1;
            }
        }

        return starts;
    }

    private static bool EndsTable(string[] lines, int index)
    {
        var t = lines[index].Trim();
        return t.Length > 0 && (TableCaption().IsMatch(t) || Vocabulary.StatusHeading(t) is not null
            || (Vocabulary.Section(t) is not null && !IsHeaderRun(lines, index)));
    }

    private static int NextNonBlank(string[] lines, int from)
    {
        for (var k = from; k < lines.Length; k++)
        {
            if (lines[k].Trim().Length > 0)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The line where the JSON value starting at <paramref name="start"/> closes, or -1.</summary>
    private static int JsonEnd(string[] lines, int start)
    {
        var depth = 0;
        var inString = false;
        var escaped = false;
        for (var k = start; k < lines.Length; k++)
        {
            foreach (var ch in lines[k])
            {
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (ch == '\\')
                    {
                        escaped = true;
                    }
                    else if (ch == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                switch (ch)
                {
                    case '"':
                        inString = true;
                        break;
                    case '{' or '[':
                        depth++;
                        break;
                    case '}' or ']':
                        depth--;
                        break;
                }
            }

            if (depth <= 0)
            {
                return k;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"(?:^|/)(?<name>[A-Z][A-Za-z0-9]+)\.html?$")]
    private static partial Regex SourceName();

    [GeneratedRegex(@"^(?:Table|表)\s*(?<n>\d+)\s+(?<caption>\S.*)$")]
    private static partial Regex TableCaption();

    [GeneratedRegex(@"^[@A-Za-z_][\w@:.\-\[\]]*$")]
    private static partial Regex ParameterName();

}
