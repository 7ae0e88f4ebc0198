using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Folds a second edition of the documentation (the Chinese one) into the document the primary edition gave.
/// The rule (spec/README.md): the primary edition decides whatever both state; the second edition adds only what
/// the primary leaves out (a keyword the property lacks, option values its list lacks, a rule between fields), each
/// citing the second edition's page. Every disagreement is a warning, and a field only the second edition lists is
/// reported, not added.
/// </summary>
internal sealed class Supplement(JsonObject primary, JsonObject secondary, WarningSink warnings)
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly string[] Keywords =
        ["enum", "default", "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems"];

    private readonly HashSet<(JsonObject, JsonObject)> _visited = new(ReferencePairComparer.Instance);

    public int Added { get; private set; }

    /// <summary>Response fields only the second edition lists (not added; readers keep unknown fields).</summary>
    public int ResponseOnlyFields { get; private set; }

    public void Merge()
    {
        if (primary["paths"] is not JsonObject paths || secondary["paths"] is not JsonObject otherPaths)
        {
            return;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem || otherPaths[path] is not JsonObject otherItem)
            {
                continue;
            }

            foreach (var (method, node) in pathItem)
            {
                if (node is not JsonObject operation || otherItem[method] is not JsonObject other)
                {
                    continue;
                }

                var name = operation["operationId"]?.GetValue<string>() ?? method + " " + path;
                MergeParameters(operation, other, name);
                Walk(BodySchema(operation["requestBody"]), BodySchema(other["requestBody"]), name + " request", request: true);
                foreach (var (status, response) in operation["responses"] as JsonObject ?? [])
                {
                    Walk(BodySchema(response), BodySchema(other["responses"]?[status]), $"{name} {status}", request: false);
                }
            }
        }
    }

    private static JsonObject? BodySchema(JsonNode? holder) => holder?["content"]?["application/json"]?["schema"] as JsonObject;

    private void MergeParameters(JsonObject operation, JsonObject other, string name)
    {
        foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var match = (other["parameters"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(p => p["name"]?.GetValue<string>() == parameter["name"]?.GetValue<string>() && p["in"]?.GetValue<string>() == parameter["in"]?.GetValue<string>());
            if (match?["schema"] is JsonObject otherSchema && parameter["schema"] is JsonObject schema)
            {
                MergeKeywords(schema, otherSchema, $"{name} parameter {parameter["name"]}");
            }
        }
    }

    private void Walk(JsonObject? schema, JsonObject? other, string where, bool request)
    {
        schema = Resolve(primary, schema);
        other = Resolve(secondary, other);
        if (schema is null || other is null || !_visited.Add((schema, other)))
        {
            return;
        }

        if (schema["items"] is JsonObject items && other["items"] is JsonObject otherItems)
        {
            Walk(items, otherItems, where + "[]", request);
        }

        MergeRules(schema, other, where);
        if (schema["properties"] is not JsonObject properties || other["properties"] is not JsonObject otherProperties)
        {
            return;
        }

        foreach (var (name, node) in otherProperties)
        {
            if (node is not JsonObject otherProperty)
            {
                continue;
            }

            if (properties[name] is not JsonObject property)
            {
                if (request)
                {
                    Warn(otherProperty, $"{where}.{name} is listed only by the second edition; it is not added", other);
                }
                else
                {
                    ResponseOnlyFields++; // readers keep unknown fields; counted in the summary line
                }

                continue;
            }

            var required = Names(schema["required"]).Contains(name);
            if (request && required != Names(other["required"]).Contains(name))
            {
                Warn(otherProperty, $"{where}.{name} is {(required ? "mandatory" : "optional")} in the primary edition and {(required ? "optional" : "mandatory")} in the second; the primary edition decides", other);
            }

            var target = Constrained(Resolve(primary, property) ?? property);
            var source = Constrained(Resolve(secondary, otherProperty) ?? otherProperty);
            if (target is not null && source is not null && property["$ref"] is null)
            {
                MergeKeywords(target, source, $"{where}.{name}");
            }

            Walk(property, otherProperty, $"{where}.{name}", request);
        }
    }

    /// <summary>A keyword the primary lacks joins with its citation; option values the primary list lacks join it.</summary>
    private void MergeKeywords(JsonObject target, JsonObject source, string where)
    {
        var added = new List<string>();
        foreach (var keyword in Keywords)
        {
            if (source[keyword] is not { } value)
            {
                continue;
            }

            if (target[keyword] is not { } existing)
            {
                if (keyword == "default" && target["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
                {
                    Warn(source, $"{where}: the second edition's default {value.ToJsonString()} is not among the primary edition's options; it is not added");
                    continue;
                }

                if (keyword == "enum" && target["pattern"] is not null)
                {
                    // The primary edition states a value form (a list of IDs joined by '-'); the second's option list is its items.
                    Warn(source, $"{where}: the second edition's option list does not narrow the value form the primary edition states; it is not added");
                    continue;
                }

                target[keyword] = value.DeepClone();
                added.Add(keyword);
                continue;
            }

            if (JsonNode.DeepEquals(existing, value))
            {
                continue;
            }

            if (keyword == "enum" && existing is JsonArray list && value is JsonArray more)
            {
                var extra = more.Where(v => !list.Any(e => JsonNode.DeepEquals(e, v))).ToList();
                if (extra.Count > 0 && extra.All(v => SchemaTypes.KindOf(v) == SchemaTypes.KindOf(list.FirstOrDefault())))
                {
                    foreach (var v in extra)
                    {
                        list.Add(v!.DeepClone());
                    }

                    added.Add(keyword);
                    Warn(source, $"{where}: the second edition lists option(s) {string.Join(", ", extra.Select(v => v!.ToJsonString()))} the primary edition does not; they join the enum");
                }

                continue;
            }

            Warn(source, $"{where}: {keyword} is {existing.ToJsonString()} in the primary edition and {value.ToJsonString()} in the second; the primary edition decides");
        }

        if (added.Count == 0)
        {
            return;
        }

        Added += added.Count;
        var citations = target["x-doc-source"] as JsonArray ?? [];
        foreach (var citation in (source["x-doc-source"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(c => c["keywords"] is JsonArray k && k.Any(x => added.Contains(x!.GetValue<string>()))))
        {
            citations.Add(citation.DeepClone());
        }

        target["x-doc-source"] = citations;
    }

    /// <summary>A rule between fields only the second edition states joins the schema, citing it.</summary>
    private void MergeRules(JsonObject schema, JsonObject other, string where)
    {
        var theirs = (other["allOf"] as JsonArray ?? []).OfType<JsonObject>().Where(r => r["if"] is not null || r["anyOf"] is not null || r["not"] is not null).ToList();
        if (theirs.Count == 0)
        {
            return;
        }

        var ours = schema["allOf"] as JsonArray;
        foreach (var rule in theirs)
        {
            var key = (rule["if"]?.ToJsonString() ?? string.Empty) + (rule["then"]?.ToJsonString() ?? string.Empty) + (rule["anyOf"]?.ToJsonString() ?? string.Empty) + (rule["not"]?["required"]?.ToJsonString() ?? string.Empty);
            if (ours is not null && ours.OfType<JsonObject>().Any(r => (r["if"]?.ToJsonString() ?? string.Empty) + (r["then"]?.ToJsonString() ?? string.Empty) + (r["anyOf"]?.ToJsonString() ?? string.Empty) + (r["not"]?["required"]?.ToJsonString() ?? string.Empty) == key))
            {
                continue;
            }

            if (!Names(rule["then"]?["required"]).Concat(Names(rule["if"]?["required"])).All(n => schema["properties"]?[n] is not null))
            {
                continue; // a rule over fields the primary schema does not have
            }

            ours ??= [];
            schema["allOf"] = ours;
            ours.Add(rule.DeepClone());
            Added++;
            Warn(rule, $"{where}: a rule only the second edition states joins the schema ({rule["description"]?.GetValue<string>() ?? "rule"})");
        }
    }

    private static JsonObject? Constrained(JsonObject property) => SchemaBuilder.Constrained(property);

    private static JsonObject? Resolve(JsonObject document, JsonObject? schema)
    {
        for (var hops = 0; schema?["$ref"]?.GetValue<string>() is { } reference && hops < 8; hops++)
        {
            schema = reference.StartsWith(ComponentPrefix, StringComparison.Ordinal)
                ? document["components"]?["schemas"]?[reference[ComponentPrefix.Length..]] as JsonObject
                : null;
        }

        return schema;
    }

    private static IEnumerable<string> Names(JsonNode? array) =>
        (array as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>();

    /// <summary>A warning at the second edition's page and line: the citation of the node, else the table of its schema.</summary>
    private void Warn(JsonObject near, string message, JsonObject? schema = null)
    {
        var citation = (near["x-doc-source"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (citation?["page"]?.GetValue<string>() is { } page)
        {
            warnings.Add(page, citation["line"]?.GetValue<int>() ?? 0, message);
            return;
        }

        var table = (schema?["x-doc-tables"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "(second edition):0";
        var colon = table.LastIndexOf(':');
        warnings.Add(table[..colon], int.TryParse(table[(colon + 1)..], out var line) ? line : 0, message);
    }

    private sealed class ReferencePairComparer : IEqualityComparer<(JsonObject, JsonObject)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((JsonObject, JsonObject) x, (JsonObject, JsonObject) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((JsonObject, JsonObject) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
