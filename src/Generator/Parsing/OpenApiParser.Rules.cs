using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

/// <summary>
/// Rules between fields: <c>not</c>, <c>anyOf</c>/<c>oneOf</c> of <c>required</c> lists, <c>if</c>/<c>then</c>/<c>else</c>
/// and <c>dependentRequired</c>, whose conditions test <c>const</c>/<c>enum</c>/presence/<c>minItems</c>/<c>contains</c>
/// of any property the model reaches (nested paths included) and whose consequences are <c>required</c>, <c>const</c>,
/// <c>enum</c>, <c>not</c>, <c>pattern</c>, ranges and lengths, also on every item of a list (<c>items</c>).
/// Any other shape is MAG003 at its location.
/// </summary>
internal sealed partial class OpenApiParser
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "$comment", "examples", "example", "default", "deprecated", "readOnly", "writeOnly", "format", "type", "nullable",
    };

    private void ReadRules(ModelBuilder model, JsonElement schema, string[] pointer)
    {
        if (schema.TryGetProperty("not", out var not))
        {
            ReadNot(model, schema, not, Append(pointer, "not"));
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            // On a model (or one of its allOf parts) alternatives can only be groups of required properties.
            if (schema.TryGetProperty(keyword, out var alternatives))
            {
                ReadAlternatives(model, schema, keyword, alternatives, Append(pointer, keyword));
            }
        }

        if (schema.TryGetProperty("if", out var condition))
        {
            ReadConditional(model, schema, condition, pointer);
        }
        else if (schema.TryGetProperty("then", out _) || schema.TryGetProperty("else", out _))
        {
            Report(Diagnostics.Unsupported, Append(pointer, schema.TryGetProperty("then", out _) ? "then" : "else"), "'then'/'else' without 'if'; it is not checked");
        }

        if (schema.TryGetProperty("dependentRequired", out var dependent))
        {
            ReadDependentRequired(model, dependent, Append(pointer, "dependentRequired"));
        }

        foreach (var keyword in new[] { "dependentSchemas", "patternProperties", "propertyNames", "minProperties", "maxProperties", "unevaluatedProperties" })
        {
            if (schema.TryGetProperty(keyword, out _))
            {
                Report(Diagnostics.Unsupported, Append(pointer, keyword), $"'{keyword}' on an object; it is not checked");
            }
        }
    }

    /// <summary><c>not: {required: [a, b]}</c> is "not both"; <c>not: {required: [a]}</c> is "never a".</summary>
    private void ReadNot(ModelBuilder model, JsonElement owner, JsonElement not, string[] pointer)
    {
        var names = StringList(not, "required");
        var onlyRequired = not.ValueKind == JsonValueKind.Object && not.EnumerateObject().All(k => k.Name == "required" || Annotations.Contains(k.Name) || k.Name.StartsWith("x-", StringComparison.Ordinal));
        if (!onlyRequired || names.Count is < 1 or > 2 || !names.All(model.Names.ContainsKey))
        {
            Report(Diagnostics.Unsupported, pointer, "'not' other than 'not: {required: [a]}' or 'not: {required: [a, b]}' over properties of the schema; it is not checked");
            return;
        }

        var steps = names.Select(n => Step(model, n)).ToList();
        if (steps.Count == 2)
        {
            var message = Sentence(not) ?? $"{names[0]} and {names[1]} cannot both be set";
            model.Rules.Add(new RuleSpec(RuleKind.Exclusive, "not", [new TestSpec([steps[0]], TestKind.Present, [])], [new TestSpec([steps[1]], TestKind.Absent, [])], [], message, [], []));
            return;
        }

        model.Rules.Add(new RuleSpec(RuleKind.Conditional, "not", [], [new TestSpec([steps[0]], TestKind.Absent, [])], [], Message(owner) ?? $"{names[0]} must not be set", [], []));
    }

    /// <summary><c>anyOf</c>/<c>oneOf</c> whose alternatives list required properties of the schema ("name or id").</summary>
    private void ReadAlternatives(ModelBuilder model, JsonElement owner, string keyword, JsonElement alternatives, string[] pointer)
    {
        if (!RequiredAlternatives(alternatives, default) || !alternatives.EnumerateArray().All(a => StringList(a, "required").All(model.Names.ContainsKey)))
        {
            Report(Diagnostics.Unsupported, pointer, $"'{keyword}' on an object other than alternatives of required properties of the schema; it is not checked");
            return;
        }

        var lists = alternatives.EnumerateArray().Select(a => StringList(a, "required")).ToList();
        var described = string.Join(" or ", lists.Select(l => string.Join(" and ", l)));
        // The documentation's own sentence when the rule carries one (a schema's description is about the schema, not the rule).
        var documented = owner.TryGetProperty("x-doc-source", out _) && Sentence(owner) is { } sentence ? ": " + sentence : string.Empty;
        model.Rules.Add(new RuleSpec(
            keyword == "anyOf" ? RuleKind.AtLeastOne : RuleKind.ExactlyOne,
            keyword,
            [],
            [],
            [],
            (keyword == "anyOf" ? $"set {described}" : $"set exactly one of {described}") + documented,
            lists.Select(l => string.Join(",", l.Select(n => model.Names[n]))).ToEquatableArray(),
            lists.Select(l => string.Join(",", l)).ToEquatableArray()));
    }

    private void ReadConditional(ModelBuilder model, JsonElement schema, JsonElement condition, string[] pointer)
    {
        var when = new List<TestSpec>();
        var then = new List<TestSpec>();
        var otherwise = new List<TestSpec>();
        if (!ParseTests(condition, [], model, isCondition: true, when, Append(pointer, "if")))
        {
            return;
        }

        if (schema.TryGetProperty("then", out var consequence) && !ParseTests(consequence, [], model, isCondition: false, then, Append(pointer, "then")))
        {
            return;
        }

        if (schema.TryGetProperty("else", out var alternative) && !ParseTests(alternative, [], model, isCondition: false, otherwise, Append(pointer, "else")))
        {
            return;
        }

        if (then.Count + otherwise.Count == 0)
        {
            return; // nothing to check
        }

        var message = Message(schema) ?? $"{Describe(then.Count > 0 ? then : otherwise)} when {Describe(when)}";
        model.Rules.Add(new RuleSpec(RuleKind.Conditional, "if-then", when.ToEquatableArray(), then.ToEquatableArray(), otherwise.ToEquatableArray(), message, [], []));
    }

    private void ReadDependentRequired(ModelBuilder model, JsonElement dependent, string[] pointer)
    {
        foreach (var entry in Objects(dependent))
        {
            var names = entry.Value.ValueKind == JsonValueKind.Array ? entry.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList() : [];
            if (!model.Names.ContainsKey(entry.Name) || names.Count == 0 || !names.All(model.Names.ContainsKey))
            {
                Report(Diagnostics.Unsupported, Append(pointer, entry.Name), "'dependentRequired' naming a property the schema does not have; it is not checked");
                continue;
            }

            model.Rules.Add(new RuleSpec(
                RuleKind.Conditional,
                "dependentRequired",
                [new TestSpec([Step(model, entry.Name)], TestKind.Present, [])],
                names.Select(n => new TestSpec([Step(model, n)], TestKind.Present, [])).ToEquatableArray(),
                [],
                $"{string.Join(" and ", names)} {(names.Count == 1 ? "is" : "are")} required when {entry.Name} is set",
                [],
                []));
        }
    }

    /// <summary>
    /// The tests a subschema states about the value at <paramref name="path"/> (the model itself when empty).
    /// Returns false, having reported MAG003, when the subschema uses a keyword outside the supported set.
    /// </summary>
    private bool ParseTests(JsonElement schema, List<StepSpec> path, ModelBuilder? owner, bool isCondition, List<TestSpec> tests, string[] pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Unsupported(pointer, "a condition or consequence that is not an object");
        }

        var value = path.Count == 0 ? null : path[path.Count - 1].Type;
        foreach (var keyword in schema.EnumerateObject())
        {
            var at = Append(pointer, keyword.Name);
            switch (keyword.Name)
            {
                case var annotation when Annotations.Contains(annotation) || annotation.StartsWith("x-", StringComparison.Ordinal):
                    break;
                case "required" when owner is not null:
                    foreach (var name in StringList(schema, "required"))
                    {
                        if (!owner.Names.ContainsKey(name))
                        {
                            return Unsupported(at, $"'required' names '{name}', which the schema does not have");
                        }

                        tests.Add(new TestSpec([.. path, Step(owner, name)], TestKind.Present, []));
                    }

                    break;
                case "properties" when owner is not null:
                    foreach (var property in Objects(keyword.Value))
                    {
                        if (!owner.Names.ContainsKey(property.Name))
                        {
                            return Unsupported(Append(at, property.Name), $"'{property.Name}' is no property of the schema");
                        }

                        var step = Step(owner, property.Name);
                        if (!ParseTests(property.Value, [.. path, step], OwnerOf(step.Type), isCondition, tests, Append(at, property.Name)))
                        {
                            return false;
                        }
                    }

                    break;
                case "const":
                    tests.Add(new TestSpec([.. path], TestKind.In, [keyword.Value.GetRawText()]));
                    break;
                case "enum" when keyword.Value.ValueKind == JsonValueKind.Array:
                    tests.Add(new TestSpec([.. path], TestKind.In, keyword.Value.EnumerateArray().Select(v => v.GetRawText()).ToEquatableArray()));
                    break;
                case "not":
                    if (!ParseNegation(keyword.Value, path, owner, tests, at))
                    {
                        return false;
                    }

                    break;
                case "pattern" when keyword.Value.ValueKind == JsonValueKind.String:
                    tests.Add(new TestSpec([.. path], TestKind.Pattern, [], keyword.Value.GetString()));
                    break;
                case "minItems" when keyword.Value.TryGetInt32(out var count):
                    tests.Add(new TestSpec([.. path], TestKind.CountAtLeast, [], Count: count));
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" when keyword.Value.ValueKind == JsonValueKind.Number:
                    string Bound(string name) => schema.TryGetProperty(name, out var b) && b.ValueKind == JsonValueKind.Number ? b.GetRawText() : string.Empty;
                    if (!tests.Any(t => t.Kind == TestKind.Range && t.Path.SequenceEqual(path)))
                    {
                        tests.Add(new TestSpec([.. path], TestKind.Range, [Bound("minimum"), Bound("maximum"), Bound("exclusiveMinimum"), Bound("exclusiveMaximum")]));
                    }

                    break;
                case "minLength" or "maxLength" when keyword.Value.ValueKind == JsonValueKind.Number:
                    string LengthBound(string name) => schema.TryGetProperty(name, out var b) && b.ValueKind == JsonValueKind.Number ? b.GetRawText() : string.Empty;
                    if (!tests.Any(t => t.Kind == TestKind.Length && t.Path.SequenceEqual(path)))
                    {
                        tests.Add(new TestSpec([.. path], TestKind.Length, [LengthBound("minLength"), LengthBound("maxLength")]));
                    }

                    break;
                case "contains" when isCondition && value is { Kind: TypeKind.List }:
                    var inner = new List<TestSpec>();
                    var item = new StepSpec(string.Empty, string.Empty, value.Element!);
                    if (!ParseTests(keyword.Value, [item], OwnerOf(value.Element!), isCondition, inner, at))
                    {
                        return false;
                    }

                    tests.Add(new TestSpec([.. path], TestKind.Contains, [], Inner: inner.Select(t => t with { Path = t.Path.Skip(1).ToEquatableArray() }).ToEquatableArray()));
                    break;
                case "items" when !isCondition && value is { Kind: TypeKind.List }:
                    var each = new StepSpec(string.Empty, string.Empty, value.Element!);
                    if (!ParseTests(keyword.Value, [.. path, each], OwnerOf(value.Element!), isCondition, tests, at))
                    {
                        return false;
                    }

                    break;
                default:
                    return Unsupported(at, $"'{keyword.Name}' in {(isCondition ? "an 'if' condition" : "a consequence")} (supported: const, enum, required, properties, not, pattern, minItems, contains, items, ranges, lengths)");
            }
        }

        return true;
    }

    /// <summary><c>not: {const}</c>, <c>not: {enum}</c> and <c>not: {required: [a]}</c>.</summary>
    private bool ParseNegation(JsonElement schema, List<StepSpec> path, ModelBuilder? owner, List<TestSpec> tests, string[] pointer)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("const", out var constant))
        {
            tests.Add(new TestSpec([.. path], TestKind.NotIn, [constant.GetRawText()]));
            return true;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            tests.Add(new TestSpec([.. path], TestKind.NotIn, values.EnumerateArray().Select(v => v.GetRawText()).ToEquatableArray()));
            return true;
        }

        var names = StringList(schema, "required");
        if (owner is not null && names.Count == 1 && owner.Names.ContainsKey(names[0]))
        {
            tests.Add(new TestSpec([.. path, Step(owner, names[0])], TestKind.Absent, []));
            return true;
        }

        return Unsupported(pointer, "'not' other than not-const, not-enum or not-required of one property");
    }

    private bool Unsupported(string[] pointer, string what)
    {
        Report(Diagnostics.Unsupported, pointer, what + "; the rule is not checked");
        return false;
    }

    private static StepSpec Step(ModelBuilder owner, string jsonName) =>
        new(owner.Names[jsonName], jsonName, owner.Properties.FirstOrDefault(p => p.JsonName == jsonName)?.Type ?? TypeSpec.Json);

    private ModelBuilder? OwnerOf(TypeSpec type) => type.Kind == TypeKind.Model && _modelsByName.TryGetValue(type.Name!, out var model) ? model : null;

    /// <summary>The rule's own words: its <c>description</c>, or the message of the older <c>x-doc-conditions</c>.</summary>
    private static string? Message(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Description(schema) is { Length: > 0 } description)
        {
            return description;
        }

        return schema.TryGetProperty("x-doc-conditions", out var docs) && docs.ValueKind == JsonValueKind.Array && docs.GetArrayLength() > 0
            && docs[0].TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
    }

    /// <summary>The sentence a rule cites (<c>x-doc-source</c>), else its description.</summary>
    private static string? Sentence(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("x-doc-source", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0
        && s[0].ValueKind == JsonValueKind.Object && s[0].TryGetProperty("sentence", out var sentence) && sentence.ValueKind == JsonValueKind.String
            ? sentence.GetString()
            : Description(schema);

    private static string Describe(IEnumerable<TestSpec> tests) => string.Join(" and ", tests.Select(t => t.Kind switch
    {
        TestKind.Present => t.JsonPath + " is required",
        TestKind.Absent => t.JsonPath + " must not be set",
        TestKind.In => t.Values.Length == 1 ? $"{t.JsonPath} is {t.Values[0]}" : $"{t.JsonPath} is one of {string.Join(", ", t.Values)}",
        TestKind.NotIn => $"{t.JsonPath} is not {string.Join(" or ", t.Values)}",
        TestKind.Pattern => $"{t.JsonPath} matches {t.Pattern}",
        TestKind.CountAtLeast => $"{t.JsonPath} has {t.Count} or more items",
        TestKind.Contains => $"{t.JsonPath} has an item where {Describe(t.InnerTests)}",
        TestKind.Range => $"{t.JsonPath} is within its range",
        _ => $"{t.JsonPath} has its length",
    }));
}
