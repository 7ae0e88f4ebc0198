using System.Globalization;
using ModelArts.SpecExtractor.Pages;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Keeps the tables of historical pages apart from the current ones. An old version of an API often
/// reuses a caption for a different object (the old <c>parameter</c> is a label/value pair, the current
/// <c>Parameter</c> an algorithm parameter); merged, both would become one loose schema. So on historical
/// pages, every table name that a current page of the document also uses gets the version of the page's
/// path (<c>ParameterV1</c>), and the historical pages' Type cells refer to that name.
/// </summary>
internal static class HistoricalSchemas
{
    /// <summary>The schema name each historical page's tables of a caption get, where it is not the caption's own.</summary>
    public static Dictionary<(DocPage Page, string Name), string> Rename(IReadOnlyList<DocPage> pages, Func<DocPage, string?> pathOf)
    {
        var renamed = new Dictionary<(DocPage, string), string>();
        var current = pages.Where(p => !p.Historical).SelectMany(ObjectNames).ToHashSet(StringComparer.Ordinal);
        if (current.Count == 0)
        {
            return renamed;
        }

        var taken = pages.SelectMany(ObjectNames).ToHashSet(StringComparer.Ordinal);
        var shared = pages.Where(p => p.Historical).SelectMany(ObjectNames).Where(current.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var page in pages.Where(p => p.Historical))
        {
            var suffix = Version(pathOf(page)) ?? "Old";
            foreach (var name in shared)
            {
                var unique = name + suffix;
                for (var n = 2; taken.Contains(unique) && !renamed.ContainsValue(unique); n++)
                {
                    unique = name + suffix + n.ToString(CultureInfo.InvariantCulture);
                }

                renamed[(page, name)] = unique;
                Redirect(page, name, unique);
            }
        }

        return renamed;
    }

    private static IEnumerable<string> ObjectNames(DocPage page) =>
        page.Tables.Where(t => t.Role == TableRole.Object).Select(t => SchemaNames.FromCaption(t.Caption));

    /// <summary>"V1" for "/v1/{project_id}/training-jobs", or null for a path without a version segment.</summary>
    public static string? Version(string? path) =>
        path?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.Length > 1 && s[0] == 'v' && s[1..].All(c => char.IsDigit(c) || c == '.')) is { } segment
            ? "V" + segment[1..].Replace('.', '_')
            : null;

    /// <summary>Points the Type cells of <paramref name="page"/> that name <paramref name="name"/> at <paramref name="renamed"/>.</summary>
    public static void Redirect(DocPage page, string name, string renamed)
    {
        for (var t = 0; t < page.Tables.Count; t++)
        {
            var table = page.Tables[t];
            List<DocRow>? rows = null;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var type = TypeExpression.Parse(row.Type) switch
                {
                    NamedType n when SchemaNames.FromCaption(n.Name) == name => $"{renamed} object",
                    ArrayType { Items: NamedType n } when SchemaNames.FromCaption(n.Name) == name => $"Array of {renamed} objects",
                    MapType { Values: NamedType n } when SchemaNames.FromCaption(n.Name) == name => $"Map<String,{renamed}>",
                    _ => null,
                };
                if (type is not null)
                {
                    rows ??= [.. table.Rows];
                    rows[r] = row with { Type = type };
                }
            }

            if (rows is not null)
            {
                page.Tables[t] = table with { Rows = rows };
            }
        }
    }
}
