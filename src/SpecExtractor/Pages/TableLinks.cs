using System.Globalization;
using System.Text.RegularExpressions;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// What a page says about its tables only implicitly, made explicit once every table is read:
/// which table is the body when no caption says "body" (old-style pages caption it "Parameters"),
/// which nested table an <c>Object</c> row means when its description says "see Table 3", and
/// which status a response table without a "Status code" line belongs to.
/// </summary>
internal static partial class TableLinks
{
    public static void Resolve(DocPage page, WarningSink warnings)
    {
        PromoteGenericBodies(page);
        LinkCitedTables(page, warnings);
        AssignSuccessStatus(page);
    }

    /// <summary>
    /// A request or response section (per status) whose tables include no body table: its first
    /// table with a caption that names no object ("Parameters", "Parameter description") is the body.
    /// </summary>
    private static void PromoteGenericBodies(DocPage page)
    {
        foreach (var (side, bodyRole) in new[] { (ApiSide.Request, TableRole.RequestBody), (ApiSide.Response, TableRole.ResponseBody) })
        {
            foreach (var group in page.Tables.Where(t => t.Side == side).GroupBy(t => t.Status).ToList())
            {
                if (group.Any(t => t.Role == bodyRole))
                {
                    continue;
                }

                var generic = group.FirstOrDefault(t => t.Role == TableRole.Object && SchemaNames.IsGeneric(t.Caption));
                if (generic is not null)
                {
                    page.Tables[page.Tables.IndexOf(generic)] = generic with { Role = bodyRole };
                }
            }
        }
    }

    /// <summary>
    /// Gives a row the type of the nested table it points to where its Type cell does not name that
    /// table by caption. Two ways: an <c>Object</c> (or <c>Array&lt;Object&gt;</c>, <c>JSON Array</c>) row
    /// whose description cites one table of the page ("For details, see Table 3"), and a Type cell
    /// whose link text differs from the caption of the table it links to (<c>ConfigResponse</c> linking
    /// to "configs parameters"). A target whose caption names no object ("Parameters") takes the link's
    /// text, or for a citation the citing row's name.
    /// </summary>
    private static void LinkCitedTables(DocPage page, WarningSink warnings)
    {
        for (var t = 0; t < page.Tables.Count; t++)
        {
            var table = page.Tables[t];
            if (table.Role is not (TableRole.RequestBody or TableRole.ResponseBody or TableRole.Object))
            {
                continue;
            }

            List<DocRow>? rows = null;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var (shape, named) = TypeExpression.Parse(row.Type) switch
                {
                    FreeObjectType => (Shape.Object, null),
                    ArrayType { Items: FreeObjectType or UnknownType { Text: "any" } } => (Shape.Array, null),
                    NamedType n => (Shape.Object, n.Name),
                    ArrayType { Items: NamedType n } => (Shape.Array, n.Name),
                    _ => (Shape.None, (string?)null),
                };
                if (shape == Shape.None)
                {
                    continue;
                }

                int target;
                if (named is null)
                {
                    var cited = TableCitation().Matches(row.Description)
                        .Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))
                        .Distinct()
                        .Select(n => page.Tables.FindIndex(x => x.Number == n && x.Role == TableRole.Object))
                        .Where(i => i >= 0 && i != t)
                        .ToList();
                    if (cited.Count > 1)
                    {
                        warnings.Add(page.File, row.Line, $"'{row.Name}' ({row.Type}) cites {cited.Count} tables; its type is not linked to any of them");
                    }

                    target = cited.Count == 1 ? cited[0] : -1;
                }
                else
                {
                    target = row.TypeLink is null ? -1 : page.Tables.FindIndex(x => x.Anchor == row.TypeLink && x.Role == TableRole.Object);
                    if (target >= 0 && !SchemaNames.IsGeneric(page.Tables[target].Caption)
                        && SchemaNames.FromCaption(page.Tables[target].Caption) == SchemaNames.FromCaption(named))
                    {
                        continue; // the usual case: the link text is the caption
                    }
                }

                if (target < 0)
                {
                    continue;
                }

                if (SchemaNames.IsGeneric(page.Tables[target].Caption))
                {
                    // A link's text names the type; a citation leaves only the row's name.
                    page.Tables[target] = page.Tables[target] with { Caption = named ?? row.Name };
                }

                var name = SchemaNames.FromCaption(page.Tables[target].Caption);
                rows ??= [.. table.Rows];
                rows[r] = row with { Type = shape == Shape.Object ? $"{name} object" : $"Array of {name} objects" };
            }

            if (rows is not null)
            {
                page.Tables[t] = page.Tables[t] with { Rows = rows };
            }
        }
    }

    /// <summary>A response table or example without a status line belongs to the page's only success status.</summary>
    private static void AssignSuccessStatus(DocPage page)
    {
        var success = page.StatusCodes.Select(s => s.Code).Where(c => c is >= 200 and < 300).Distinct().ToList();
        if (success.Count != 1)
        {
            return;
        }

        for (var t = 0; t < page.Tables.Count; t++)
        {
            if (page.Tables[t] is { Role: TableRole.ResponseBody, Status: null } table)
            {
                page.Tables[t] = table with { Status = success[0] };
            }
        }

        for (var e = 0; e < page.Examples.Count; e++)
        {
            if (page.Examples[e] is { Kind: ExampleKind.Response, Status: null } example)
            {
                page.Examples[e] = example with { Status = success[0] };
            }
        }
    }

    private enum Shape
    {
        None,
        Object,
        Array,
    }

    [GeneratedRegex(@"\bTable\s+(?<n>\d+)\b")]
    private static partial Regex TableCitation();
}
