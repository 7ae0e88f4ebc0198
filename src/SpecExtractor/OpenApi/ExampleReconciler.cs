using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Walks a documented example alongside the schema its tables describe. A field only the example
/// shows is added to the schema (<c>x-doc-source: example</c>); a value whose JSON type the table
/// contradicts widens the schema (<see cref="SchemaTypes.Widen"/>); an option value the list lacks
/// joins the enum of a response-only schema (readers keep unknown values anyway), while the enum of a
/// schema requests use keeps only documented values and the example is listed as an exception.
/// Each is a warning, because each is the documentation disagreeing with itself.
/// </summary>
internal sealed class ExampleReconciler(JsonObject schemas, WarningSink warnings, IReadOnlySet<string> requestSchemas)
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>
    /// Reconciles <paramref name="value"/> with <c>holder[key]</c>, replacing that schema if it must widen. Returns the
    /// option values the example shows that a request-side enum does not take (the example then contradicts the
    /// documented options, and is listed as an exception with that reason).
    /// </summary>
    public List<string> Reconcile(JsonObject holder, string key, JsonNode? value, string file, int line, string page)
    {
        var context = new Where(file, line, page, []);
        if (holder[key] is not JsonObject schema)
        {
            return context.Undocumented;
        }

        var result = Visit(schema, value, "$", context, requestSide: false);
        if (!ReferenceEquals(result, schema))
        {
            holder[key] = result;
        }

        return context.Undocumented;
    }

    private sealed record Where(string File, int Line, string Page, List<string> Undocumented);

    private JsonObject Visit(JsonObject schema, JsonNode? value, string path, Where where, bool requestSide)
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
            VisitInPlace(widened, value, path, where, requestSide); // a widened option list still has to hold the value
            return widened;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>()[ComponentPrefix.Length..];
            if (schemas[name] is JsonObject target)
            {
                VisitInPlace(target, value, path, where, requestSide || requestSchemas.Contains(name));
            }

            return schema;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            for (var i = 0; i < anyOf.Count; i++)
            {
                if (anyOf[i] is JsonObject branch && SchemaTypes.Admits(branch, kind))
                {
                    var result = Visit(branch, value, path, where, requestSide);
                    if (!ReferenceEquals(result, branch))
                    {
                        anyOf[i] = result;
                    }

                    break;
                }
            }

            return schema;
        }

        VisitInPlace(schema, value, path, where, requestSide);
        return schema;
    }

    private void VisitInPlace(JsonObject schema, JsonNode? value, string path, Where where, bool requestSide)
    {
        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, child) in obj.ToList())
                {
                    var childPath = path + "." + name;
                    if (properties[name] is JsonObject property)
                    {
                        var result = Visit(property, child, childPath, where, requestSide);
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
                    var result = Visit(current, child, path + "." + name, where, requestSide);
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
                    var result = Visit(current, array[i], $"{path}[{i}]", where, requestSide);
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
                    if (requestSide)
                    {
                        // A request-side enum holds only documented values: what an example alone shows is not
                        // something a caller may send, so the example is listed as contradicting the options.
                        warnings.Add(where.File, where.Line, $"example value {text} at {path} is not among the documented options of a schema requests use; the enum keeps the documented values and the example is listed in example-exceptions.json");
                        where.Undocumented.Add($"{text} at {path}");
                    }
                    else
                    {
                        warnings.Add(where.File, where.Line, $"example value {text} at {path} is not among the documented options; added to the enum from the example");
                        values.Add(scalar.DeepClone());
                    }
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
