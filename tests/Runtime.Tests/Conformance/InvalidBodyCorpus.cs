using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelArts.Runtime.Tests.Conformance;

/// <summary>One step from a request body's root to a value: a property, or the first item of an array.</summary>
internal sealed record PathStep(string? Property, JsonObject Schema)
{
    public string Segment => Property ?? "0";
}

/// <summary>
/// A request body that breaks exactly one constraint of the spec: <paramref name="Constraint"/> is the keyword's
/// JSON pointer in the spec, <paramref name="Field"/> the offending value's location in <paramref name="Json"/>.
/// <paramref name="PrismCannotCheck"/> says why Prism accepts it when it is a rule only the runtime can check.
/// </summary>
internal sealed record InvalidBody(string Constraint, string Keyword, string OperationId, string Json, IReadOnlyList<string> Field, string? PrismCannotCheck)
{
    public override string ToString() => $"{OperationId}: {Constraint}";
}

/// <summary>A keyword of a request schema the corpus has no invalid body for, and why none can exist.</summary>
internal sealed record UncoveredKeyword(string Constraint, string Keyword, string Reason);

/// <summary>
/// The invalid-body corpus of one document of <c>spec/</c>: for every constraint keyword of every schema reachable
/// from a request body, the first documented example of the first operation that reaches it (one the runtime accepts:
/// an example the documentation contradicts is repaired first), changed so that it breaks that keyword and nothing
/// else. Parents the example lacks are filled with the smallest valid value. Rules between fields (<c>allOf</c> entries
/// of <c>if</c>/<c>then</c>, <c>not</c>, <c>anyOf</c>) are broken on the object they stand on. Keywords the corpus cannot
/// break are listed in <see cref="Uncovered"/>, with the reason; a keyword it does not know is listed there as unknown,
/// which the coverage test refuses.
/// </summary>
internal sealed class InvalidBodyCorpus
{
    /// <summary>Shape keywords: the schema walk follows them; they constrain nothing on their own.</summary>
    private static readonly HashSet<string> Structural =
    [
        "$ref", "type", "properties", "items", "description", "title", "example", "examples", "default",
        "deprecated", "readOnly", "writeOnly", "then",
    ];

    /// <summary>Formats Prism does not know: JSON Schema 2020-12 formats are annotations, and Prism asserts only ajv-formats'.</summary>
    private static readonly HashSet<string> CustomFormats = ["decimal-range", "date-period"];

    private static readonly Dictionary<SpecDocument, InvalidBodyCorpus> Built = SpecDocument.All.ToDictionary(d => d, d => new InvalidBodyCorpus(d));

    private readonly SpecDocument _spec;

    private InvalidBodyCorpus(SpecDocument spec)
    {
        _spec = spec;
        (Bodies, Uncovered) = Build();
    }

    public IReadOnlyList<InvalidBody> Bodies { get; }

    public IReadOnlyList<UncoveredKeyword> Uncovered { get; }

    public static InvalidBodyCorpus For(SpecDocument spec) => Built[spec];

    public InvalidBody Get(string constraint) => Bodies.Single(b => b.Constraint == constraint);

    private (IReadOnlyList<InvalidBody>, IReadOnlyList<UncoveredKeyword>) Build()
    {
        var walk = new Walk(this);
        foreach (var operation in _spec.Operations)
        {
            if (operation.BodySchema is { } schema)
            {
                if (operation.BodyExamples.Count == 0)
                {
                    walk.Uncovered.Add(new UncoveredKeyword(operation.OperationId, "requestBody", "unknown: the operation has a body but no documented example to start from"));
                    continue;
                }

                walk.Operation = operation;
                walk.Visit(schema, $"#/paths/{Escape(operation.PathTemplate)}/{operation.Method}/requestBody/content/application~1json/schema", []);
            }
        }

        return (walk.Bodies, walk.Uncovered);
    }

    /// <summary>The property lists of alternatives that only say which properties are required ("name or id"); else null.</summary>
    private static List<List<string>>? RequiredAlternatives(JsonArray alternatives)
    {
        var lists = new List<List<string>>();
        foreach (var alternative in alternatives)
        {
            if (alternative is not JsonObject rule || rule.Any(k => k.Key is not ("required" or "description" or "title") && !k.Key.StartsWith("x-", StringComparison.Ordinal))
                || SpecDocument.Strings(rule["required"]).ToList() is not { Count: > 0 } names)
            {
                return null;
            }

            lists.Add(names);
        }

        return lists.Count > 0 ? lists : null;
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private sealed class Walk(InvalidBodyCorpus corpus)
    {
        private readonly HashSet<string> _visited = [];

        public SpecOperation Operation { get; set; } = null!;

        public JsonObject RootSchema => Operation.BodySchema!;

        public List<InvalidBody> Bodies { get; } = [];

        public List<UncoveredKeyword> Uncovered { get; } = [];

        /// <param name="owner">The object schema whose properties the keywords name: the schema itself, or for an <c>allOf</c> entry the schema holding it.</param>
        public void Visit(JsonObject schema, string pointer, IReadOnlyList<PathStep> steps, JsonObject? owner = null)
        {
            owner = corpus._spec.Resolve(owner ?? schema).Schema;
            foreach (var (keyword, value) in schema)
            {
                var at = pointer + "/" + Escape(keyword);
                if (keyword == "x-required-in-requests")
                {
                    foreach (var name in SpecDocument.Strings(value))
                    {
                        Add($"{at}/{name}", "required", steps, (root, field) =>
                        {
                            corpus.At(root, RootSchema, steps).AsObject().Remove(name);
                            field.Add(name);
                        }, "x-required-in-requests is this project's extension: Prism sees a property a response may omit; Validate() requires it in requests");
                    }

                    continue;
                }

                if (Structural.Contains(keyword) || keyword.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                try
                {
                    switch (keyword)
                    {
                        case "required":
                            foreach (var name in SpecDocument.Strings(value))
                            {
                                Add($"{at}/{name}", keyword, steps, (root, field) =>
                                {
                                    corpus.At(root, RootSchema, steps).AsObject().Remove(name);
                                    field.Add(name);
                                });
                            }

                            break;
                        case "not":
                            Add(at, keyword, steps, (root, _) => corpus.BreakNot(corpus.At(root, RootSchema, steps).AsObject(), owner, value!.AsObject(), at));
                            break;
                        case "if":
                            Add(at, keyword, steps, (root, field) => corpus.BreakIfThen(corpus.At(root, RootSchema, steps).AsObject(), owner, value!.AsObject(), schema["then"]?.AsObject() ?? throw new InvalidOperationException($"{at}: if without then"), field));
                            break;
                        case "additionalProperties" when value is JsonObject:
                            Uncovered.Add(new UncoveredKeyword(at, keyword, "a type rule on map values: the generated reader rejects a mismatch before Validate runs (ModelArtsJsonException)"));
                            break;
                        case "additionalProperties":
                            Uncovered.Add(new UncoveredKeyword(at, keyword, "unknown: boolean additionalProperties"));
                            break;
                        case "anyOf" or "oneOf" when RequiredAlternatives(value!.AsArray()) is { } alternatives:
                            Add(at, keyword, steps, (root, _) =>
                            {
                                var target = corpus.At(root, RootSchema, steps).AsObject();
                                foreach (var name in alternatives.SelectMany(a => a))
                                {
                                    target.Remove(name); // no alternative holds
                                }
                            });
                            break;
                        case "anyOf" or "oneOf" or "allOf":
                            Uncovered.Add(new UncoveredKeyword(at, keyword, $"a type rule: the generated reader maps '{keyword}' alternatives by JSON token and rejects other tokens before Validate runs"));
                            break;
                        case "format" when value!.GetValue<string>() is "float" or "double":
                            Uncovered.Add(new UncoveredKeyword(at, keyword, $"no JSON number breaks format '{value}': ajv-formats (Prism) and the generated reader accept every number"));
                            break;
                        case "format" when schema["pattern"] is not null && !CustomFormats.Contains(value!.GetValue<string>()):
                            Uncovered.Add(new UncoveredKeyword(at, keyword, $"format '{value}' names the value form for messages; the pattern beside it is the rule, and its invalid body is the pattern's"));
                            break;
                        case "minLength" when SpecDocument.Integer(value, 0) == 0:
                            Uncovered.Add(new UncoveredKeyword(at, keyword, "minLength 0 holds for every string"));
                            break;
                        case "minLength" or "maxLength" or "pattern" or "enum" or "const" or "minimum" or "maximum"
                            or "exclusiveMinimum" or "exclusiveMaximum" or "minItems" or "maxItems" or "format":
                            var invalid = corpus.InvalidValue(keyword, schema, at, owner);
                            var cannotCheck = keyword == "format" && CustomFormats.Contains(value!.GetValue<string>())
                                ? $"format '{value}' is an annotation to Prism: JSON Schema 2020-12 does not assert formats, and Prism asserts only the ajv-formats set"
                                : null;
                            Add(at, keyword, steps, (root, _) => corpus.Put(root, RootSchema, steps, invalid.DeepClone()), cannotCheck);
                            break;
                        default:
                            Uncovered.Add(new UncoveredKeyword(at, keyword, "unknown: the corpus does not know this keyword"));
                            break;
                    }
                }
                catch (InvalidOperationException e)
                {
                    Uncovered.Add(new UncoveredKeyword(at, keyword, "unknown: " + e.Message));
                }
            }

            if (schema["$ref"] is JsonValue reference)
            {
                var (target, targetPointer) = corpus._spec.Resolve(schema);
                if (_visited.Add(targetPointer!))
                {
                    Visit(target, "#/components/schemas/" + Escape(reference.GetValue<string>()["#/components/schemas/".Length..]), steps);
                }
            }

            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, property) in properties)
                {
                    Visit(property!.AsObject(), $"{pointer}/properties/{Escape(name)}", [.. steps, new PathStep(name, property.AsObject())]);
                }
            }

            if (schema["items"] is JsonObject items)
            {
                Visit(items, pointer + "/items", [.. steps, new PathStep(null, items)]);
            }

            // The constraints inside alternatives are still constraints: walk them at the same place
            // (alternatives that only list required properties are one presence rule, recorded above).
            foreach (var combinator in (string[])["anyOf", "oneOf", "allOf"])
            {
                if (schema[combinator] is JsonArray alternatives && RequiredAlternatives(alternatives) is null)
                {
                    for (var i = 0; i < alternatives.Count; i++)
                    {
                        Visit(alternatives[i]!.AsObject(), $"{pointer}/{combinator}/{i}", steps, combinator == "allOf" ? owner : null);
                    }
                }
            }
        }

        /// <summary>Records the body <paramref name="breakIt"/> makes of the operation's base example.</summary>
        private void Add(string constraint, string keyword, IReadOnlyList<PathStep> steps, Action<JsonObject, List<string>> breakIt, string? prismCannotCheck = null)
        {
            var root = corpus.BaseExample(Operation).DeepClone().AsObject();
            var field = steps.Select(s => s.Segment).ToList();
            breakIt(root, field);
            var json = root.ToJsonString();
            if (Bodies.FirstOrDefault(b => b.OperationId == Operation.OperationId && b.Json == json) is { } same)
            {
                // Two keywords no value breaks one at a time (a pattern every value of another pattern also matches).
                Uncovered.Add(new UncoveredKeyword(constraint, keyword, $"no body breaks it without breaking {same.Constraint}; that constraint's body breaks both"));
                return;
            }

            Bodies.Add(new InvalidBody(constraint, keyword, Operation.OperationId, json, field, prismCannotCheck));
        }
    }

    private readonly Dictionary<SpecOperation, JsonObject> _bases = [];

    /// <summary>
    /// The example invalid bodies start from: the first documented example the runtime accepts, or, when the
    /// documentation contradicts every one (spec/example-exceptions.json), the first with each refused value replaced
    /// by the smallest valid one.
    /// </summary>
    private JsonObject BaseExample(SpecOperation operation)
    {
        if (_bases.TryGetValue(operation, out var known))
        {
            return known;
        }

        var accepted = operation.BodyExamples.Select(e => e.Value.AsObject()).FirstOrDefault(e => GeneratedClientCalls.Rejections(operation, e.ToJsonString()).Count == 0);
        if (accepted is null)
        {
            accepted = operation.BodyExamples[0].Value.DeepClone().AsObject();
            foreach (var field in GeneratedClientCalls.Rejections(operation, accepted.ToJsonString()).Keys)
            {
                var segments = field.Split('/');
                var parent = segments.SkipLast(1).Aggregate((JsonNode)accepted, (node, s) => node is JsonArray a ? a[int.Parse(s, CultureInfo.InvariantCulture)]! : node[s]!);
                var value = _spec.Valid(_spec.SchemaAt(operation.BodySchema!, segments));
                if (parent is JsonArray items)
                {
                    items[int.Parse(segments[^1], CultureInfo.InvariantCulture)] = value;
                }
                else
                {
                    parent[segments[^1]] = value;
                }
            }
        }

        return _bases[operation] = accepted;
    }

    /// <summary>The value at <paramref name="steps"/>, creating the smallest valid parents (and first items) on the way.</summary>
    private JsonNode At(JsonObject root, JsonObject rootSchema, IReadOnlyList<PathStep> steps)
    {
        JsonNode current = root;
        var schema = rootSchema;
        foreach (var step in steps)
        {
            if (step.Property is { } name)
            {
                var parent = current.AsObject();
                if (parent[name] is null)
                {
                    parent[name] = _spec.Valid(step.Schema);
                    KeepExclusive(parent, schema, name);
                }

                current = parent[name]!;
            }
            else
            {
                var array = current.AsArray();
                if (array.Count == 0)
                {
                    array.Add(_spec.Valid(step.Schema));
                }

                current = array[0]!;
            }

            schema = step.Schema;
        }

        return current;
    }

    private void Put(JsonObject root, JsonObject rootSchema, IReadOnlyList<PathStep> steps, JsonNode value)
    {
        if (steps.Count == 0)
        {
            throw new InvalidOperationException("a value constraint on the body itself");
        }

        var parentSteps = steps.Take(steps.Count - 1).ToList();
        var parent = At(root, rootSchema, parentSteps);
        var last = steps[^1];
        if (last.Property is { } name)
        {
            parent.AsObject()[name] = value;
            KeepExclusive(parent.AsObject(), parentSteps.Count == 0 ? rootSchema : parentSteps[^1].Schema, name);
        }
        else if (parent.AsArray() is { Count: 0 } empty)
        {
            empty.Add(value);
        }
        else
        {
            parent.AsArray()[0] = value;
        }
    }

    /// <summary>Setting one of a <c>not: {required: [a, b]}</c> group removes the others, so only the intended rule breaks.</summary>
    private void KeepExclusive(JsonObject value, JsonObject schema, string name)
    {
        var resolved = _spec.Resolve(schema).Schema;
        var groups = (resolved["allOf"]?.AsArray() ?? []).Select(e => e?["not"]).Prepend(resolved["not"]);
        foreach (var exclusive in groups.Select(g => SpecDocument.Strings(g?["required"]).ToList()).Where(g => g.Contains(name)))
        {
            foreach (var other in exclusive.Where(o => o != name))
            {
                value.Remove(other);
            }
        }
    }

    /// <summary>
    /// <c>not: {required: [a, b]}</c>: give the object every one of them, and take away what another such group pairs
    /// with them (<c>data_url</c> with <c>dataset_id</c> and, in another group, with <c>dataset_version_id</c>), so this
    /// group alone breaks.
    /// </summary>
    private void BreakNot(JsonObject value, JsonObject schema, JsonObject not, string at)
    {
        var names = SpecDocument.Strings(not["required"]).ToList();
        if (names.Count == 0 || not.Any(p => p.Key is not ("required" or "description") && !p.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{at}: only 'not: {{required: [...]}}' is supported");
        }

        var resolved = _spec.Resolve(schema).Schema;
        var groups = (resolved["allOf"]?.AsArray() ?? []).Select(e => e?["not"]).Prepend(resolved["not"])
            .Select(g => SpecDocument.Strings(g?["required"]).ToList())
            .Where(g => g.Count > 0 && !g.ToHashSet().SetEquals(names) && g.Intersect(names).Any());
        foreach (var partner in groups.SelectMany(g => g.Except(names)))
        {
            value.Remove(partner);
        }

        foreach (var name in names)
        {
            value[name] ??= _spec.Valid(_spec.Property(schema, name));
        }
    }

    /// <summary>Makes <paramref name="condition"/> hold on <paramref name="value"/>, then breaks <paramref name="then"/>.</summary>
    private void BreakIfThen(JsonObject value, JsonObject schema, JsonObject condition, JsonObject then, List<string> field)
    {
        Satisfy(value, schema, condition);
        BreakThen(value, schema, then, field);
    }

    /// <summary>Gives <paramref name="value"/> what <paramref name="condition"/> tests: a const, an enum's first value, a count, an item that matches, nested properties.</summary>
    private void Satisfy(JsonObject value, JsonObject schema, JsonObject condition)
    {
        foreach (var (name, rule) in condition["properties"]?.AsObject() ?? [])
        {
            var property = _spec.Property(schema, name);
            var resolved = _spec.Resolve(property).Schema;
            if (rule!["const"] is { } constant)
            {
                value[name] = constant.DeepClone();
            }
            else if (rule["enum"] is JsonArray { Count: > 0 } options)
            {
                value[name] = options[0]!.DeepClone();
            }
            else if (rule["minItems"] is { } minItems)
            {
                var items = new JsonArray();
                for (var i = 0; i < SpecDocument.Integer(minItems, 0); i++)
                {
                    items.Add(_spec.Valid(resolved["items"]!.AsObject()));
                }

                value[name] = items;
            }
            else if (rule["contains"] is JsonObject contains)
            {
                if (value[name] is not JsonArray list)
                {
                    value[name] = list = [];
                }

                if (list.Count == 0)
                {
                    list.Add(_spec.Valid(resolved["items"]!.AsObject()));
                }

                Satisfy(list[0]!.AsObject(), resolved["items"]!.AsObject(), contains);
            }
            else if (rule["properties"] is not null || rule["required"] is not null)
            {
                if (value[name] is not JsonObject child)
                {
                    value[name] = child = _spec.Valid(property).AsObject();
                }

                Satisfy(child, property, rule.AsObject());
            }
            else
            {
                throw new InvalidOperationException($"unsupported if condition on '{name}': {rule.ToJsonString()}");
            }
        }

        foreach (var name in SpecDocument.Strings(condition["required"]))
        {
            value[name] ??= _spec.Valid(_spec.Property(schema, name));
        }
    }

    /// <summary>
    /// Breaks one rule of <paramref name="then"/> on <paramref name="value"/>: a value outside its enum, the const its
    /// <c>not</c> forbids, a value its pattern refuses, a property its <c>not: {required}</c> forbids, or a required one
    /// removed; nested objects and list items are entered. <paramref name="field"/> grows to the offending field.
    /// </summary>
    private void BreakThen(JsonObject value, JsonObject schema, JsonObject then, List<string> field)
    {
        foreach (var (name, rule) in then["properties"]?.AsObject() ?? [])
        {
            var property = _spec.Resolve(_spec.Property(schema, name)).Schema;
            if (rule!["enum"] is JsonArray allowed)
            {
                var other = (property["enum"]?.AsArray() ?? []).FirstOrDefault(v => !allowed.Any(a => JsonNode.DeepEquals(a, v)))
                    ?? throw new InvalidOperationException($"'{name}' has no documented value outside the then-enum");
                value[name] = other.DeepClone();
                field.Add(name);
                return;
            }

            if (rule["not"]?["const"] is { } forbidden)
            {
                value[name] = forbidden.DeepClone();
                field.Add(name);
                return;
            }

            if (rule["pattern"] is not null)
            {
                value[name] = InvalidValue("pattern", new JsonObject { ["pattern"] = rule["pattern"]!.DeepClone() }, $"then/{name}");
                field.Add(name);
                return;
            }

            if (rule["items"] is JsonObject itemRule)
            {
                if (value[name] is not JsonArray list)
                {
                    value[name] = list = [];
                }

                if (list.Count == 0)
                {
                    list.Add(_spec.Valid(property["items"]!.AsObject()));
                }

                field.Add(name);
                field.Add("0");
                BreakThen(list[0]!.AsObject(), property["items"]!.AsObject(), itemRule, field);
                return;
            }

            if (rule["properties"] is not null || rule["required"] is not null || rule["not"] is not null)
            {
                if (value[name] is not JsonObject child)
                {
                    value[name] = child = _spec.Valid(property).AsObject();
                }

                field.Add(name);
                BreakThen(child, property, rule.AsObject(), field);
                return;
            }
        }

        if (SpecDocument.Strings(then["not"]?["required"]).FirstOrDefault() is { } forbiddenName)
        {
            value[forbiddenName] = _spec.Valid(_spec.Property(schema, forbiddenName));
            field.Add(forbiddenName);
            return;
        }

        var required = SpecDocument.Strings(then["required"]).FirstOrDefault()
            ?? throw new InvalidOperationException($"no breakable rule in then: {then.ToJsonString()}");
        value.Remove(required);
        field.Add(required);
    }

    /// <summary>A value of <paramref name="schema"/>'s type that breaks <paramref name="keyword"/> and, where it can, nothing else.</summary>
    /// <param name="owner">The property's schema when <paramref name="schema"/> is one of its <c>allOf</c> entries: its other patterns and lengths still hold.</param>
    private JsonNode InvalidValue(string keyword, JsonObject schema, string at, JsonObject? owner = null)
    {
        var integer = SpecDocument.TypeOf(schema) == "integer";
        double Bound(string name) => SpecDocument.Number(schema[name]) ?? throw new InvalidOperationException($"{at}: not a number");
        switch (keyword)
        {
            case "minLength":
                return JsonValue.Create(FittingRun(schema, SpecDocument.Integer(schema[keyword], 0) - 1, at));
            case "maxLength":
                return JsonValue.Create(FittingRun(schema, SpecDocument.Integer(schema[keyword], 0) + 1, at));
            case "pattern":
                // Breaks this pattern and, where a candidate can, none of the property's others (an OBS path that names
                // only a bucket breaks "not a bucket" and still is an OBS path).
                var property = owner ?? schema;
                var pattern = new Regex(schema["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));
                var others = new[] { property["pattern"] }.Concat((property["allOf"]?.AsArray() ?? []).Select(e => e?["pattern"]))
                    .OfType<JsonValue>().Select(p => p.GetValue<string>()).Where(p => p != schema["pattern"]!.GetValue<string>()).ToList();
                string[] candidates = ["/bucket", "obs://bucket", "/bucket/dir", "a b", "a<b", "a^b", "a!b", "a'b", "a\"b", "a=b", "a&b", "a>b", "~", "a.b"];
                var breaking = candidates
                    .Select(c => c.PadRight(SpecDocument.Integer(property["minLength"], 0), 'a'))
                    .Where(c => !pattern.IsMatch(c) && c.Length <= SpecDocument.Integer(property["maxLength"], int.MaxValue))
                    .ToList();
                var alone = breaking.FirstOrDefault(c => others.All(o => Regex.IsMatch(c, o, RegexOptions.None, TimeSpan.FromSeconds(1))));
                return JsonValue.Create(alone ?? breaking.FirstOrDefault() ?? throw new InvalidOperationException($"{at}: no candidate breaks the pattern"));
            case "enum":
                var options = schema["enum"]!.AsArray();
                if (options.All(o => o is JsonValue v && v.TryGetValue<string>(out _)))
                {
                    return JsonValue.Create("undocumented_value");
                }

                var numbers = options.Select(o => o is JsonValue v && v.TryGetValue<double>(out var n) ? n : (double?)null).OfType<double>().ToList();
                if (numbers.Count == 0)
                {
                    throw new InvalidOperationException($"{at}: no value of the schema's type lies outside enum {options.ToJsonString()}");
                }

                var next = numbers.Max() + 1;
                return integer || numbers.All(n => n % 1 == 0) ? JsonValue.Create((long)next) : JsonValue.Create(next);
            case "const":
                return schema["const"] switch
                {
                    JsonValue v when v.TryGetValue<bool>(out var flag) => JsonValue.Create(!flag),
                    JsonValue v when v.TryGetValue<string>(out var text) => JsonValue.Create(text + "_other"),
                    JsonValue v => JsonValue.Create(v.GetValue<double>() + 1),
                    var other => throw new InvalidOperationException($"{at}: unsupported const {other?.ToJsonString()}"),
                };
            case "minimum":
                return Number(Bound(keyword) - (integer ? 1 : 0.5), integer);
            case "maximum":
                return Number(Bound(keyword) + (integer ? 1 : 0.5), integer);
            case "exclusiveMinimum" or "exclusiveMaximum":
                return Number(Bound(keyword), integer);
            case "minItems" or "maxItems":
                var count = SpecDocument.Integer(schema[keyword], 0) + (keyword == "minItems" ? -1 : 1);
                var items = new JsonArray();
                for (var i = 0; i < count; i++)
                {
                    items.Add(_spec.Valid(schema["items"]!.AsObject()));
                }

                return items;
            case "format":
                return InvalidFormat(schema, schema["format"]!.GetValue<string>(), at);
            default:
                throw new InvalidOperationException($"{at}: no invalid value for '{keyword}'");
        }
    }

    private static JsonNode InvalidFormat(JsonObject schema, string format, string at)
    {
        switch (format)
        {
            case "int32":
                return JsonValue.Create((long)int.MaxValue + 1);
            case "int64":
                return JsonNode.Parse("10000000000000000000")!;
            case "decimal-range":
                // Right shape, wrong order: the maximum first.
                var bounds = schema["x-format-bounds"];
                var low = SpecDocument.Number(bounds?["minimum"]) ?? 0;
                var high = SpecDocument.Number(bounds?["maximum"]) ?? 1;
                return JsonValue.Create(Invariant(high) + "-" + Invariant(low));
            case "date-period":
                // Right shape, one day longer than the documented limit.
                var days = SpecDocument.Integer(schema["x-format-max-days"], 0);
                if (days <= 0)
                {
                    throw new InvalidOperationException($"{at}: date-period without x-format-max-days");
                }

                var start = new DateOnly(2019, 9, 1);
                return JsonValue.Create($"{start:yyyyMMdd}-{start.AddDays(days + 1):yyyyMMdd}");
            default:
                throw new InvalidOperationException($"{at}: no invalid value for format '{format}'");
        }
    }

    /// <summary>A string of <paramref name="length"/> code points that the schema's pattern accepts.</summary>
    private static string FittingRun(JsonObject schema, int length, string at)
    {
        // A run of one character, after a prefix some formats need (an OBS path's "/", "obs://").
        foreach (var prefix in (string[])["", "/", "obs://", "/a/"])
        {
            foreach (var c in "a1_")
            {
                if (length < prefix.Length)
                {
                    continue;
                }

                var run = prefix + new string(c, length - prefix.Length);
                if (schema["pattern"] is not JsonValue pattern || Regex.IsMatch(run, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    return run;
                }
            }
        }

        throw new InvalidOperationException($"{at}: no string of {length} characters fits the pattern");
    }

    private static JsonValue Number(double value, bool integer) => integer ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
