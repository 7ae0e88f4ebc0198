namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// A reStructuredText grid table: <c>+---+</c> borders, <c>|</c> cell walls, <c>+===+</c> under the header.
/// Cells span several lines and hold paragraphs and bullet lists.
/// </summary>
internal static class GridTable
{
    public static TableBlock Parse(string file, string? caption, IReadOnlyList<NumberedLine> lines, WarningSink warnings)
    {
        var border = lines[0].Text.TrimEnd();
        var walls = new List<int>();
        for (var i = 0; i < border.Length; i++)
        {
            if (border[i] == '+')
            {
                walls.Add(i);
            }
        }

        var columnCount = walls.Count - 1;
        List<string>? header = null;
        var rows = new List<RawRow>();
        var cellLines = NewCells(columnCount);
        var rowLine = 0;

        void FinishRow(bool isHeader)
        {
            if (rowLine == 0)
            {
                return;
            }

            var cells = cellLines.Select(c => InlineText.JoinCellLines(c, InlineText.FromRst)).ToList();
            if (isHeader)
            {
                header = cells;
            }
            else
            {
                rows.Add(new RawRow(cells, rowLine, cellLines.Select(InlineText.RstLinks).ToList()));
            }

            cellLines = NewCells(columnCount);
            rowLine = 0;
        }

        foreach (var (raw, number) in lines.Skip(1))
        {
            var text = raw.TrimEnd();
            if (text.StartsWith('+'))
            {
                // A border closes a row unless it only separates lines of a row-spanning cell.
                if (text.Contains('=', StringComparison.Ordinal))
                {
                    FinishRow(isHeader: true);
                }
                else if (text.Replace("+", string.Empty, StringComparison.Ordinal).Trim('-').Length == 0 || !text.Contains(' ', StringComparison.Ordinal))
                {
                    FinishRow(isHeader: false);
                }

                continue;
            }

            if (!text.StartsWith('|'))
            {
                warnings.Add(file, number, $"line in grid table '{caption}' starts with neither '+' nor '|'; it is ignored");
                continue;
            }

            if (rowLine == 0)
            {
                rowLine = number;
            }

            for (var c = 0; c < columnCount; c++)
            {
                var start = walls[c] + 1;
                var end = walls[c + 1];
                if (start >= text.Length)
                {
                    break;
                }

                // A spanning cell has no wall here: its text belongs to the column where it started.
                var target = c;
                while (target > 0 && walls[target] < text.Length && text[walls[target]] != '|')
                {
                    target--;
                }

                cellLines[target].Add(text[start..Math.Min(end, text.Length)]);
            }
        }

        FinishRow(isHeader: false);
        if (header is null && rows.Count > 0)
        {
            header = [.. rows[0].Cells];
            rows.RemoveAt(0);
        }

        return new TableBlock(caption, header ?? [], rows, lines[0].Line);
    }

    private static List<string>[] NewCells(int count) => Enumerable.Range(0, count).Select(_ => new List<string>()).ToArray();
}

/// <summary>A reStructuredText simple table: columns marked by <c>===</c> runs; a blank first column continues the row above.</summary>
internal static class SimpleTable
{
    public static TableBlock Parse(string? caption, IReadOnlyList<NumberedLine> lines)
    {
        var border = lines[0].Text;
        var starts = new List<int>();
        for (var i = 0; i < border.Length; i++)
        {
            if (border[i] == '=' && (i == 0 || border[i - 1] == ' '))
            {
                starts.Add(i);
            }
        }

        var header = new List<string>();
        var rows = new List<(List<List<string>> Cells, int Line)>();
        var borders = 1;
        foreach (var (text, number) in lines.Skip(1))
        {
            if (text.Trim().Length > 0 && text.Trim().All(ch => ch is '=' or ' '))
            {
                borders++;
                continue;
            }

            var cells = Slice(text, starts);
            if (borders == 1)
            {
                header = cells.Select(InlineText.Collapse).ToList();
                continue;
            }

            if (cells[0].Trim().Length == 0 && rows.Count > 0)
            {
                for (var c = 0; c < cells.Count; c++)
                {
                    rows[^1].Cells[c].Add(cells[c]);
                }

                continue;
            }

            rows.Add((cells.Select(cell => new List<string> { cell }).ToList(), number));
        }

        var rawRows = rows
            .Select(r => new RawRow(r.Cells.Select(c => InlineText.JoinCellLines(c, InlineText.FromRst)).ToList(), r.Line, r.Cells.Select(InlineText.RstLinks).ToList()))
            .ToList();
        return new TableBlock(caption, header.Select(InlineText.FromRst).ToList(), rawRows, lines[0].Line);
    }

    private static List<string> Slice(string text, List<int> starts)
    {
        var cells = new List<string>(starts.Count);
        for (var c = 0; c < starts.Count; c++)
        {
            var start = Math.Min(starts[c], text.Length);
            var end = c + 1 < starts.Count ? Math.Min(starts[c + 1], text.Length) : text.Length;
            cells.Add(text[start..end].Trim());
        }

        return cells;
    }
}
