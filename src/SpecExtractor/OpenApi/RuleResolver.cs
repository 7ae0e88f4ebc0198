using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>A rule the prose states on a property of a schema, waiting for the whole document.</summary>
internal sealed record PendingRule(string Schema, FieldRule Rule, string File);

/// <summary>A rule sentence that could not be encoded, and why; reported as a warning unless an overlay encodes it.</summary>
internal sealed record UnencodedRule(string File, DocSource Source, string Property, string Reason);

/// <summary>
/// Places rules between fields where both fields are visible and writes them as JSON Schema 2020-12:
/// <c>if</c>/<c>then</c> with <c>const</c>/<c>enum</c>/<c>required</c>/<c>contains</c>/<c>not</c>, each in an
/// <c>allOf</c> entry with its <c>x-doc-source</c> and a <c>description</c> used as the message.
/// <para>
/// The condition of a rule is either a field the sentence names ("infer_type is set to real-time") or a phrase
/// ("GaussDB(DWS) data", "text datasets") matched against the documented meanings of the options of a field the
/// schema can see: its own fields, the fields of the objects it holds, the items of its lists, and, going up, the
/// same for every schema that holds it. The nearest schema that sees a matching field holds the rule. A phrase
/// names the kind of thing it speaks of by its last noun ("datasets", "label", "data"), and only a field whose own
/// description names that noun ("Dataset type", "Label type") is a candidate; an option matches when every other
/// word of the phrase is in its meaning. Anything else is reported, never guessed.
/// </para>
/// </summary>
internal sealed partial class RuleResolver(JsonObject schemas, IReadOnlySet<string> requestSchemas)
{
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "for", "to", "is", "are", "be", "by", "in", "on", "with", "and", "or", "when", "if", "that", "which",
        "this", "its", "their", "as", "at", "it", "from", "into", "only", "any", "all", "such",
    };

    private readonly Dictionary<string, List<(string Parent, string Property, bool ViaItems)>> _parents = Parents(schemas);

    public List<UnencodedRule> Unencoded { get; } = [];

    public void Resolve(IEnumerable<PendingRule> rules)
    {
        foreach (var pending in rules)
        {
            var reason = Place(pending);
            if (reason is not null)
            {
                Unencoded.Add(new UnencodedRule(pending.File, pending.Rule.Source, pending.Rule.Property, reason));
            }
        }
    }

    /// <summary>Places one rule; returns why it could not be encoded, or null.</summary>
    private string? Place(PendingRule pending)
    {
        var rule = pending.Rule;
        if (schemas[pending.Schema]?["properties"] is not JsonObject properties)
        {
            return $"schema {pending.Schema} has no properties";
        }

        var subject = rule.Subject is { } named && properties.ContainsKey(named) ? named : rule.Property;
        if (properties[subject] is not JsonObject subjectSchema)
        {
            return $"'{subject}' is no property of {pending.Schema}";
        }

        string? format = null;
        if (rule.Kind == RuleKind.FormatWhen)
        {
            format = FormatOf(rule.Format ?? string.Empty);
            if (format is null)
            {
                return $"the documentation gives no format for '{rule.Format}'";
            }
        }

        var placed = 0;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new List<(string Schema, List<Step> Path)> { (pending.Schema, []) };
        string? ambiguity = null;
        for (var depth = 0; depth < 5 && frontier.Count > 0; depth++)
        {
            var next = new List<(string Schema, List<Step> Path)>();
            foreach (var (holder, path) in frontier)
            {
                if (!visited.Add(holder + "|" + string.Join('/', path.Select(p => p.Property))))
                {
                    continue;
                }

                var match = Match(holder, path, subject, rule.Condition, out var why);
                ambiguity ??= why;
                if (match is not null)
                {
                    if (requestSchemas.Contains(holder))
                    {
                        Write(holder, path, subject, subjectSchema, rule, match, format);
                        placed++;
                    }

                    continue; // the nearest holder on this branch decides
                }

                foreach (var (parent, property, viaItems) in _parents.GetValueOrDefault(holder) ?? [])
                {
                    next.Add((parent, [new Step(property, viaItems), .. path]));
                }
            }

            frontier = next;
        }

        if (placed > 0)
        {
            return null;
        }

        return ambiguity ?? (rule.Condition.Field is { } field
            ? $"'{field}' is no field that {pending.Schema} or a schema holding it can see"
            : $"no field that {pending.Schema} or a schema holding it can see has an option matching '{rule.Condition.Text}'");
    }

    private sealed record Step(string Property, bool ViaItems);

    /// <summary>The field of the condition, seen from <paramref name="holder"/>, and the option values it must hold.</summary>
    private sealed record ConditionMatch(List<Step> FieldPath, string Field, JsonObject FieldSchema, List<JsonNode> Values, List<JsonNode> AllValues, bool Negated);

    private ConditionMatch? Match(string holder, List<Step> pathToSubject, string subject, RuleCondition condition, out string? ambiguity)
    {
        ambiguity = null;
        // The field a rule constrains is never its own condition, whichever holder sees it (the subject itself, one level down).
        var candidates = Candidates(holder, pathToSubject.Count == 0 ? subject : null)
            .Where(c => !(c.Field == subject && c.Path.Select(p => p.Property).SequenceEqual(pathToSubject.Select(p => p.Property))))
            .ToList();
        if (condition.Field is { } named && !condition.Contains)
        {
            var hits = candidates.Where(c => c.Field == named).ToList();
            if (hits.Count != 1)
            {
                return null;
            }

            var values = new List<JsonNode>();
            foreach (var text in condition.Values)
            {
                if (ValueOf(hits[0].Schema, text) is not { } value)
                {
                    ambiguity = $"'{text}' is not a value of {named}";
                    return null;
                }

                values.Add(value);
            }

            return new ConditionMatch(hits[0].Path, named, hits[0].Schema, values, EnumOf(hits[0].Schema), false);
        }

        var phrase = condition.Text;
        var negated = NonPrefix().IsMatch(phrase);
        phrase = NonPrefix().Replace(phrase, string.Empty);
        if (!Clause().IsMatch(phrase))
        {
            phrase = TrailingVerb().Replace(phrase, string.Empty); // "a relationship label is created" speaks of a relationship label
        }

        var alternatives = Clause().IsMatch(phrase) ? AlternativeSeparator().Split(phrase).ToList() : [phrase];
        var head = Clause().IsMatch(phrase) ? null : HeadNoun(phrase);

        var matches = new List<ConditionMatch>();
        foreach (var candidate in candidates.Where(c => !condition.Contains || c.Path.Any(p => p.ViaItems)))
        {
            if (head is not null && !Nouns(candidate.Schema, candidate.Field).Contains(head))
            {
                continue;
            }

            var options = Options(candidate.Schema);
            var chosen = new List<JsonNode>();
            foreach (var alternative in alternatives)
            {
                var words = Words(alternative).Where(w => w != head && !StopWords.Contains(w)).ToList();
                if (words.Count == 0)
                {
                    chosen.Clear();
                    break;
                }

                chosen.AddRange(options.Where(o => words.All(o.Words.Contains)).Select(o => o.Value));
            }

            if (chosen.Count > 0)
            {
                var distinct = chosen.GroupBy(v => v.ToJsonString()).Select(g => g.First()).ToList();
                matches.Add(new ConditionMatch(candidate.Path, candidate.Field, candidate.Schema, distinct, EnumOf(candidate.Schema), negated));
            }
        }

        if (matches.Count > 1)
        {
            ambiguity = $"'{condition.Text}' matches options of {string.Join(" and ", matches.Select(m => FieldPath(m)))}; no rule is guessed";
            return null;
        }

        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Fields with documented options a holder can see: its own, those of objects it holds, those of its lists' items.</summary>
    private IEnumerable<(List<Step> Path, string Field, JsonObject Schema)> Candidates(string holder, string? except)
    {
        if (schemas[holder]?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (name, node) in properties)
        {
            if (name == except || node is not JsonObject property)
            {
                continue;
            }

            if (property["enum"] is JsonArray)
            {
                yield return ([], name, property);
                continue;
            }

            var (target, viaItems) = Target(property);
            if (target is not null && schemas[target]?["properties"] is JsonObject inner)
            {
                foreach (var (innerName, innerNode) in inner)
                {
                    if (innerNode is JsonObject innerProperty && innerProperty["enum"] is JsonArray)
                    {
                        yield return ([new Step(name, viaItems)], innerName, innerProperty);
                    }
                }
            }
        }
    }

    private static (string? Schema, bool ViaItems) Target(JsonObject property)
    {
        if (property["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            return (reference[ComponentPrefix.Length..], false);
        }

        if (property["items"]?["$ref"]?.GetValue<string>() is { } items && items.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            return (items[ComponentPrefix.Length..], true);
        }

        return (null, false);
    }

    private sealed record Option(JsonNode Value, HashSet<string> Words);

    /// <summary>The options of an enum field with the words of their documented meanings ("- 1: GaussDB(DWS)").</summary>
    private static List<Option> Options(JsonObject field)
    {
        var meanings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (field["description"]?.GetValue<string>() ?? string.Empty).Split('\n'))
        {
            var bullet = OptionBullet().Match(line);
            if (bullet.Success)
            {
                // "CarbonData (supported only by table datasets)": a remark in parentheses is no part of what the option is.
                meanings.TryAdd(bullet.Groups["value"].Value, Remark().Replace(bullet.Groups["meaning"].Value, " "));
            }
        }

        return EnumOf(field)
            .Select(v => new Option(v, Words((meanings.GetValueOrDefault(Raw(v)) ?? string.Empty) + " " + Raw(v)).ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    private static List<JsonNode> EnumOf(JsonObject field) =>
        field["enum"] is JsonArray values ? values.Where(v => v is not null).Select(v => v!.DeepClone()).ToList() : [];

    /// <summary>
    /// The nouns a field is about: its name's words and the words its description opens with, up to the first
    /// preposition ("Dataset type." → dataset, type; "Format of a dataset version." → format).
    /// </summary>
    private static HashSet<string> Nouns(JsonObject field, string name)
    {
        var nouns = new HashSet<string>(Words(name.Replace('_', ' ')), StringComparer.Ordinal);
        var first = (field["description"]?.GetValue<string>() ?? string.Empty).Split('\n')[0];
        var sentence = Statements.SplitSentences(first).FirstOrDefault() ?? string.Empty;
        nouns.UnionWith(Words(sentence).TakeWhile(w => !StopWords.Contains(w)).Take(4));
        return nouns;
    }

    private static string? HeadNoun(string phrase)
    {
        var words = Words(TrailingVerb().Replace(phrase, string.Empty)).Where(w => !StopWords.Contains(w)).ToList();
        return words.Count >= 2 ? words[^1] : null;
    }

    /// <summary>Lower-case words, with a plural "s" and a gerund or participle ending removed ("datasets" → dataset, "labeling" → label).</summary>
    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value));

    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    private static JsonNode? ValueOf(JsonObject field, string text)
    {
        var values = EnumOf(field);
        var hit = values.FirstOrDefault(v => Raw(v) == text) ?? values.FirstOrDefault(v => string.Equals(Raw(v), text, StringComparison.OrdinalIgnoreCase));
        if (hit is not null)
        {
            return hit;
        }

        return field["type"]?.GetValue<string>() switch
        {
            "integer" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            "boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
            "string" => JsonValue.Create(text),
            _ => null,
        };
    }

    private static string Raw(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();

    private static string FieldPath(ConditionMatch match) => string.Concat(match.FieldPath.Select(s => s.Property + (s.ViaItems ? "[]." : "."))) + match.Field;

    /// <summary>What a format phrase ("an OBS path") is as a pattern, from the same catalogue as the property's own sentences.</summary>
    private static string? FormatOf(string phrase)
    {
        var facts = ConstraintCatalog.Read("value", "string", phrase.TrimEnd('.') + ".", new DocSource(string.Empty, 0, string.Empty));
        return facts.Keywords["pattern"]?.GetValue<string>();
    }

    private void Write(string holder, List<Step> path, string subject, JsonObject subjectSchema, FieldRule rule, ConditionMatch match, string? format)
    {
        var schema = schemas[holder]!.AsObject();
        var kind = rule.Kind;
        var values = match.Values;
        if (match.Negated)
        {
            kind = kind switch
            {
                RuleKind.OnlyFor => RuleKind.ForbiddenWhen,
                RuleKind.ForbiddenWhen => RuleKind.OnlyFor,
                _ => kind,
            };
        }

        // "used only for X" holds when the field has one of the other documented values.
        if (kind is RuleKind.OnlyFor or RuleKind.ValueOnlyWhen)
        {
            values = match.AllValues.Where(v => !match.Values.Any(m => m.ToJsonString() == v.ToJsonString())).ToList();
            if (values.Count == 0)
            {
                return; // every documented value allows it: nothing to check
            }
        }

        var condition = Condition(match.FieldPath, match.Field, values);
        JsonObject consequence = kind switch
        {
            RuleKind.RequiredWhen => Nested(path, leaf => leaf["required"] = new JsonArray(subject), requirePath: true),
            RuleKind.OnlyFor or RuleKind.ForbiddenWhen => Nested(path, leaf => leaf["not"] = new JsonObject { ["required"] = new JsonArray(subject) }, requirePath: false),
            RuleKind.ValueOnlyWhen => Nested(path, leaf => leaf["properties"] = new JsonObject { [subject] = new JsonObject { ["not"] = new JsonObject { ["const"] = TypedValue(subjectSchema, rule.Value!) } } }, requirePath: false),
            _ => Nested(path, leaf => leaf["properties"] = new JsonObject { [subject] = new JsonObject { ["pattern"] = format } }, requirePath: false),
        };

        var described = Describe(kind, path, subject, rule, match, values);
        var source = new JsonObject
        {
            ["keywords"] = kind == RuleKind.FormatWhen ? new JsonArray("if", "then", "pattern") : new JsonArray("if", "then"),
            ["page"] = rule.Source.Page,
            ["line"] = rule.Source.Line,
            ["property"] = subject,
            ["sentence"] = rule.Source.Sentence,
        };

        var allOf = schema["allOf"] as JsonArray;
        if (allOf is null)
        {
            allOf = [];
            schema["allOf"] = allOf;
        }

        // Two sentences with the same condition and a required consequence ("user_name" and "user_password" for
        // GaussDB(DWS) data) are one rule requiring both.
        var conditionText = condition.ToJsonString();
        foreach (var existing in allOf.OfType<JsonObject>())
        {
            if (existing["if"]?.ToJsonString() == conditionText && kind == RuleKind.RequiredWhen && MergeRequired(existing["then"] as JsonObject, consequence))
            {
                if (!existing["description"]!.GetValue<string>().Split("; ").Contains(described))
                {
                    existing["description"] = existing["description"]!.GetValue<string>() + "; " + described;
                }

                Cite(existing, source);
                return;
            }

            if (existing["if"]?.ToJsonString() == conditionText && existing["then"]?.ToJsonString() == consequence.ToJsonString())
            {
                Cite(existing, source);
                return;
            }
        }

        allOf.Add(new JsonObject
        {
            ["description"] = described,
            ["if"] = condition,
            ["then"] = consequence,
            ["x-doc-source"] = new JsonArray(source),
        });
    }

    /// <summary>Adds a citation unless the same sentence of the same page is already cited (a schema many pages share).</summary>
    private static void Cite(JsonObject rule, JsonObject source)
    {
        var citations = rule["x-doc-source"]!.AsArray();
        if (!citations.Any(c => c?["page"]?.GetValue<string>() == source["page"]!.GetValue<string>() && c?["sentence"]?.GetValue<string>() == source["sentence"]!.GetValue<string>()
            && c?["property"]?.GetValue<string>() == source["property"]!.GetValue<string>()))
        {
            citations.Add(source);
        }
    }

    private static JsonNode TypedValue(JsonObject schema, string text) =>
        ValueOf(schema, text) ?? JsonValue.Create(text);

    /// <summary><c>{properties: {a: {properties: {f: {enum}}, required: [f]}}, required: [a]}</c>; a list on the way is <c>contains</c>.</summary>
    private static JsonObject Condition(List<Step> path, string field, List<JsonNode> values)
    {
        JsonObject leaf = values.Count == 1
            ? new JsonObject { ["const"] = values[0].DeepClone() }
            : new JsonObject { ["enum"] = new JsonArray(values.Select(v => v.DeepClone()).ToArray()) };
        var current = new JsonObject
        {
            ["properties"] = new JsonObject { [field] = leaf },
            ["required"] = new JsonArray(field),
        };
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var inner = path[i].ViaItems ? new JsonObject { ["contains"] = current } : current;
            current = new JsonObject
            {
                ["properties"] = new JsonObject { [path[i].Property] = inner },
                ["required"] = new JsonArray(path[i].Property),
            };
        }

        return current;
    }

    /// <summary>The consequence at the end of <paramref name="path"/>; through a list it applies to every item.</summary>
    private static JsonObject Nested(List<Step> path, Action<JsonObject> atLeaf, bool requirePath)
    {
        var leaf = new JsonObject();
        atLeaf(leaf);
        var current = leaf;
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var inner = path[i].ViaItems ? new JsonObject { ["items"] = current } : current;
            var outer = new JsonObject { ["properties"] = new JsonObject { [path[i].Property] = inner } };
            if (requirePath && !path[i].ViaItems)
            {
                outer["required"] = new JsonArray(path[i].Property);
            }

            current = outer;
        }

        return current;
    }

    private static bool MergeRequired(JsonObject? existing, JsonObject added)
    {
        if (existing is null || !RequiredOnly(existing) || !RequiredOnly(added))
        {
            return false;
        }

        var target = existing;
        var source = added;
        while (true)
        {
            if (source["properties"] is JsonObject sourceProperties && target["properties"] is JsonObject targetProperties)
            {
                var (name, inner) = sourceProperties.Single();
                if (targetProperties[name] is not JsonObject targetInner || targetProperties.Count != 1)
                {
                    return false;
                }

                target = targetInner;
                source = inner!.AsObject();
                continue;
            }

            if (source["properties"] is not null || target["properties"] is not null)
            {
                return false;
            }

            var names = target["required"]!.AsArray();
            foreach (var name in source["required"]!.AsArray())
            {
                if (!names.Any(n => n!.GetValue<string>() == name!.GetValue<string>()))
                {
                    names.Add(name!.GetValue<string>());
                }
            }

            return true;
        }
    }

    private static bool RequiredOnly(JsonObject schema) =>
        schema.All(p => p.Key is "required" || (p.Key == "properties" && p.Value is JsonObject { Count: 1 } inner && RequiredOnly(inner.Single().Value!.AsObject())));

    private static string Describe(RuleKind kind, List<Step> path, string subject, FieldRule rule, ConditionMatch match, List<JsonNode> values)
    {
        var where = string.Concat(path.Select(s => s.Property + (s.ViaItems ? "[]." : "."))) + subject;
        var field = FieldPath(match);
        var list = string.Join(", ", values.Select(Raw));
        var condition = match.FieldPath.Any(s => s.ViaItems) ? $"{field} contains {list}" : values.Count == 1 ? $"{field} is {list}" : $"{field} is one of {list}";
        return kind switch
        {
            RuleKind.RequiredWhen => $"{where} is required when {condition}",
            RuleKind.OnlyFor or RuleKind.ForbiddenWhen => $"{where} must not be set when {condition}",
            RuleKind.ValueOnlyWhen => $"{where} must not be {rule.Value} when {condition}",
            _ => $"{where} must be {rule.Format} when {condition}",
        };
    }

    /// <summary>Which schema holds which, through a property or a list's items.</summary>
    private static Dictionary<string, List<(string Parent, string Property, bool ViaItems)>> Parents(JsonObject schemas)
    {
        var parents = new Dictionary<string, List<(string, string, bool)>>(StringComparer.Ordinal);
        foreach (var (name, node) in schemas)
        {
            if (node?["properties"] is not JsonObject properties)
            {
                continue;
            }

            foreach (var (property, schema) in properties)
            {
                if (schema is JsonObject propertySchema && Target(propertySchema) is ({ } target, var viaItems))
                {
                    if (!parents.TryGetValue(target, out var list))
                    {
                        parents[target] = list = [];
                    }

                    list.Add((name, property, viaItems));
                }
            }
        }

        return parents;
    }

    [GeneratedRegex(@"^- (?<value>[^\s:：]+?)\s*[:：]\s*(?<meaning>.*)$")]
    private static partial Regex OptionBullet();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    /// <summary>A remark in parentheses ("(supported only by table datasets)"), not an acronym ("GaussDB(DWS)").</summary>
    [GeneratedRegex(@"[(（][^)）]*\s[^)）]*[)）]")]
    private static partial Regex Remark();

    /// <summary>A clause rather than a noun phrase: "data is exported to OBS or a new dataset".</summary>
    [GeneratedRegex(@"\b(?:is|are)\s+(?!created\b|used\b)\w+", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"\s+(?:is|are)\s+(?:created|used)$|^(?:creating|using|importing|exporting)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingVerb();

    [GeneratedRegex(@",?\s+or\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AlternativeSeparator();

    [GeneratedRegex(@"^(?:the\s+)?non-", RegexOptions.IgnoreCase)]
    private static partial Regex NonPrefix();
}
