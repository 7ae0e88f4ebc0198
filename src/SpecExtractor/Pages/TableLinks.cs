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
                    target = CitedTable(page, t, row, warnings);
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

    /// <summary>
    /// The table an <c>Object</c> row's "see Table N" means. The link's label decides when it points to a
    /// table of this page; a link to another page's table (pages copy rows from one another, numbers
    /// and all) or a number whose table is captioned for another property yields to the table captioned
    /// with the row's own name; a plain "Table N" otherwise means this page's table N.
    /// </summary>
    private static int CitedTable(DocPage page, int citing, DocRow row, WarningSink warnings)
    {
        var citations = TableCitation().Matches(row.Description).Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (citations.Count == 0)
        {
            return -1;
        }

        bool IsObject(int i) => i >= 0 && i != citing && page.Tables[i].Role == TableRole.Object;
        var labels = (row.DescriptionLinks ?? []).Where(l => TableCitation().IsMatch(l.Text)).Select(l => l.Label).ToList();
        var byLabel = labels.Select(l => page.Tables.FindIndex(x => x.Anchor == l)).Where(IsObject).Distinct().ToList();
        if (byLabel.Count == 1)
        {
            return byLabel[0];
        }

        var ownName = SchemaNames.FromCaption(row.Name);
        var byNumber = citations.Select(n => page.Tables.FindIndex(x => x.Number == n)).Where(IsObject).Distinct().ToList();
        var named = byNumber.Where(i => SchemaNames.FromCaption(page.Tables[i].Caption) == ownName).ToList();
        if (named.Count == 1)
        {
            return named[0];
        }

        var byCaption = Enumerable.Range(0, page.Tables.Count).Where(i => IsObject(i) && SchemaNames.FromCaption(page.Tables[i].Caption) == ownName).ToList();
        if (byCaption.Count > 1)
        {
            // The request and the response each caption their own "spec parameters".
            byCaption = byCaption.Where(i => page.Tables[i].Side == page.Tables[citing].Side).ToList();
        }

        if (byCaption.Count == 1 && (labels.Count > 0 || byNumber.Count != 1))
        {
            return byCaption[0];
        }

        if (labels.Count == 0 && byNumber.Count == 1)
        {
            return byNumber[0];
        }

        if (byNumber.Count > 1 || byCaption.Count > 1)
        {
            warnings.Add(page.File, row.Line, $"'{row.Name}' ({row.Type}) cites several tables; its type is not linked to any of them");
        }

        return byCaption.Count == 1 ? byCaption[0] : -1;
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
