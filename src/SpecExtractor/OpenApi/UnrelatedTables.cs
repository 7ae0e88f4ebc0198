using System.Globalization;
using ModelArts.SpecExtractor.Pages;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// The typed policy's rule for same-named tables of one document that share no property: they are
/// different objects that happen to have the same caption (an engine list's <c>items</c> and a trial
/// list's <c>items</c>), so they become different schemas instead of one schema holding both. The
/// tables of the first page (in path order) keep the name; each other object is named after the
/// operation of its first page (<c>ShowAutoSearchTrialsItems</c>), and the Type cells of its pages
/// refer to that name. Tables that share a property are one object and merge by rule 1.
/// </summary>
internal static class UnrelatedTables
{
    /// <summary>The schema name each page's tables of a caption get, where it is not the caption's own.</summary>
    public static Dictionary<(DocPage Page, string Name), string> Separate(IReadOnlyList<DocPage> pages, Func<DocPage, string?> operationOf, Dictionary<(DocPage Page, string Name), string> names, WarningSink warnings)
    {
        var byName = new Dictionary<string, List<(DocPage Page, DocTable Table)>>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var table in page.Tables.Where(t => t.Role == TableRole.Object))
            {
                var caption = SchemaNames.FromCaption(table.Caption);
                var name = names.GetValueOrDefault((page, caption), caption);
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                list.Add((page, table));
            }
        }

        var taken = byName.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, tables) in byName)
        {
            // A page's tables of one caption are one object; a page joins the first object it shares a property with.
            var objects = new List<(HashSet<string> Properties, List<DocPage> Pages, DocTable First)>();
            foreach (var unit in tables.GroupBy(t => t.Page))
            {
                var properties = unit.SelectMany(t => t.Table.Rows).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
                var match = objects.FindIndex(o => o.Properties.Overlaps(properties) || properties.Count == 0 || o.Properties.Count == 0);
                if (match < 0)
                {
                    objects.Add((properties, [unit.Key], unit.First().Table));
                }
                else
                {
                    objects[match].Properties.UnionWith(properties);
                    objects[match].Pages.Add(unit.Key);
                }
            }

            foreach (var other in objects.Skip(1))
            {
                var prefix = operationOf(other.Pages[0]) ?? OperationNames.FromTitle(other.Pages[0].Title ?? "Page");
                var separate = prefix + name;
                for (var n = 2; !taken.Add(separate); n++)
                {
                    separate = prefix + name + n.ToString(CultureInfo.InvariantCulture);
                }

                warnings.Add(other.Pages[0].File, other.First.Line, $"table '{other.First.Caption}' shares no property with the table of that name in {objects[0].Pages[0].File}:{objects[0].First.Line}; it is the schema '{separate}'");
                foreach (var page in other.Pages)
                {
                    var caption = names.FirstOrDefault(n => n.Key.Page == page && n.Value == name).Key.Name ?? name;
                    names[(page, caption)] = separate;
                    HistoricalSchemas.Redirect(page, name, separate);
                }
            }
        }

        return names;
    }
}
