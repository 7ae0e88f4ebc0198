using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelArts.SpecExtractor.Pages;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>One table that defines (part of) a schema, with the page it stands on.</summary>
internal sealed record TableSource(DocTable Table, DocPage Page);

/// <summary>The statements of one request-side row and the rules read from them, for the coverage line.</summary>
/// <param name="Schema">The component that holds the property; null for a parameter, whose schema is <paramref name="Final"/>.</param>
/// <param name="Facts">What the row's own sentences gave, to tell whether the final document still holds it.</param>
internal sealed record RowStatements(string File, string Page, int Line, string Property, IReadOnlyList<Statement> Statements, IReadOnlyList<FieldRule> Rules, string? Schema, JsonObject? Final, PropertyFacts Facts);

/// <summary>
/// Turns parameter tables into JSON Schema. Same-named tables from different pages become one
/// schema by the merge rule documented on <see cref="BuildObject"/>.
/// </summary>
internal sealed partial class SchemaBuilder(IReadOnlySet<string> knownSchemas, WarningSink warnings)
{
    public const string ComponentPrefix = "#/components/schemas/";

    private const string AnyItems = "any";

    /// <summary>Rows that became a property or parameter, for the coverage line.</summary>
    public int RowsExtracted { get; private set; }

    /// <summary>Rules between fields the request-side rows state, placed once the whole document is known.</summary>
    public List<PendingRule> Rules { get; } = [];

    /// <summary>Every statement of every request-side row, for the constraint coverage line.</summary>
    public List<RowStatements> RequestStatements { get; } = [];

    /// <summary>A component name from a table caption (<see cref="SchemaNames.FromCaption"/>).</summary>
    public static string SchemaName(string caption) => SchemaNames.FromCaption(caption);

    /// <summary>
    /// Builds one object schema from every table with this name. The merge rule, in order of the
    /// pages (sorted by path) and of the tables on a page:
    /// properties are the union, in order of first appearance; a property's description and
    /// constraints come from its first table; when two tables give a property different JSON types,
    /// the schema widens to admit both (<see cref="SchemaTypes.Widen"/>) and a warning names both pages;
    /// a property is required only when every table that has a Mandatory column marks it Yes and
    /// every table lists it, so a response shaped like the request still validates; an exclusivity
    /// ("Either this parameter or inputs is used") is stated only when every table is on the request side.
    /// </summary>
    public JsonObject BuildObject(string name, IReadOnlyList<TableSource> sources)
    {
        var properties = new JsonObject();
        var firstSeen = new Dictionary<string, TableSource>(StringComparer.Ordinal);
        var exclusive = new List<ExclusiveWith>();

        foreach (var source in sources)
        {
            foreach (var row in source.Table.Rows)
            {
                var (property, facts) = BuildProperty(row, source.Page);
                RowsExtracted++;
                if (sources.All(s => s.Table.Side == ApiSide.Request))
                {
                    // A response carries both sides of an exclusivity (the service echoes what it
                    // resolved), so the rule is stated only on schemas that are request-only.
                    exclusive.AddRange(facts.Exclusive);
                }

                if (IsRequestSide(source.Table))
                {
                    Rules.AddRange(facts.Rules.Select(r => new PendingRule(name, r, source.Page.File)));
                    RequestStatements.Add(new RowStatements(source.Page.File, source.Page.SourceId, row.Line, row.Name, facts.Statements, facts.Rules, name, null, facts));
                }

                if (properties[row.Name] is not JsonObject existing)
                {
                    if (properties.ContainsKey(row.Name))
                    {
                        continue;
                    }

                    properties[row.Name] = property;
                    firstSeen[row.Name] = source;
                    continue;
                }

                var first = firstSeen[row.Name];
                if (ReferenceEquals(first.Table, source.Table))
                {
                    warnings.Add(source.Page.File, row.Line, $"'{row.Name}' appears twice in table '{source.Table.Caption}'; the first row is kept");
                    continue;
                }

                var merged = MergeProperty(existing, property, out var conflict);
                if (conflict)
                {
                    warnings.Add(source.Page.File, row.Line,
                        $"'{name}.{row.Name}' is {Signature(property)} here but {Signature(existing)} in {first.Page.File}:{FirstRowLine(first, row.Name)}; the schema admits both");
                    merged = SchemaTypes.Widen(existing.DeepClone().AsObject(), StripDocs(property), new JsonObject
                    {
                        ["documented"] = Signature(existing),
                        ["observed"] = Signature(property),
                        ["page"] = source.Page.SourceId,
                        ["line"] = row.Line,
                    });
                }

                else
                {
                    FillConstraints(merged, property);
                }

                if (!ReferenceEquals(merged, existing))
                {
                    properties[row.Name] = merged;
                }
            }
        }

        var schema = new JsonObject { ["type"] = "object" };
        var required = RequiredOf(sources, properties);
        if (required.Count > 0)
        {
            schema["required"] = new JsonArray(required.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }

        schema["properties"] = properties;
        AddExclusivity(schema, name, exclusive, sources, properties);
        schema["x-doc-tables"] = new JsonArray(sources
            .Select(s => (JsonNode?)JsonValue.Create($"{s.Page.SourceId}:{s.Table.Line}"))
            .ToArray());
        return schema;
    }

    /// <summary>One row: its type as schema, its description, and the constraints its prose states.</summary>
    public (JsonObject Schema, PropertyFacts Facts) BuildProperty(DocRow row, DocPage page)
    {
        var type = TypeExpression.Parse(row.Type);
        var schema = TypeSchema(type, row, page);
        var constrained = type is ArrayType { Items: PrimitiveType } ? schema["items"]!.AsObject() : schema;
        var factType = constrained["type"]?.GetValue<string>() ?? (constrained.ContainsKey("$ref") ? "object" : "any");

        if (row.Description.Length > 0)
        {
            schema["description"] = ConstraintCatalog.Normalize(row.Description);
        }

        var facts = ConstraintCatalog.Read(row.Name, factType, row.Description, new DocSource(page.SourceId, row.Line, string.Empty));
        foreach (var (keyword, value) in facts.Keywords)
        {
            constrained[keyword] = value?.DeepClone();
        }

        var cited = facts.Sources.Where(s => s.Keywords.Any(k => facts.Keywords.ContainsKey(k))).ToList();
        if (cited.Count > 0)
        {
            constrained["x-doc-source"] = new JsonArray(cited.Select(s => (JsonNode?)new JsonObject
            {
                ["keywords"] = new JsonArray(s.Keywords.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                ["page"] = page.SourceId,
                ["line"] = row.Line,
                ["sentence"] = s.Sentence,
            }).ToArray());
        }

        foreach (var warning in facts.Warnings)
        {
            warnings.Add(page.File, row.Line, warning);
        }

        return (schema, facts);
    }

    public void CountRow() => RowsExtracted++;

    /// <summary>A parameter row: counted for coverage; a rule it states between parameters has no place in OpenAPI and is reported.</summary>
    public void AddParameterStatements(DocRow row, DocPage page, PropertyFacts facts, JsonObject schema)
    {
        RequestStatements.Add(new RowStatements(page.File, page.SourceId, row.Line, row.Name, facts.Statements, facts.Rules, null, schema, facts));
    }

    public static bool IsRequestSide(DocTable table) =>
        table.Side == ApiSide.Request || table.Role is TableRole.RequestBody or TableRole.PathParameters or TableRole.QueryParameters or TableRole.HeaderParameters;

    private JsonObject TypeSchema(TypeRef type, DocRow row, DocPage page) => type switch
    {
        PrimitiveType p when p.Format is null => new JsonObject { ["type"] = p.JsonType },
        PrimitiveType p => new JsonObject { ["type"] = p.JsonType, ["format"] = p.Format },
        FreeObjectType => new JsonObject { ["type"] = "object" },
        ArrayType { Items: UnknownType { Text: AnyItems } } => new JsonObject { ["type"] = "array", ["items"] = new JsonObject() },
        ArrayType a => new JsonObject { ["type"] = "array", ["items"] = TypeSchema(a.Items, row, page) },
        MapType m => new JsonObject { ["type"] = "object", ["additionalProperties"] = TypeSchema(m.Values, row, page) },
        NamedType n => Reference(n.Name, row, page),
        _ => Unknown(row, page),
    };

    private JsonObject Reference(string name, DocRow row, DocPage page)
    {
        var schemaName = SchemaName(name);
        if (knownSchemas.Contains(schemaName))
        {
            return new JsonObject { ["$ref"] = ComponentPrefix + schemaName };
        }

        var caseInsensitive = knownSchemas.FirstOrDefault(k => string.Equals(k, schemaName, StringComparison.OrdinalIgnoreCase));
        if (caseInsensitive is not null)
        {
            warnings.Add(page.File, row.Line, $"type '{row.Type}' of '{row.Name}' matches table '{caseInsensitive}' only ignoring case; referenced anyway");
            return new JsonObject { ["$ref"] = ComponentPrefix + caseInsensitive };
        }

        warnings.Add(page.File, row.Line, $"type '{row.Type}' of '{row.Name}' names no table on any page; the property accepts any JSON object");
        return new JsonObject { ["type"] = "object", ["x-doc-type"] = row.Type };
    }

    private JsonObject Unknown(DocRow row, DocPage page)
    {
        warnings.Add(page.File, row.Line, $"type '{row.Type}' of '{row.Name}' is not a known type expression; the property accepts any value");
        return new JsonObject { ["x-doc-type"] = row.Type };
    }

    /// <summary>Two rows for the same property agree when their JSON types agree; formats widen (int32 to int64, float to double).</summary>
    private static JsonObject MergeProperty(JsonObject existing, JsonObject other, out bool conflict)
    {
        conflict = false;
        if (Signature(existing) == Signature(other))
        {
            return existing;
        }

        var existingTypes = SchemaTypes.TypesOf(existing);
        var otherTypes = SchemaTypes.TypesOf(other);
        if (existingTypes is null || otherTypes is null || !existingTypes.SetEquals(otherTypes))
        {
            conflict = true;
            return existing;
        }

        // Same JSON type: prefer the named object over a free-form one, and the wider number format.
        if (!existing.ContainsKey("$ref") && other.ContainsKey("$ref") && existing["properties"] is null)
        {
            var replacement = other.DeepClone().AsObject();
            if (existing["description"] is { } description && replacement["description"] is null)
            {
                replacement["description"] = description.DeepClone();
            }

            return replacement;
        }

        if (existing["format"]?.GetValue<string>() is "int32" or "float" && other["format"] is { } wider)
        {
            existing["format"] = wider.DeepClone();
        }

        return existing;
    }

    private static readonly string[] ConstraintKeywords = ["enum", "default", "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "allOf"];

    /// <summary>
    /// A constraint a later table states and the first one does not joins the schema, citing its sentence: two pages
    /// that describe the same object each add what they know.
    /// </summary>
    private static void FillConstraints(JsonObject target, JsonObject source)
    {
        if (Constrained(target) is not { } into || Constrained(source) is not { } from)
        {
            return;
        }

        // An option list and a value form (a hyphen-joined list of reason IDs, whose options are its items) of two tables
        // describe the value differently: the first table decides, and the other's is not added.
        var added = ConstraintKeywords.Where(k => !into.ContainsKey(k) && from[k] is not null
            && !(k == "enum" && into.ContainsKey("pattern")) && !(k == "pattern" && into.ContainsKey("enum"))).ToList();
        foreach (var keyword in added)
        {
            into[keyword] = from[keyword]!.DeepClone();
        }

        if (added.Count > 0 && from["x-doc-source"] is JsonArray citations)
        {
            var list = into["x-doc-source"] as JsonArray ?? [];
            foreach (var citation in citations.OfType<JsonObject>().Where(c => c["keywords"] is JsonArray k && k.Any(x => added.Contains(x!.GetValue<string>()))))
            {
                list.Add(citation.DeepClone());
            }

            into["x-doc-source"] = list;
        }
    }

    /// <summary>Where a property's value constraints sit: on it, or on the items of an array of primitives.</summary>
    public static JsonObject? Constrained(JsonObject property) =>
        property["type"] is JsonValue type && type.GetValue<string>() == "array" ? property["items"] as JsonObject is { } items && items["type"] is JsonValue ? items : null
        : property["$ref"] is null && property["anyOf"] is null ? property : null;

    private static List<string> RequiredOf(IReadOnlyList<TableSource> sources, JsonObject properties)
    {
        var required = new List<string>();
        foreach (var (name, _) in properties)
        {
            var listedEverywhere = sources.All(s => s.Table.Rows.Any(r => r.Name == name));
            var voters = sources.Where(s => s.Table.Rows.Any(r => r.Mandatory is not null)).ToList();
            if (listedEverywhere && voters.Count > 0 && voters.All(s => s.Table.Rows.Any(r => r.Name == name && r.Mandatory == true)))
            {
                required.Add(name);
            }
        }

        return required;
    }

    /// <summary>"Either this parameter or inputs is used" becomes <c>not: {required: [data_source, inputs]}</c>.</summary>
    private void AddExclusivity(JsonObject schema, string name, List<ExclusiveWith> statements, IReadOnlyList<TableSource> sources, JsonObject properties)
    {
        var pairs = new SortedDictionary<string, (string A, string B, ExclusiveWith Statement)>(StringComparer.Ordinal);
        var cited = new Dictionary<string, List<ExclusiveWith>>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            var other = ResolveSibling(statement.Other, statement.Property, properties);
            if (other is null)
            {
                var page = sources.First(s => s.Page.SourceId == statement.Source.Page).Page;
                warnings.Add(page.File, statement.Source.Line, $"'{name}.{statement.Property}' is exclusive with '{statement.Other}', which is no property of {name}; no exclusivity is derived");
                continue;
            }

            var (a, b) = string.CompareOrdinal(statement.Property, other) < 0 ? (statement.Property, other) : (other, statement.Property);
            var key = a + "\u0000" + b;
            if (!pairs.TryAdd(key, (a, b, statement)) && statement.OneRequired && !pairs[key].Statement.OneRequired)
            {
                pairs[key] = (a, b, statement);
            }

            if (!cited.TryGetValue(key, out var list))
            {
                cited[key] = list = [];
            }

            if (!list.Any(s => s.Source.Sentence == statement.Source.Sentence))
            {
                list.Add(statement);
            }
        }

        if (pairs.Count == 0)
        {
            return;
        }

        // "Either A or B is used" says one of them is: at most one (not both) and at least one (anyOf).
        var entries = new JsonArray();
        foreach (var (key, pair) in pairs)
        {
            entries.Add(new JsonObject
            {
                ["not"] = new JsonObject
                {
                    ["required"] = new JsonArray(pair.A, pair.B),
                    ["x-doc-source"] = Citations(cited[key], "not"),
                },
            });
            if (cited[key].Any(s => s.OneRequired))
            {
                entries.Add(new JsonObject
                {
                    ["anyOf"] = new JsonArray(new JsonObject { ["required"] = new JsonArray(pair.A) }, new JsonObject { ["required"] = new JsonArray(pair.B) }),
                    ["x-doc-source"] = Citations(cited[key].Where(s => s.OneRequired), "anyOf"),
                });
            }
        }

        schema["allOf"] = entries;
    }

    private static JsonArray Citations(IEnumerable<ExclusiveWith> statements, string keyword) =>
        new(statements.Select(s => (JsonNode?)new JsonObject
        {
            ["keywords"] = new JsonArray(keyword),
            ["page"] = s.Source.Page,
            ["line"] = s.Source.Line,
            ["sentence"] = s.Source.Sentence,
        }).ToArray());

    /// <summary>
    /// The other property of an exclusivity: its JSON name, or a phrase ("the sampling ratio") that
    /// begins exactly one sibling's description ("Sampling ratio of the acceptance task.").
    /// </summary>
    private static string? ResolveSibling(string other, string self, JsonObject properties)
    {
        if (properties.ContainsKey(other) && other != self)
        {
            return other;
        }

        var phrase = LeadingArticle().Replace(other, string.Empty).Trim();
        var matches = properties
            .Where(p => p.Key != self && p.Value?["description"]?.GetValue<string>() is { } d && d.StartsWith(phrase, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key)
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static JsonObject StripDocs(JsonObject schema)
    {
        var copy = schema.DeepClone().AsObject();
        copy.Remove("description");
        copy.Remove("x-doc-source");
        return copy;
    }

    private static string Signature(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue r)
        {
            return r.GetValue<string>()[ComponentPrefix.Length..] + " object";
        }

        var type = schema["type"]?.ToJsonString() ?? "any";
        return schema["items"] is JsonObject items ? $"array of {Signature(items)}"
            : schema["additionalProperties"] is JsonObject values ? $"map of {Signature(values)}"
            : type.Trim('"');
    }

    private static int FirstRowLine(TableSource source, string name) => source.Table.Rows.First(r => r.Name == name).Line;

    [GeneratedRegex(@"^(?:the|a|an)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();
}
