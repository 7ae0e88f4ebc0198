using System.Net;
using System.Text;

namespace ModelArts.SpecExtractor.Tests;

/// <summary>One row of a parameter table: a description's lines starting with "- " become bullets.</summary>
internal sealed record Row(string Name, string Mandatory, string Type, string Description);

/// <param name="Section">"request" or "response": the section the table stands in.</param>
internal sealed record Table(string Caption, string Section, params Row[] Rows);

/// <summary>
/// Writes small Markdown pages with HTML tables (the format of the Chinese edition, in English words) for tests of
/// what the extractor makes of tables and prose, without hand-drawing reStructuredText grids.
/// </summary>
internal static class PageWriter
{
    public static (string File, string Text) Operation(string id, string requestLine, params Table[] tables) =>
        Operation(id, requestLine, tables, requestExample: null, statuses: ["200"]);

    public static (string File, string Text) Operation(string id, string requestLine, Table[] tables, string? requestExample, string[] statuses)
    {
        var page = new StringBuilder();
        page.Append("# ").Append(id).Append("<a name=\"").Append(id).Append("\"></a>\n\n");
        page.Append("## Function\n\nDoes ").Append(id).Append(".\n\n");
        page.Append("## URI\n\n").Append(requestLine).Append("\n\n");
        var number = 1;
        var section = string.Empty;
        foreach (var table in tables)
        {
            if (table.Section != section)
            {
                section = table.Section;
                page.Append(section == "request" ? "## Request Parameters\n\n" : "## Response Parameters\n\n**Status code: 200**\n\n");
            }

            var withMandatory = table.Section == "request";
            page.Append("**Table ").Append(number++).Append("** ").Append(table.Caption).Append("\n\n");
            page.Append("<table><thead align=\"left\"><tr><th><p>Parameter</p></th>").Append(withMandatory ? "<th><p>Mandatory</p></th>" : string.Empty)
                .Append("<th><p>Type</p></th><th><p>Description</p></th></tr>\n</thead>\n<tbody>");
            foreach (var row in table.Rows)
            {
                page.Append("<tr><td><p>").Append(row.Name).Append("</p></td>");
                if (withMandatory)
                {
                    page.Append("<td><p>").Append(row.Mandatory).Append("</p></td>");
                }

                page.Append("<td><p>").Append(WebUtility.HtmlEncode(row.Type)).Append("</p></td><td>").Append(Cell(row.Description)).Append("</td></tr>\n");
            }

            page.Append("</tbody>\n</table>\n\n");
        }

        if (requestExample is not null)
        {
            page.Append("## Example Requests\n\n```\n").Append(requestExample).Append("\n```\n\n");
        }

        page.Append("## Status Codes\n\n<table><thead align=\"left\"><tr><th><p>Status Code</p></th><th><p>Description</p></th></tr>\n</thead>\n<tbody>");
        foreach (var status in statuses)
        {
            page.Append("<tr><td><p>").Append(status).Append("</p></td><td><p>Status ").Append(status).Append("</p></td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        return (id.ToLowerInvariant() + ".md", page.ToString());
    }

    /// <summary>Paragraphs, and runs of "- " lines as a bulleted list, as the documentation's HTML writes them.</summary>
    private static string Cell(string description)
    {
        var html = new StringBuilder();
        var inList = false;
        foreach (var line in description.Split('\n'))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                html.Append(inList ? string.Empty : "<ul>").Append("<li><p>").Append(WebUtility.HtmlEncode(line[2..])).Append("</p></li>");
                inList = true;
                continue;
            }

            if (inList)
            {
                html.Append("</ul>");
                inList = false;
            }

            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        return inList ? html.Append("</ul>").ToString() : html.ToString();
    }
}
