using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>How a document settles a table and an example (or two tables) that disagree on a type.</summary>
internal enum TypeConflicts
{
    /// <summary>
    /// The documented type wins wherever the example can be read as it: a null makes the property
    /// nullable, a list of the documented object makes it a list (and a single one a single one),
    /// a number written as a string (or the reverse) is shown in the documented type. Only a value
    /// that is none of these widens the schema. Same-named tables that disagree become separate schemas.
    /// </summary>
    Typed,

    /// <summary>Every disagreement widens the schema to admit both types (a type list or <c>anyOf</c>).</summary>
    Widen,
}

/// <summary>One example value shown in the documented type instead of as the page wrote it.</summary>
/// <param name="At">Where in the example (<c>$.config[0].weight</c>).</param>
/// <param name="Shown">The value as the page shows it, as JSON.</param>
/// <param name="Documented">The JSON type of the table that the example now shows it in.</param>
internal sealed record ExampleAdjustment(string At, string Shown, string Documented);

/// <summary>What reconciling one example found.</summary>
/// <param name="Adjustments">Values shown in the documented type instead of as the page wrote them.</param>
/// <param name="Undocumented">Option values the example shows that a request-side enum does not take (<c>"x" at $.a</c>).</param>
internal sealed record ExampleFindings(IReadOnlyList<ExampleAdjustment> Adjustments, IReadOnlyList<string> Undocumented);

/// <summary>
/// Walks a documented example alongside the schema its tables describe. A field only the example
/// shows is added to the schema (<c>x-doc-source: example</c>); a value whose JSON type the table
/// contradicts is settled by the document's <see cref="TypeConflicts"/> policy; an option value the
/// list lacks joins the enum of a response-only schema (readers keep unknown values anyway), while the
/// enum of a schema requests use keeps only documented values and the example is listed as an exception.
/// Each is a warning, because each is the documentation disagreeing with itself.
/// </summary>
internal sealed partial class ExampleReconciler(JsonObject schemas, WarningSink warnings, IReadOnlySet<string> requestSchemas, TypeConflicts policy = TypeConflicts.Widen)
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>
    /// Reconciles <paramref name="value"/> with <c>holder[key]</c>, replacing that schema if it must
    /// change; values shown in the documented type instead are rewritten in place and returned, with the
    /// option values the example shows that a request-side enum does not take (the example then
    /// contradicts the documented options, and is listed as an exception with that reason).
    /// </summary>
    /// <param name="request">The example is a request's (only a request must carry what <c>x-required-in-requests</c> lists).</param>
    public ExampleFindings Reconcile(JsonObject holder, string key, JsonNode? value, string file, int line, string page, bool request = false)
    {
        var context = new Where(file, line, page, [], [], request);
        if (holder[key] is not JsonObject schema)
        {
            return new ExampleFindings(context.Adjustments, context.Undocumented);
        }

        var result = Visit(schema, value, "$", context, _ => { }, requestSide: false);
        if (!ReferenceEquals(result, schema))
        {
            holder[key] = result;
        }

        return new ExampleFindings(context.Adjustments, context.Undocumented);
    }

    private sealed record Where(string File, int Line, string Page, List<ExampleAdjustment> Adjustments, List<string> Undocumented, bool Request);

    private JsonObject Visit(JsonObject schema, JsonNode? value, string path, Where where, Action<JsonNode?> replace, bool requestSide)
    {
        var kind = SchemaTypes.KindOf(value);
        if (!SchemaTypes.Admits(schema, kind))
        {
            var documented = Describe(schema);
            var conflict = new JsonObject
            {
                ["documented"] = documented,
                ["observed"] = kind,
                ["page"] = where.Page,
                ["line"] = where.Line,
            };
            if (policy == TypeConflicts.Typed && Settle(schema, value, path, where, replace, conflict, requestSide) is { } settled)
            {
                return settled;
            }

            warnings.Add(where.File, where.Line, $"example value at {path} is {kind} but the table says {documented}; the schema now admits both");
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
                    var result = Visit(branch, value, path, where, replace, requestSide);
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

    /// <summary>
    /// The typed policy: keeps the documented type wherever the example can be read as it, or returns
    /// null when it cannot (the caller then widens).
    /// </summary>
    private JsonObject? Settle(JsonObject schema, JsonNode? value, string path, Where where, Action<JsonNode?> replace, JsonObject conflict, bool requestSide)
    {
        var kind = SchemaTypes.KindOf(value);
        JsonObject result;
        string outcome;
        if (value is null && schema["enum"] is null)
        {
            // A null where an optional value is documented: the property is nullable, its type stays.
            result = Nullable(schema.DeepClone().AsObject());
            outcome = "nullable";
        }
        else if (value is JsonArray array && array.Count > 0 && !Admits(schema, "array") && array.All(item => item is not null && SchemaTypes.Admits(schema, SchemaTypes.KindOf(item))))
        {
            // A list of what the table documents as one value: the example shows the multiplicity.
            result = Relocate(schema, s => new JsonObject { ["type"] = "array", ["items"] = s });
            outcome = "a list of " + Describe(schema);
            VisitInPlace(result, value, path, where, requestSide);
        }
        else if (value is JsonObject && schema["items"] is JsonObject items && SchemaTypes.Admits(items, kind) && !items.ContainsKey("anyOf"))
        {
            // One of what the table documents as a list.
            result = Relocate(schema, _ => items.DeepClone().AsObject());
            outcome = "one " + Describe(items);
            result = Visit(result, value, path, where, replace, requestSide);
        }
        else if (value is JsonValue scalar && SchemaTypes.TypesOf(schema) is { Count: 1 } types && Convert(scalar, types.First()) is { } converted)
        {
            // A number written as a string (or the reverse): the example is shown in the documented type.
            replace(converted);
            where.Adjustments.Add(new ExampleAdjustment(path, scalar.ToJsonString(), types.First()));
            warnings.Add(where.File, where.Line, $"example value {scalar.ToJsonString()} at {path} is {kind} but the table says {types.First()}; the example shows it as {converted.ToJsonString()} and the type stays");
            RecordConflict(schema, conflict);
            VisitInPlace(schema, converted, path, where, requestSide);
            return schema;
        }
        else
        {
            return null;
        }

        warnings.Add(where.File, where.Line, $"example value at {path} is {kind} but the table says {Describe(schema)}; the documented type stays, as {outcome}");
        conflict["resolution"] = outcome;
        RecordConflict(result, conflict);
        return result;
    }

    /// <summary>Wraps (or unwraps) a property schema, keeping its description and records on the outside.</summary>
    private static JsonObject Relocate(JsonObject schema, Func<JsonObject, JsonObject> reshape)
    {
        var inner = schema.DeepClone().AsObject();
        var outer = new JsonObject();
        foreach (var key in new[] { "description", "x-doc-type-conflict" })
        {
            if (inner[key] is { } node)
            {
                inner.Remove(key);
                outer[key] = node;
            }
        }

        var reshaped = reshape(inner);
        foreach (var (key, node) in outer.ToList())
        {
            outer.Remove(key);
            reshaped[key] = node;
        }

        return reshaped;
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue single:
                schema["type"] = new JsonArray(single.GetValue<string>(), "null");
                return schema;
            case JsonArray many:
                many.Add("null");
                return schema;
            default:
                return Relocate(schema, s => new JsonObject { ["anyOf"] = new JsonArray(s, new JsonObject { ["type"] = "null" }) });
        }
    }

    private static bool Admits(JsonObject schema, string kind) => SchemaTypes.TypesOf(schema) is { } types && types.Contains(kind);

    private static void RecordConflict(JsonObject schema, JsonObject conflict)
    {
        if (schema["x-doc-type-conflict"] is not JsonArray conflicts)
        {
            conflicts = [];
            schema["x-doc-type-conflict"] = conflicts;
        }

        conflicts.Add(conflict);
    }

    /// <summary>The value in the documented JSON type when it converts without loss, else null.</summary>
    private static JsonValue? Convert(JsonValue value, string type)
    {
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return (kind, type) switch
        {
            (JsonValueKind.String, "integer") when IntegerText().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            (JsonValueKind.String, "number") when NumberText().IsMatch(text) => JsonNode.Parse(text)!.AsValue(),
            (JsonValueKind.String, "boolean") when text is "true" or "false" => JsonValue.Create(text == "true"),
            (JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False, "string") => JsonValue.Create(text),
            _ => null,
        };
    }

    private void VisitInPlace(JsonObject schema, JsonNode? value, string path, Where where, bool requestSide)
    {
        if (value is JsonValue number && schema["format"]?.GetValue<string>() == "int32" && SchemaTypes.KindOf(number) == "integer"
            && !int.TryParse(number.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            // "Integer" in a table, a timestamp in milliseconds in the example: the value needs 64 bits.
            warnings.Add(where.File, where.Line, $"example value {number.ToJsonString()} at {path} does not fit the table's Integer (int32); the format is int64");
            schema["format"] = "int64";
            RecordConflict(schema, new JsonObject
            {
                ["documented"] = "int32",
                ["observed"] = "int64",
                ["page"] = where.Page,
                ["line"] = where.Line,
            });
        }

        if (value is JsonValue stringValue && stringValue.GetValueKind() == JsonValueKind.String)
        {
            CheckFormats(schema, stringValue, path, where, requestSide);
        }

        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                if (where.Request && schema["x-required-in-requests"] is JsonArray mandatory)
                {
                    // What the request table marks Mandatory and the request example leaves out: the page contradicts itself.
                    foreach (var missing in mandatory.Select(m => m!.GetValue<string>()).Where(m => !obj.ContainsKey(m)))
                    {
                        warnings.Add(where.File, where.Line, $"example at {path} lacks '{missing}', which the request table marks Mandatory; the example is listed in example-exceptions.json");
                        where.Undocumented.Add($"no '{missing}' at {path}, which the request table marks Mandatory");
                    }
                }

                foreach (var (name, child) in obj.ToList())
                {
                    var childPath = path + "." + name;
                    if (properties[name] is JsonObject property)
                    {
                        var result = Visit(property, child, childPath, where, v => obj[name] = v, requestSide);
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
                    var result = Visit(current, child, path + "." + name, where, v => obj[name] = v, requestSide);
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
                    var index = i;
                    var result = Visit(current, array[i], $"{path}[{i}]", where, v => array[index] = v, requestSide);
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
                        where.Undocumented.Add($"{text} at {path}, which the documented options do not list");
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

    /// <summary>
    /// A string the documented format (<c>pattern</c>) rejects: on a schema requests use the format stays and the
    /// example is listed as an exception; on a response-only schema the example shows what the service answers, so
    /// the pattern (and its citation) goes.
    /// </summary>
    private void CheckFormats(JsonObject schema, JsonValue value, string path, Where where, bool requestSide)
    {
        var text = value.GetValue<string>();
        var patterns = new List<(JsonObject Holder, string Pattern)>();
        if (schema["pattern"]?.GetValue<string>() is { } own)
        {
            patterns.Add((schema, own));
        }

        patterns.AddRange((schema["allOf"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(entry => entry.Count == 1 && entry["pattern"] is not null)
            .Select(entry => (entry, entry["pattern"]!.GetValue<string>())));
        foreach (var (holder, pattern) in patterns)
        {
            if (Matches(pattern, text))
            {
                continue;
            }

            if (requestSide)
            {
                warnings.Add(where.File, where.Line, $"example value {value.ToJsonString()} at {path} does not match the documented format {pattern} of a schema requests use; the format stays and the example is listed in example-exceptions.json");
                where.Undocumented.Add($"{value.ToJsonString()} at {path}, which does not match the documented format {pattern}");
                continue;
            }

            warnings.Add(where.File, where.Line, $"example value {value.ToJsonString()} at {path} does not match the format {pattern} the prose states; the response shows other values, so the pattern is not extracted");
            if (ReferenceEquals(holder, schema))
            {
                schema.Remove("pattern");
                schema.Remove("format");
                Uncite(schema, "pattern", "format");
            }
            else
            {
                var allOf = schema["allOf"]!.AsArray();
                allOf.Remove(holder);
                if (allOf.Count == 0)
                {
                    schema.Remove("allOf");
                    Uncite(schema, "allOf");
                }
            }
        }
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return true; // a pattern .NET cannot read is for the linters to judge, not a reason to drop it
        }
    }

    /// <summary>Removes the keywords from the schema's citations, and a citation that is left citing nothing.</summary>
    private static void Uncite(JsonObject schema, params string[] keywords)
    {
        if (schema["x-doc-source"] is not JsonArray sources)
        {
            return;
        }

        foreach (var source in sources.OfType<JsonObject>().ToList())
        {
            if (source["keywords"] is JsonArray cited)
            {
                foreach (var keyword in cited.Where(k => keywords.Contains(k?.GetValue<string>())).ToList())
                {
                    cited.Remove(keyword);
                }

                if (cited.Count == 0)
                {
                    sources.Remove(source);
                }
            }
        }

        if (sources.Count == 0)
        {
            schema.Remove("x-doc-source");
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

    [GeneratedRegex(@"^-?\d{1,18}$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$")]
    private static partial Regex NumberText();
}
