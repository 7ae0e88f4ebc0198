using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// Gives a parsed page's blocks their API meaning: which section they stand in, which table is the
/// request body, which code block is the example of which status. Shared by every input format.
/// </summary>
internal static partial class PageAssembler
{
    public static DocPage Assemble(ParsedPage parsed, WarningSink warnings)
    {
        var page = new DocPage(parsed.File)
        {
            Title = parsed.Title,
            OperationId = parsed.OperationId,
        };

        var section = SectionKind.Other;
        int? status = null;
        string? exampleTitle = null;
        var description = new List<string>();
        string? lastParagraph = null;
        DocErrorBody? pendingError = null;

        foreach (var block in parsed.Blocks)
        {
            if (pendingError is not null)
            {
                page.ErrorBodies.Add(pendingError with { Explanation = block is ParagraphBlock next ? next.Text : null });
                pendingError = null;
            }

            switch (block)
            {
                case HeadingBlock heading:
                    if (Vocabulary.Section(heading.Text) is { } kind)
                    {
                        section = kind;
                        status = null;
                        exampleTitle = null;
                    }
                    else if (section is not (SectionKind.ExampleRequests or SectionKind.ExampleResponses))
                    {
                        section = SectionKind.Other;
                    }

                    break;

                case ParagraphBlock paragraph:
                    lastParagraph = paragraph.Text;
                    if (Vocabulary.StatusHeading(paragraph.Text) is { } statusCode)
                    {
                        status = statusCode;
                        break;
                    }

                    switch (section)
                    {
                        case SectionKind.Function:
                            description.Add(paragraph.Text);
                            break;
                        case SectionKind.Uri:
                            AddEndpoint(page, paragraph.Text, paragraph.Line, fromProse: false);
                            break;
                        case SectionKind.ExampleRequests or SectionKind.ExampleResponses:
                            exampleTitle = paragraph.Text.StartsWith("- ", StringComparison.Ordinal) ? paragraph.Text[2..] : paragraph.Text;
                            break;
                    }

                    break;

                case TableBlock table:
                    AddTable(page, table, section, status, warnings);
                    break;

                case CodeBlock code:
                    switch (section)
                    {
                        case SectionKind.Uri:
                            AddEndpoint(page, code.Text, code.Line, fromProse: false);
                            break;
                        case SectionKind.ExampleRequests:
                            page.Examples.Add(new DocExample(ExampleKind.Request, null, exampleTitle, code.Text, code.Line));
                            exampleTitle = null;
                            break;
                        case SectionKind.ExampleResponses:
                            page.Examples.Add(new DocExample(ExampleKind.Response, status, exampleTitle, code.Text, code.Line));
                            exampleTitle = null;
                            break;
                        default:
                            if (lastParagraph is not null && ErrorBodyIntroduction().IsMatch(lastParagraph) && code.Text.TrimStart().StartsWith('{'))
                            {
                                pendingError = new DocErrorBody(code.Text, code.Line, null);
                                break;
                            }

                            AddProseOperation(page, code);
                            break;
                    }

                    break;
            }
        }

        if (pendingError is not null)
        {
            page.ErrorBodies.Add(pendingError);
        }

        if (description.Count > 0)
        {
            page.Description = string.Join("\n\n", description);
        }

        TableLinks.Resolve(page, warnings);
        return page;
    }

    /// <summary>"The following shows an error response body.", "错误响应体".</summary>
    [GeneratedRegex(@"\berror response\b|\berror (?:body|message)\b|错误响应|返回错误", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorBodyIntroduction();

    private static void AddEndpoint(DocPage page, string text, int line, bool fromProse)
    {
        var firstLine = text.Split('\n')[0].Trim();
        var match = Vocabulary.RequestLine(firstLine);
        if (!match.Success)
        {
            return;
        }

        var host = match.Groups["host"].Success ? match.Groups["host"].Value.Trim('{', '}') : null;
        var query = match.Groups["query"].Success
            ? QueryName().Matches(match.Groups["query"].Value).Select(m => m.Groups["name"].Value).ToList()
            : [];
        page.Endpoints.Add(new DocEndpoint(match.Groups["method"].Value, match.Groups["path"].Value, host, line, fromProse, query));
    }

    /// <summary>
    /// A code block that starts with a request line and carries a JSON body documents an operation
    /// in prose (the IAM token call). A bare request line without a body only mentions one.
    /// </summary>
    private static void AddProseOperation(DocPage page, CodeBlock code)
    {
        var lines = code.Text.Split('\n');
        if (!Vocabulary.RequestLine(lines[0]).Success)
        {
            return;
        }

        var bodyStart = Array.FindIndex(lines, 1, l => l.TrimStart().StartsWith('{') || l.TrimStart().StartsWith('['));
        if (bodyStart < 0)
        {
            return;
        }

        AddEndpoint(page, lines[0], code.Line, fromProse: true);
        page.Examples.Add(new DocExample(ExampleKind.Request, null, null, code.Text, code.Line));
    }

    private static void AddTable(DocPage page, TableBlock table, SectionKind section, int? status, WarningSink warnings)
    {
        var role = Vocabulary.TableRole(table.Caption, section);
        var columns = table.Header.Select(Vocabulary.Column).ToArray();

        if (role == TableRole.StatusCodes || (section == SectionKind.StatusCodes && columns.Contains(Vocabulary.Columns.StatusCode)))
        {
            AddStatusCodes(page, table, columns, warnings);
            return;
        }

        if (role == TableRole.Other)
        {
            return;
        }

        page.RowsSeen += table.Rows.Count;
        var nameColumn = Array.IndexOf(columns, Vocabulary.Columns.Name);
        var typeColumn = Array.IndexOf(columns, Vocabulary.Columns.Type);
        var mandatoryColumn = Array.IndexOf(columns, Vocabulary.Columns.Mandatory);
        var descriptionColumn = Array.IndexOf(columns, Vocabulary.Columns.Description);
        if (nameColumn < 0 || typeColumn < 0)
        {
            warnings.Add(page.File, table.Line, $"table '{table.Caption}' has no Parameter or Type column (header: {string.Join(", ", table.Header)}); its rows are not extracted");
            page.Tables.Add(new DocTable(table.Caption ?? string.Empty, role, status, SideOf(section), table.Line, [], table.Number, table.Anchor));
            return;
        }

        var rows = new List<DocRow>();
        foreach (var row in table.Rows)
        {
            if (row.Cells.Count != table.Header.Count)
            {
                warnings.Add(page.File, row.Line, $"row in table '{table.Caption}' has {row.Cells.Count} cells, the header has {table.Header.Count}; the row is not extracted");
                continue;
            }

            var name = row.Cells[nameColumn].Trim();
            var type = InlineText.Collapse(row.Cells[typeColumn].Replace('\n', ' '));
            if (name.Length == 0 || type.Length == 0)
            {
                warnings.Add(page.File, row.Line, $"row in table '{table.Caption}' has an empty {(name.Length == 0 ? "Parameter" : "Type")} cell; the row is not extracted");
                continue;
            }

            bool? mandatory = null;
            if (mandatoryColumn >= 0)
            {
                mandatory = Vocabulary.Mandatory(row.Cells[mandatoryColumn]);
                if (mandatory is null)
                {
                    warnings.Add(page.File, row.Line, $"parameter '{name}': Mandatory cell '{row.Cells[mandatoryColumn]}' is neither Yes nor No; treated as optional");
                    mandatory = false;
                }
            }

            var description = descriptionColumn >= 0 ? row.Cells[descriptionColumn] : string.Empty;
            rows.Add(new DocRow(name, mandatory, type, description, row.Line,
                row.Links is { } links && links[typeColumn].Count > 0 ? links[typeColumn][0].Label : null,
                descriptionColumn >= 0 ? row.Links?[descriptionColumn] : null));
        }

        page.Tables.Add(new DocTable(table.Caption ?? string.Empty, role, status, SideOf(section), table.Line, rows, table.Number, table.Anchor));
    }

    private static void AddStatusCodes(DocPage page, TableBlock table, string?[] columns, WarningSink warnings)
    {
        var codeColumn = Math.Max(0, Array.IndexOf(columns, Vocabulary.Columns.StatusCode));
        var descriptionColumn = Array.IndexOf(columns, Vocabulary.Columns.Description);
        foreach (var row in table.Rows)
        {
            var cell = row.Cells.Count > codeColumn ? row.Cells[codeColumn].Trim() : string.Empty;
            if (!Vocabulary.IsStatusCode(cell))
            {
                warnings.Add(page.File, row.Line, $"status code table row '{cell}' is not a status code");
                continue;
            }

            var description = descriptionColumn >= 0 && descriptionColumn < row.Cells.Count ? InlineText.Collapse(row.Cells[descriptionColumn]) : string.Empty;
            page.StatusCodes.Add(new DocStatus(int.Parse(cell, CultureInfo.InvariantCulture), description, row.Line));
        }
    }

    private static ApiSide SideOf(SectionKind section) => section switch
    {
        SectionKind.RequestParameters or SectionKind.Uri => ApiSide.Request,
        SectionKind.ResponseParameters => ApiSide.Response,
        _ => ApiSide.None,
    };

    /// <summary>The names of a request line's query template: <c>?de_type={de_type}&amp;limit={limit}</c>.</summary>
    [GeneratedRegex(@"[?&](?<name>[^=&#\s]+)=")]
    private static partial Regex QueryName();
}
