using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>JSON types of values and schemas, and the one rule for reconciling two that disagree.</summary>
internal static class SchemaTypes
{
    public static string KindOf(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    /// <summary>The JSON types a schema admits, or null when it admits anything (no <c>type</c>, no <c>$ref</c>).</summary>
    public static HashSet<string>? TypesOf(JsonObject schema)
    {
        if (schema.ContainsKey("$ref"))
        {
            return ["object"];
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var branch in anyOf.OfType<JsonObject>())
            {
                if (TypesOf(branch) is not { } types)
                {
                    return null;
                }

                union.UnionWith(types);
            }

            return union;
        }

        return schema["type"] switch
        {
            JsonValue single => [single.GetValue<string>()],
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal),
            _ => null,
        };
    }

    public static bool Admits(JsonObject schema, string kind) =>
        TypesOf(schema) is not { } types || types.Contains(kind) || (kind == "integer" && types.Contains("number"));

    /// <summary>
    /// The documented rule for a disagreement (table vs example, or two tables of the same name):
    /// the schema widens to admit both JSON types, so every payload the service was seen to send
    /// still validates and deserializes. A plain typed schema gets a type list; a referenced or
    /// composite one becomes <c>anyOf</c> with the observed type. The disagreement is recorded in
    /// <c>x-doc-type-conflict</c>.
    /// </summary>
    public static JsonObject Widen(JsonObject schema, JsonObject observed, JsonObject conflict)
    {
        JsonObject result;
        if (!schema.ContainsKey("$ref") && !schema.ContainsKey("anyOf") && schema["type"] is not null
            && !observed.ContainsKey("$ref") && observed["type"] is JsonValue observedType)
        {
            var types = TypesOf(schema)!;
            var kind = observedType.GetValue<string>();
            types.Add(kind);
            if (types.Contains("number"))
            {
                types.Remove("integer");
                schema.Remove("format");
            }

            result = schema;
            result["type"] = types.Count == 1 ? types.First() : new JsonArray(Order(types).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
            if (kind == "array" && observed["items"] is { } items && !result.ContainsKey("items"))
            {
                result["items"] = items.DeepClone();
            }
        }
        else
        {
            var description = schema["description"]?.DeepClone();
            schema.Remove("description");
            result = [];
            if (description is not null)
            {
                result["description"] = description;
            }

            result["anyOf"] = new JsonArray(schema, observed);
        }

        if (result["x-doc-type-conflict"] is not JsonArray conflicts)
        {
            conflicts = [];
            result["x-doc-type-conflict"] = conflicts;
        }

        conflicts.Add(conflict);
        return result;
    }

    /// <summary>A schema inferred from an example value; each inferred property is marked <c>x-doc-source: example</c>.</summary>
    public static JsonObject Infer(JsonNode? value)
    {
        var kind = KindOf(value);
        var schema = new JsonObject { ["type"] = kind };
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                var properties = new JsonObject();
                foreach (var (name, child) in obj)
                {
                    var property = Infer(child);
                    property["x-doc-source"] = "example";
                    properties[name] = property;
                }

                schema["properties"] = properties;
                break;
            case JsonArray array:
                var first = array.FirstOrDefault(item => item is not null);
                schema["items"] = first is null ? new JsonObject() : Infer(first);
                break;
        }

        return schema;
    }

    private static IEnumerable<string> Order(IEnumerable<string> types)
    {
        string[] order = ["object", "array", "string", "integer", "number", "boolean", "null"];
        return types.OrderBy(t => Array.IndexOf(order, t) is var i && i < 0 ? order.Length : i).ThenBy(t => t, StringComparer.Ordinal);
    }

    private static bool IsInteger(JsonValue value)
    {
        var text = value.ToJsonString();
        return !text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase);
    }
}
