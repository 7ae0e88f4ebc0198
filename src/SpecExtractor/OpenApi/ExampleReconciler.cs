using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Walks a documented example alongside the schema its tables describe. A field only the example
/// shows is added to the schema (<c>x-doc-source: example</c>); a value whose JSON type the table
/// contradicts widens the schema (<see cref="SchemaTypes.Widen"/>); an option value the list lacks
/// joins the enum. Each is a warning, because each is the documentation disagreeing with itself.
/// </summary>
internal sealed class ExampleReconciler(JsonObject schemas, WarningSink warnings)
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Reconciles <paramref name="value"/> with <c>holder[key]</c>, replacing that schema if it must widen.</summary>
    public void Reconcile(JsonObject holder, string key, JsonNode? value, string file, int line, string page)
    {
        if (holder[key] is not JsonObject schema)
        {
            return;
        }

        var context = new Where(file, line, page);
        var result = Visit(schema, value, "$", context);
        if (!ReferenceEquals(result, schema))
        {
            holder[key] = result;
        }
    }

    private sealed record Where(string File, int Line, string Page);

    private JsonObject Visit(JsonObject schema, JsonNode? value, string path, Where where)
    {
        var kind = SchemaTypes.KindOf(value);
        if (!SchemaTypes.Admits(schema, kind))
        {
            var documented = Describe(schema);
            warnings.Add(where.File, where.Line, $"example value at {path} is {kind} but the table says {documented}; the schema now admits both");
            var conflict = new JsonObject
            {
                ["documented"] = documented,
                ["observed"] = kind,
                ["page"] = where.Page,
                ["line"] = where.Line,
            };
            var widened = SchemaTypes.Widen(schema.DeepClone().AsObject(), SchemaTypes.Infer(value), conflict);
            VisitInPlace(widened, value, path, where); // a widened option list still has to hold the value
            return widened;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>()[ComponentPrefix.Length..];
            if (schemas[name] is JsonObject target)
            {
                VisitInPlace(target, value, path, where);
            }

            return schema;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            for (var i = 0; i < anyOf.Count; i++)
            {
                if (anyOf[i] is JsonObject branch && SchemaTypes.Admits(branch, kind))
                {
                    var result = Visit(branch, value, path, where);
                    if (!ReferenceEquals(result, branch))
                    {
                        anyOf[i] = result;
                    }

                    break;
                }
            }

            return schema;
        }

        VisitInPlace(schema, value, path, where);
        return schema;
    }

    private void VisitInPlace(JsonObject schema, JsonNode? value, string path, Where where)
    {
        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, child) in obj.ToList())
                {
                    var childPath = path + "." + name;
                    if (properties[name] is JsonObject property)
                    {
                        var result = Visit(property, child, childPath, where);
                        if (!ReferenceEquals(result, property))
                        {
                            properties[name] = result;
                        }
                    }
                    else if (schema["additionalProperties"] is null)
                    {
                        warnings.Add(where.File, where.Line, $"example field {childPath} is in no table; added to the schema from the example");
                        var inferred = SchemaTypes.Infer(child);
                        inferred["x-doc-source"] = "example";
                        properties[name] = inferred;
                    }
                }

                break;

            case JsonObject obj when schema["additionalProperties"] is JsonObject:
                foreach (var (name, child) in obj.ToList())
                {
                    var current = schema["additionalProperties"]!.AsObject();
                    var result = Visit(current, child, path + "." + name, where);
                    if (!ReferenceEquals(result, current))
                    {
                        schema["additionalProperties"] = result;
                    }
                }

                break;

            case JsonArray array when schema["items"] is JsonObject:
                for (var i = 0; i < array.Count; i++)
                {
                    var current = schema["items"]!.AsObject();
                    var result = Visit(current, array[i], $"{path}[{i}]", where);
                    if (!ReferenceEquals(result, current))
                    {
                        schema["items"] = result;
                    }
                }

                break;

            case JsonValue scalar when schema["enum"] is JsonArray values:
                var text = scalar.ToJsonString();
                if (!values.Any(v => v?.ToJsonString() == text))
                {
                    warnings.Add(where.File, where.Line, $"example value {text} at {path} is not among the documented options; added to the enum from the example");
                    values.Add(scalar.DeepClone());
                }

                break;
        }
    }

    private static string Describe(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            return reference.GetValue<string>()[ComponentPrefix.Length..] + " object";
        }

        var types = SchemaTypes.TypesOf(schema);
        return types is null ? "any" : string.Join(" or ", types.Order(StringComparer.Ordinal));
    }
}
