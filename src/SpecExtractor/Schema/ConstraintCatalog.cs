using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Schema;

/// <summary>Where a constraint came from: the page, its line and the sentence that states it.</summary>
internal sealed record DocSource(string Page, int Line, string Sentence);

/// <summary>An exclusivity the prose states between this property and another one of the same object.</summary>
/// <param name="Other">The other property as the sentence names it: a JSON name, or a phrase such as "the sampling ratio".</param>
/// <param name="OneRequired">The wording says one of the two is used ("Either this parameter or inputs is used"), not only "not both".</param>
internal sealed record ExclusiveWith(string Property, string Other, DocSource Source, bool OneRequired = false);

/// <summary>What one property's description says, as JSON Schema keywords.</summary>
internal sealed class PropertyFacts(string name, string jsonType, DocSource row)
{
    public string Name { get; } = name;

    /// <summary>The property's JSON type (string, integer, number, boolean, array, object).</summary>
    public string JsonType { get; } = jsonType;

    public DocSource Row { get; } = row;

    /// <summary>Keywords in the order they were found; written to the property schema.</summary>
    public JsonObject Keywords { get; } = [];

    public List<(string[] Keywords, string Sentence)> Sources { get; } = [];

    public List<ExclusiveWith> Exclusive { get; } = [];

    /// <summary>Rules between this property and other fields; placed on a schema once the whole document is known.</summary>
    public List<FieldRule> Rules { get; } = [];

    /// <summary>The statements of the description, with the classes of constraint each one states (for the coverage line).</summary>
    public IReadOnlyList<Statement> Statements { get; set; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>The whole-value formats (<c>^...$</c>) the description states, alternatives of one another.</summary>
    public List<string> Formats { get; } = [];

    public void Set(string sentence, params (string Keyword, JsonNode? Value)[] keywords)
    {
        var names = new List<string>();
        foreach (var (keyword, value) in keywords)
        {
            if (Keywords.ContainsKey(keyword))
            {
                if (JsonNode.DeepEquals(Keywords[keyword], value))
                {
                    names.Add(keyword); // a second sentence saying the same thing is cited too
                }

                continue; // the first statement wins; later ones usually repeat it
            }

            Keywords[keyword] = value;
            names.Add(keyword);
        }

        if (names.Count > 0)
        {
            Sources.Add((names.ToArray(), sentence));
        }
    }
}

/// <summary>
/// The sentence-pattern catalogue: each entry turns one way the documentation states a constraint
/// into JSON Schema keywords. Patterns are phrased generally (any length, any character set, any
/// property name) so pages the extractor has never seen are read the same way.
/// </summary>
internal static partial class ConstraintCatalog
{
    private const string Num = @"-?\d[\d,]*(?:\.\d+)?";

    /// <summary>A list of character classes: "letters, digits, underscores (_), and hyphens (-)".</summary>
    private const string CharacterClasses = @"(?:(?:only|uppercase|lowercase|English|letters?|digits?|numbers?|underscores?|hyphens?|periods?|dots?|spaces?|Chinese characters|and|or|\([^)\s]\)|,)\s*)+";

    private sealed record SentencePattern(string Name, Regex Regex, Func<string, bool> AppliesTo, Action<Match, string, PropertyFacts> Apply);

    private static readonly Func<string, bool> Strings = t => t == "string";
    private static readonly Func<string, bool> Numbers = t => t is "integer" or "number";
    private static readonly Func<string, bool> Scalars = t => t is "string" or "integer" or "number" or "boolean";
    private static readonly Func<string, bool> Any = _ => true;
    private static readonly Func<string, bool> Lists = t => t == "array";

    private static readonly SentencePattern[] Patterns =
    [
        new("length range", LengthRange(), Strings, (m, s, f) =>
            f.Set(s, ("minLength", ParseInt(m.Groups["min"].Value)), ("maxLength", ParseInt(m.Groups["max"].Value)))),
        new("length range (zh)", LengthRangeZh(), Strings, (m, s, f) =>
            f.Set(s, ("minLength", ParseInt(m.Groups["min"].Value)), ("maxLength", ParseInt(m.Groups["max"].Value)))),
        new("maximum length", MaxLength(), Strings, (m, s, f) => f.Set(s, ("maxLength", ParseInt(m.Groups["max"].Value)))),
        new("minimum length", MinLength(), Strings, (m, s, f) => f.Set(s, ("minLength", ParseInt(m.Groups["min"].Value)))),
        new("forbidden characters", ForbiddenCharacters(), Strings, (m, s, f) => SetForbidden(m.Groups["chars"].Value, s, f)),
        new("forbidden characters (parenthesized)", ForbiddenCharactersBefore(), Strings, (m, s, f) => SetForbidden(m.Groups["chars"].Value, s, f)),
        new("forbidden characters (listed after)", ForbiddenCharactersListed(), Strings, (m, s, f) => SetForbidden(m.Groups["chars"].Value, s, f)),
        new("forbidden characters (zh)", ForbiddenCharactersZh(), Strings, (m, s, f) => SetForbidden(m.Groups["chars"].Value, s, f)),
        new("allowed characters", AllowedCharacters(), Strings, (m, s, f) => SetAllowed(m.Groups["list"].Value, s, f)),
        new("allowed characters (trailing)", AllowedCharactersAfter(), Strings, (m, s, f) => SetAllowed(m.Groups["list"].Value, s, f)),
        new("bracketed range", BracketRange(), Numbers, SetBracketRange),
        new("range from..to", RangeFromTo(), Numbers, (m, s, f) =>
            f.Set(s, ("minimum", ParseNumber(m.Groups["min"].Value)), ("maximum", ParseNumber(m.Groups["max"].Value)))),
        new("range (zh)", RangeZh(), Numbers, (m, s, f) =>
            f.Set(s, ("minimum", ParseNumber(m.Groups["min"].Value)), ("maximum", ParseNumber(m.Groups["max"].Value)))),
        new("minimum value", MinimumValue(), Numbers, (m, s, f) => f.Set(s, ("minimum", ParseNumber(m.Groups["v"].Value)))),
        new("lower bound, exclusive", ExclusiveMinimumValue(), Numbers, (m, s, f) => f.Set(s, ("exclusiveMinimum", ParseNumber(m.Groups["v"].Value)))),
        new("maximum value", MaximumValue(), Numbers, (m, s, f) => f.Set(s, ("maximum", ParseNumber(m.Groups["v"].Value)))),
        new("maximum count", MaximumCount(), Numbers, (m, s, f) => f.Set(s, ("maximum", ParseNumber(m.Groups["n"].Value)))),
        new("default value", DefaultValue(), Scalars, (m, s, f) => SetDefault(m.Groups["v"].Value, s, f)),
        new("default character", DefaultCharacter(), Strings, (m, s, f) => SetDefaultCharacter(m, s, f)),
        new("default single item", DefaultSingle(), Numbers, (m, s, f) => f.Set(s, ("default", JsonValue.Create(1L)))),
        new("closed set", ClosedSet(), Scalars, (m, s, f) => SetClosedSet(m.Groups["list"].Value, s, f)),
        new("closed set in brackets", BracketedSet(), Strings, (m, s, f) => SetClosedSet(string.Join(", ", m.Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)), s, f)),
        new("exact length", ExactLength(), Strings, (m, s, f) => f.Set(s, ("minLength", ParseInt(m.Groups["n"].Value)), ("maxLength", ParseInt(m.Groups["n"].Value)))),
        new("exclusive with", EitherOr(), Any, (m, s, f) => f.Exclusive.Add(new ExclusiveWith(f.Name, m.Groups["other"].Value.Trim(), f.Row with { Sentence = s }, OneRequired: m.Groups["one"].Success))),
        new("OBS path", ObsPath(), Strings, (m, s, f) => SetFormat(f, s, KnownFormats.ObsPath, m.Groups["url"].Success ? KnownFormats.ObsUrlPattern : KnownFormats.ObsPathPattern)),
        new("OBS path format", ObsPathFormat(), Strings, (m, s, f) => SetFormat(f, s, KnownFormats.ObsPath, KnownFormats.ObsPathPattern)),
        new("not a bucket", NotABucket(), Strings, (m, s, f) => AddPattern(f, s, KnownFormats.ObsObjectPattern)),
        new("trailing slash", TrailingSlash(), Strings, (m, s, f) => AddPattern(f, s, "/$")),
        new("path template ending in a slash", SlashEndedTemplate(), Strings, (m, s, f) => AddPattern(f, s, "/$")),
        new("time format", TimeFormat(), Strings, (m, s, f) => SetFormat(f, s, null, "^" + PlaceholderPattern(m.Groups["format"].Value) + "$")),
        new("colour", Colour(), Strings, (m, s, f) => SetFormat(f, s, KnownFormats.Colour, KnownFormats.ColourPattern)),
        new("single character", SingleCharacter(), Strings, (m, s, f) => SetSingleCharacter(m.Groups["chars"].Value, s, f)),
        new("single character (zh)", SingleCharacterZh(), Strings, (m, s, f) => SetSingleCharacter(m.Groups["chars"].Value, s, f)),
        new("IP address", IpAddress(), Strings, (m, s, f) => SetFormat(f, s, KnownFormats.IpAddress, KnownFormats.IpAddressPattern)),
        new("decimal pair", DecimalPair(), Strings, (m, s, f) => SetDecimalPair(m.Groups["sep"].Value, s, f)),
        new("separated list", SeparatedList(), Strings, (m, s, f) => SetSeparatedList(m.Groups["sep"].Value, s, f)),
        new("single value", SingleValue(), Scalars, (m, s, f) => SetClosedSet(m.Groups["value"].Value + " or " + m.Groups["value"].Value, s, f)),
        new("item count", ItemCount(), Lists, (m, s, f) => f.Set(s, ("maxItems", JsonValue.Create(m.Groups["n"].Success ? long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : 1L)))),
    ];

    /// <summary>Reads a description: option lists first (they are structural), then every sentence pattern.</summary>
    public static PropertyFacts Read(string name, string jsonType, string description, DocSource row)
    {
        var facts = new PropertyFacts(name, jsonType, row);
        var lines = SplitLostBullets(description.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        ReadOptionLists(lines, facts);
        ReadMarkedDefaults(lines, facts);

        foreach (var line in lines)
        {
            if (ConditionalBullet().Match(line) is { Success: true } condition)
            {
                // "- If type is set to obs, this parameter is mandatory. The value must be a valid OBS bucket path and end
                // with a slash (/).": the whole bullet holds under its condition, so no keyword of it holds for every value.
                if (Patterns.Any(p => p.AppliesTo(jsonType) && p.Regex.IsMatch(line)))
                {
                    facts.Warnings.Add($"'{facts.Name}': the constraints of \"{Shorten(line[2..])}\" hold only {condition.Groups["condition"].Value.Trim().ToLowerInvariant()}; they are not encoded");
                }

                continue;
            }

            foreach (var pattern in Patterns)
            {
                if (!pattern.AppliesTo(jsonType))
                {
                    continue;
                }

                foreach (Match match in pattern.Regex.Matches(line))
                {
                    pattern.Apply(match, SentenceAround(line, match.Index, match.Length), facts);
                }
            }
        }

        AdmitDefault(facts);
        AdmitDefaultInRange(facts);
        DropDefaultOutsideOptions(facts);
        facts.Statements = Schema.Statements.ForType(Schema.Statements.Split(string.Join('\n', lines)), jsonType);
        ReportUnencodableBounds(facts);
        foreach (var statement in facts.Statements.Where(s => s.Classes.Contains(ConstraintClass.Rule)))
        {
            if (RuleCatalog.Read(name, statement.Text, row) is { } rule)
            {
                facts.Rules.Add(rule);
            }
        }

        return facts;
    }

    /// <summary>
    /// Bounds a JSON Schema of this value cannot hold are warnings that name them: a bound another API answers ("Obtain
    /// the maximum value from Querying Job Resource Specifications"), a count of key-value pairs (what
    /// <c>maxProperties</c> would state, which the generated <c>Validate()</c> does not check).
    /// </summary>
    private static void ReportUnencodableBounds(PropertyFacts facts)
    {
        foreach (var statement in facts.Statements.Where(s => s.Classes.Contains(ConstraintClass.Range)))
        {
            if (facts.Sources.Any(s => s.Sentence.Contains(statement.Text, StringComparison.Ordinal) || statement.Text.Contains(s.Sentence, StringComparison.Ordinal)))
            {
                continue;
            }

            var reason = BoundFromAnotherAnswer().IsMatch(statement.Text) ? "takes its bound from another API's answer, which a schema cannot state"
                : KeyValuePairCount().IsMatch(statement.Text) ? "counts key-value pairs (maxProperties/minProperties), which the generated Validate() does not check"
                : null;
            if (reason is not null)
            {
                facts.Warnings.Add($"'{facts.Name}': \"{Shorten(statement.Text)}\" {reason}; no bound is encoded");
            }
        }
    }

    /// <summary>A description with inline option lists and bullets joined by a lost line break put back on lines of their own.</summary>
    public static string Normalize(string description) =>
        string.Join('\n', SplitLostBullets(description.Split('\n', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// A bullet that swallowed the next one after a lost line break ("- 0: initialized - 1: running") is two bullets,
    /// when what follows the " - " reads as another option ("1: running").
    /// </summary>
    private static string[] SplitLostBullets(string[] lines)
    {
        var result = new List<string>(lines.Length);
        foreach (var raw in lines)
        {
            var line = raw;
            var inline = InlineOptions().Match(line);
            if (!line.StartsWith("- ", StringComparison.Ordinal) && inline.Success)
            {
                // "Task type. The options are as follows: - auto-label: active learning - pre-label: ..." on one line.
                result.Add(inline.Groups["intro"].Value.TrimEnd());
                line = "- " + inline.Groups["rest"].Value;
            }

            if (!line.StartsWith("- ", StringComparison.Ordinal) || !OptionBullet().IsMatch("- " + line[2..].Split(" - ")[0].Trim()))
            {
                result.Add(line);
                continue;
            }

            var parts = LostBullet().Split(line[2..]);
            result.AddRange(parts.Select(p => "- " + p.Trim()));
        }

        return result.ToArray();
    }

    /// <summary>A default the option list does not contain contradicts it; the option list is the constraint, so the default goes.</summary>
    private static void DropDefaultOutsideOptions(PropertyFacts facts)
    {
        if (facts.Keywords["default"] is { } value && facts.Keywords["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            facts.Keywords.Remove("default");
            facts.Warnings.Add($"the documented default of '{facts.Name}' ({value.ToJsonString()}) is not among its options; no default is stated");
        }
    }

    /// <summary>
    /// A documented default is a value the service accepts: when a format sentence's pattern would reject it (the
    /// Tab key among "a letter, a digit or ..."), the pattern admits it too.
    /// </summary>
    private static void AdmitDefault(PropertyFacts facts)
    {
        if (facts.Keywords["default"] is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String
            || facts.Keywords["pattern"] is not JsonValue pattern)
        {
            return;
        }

        var text = value.GetValue<string>();
        var regex = pattern.GetValue<string>();
        if (Regex.IsMatch(text, regex) || !regex.StartsWith('^') || !regex.EndsWith('$'))
        {
            return;
        }

        facts.Keywords["pattern"] = "^(?:" + regex[1..^1] + "|" + Regex.Escape(text) + ")$";
        facts.Warnings.Add($"the documented default of '{facts.Name}' ({JsonValue.Create(text).ToJsonString()}) breaks its documented format; the pattern admits it");
    }

    /// <summary>
    /// The same for a bound: "The value range is (0, ∞). The default value is 0, which indicates that all results are
    /// returned." The default is a value the service accepts, so the bound it breaks is widened to admit it.
    /// </summary>
    private static void AdmitDefaultInRange(PropertyFacts facts)
    {
        if (facts.Keywords["default"] is not JsonValue value || !TryNumber(value, out var number))
        {
            return;
        }

        foreach (var (bound, admits, widened) in new (string, Func<decimal, bool>, string)[]
        {
            ("exclusiveMinimum", b => number > b, "minimum"),
            ("minimum", b => number >= b, "minimum"),
            ("exclusiveMaximum", b => number < b, "maximum"),
            ("maximum", b => number <= b, "maximum"),
        })
        {
            if (facts.Keywords[bound] is not JsonValue stated || !TryNumber(stated, out var limit) || admits(limit))
            {
                continue;
            }

            facts.Keywords.Remove(bound);
            facts.Keywords[widened] = value.DeepClone();
            for (var i = 0; i < facts.Sources.Count; i++)
            {
                facts.Sources[i] = (facts.Sources[i].Keywords.Select(k => k == bound ? widened : k).ToArray(), facts.Sources[i].Sentence);
            }

            facts.Warnings.Add($"the documented default of '{facts.Name}' ({value.ToJsonString()}) is outside its documented range ({bound} {stated.ToJsonString()}); the range admits it");
        }

        static bool TryNumber(JsonValue value, out decimal number)
        {
            number = 0;
            return value.GetValueKind() == System.Text.Json.JsonValueKind.Number
                && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        }
    }

    /// <summary>
    /// "Options:" (or any line ending in a colon that speaks of options or values) followed by
    /// bullets "- value: meaning" becomes <c>enum</c>; a bullet marked "(Default value)" also gives <c>default</c>.
    /// </summary>
    private static void ReadOptionLists(string[] lines, PropertyFacts facts)
    {
        if (facts.JsonType is not ("string" or "integer" or "number" or "boolean"))
        {
            return;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("- ", StringComparison.Ordinal) || !OptionIntro().IsMatch(lines[i]))
            {
                continue;
            }

            var bullets = lines.Skip(i + 1).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
            if (bullets.Count == 0)
            {
                continue;
            }

            var options = bullets.Select(b => OptionBullet().Match(b)).ToList();
            var understood = options.Count(o => o.Success && ParseValue(o.Groups["value"].Value, facts.JsonType) is not null);
            if (understood == 0)
            {
                continue; // conditional prose ("If type is OBS, ...") rather than a value list
            }

            var intro = SentenceAround(lines[i], lines[i].Length - 1, 1);
            if (ConditionalOptionIntro().Match(intro) is { Success: true } condition)
            {
                // "The options for dedicated resource pools with GPU specifications are as follows:" lists the values of
                // one case only; other cases take other values, so the list is no closed set for the property.
                facts.Warnings.Add($"option list of '{facts.Name}' applies only {condition.Groups["case"].Value.Trim()}; no enum is derived from it");
                continue;
            }

            if (facts.JsonType == "string" && options.All(o => IsValueRange(o.Groups["value"].Value)))
            {
                // "172.16.0.0/12-172.16.0.0/24": each bullet is a range of values, not a value.
                facts.Warnings.Add($"option list of '{facts.Name}' lists ranges ('{options[0].Groups["value"].Value}'), not values; no enum is derived from it");
                continue;
            }

            if (understood < options.Count)
            {
                var odd = bullets.First(b => !OptionBullet().IsMatch(b) || ParseValue(OptionBullet().Match(b).Groups["value"].Value, facts.JsonType) is null);
                facts.Warnings.Add($"option list of '{facts.Name}' mixes values with other text ('{Shorten(odd)}'); no enum is derived from it");
                continue;
            }

            var placeholders = options.Where(o => DatePlaceholder().IsMatch(o.Groups["value"].Value)).ToList();
            if (facts.JsonType == "string" && placeholders.Count > 0)
            {
                // "yyyyMMdd-yyyyMMdd" among the options is a format, not a value: the list becomes a pattern.
                var alternatives = options.Select(o => o.Groups["value"].Value)
                    .Select(v => DatePlaceholder().IsMatch(v) ? PlaceholderPattern(v) : Regex.Escape(v))
                    .Distinct();
                AddPattern(facts, intro + " " + string.Join(" ", bullets.Select(b => b[2..])), "^(?:" + string.Join("|", alternatives) + ")$");
            }
            else if (facts.JsonType == "boolean")
            {
                // "true: ... false: ..." is exactly what type boolean admits: the list is encoded by the type.
                var spelled = options.Select(o => o.Groups["value"].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
                if (spelled.SetEquals(["true", "false"]))
                {
                    facts.Sources.Add((["type"], intro + " " + string.Join(" ", bullets.Select(b => b[2..]))));
                }
            }
            else
            {
                var values = new JsonArray();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var option in options)
                {
                    foreach (var spelling in Spellings(option.Groups["value"].Value, facts.JsonType))
                    {
                        if (seen.Add(spelling.ToJsonString()))
                        {
                            values.Add(spelling);
                        }
                    }
                }

                facts.Set(intro + " " + string.Join(" ", bullets.Select(b => b[2..])), ("enum", values));
            }

            foreach (var option in options.Where(IsMarkedDefault))
            {
                facts.Set(option.Value[2..], ("default", ParseValue(option.Groups["value"].Value, facts.JsonType)));
            }
        }
    }

    /// <summary>
    /// Bullets with no introduction ("Script type." then "- SCRIPT (default): ...", or "- false: read/write permission.
    /// This is the default value.") are still values, and the one marked as the default is the default.
    /// </summary>
    private static void ReadMarkedDefaults(string[] lines, PropertyFacts facts)
    {
        if (facts.JsonType is not ("string" or "integer" or "number" or "boolean"))
        {
            return;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("- ", StringComparison.Ordinal))
            {
                continue;
            }

            var intro = i;
            while (intro > 0 && lines[intro - 1].StartsWith("- ", StringComparison.Ordinal))
            {
                intro--;
            }

            if (intro > 0 && OptionIntro().IsMatch(lines[intro - 1]))
            {
                continue; // an introduced list: ReadOptionLists decides
            }

            if (OptionBullet().Match(lines[i]) is { Success: true } option && IsMarkedDefault(option)
                && ParseValue(option.Groups["value"].Value, facts.JsonType) is { } value)
            {
                facts.Set(option.Value[2..], ("default", value));
            }
        }
    }

    private static bool IsMarkedDefault(Match option) => option.Groups["marker"].Success || DefaultMarker().IsMatch(option.Groups["text"].Value);

    /// <summary>
    /// The wire values of one option: "0/false" documents two spellings of one meaning, and each is a value the service
    /// accepts; any other option is one value.
    /// </summary>
    private static IEnumerable<JsonValue> Spellings(string option, string jsonType)
    {
        var alternatives = AlternativeSpellings().Match(option);
        if (alternatives.Success && jsonType == "string")
        {
            yield return JsonValue.Create(alternatives.Groups["a"].Value);
            yield return JsonValue.Create(alternatives.Groups["b"].Value);
            yield break;
        }

        if (alternatives.Success && ParseValue(alternatives.Groups["a"].Value, jsonType) is { } first)
        {
            yield return first;
            yield break;
        }

        yield return ParseValue(option, jsonType)!;
    }

    /// <summary>
    /// A whole-value format. A second, different format of the same property is an alternative, not a second
    /// requirement: "If the task is of the once type, the format is yyyy-MM-ddThh:mm:ss. For other types, hh:mm:ss."
    /// states two forms a value may take, so the pattern admits either.
    /// </summary>
    private static void SetFormat(PropertyFacts facts, string sentence, string? format, string pattern)
    {
        if (format is not null && !facts.Keywords.ContainsKey("format"))
        {
            facts.Set(sentence, ("format", format));
        }

        if (facts.Formats.Count > 0 && !facts.Formats.Contains(pattern) && facts.Keywords["pattern"]?.GetValue<string>() == Alternatives(facts.Formats))
        {
            facts.Formats.Add(pattern);
            facts.Keywords["pattern"] = Alternatives(facts.Formats);
            facts.Sources.Add((["pattern"], sentence));
            return;
        }

        if (!facts.Keywords.ContainsKey("pattern"))
        {
            facts.Formats.Add(pattern);
        }

        AddPattern(facts, sentence, pattern);

        static string Alternatives(List<string> patterns) =>
            patterns.Count == 1 ? patterns[0] : "^(?:" + string.Join("|", patterns.Select(p => p[1..^1])) + ")$";
    }

    /// <summary>"By default, a comma (,) is used as the separator", "By default, the Tab key is used".</summary>
    private static void SetDefaultCharacter(Match m, string sentence, PropertyFacts facts)
    {
        var value = m.Groups["char"].Success ? m.Groups["char"].Value : CharacterNames.TryGetValue(m.Groups["name"].Value.ToLowerInvariant(), out var named) ? named : null;
        if (value is not null)
        {
            facts.Set(sentence, ("default", JsonValue.Create(value)));
        }
    }

    private static readonly Dictionary<string, string> CharacterNames = new(StringComparer.Ordinal)
    {
        ["tab"] = "\t",
        ["tab key"] = "\t",
        ["space"] = " ",
        ["comma"] = ",",
        ["semicolon"] = ";",
        ["colon"] = ":",
        ["period"] = ".",
        ["hyphen"] = "-",
        ["underscore"] = "_",
        ["vertical bar"] = "|",
        ["逗号"] = ",",
        ["tab键"] = "\t",
        ["Tab键"] = "\t",
        ["空格"] = " ",
        ["分号"] = ";",
    };

    /// <summary>"The value can be UTF-8, GBK, or GB2312": a closed set stated without an option list.</summary>
    private static void SetClosedSet(string list, string sentence, PropertyFacts facts)
    {
        if (facts.Keywords.ContainsKey("enum") || facts.JsonType == "boolean")
        {
            return;
        }

        var values = new JsonArray();
        foreach (var item in ClosedSetSeparator().Split(ItemNote().Replace(list, string.Empty)).Select(i => i.Trim().TrimEnd('.').Trim('*', '"', '\'', '“', '”')).Where(i => i.Length > 0))
        {
            if (ParseValue(item, facts.JsonType) is not { } value)
            {
                return; // a list of words rather than values
            }

            values.Add(value);
        }

        var distinct = new JsonArray(values.GroupBy(v => v!.ToJsonString()).Select(g => g.First()!.DeepClone()).ToArray());
        if (distinct.Count >= 1)
        {
            facts.Set(sentence, ("enum", distinct));
        }
    }

    /// <summary>
    /// "The numbers before and after the comma indicate the minimum and maximum", "The minimum and maximum values are
    /// separated by hyphens (-)": two decimals joined by the separator, the first not above the second.
    /// </summary>
    private static void SetDecimalPair(string separator, string sentence, PropertyFacts facts)
    {
        var sep = SeparatorNames.TryGetValue(separator.ToLowerInvariant().TrimEnd('s'), out var named) ? named : separator;
        if (sep.Length != 1)
        {
            return;
        }

        var escaped = Regex.Escape(sep);
        SetFormat(facts, sentence, KnownFormats.DecimalRange, $@"^\d+(?:\.\d+)?{escaped}\d+(?:\.\d+)?$");
    }

    /// <summary>"Use a hyphen (-) to separate every two hard sample reason IDs": items joined by one separator.</summary>
    private static void SetSeparatedList(string separator, string sentence, PropertyFacts facts)
    {
        var sep = SeparatorNames.TryGetValue(separator.ToLowerInvariant().TrimEnd('s'), out var named) ? named : separator;
        if (sep.Length != 1)
        {
            return;
        }

        var item = "[^" + EscapeInClass(sep[0]) + "\\s]+";
        if (facts.Keywords["enum"] is JsonArray options && options.All(o => o is JsonValue v && v.TryGetValue<string>(out _)))
        {
            // "Use a hyphen (-) to separate every two hard sample reason IDs. Options: 0 ... 30": the options are the items
            // of the list, not values of the property, so the value is options joined by the separator.
            item = "(?:" + string.Join("|", options.Select(o => Regex.Escape(o!.GetValue<string>()))) + ")";
            facts.Keywords.Remove("enum");
            for (var i = 0; i < facts.Sources.Count; i++)
            {
                if (facts.Sources[i].Keywords.Contains("enum"))
                {
                    facts.Sources[i] = (facts.Sources[i].Keywords.Select(k => k == "enum" ? "pattern" : k).ToArray(), facts.Sources[i].Sentence);
                }
            }
        }

        AddPattern(facts, sentence, "^" + item + "(?:" + Regex.Escape(sep) + item + ")*$");
    }

    private static readonly Dictionary<string, string> SeparatorNames = new(StringComparer.Ordinal)
    {
        ["comma"] = ",",
        ["hyphen"] = "-",
        ["semicolon"] = ";",
        ["colon"] = ":",
        ["space"] = " ",
        ["underscore"] = "_",
        ["vertical bar"] = "|",
        ["slash"] = "/",
    };

    /// <summary>
    /// "The separator can contain only one character, such as a letter, a digit, or any of the following special
    /// characters: !@#" → one character of those classes.
    /// </summary>
    private static void SetSingleCharacter(string chars, string sentence, PropertyFacts facts)
    {
        var set = new StringBuilder("A-Za-z0-9");
        foreach (var ch in chars.Trim().TrimEnd('。').Distinct())
        {
            set.Append(EscapeInClass(ch));
        }

        AddPattern(facts, sentence, "^[" + set + "]$");
    }

    /// <summary>
    /// "172.16.0.0/12-172.16.0.0/24", "0.10-0.90": two values of the same shape (digit runs, letter runs and the
    /// punctuation between them) joined by a hyphen, with digits and punctuation in each.
    /// </summary>
    private static bool IsValueRange(string value)
    {
        var halves = value.Split('-');
        return halves.Length == 2 && halves.All(h => h.Any(char.IsAsciiDigit) && h.Any(c => !char.IsAsciiLetterOrDigit(c)))
            && Shape(halves[0]) == Shape(halves[1]);

        static string Shape(string text) => ShapeRuns().Replace(text, m => char.IsAsciiDigit(m.Value[0]) ? "9" : "a");
    }

    /// <summary>"yyyyMMdd-yyyyMMdd" → <c>\d{8}-\d{8}</c>: each date letter a digit, other characters literal.</summary>
    private static string PlaceholderPattern(string placeholder)
    {
        var pattern = new StringBuilder();
        var digits = 0;
        for (var i = 0; i < placeholder.Length; i++)
        {
            var c = placeholder[i];
            if (c == '\'' && placeholder.IndexOf('\'', i + 1) is var close and > 0)
            {
                // 'T', 'Z': a quoted literal, as in Java's date patterns.
                Flush();
                pattern.Append(Regex.Escape(placeholder[(i + 1)..close]));
                i = close;
                continue;
            }

            if ("yMdHhmsS".Contains(c, StringComparison.Ordinal))
            {
                digits++;
                continue;
            }

            Flush();
            pattern.Append(Regex.Escape(c.ToString()));
        }

        Flush();
        return pattern.ToString();

        void Flush()
        {
            if (digits > 0)
            {
                pattern.Append(@"\d{").Append(digits.ToString(CultureInfo.InvariantCulture)).Append('}');
                digits = 0;
            }
        }
    }

    private static void SetForbidden(string chars, string sentence, PropertyFacts facts)
    {
        chars = chars.Trim();
        if (chars.Length > 1 && chars[^1] == '.')
        {
            chars = chars[..^1];
        }

        if (chars.Length > 2 && chars[0] == '(' && chars[^1] == ')')
        {
            chars = chars[1..^1];
        }

        var set = new StringBuilder();
        foreach (var ch in chars.Distinct())
        {
            set.Append(EscapeInClass(ch));
        }

        if (set.Length == 0)
        {
            facts.Warnings.Add($"'{facts.Name}': the forbidden characters in \"{Shorten(sentence)}\" could not be read");
            return;
        }

        AddPattern(facts, sentence, "^[^" + set + "]*$");
    }

    private static void SetAllowed(string list, string sentence, PropertyFacts facts)
    {
        var set = new StringBuilder();
        foreach (var item in ListSeparator().Split(list).Select(i => i.Trim()).Where(i => i.Length > 0))
        {
            var explicitChar = ParenthesizedChar().Match(item);
            var lower = item.ToLowerInvariant();
            var piece = explicitChar.Success ? EscapeInClass(explicitChar.Groups["c"].Value[0])
                : lower.Contains("uppercase", StringComparison.Ordinal) ? "A-Z"
                : lower.Contains("lowercase", StringComparison.Ordinal) ? "a-z"
                : lower.Contains("letter", StringComparison.Ordinal) || lower.Contains("字母", StringComparison.Ordinal) ? "A-Za-z"
                : lower.Contains("digit", StringComparison.Ordinal) || lower.Contains("number", StringComparison.Ordinal) || lower.Contains("数字", StringComparison.Ordinal) ? "0-9"
                : lower.Contains("underscore", StringComparison.Ordinal) || lower.Contains("下划线", StringComparison.Ordinal) ? "_"
                : lower.Contains("hyphen", StringComparison.Ordinal) || lower.Contains("中划线", StringComparison.Ordinal) || lower.Contains("连字符", StringComparison.Ordinal) ? "\\-"
                : lower.Contains("period", StringComparison.Ordinal) || lower.Contains("dot", StringComparison.Ordinal) ? "."
                : lower.Contains("space", StringComparison.Ordinal) ? " "
                : lower.Contains("chinese", StringComparison.Ordinal) || lower.Contains("中文", StringComparison.Ordinal) ? "\\u4e00-\\u9fa5"
                : null;
            if (piece is null)
            {
                facts.Warnings.Add($"'{facts.Name}': the allowed character class '{item}' in \"{Shorten(sentence)}\" is not known; no pattern is derived");
                return;
            }

            set.Append(piece);
        }

        if (set.Length > 0)
        {
            AddPattern(facts, sentence, "^[" + set + "]*$");
        }
    }

    /// <summary>A second pattern on the same property is kept too: both must hold.</summary>
    private static void AddPattern(PropertyFacts facts, string sentence, string pattern)
    {
        if (!facts.Keywords.ContainsKey("pattern"))
        {
            facts.Set(sentence, ("pattern", pattern));
            return;
        }

        if (facts.Keywords["pattern"]!.GetValue<string>() == pattern)
        {
            return;
        }

        // Both must hold. Tools that merge allOf (Prism) join patterns as lookaheads at the start of the value, where an
        // unanchored "/$" would mean "the value is /": every pattern of the conjunction is anchored at the start.
        facts.Keywords["pattern"] = AnchoredAtStart(facts.Keywords["pattern"]!.GetValue<string>());
        var allOf = facts.Keywords["allOf"] as JsonArray ?? [];
        facts.Keywords.Remove("allOf");
        allOf.Add(new JsonObject { ["pattern"] = AnchoredAtStart(pattern) });
        facts.Keywords["allOf"] = allOf;
        facts.Sources.Add((["allOf"], sentence));
    }

    /// <summary>"/$" → "^[\s\S]*?(?:/$)": the same values, matched from the start.</summary>
    private static string AnchoredAtStart(string pattern) =>
        pattern.StartsWith('^') ? pattern : @"^[\s\S]*?(?:" + pattern + ")";

    private static void SetBracketRange(Match m, string sentence, PropertyFacts facts)
    {
        var low = (m.Groups["open"].Value == "(" ? "exclusiveMinimum" : "minimum", (JsonNode?)ParseNumber(m.Groups["min"].Value));
        if (m.Groups["max"].Value.EndsWith('∞'))
        {
            facts.Set(sentence, low); // "(0, ∞)": bounded below only
            return;
        }

        facts.Set(sentence, low, (m.Groups["close"].Value == ")" ? "exclusiveMaximum" : "maximum", ParseNumber(m.Groups["max"].Value)));
    }

    private static void SetDefault(string raw, string sentence, PropertyFacts facts)
    {
        var text = raw.Trim().TrimEnd('.', ',', ';');
        var quote = text.LastIndexOfAny(['“', '"', '「']);
        if (quote > 0)
        {
            text = text[(quote + 1)..]; // 全量收集规则“all”: the value is the quoted part
        }

        text = text.Trim('"', '\'', '“', '”', '「', '」');
        if (NotAValue().IsMatch(text))
        {
            return;
        }

        if (ZhCharacterName().Match(text) is { Success: true } named && CharacterNames.TryGetValue(named.Groups["name"].Value, out var character) && facts.JsonType == "string")
        {
            facts.Set(sentence, ("default", JsonValue.Create(character))); // 默认为逗号分隔, 默认为Tab键分隔
            return;
        }
        if (LatinThenCjk().Match(text) is { Success: true } latin)
        {
            text = latin.Groups["value"].Value; // UTF-8编码: the value is UTF-8
        }

        if (ParseValue(text, facts.JsonType) is { } value)
        {
            facts.Set(sentence, ("default", value));
        }
    }

    private static JsonValue? ParseValue(string text, string jsonType)
    {
        text = text.Trim();
        switch (jsonType)
        {
            case "integer":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
            case "number":
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
            case "boolean":
                return text.ToLowerInvariant() switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => null,
                };
            default:
                return text.Length == 0 || text.Contains(' ', StringComparison.Ordinal) ? null : JsonValue.Create(text);
        }
    }

    private static JsonValue ParseInt(string text) => JsonValue.Create(long.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture));

    private static JsonValue ParseNumber(string text)
    {
        var clean = text.Replace(",", string.Empty, StringComparison.Ordinal);
        return clean.Contains('.', StringComparison.Ordinal)
            ? JsonValue.Create(decimal.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture))
            : JsonValue.Create(long.Parse(clean, CultureInfo.InvariantCulture));
    }

    private static string EscapeInClass(char ch) => ch switch
    {
        '\\' or ']' or '[' or '^' or '-' => "\\" + ch,
        _ => ch.ToString(),
    };

    /// <summary>The sentence of <paramref name="line"/> that holds the match, for <c>x-doc-source</c>.</summary>
    private static string SentenceAround(string line, int index, int length)
    {
        var start = 0;
        foreach (Match boundary in SentenceBoundary().Matches(line))
        {
            if (boundary.Index + boundary.Length > index)
            {
                break;
            }

            start = boundary.Index + boundary.Length;
        }

        var end = line.Length;
        foreach (Match boundary in SentenceBoundary().Matches(line, Math.Min(line.Length, index + length)))
        {
            end = boundary.Index;
            break;
        }

        return line[start..end].Trim().TrimStart('-', ' ');
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"(?<![\d,])(?<min>\d[\d,]*)\s*(?:to|-|~)\s*(?<max>\d[\d,]*)\s+characters", RegexOptions.IgnoreCase)]
    private static partial Regex LengthRange();

    [GeneratedRegex(@"(?<min>\d+)\s*[-~～]\s*(?<max>\d+)\s*(?:位|个字符|字符)")]
    private static partial Regex LengthRangeZh();

    [GeneratedRegex(@"(?:不能包含|不支持|不允许)(?:特殊字符)?\s*(?<chars>[^\s\p{L}\p{N}]+?)\s*(?:等)?(?:特殊字符|字符)")]
    private static partial Regex ForbiddenCharactersZh();

    [GeneratedRegex(@"取值范围[为是：:]*\s*[\[［]?(?<min>" + Num + @")\s*[-~～,，]\s*(?<max>" + Num + @")")]
    private static partial Regex RangeZh();

    [GeneratedRegex(@"(?:maximum of|at most|up to|no more than|cannot exceed|not exceed|max\.?)\s+(?<max>\d[\d,]*)\s+characters", RegexOptions.IgnoreCase)]
    private static partial Regex MaxLength();

    [GeneratedRegex(@"(?:minimum of|at least|no less than)\s+(?<min>\d[\d,]*)\s+characters", RegexOptions.IgnoreCase)]
    private static partial Regex MinLength();

    [GeneratedRegex(@"(?:does not support|do not support|cannot contain|must not contain|can't contain|excluding)\s+(?:the\s+)?(?:following\s+)?(?:special\s+)?characters?\s*[.:：]?\s*(?<chars>[^\s\w]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenCharacters();

    [GeneratedRegex(@"special characters?\s*(?<chars>\([^\s\w]+\)|[^\s\w]+)\s+(?:are not allowed|is not allowed|cannot be included|are not supported|cannot be used)", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenCharactersBefore();

    /// <summary>
    /// "Only digits, letters ... are allowed", "consisting of only letters ...", and a list that ends its sentence after
    /// "The value can contain" or "... characters, including" ("The value can contain letters, digits, hyphens (-), and underscores (_).").
    /// </summary>
    [GeneratedRegex(@"(?:only\s+(?<list>" + CharacterClasses + @")\s+(?:are|is)\s+(?:allowed|supported|permitted)|(?:consisting of|consists of|including only|contains only|can contain only|composed of)\s+(?<list>" + CharacterClasses + @")|(?:\b(?:value|it|name)\s+can\s+contain|\bcharacters,\s+including)\s+(?<list>" + CharacterClasses + @")(?<=[)\w])(?=\.?\s*$|\.\s+[A-Z]))", RegexOptions.IgnoreCase)]
    private static partial Regex AllowedCharacters();

    [GeneratedRegex(@"(?:只能|仅)(?:包含|由)(?<list>[^。，,]+?)(?:组成|。|$)")]
    private static partial Regex AllowedCharactersAfter();

    [GeneratedRegex(@"range(?:\s+is|\s*:)?\s*(?<open>[\[(])\s*(?<min>" + Num + @")\s*,\s*(?<max>" + Num + @"|\+?∞)\s*(?<close>[\])])", RegexOptions.IgnoreCase)]
    private static partial Regex BracketRange();

    [GeneratedRegex(@"(?:ranges?\s+from|range\s+is|range:|between)\s+(?<min>" + Num + @")\s+(?:to|and|-)\s+(?<max>" + Num + @")(?!\s*characters)", RegexOptions.IgnoreCase)]
    private static partial Regex RangeFromTo();

    [GeneratedRegex(@"(?:minimum value is|minimum is|must be at least|greater than or equal to|not less than|cannot be (?:smaller|less) than|最小值为)\s*(?<v>" + Num + ")(?!\\d|\\.\\d|,\\d)(?!\\s*characters)", RegexOptions.IgnoreCase)]
    private static partial Regex MinimumValue();

    [GeneratedRegex(@"(?:maximum value is|maximum is|cannot exceed|must not exceed|less than or equal to|not greater than|最大值为)\s*(?<v>" + Num + ")(?!\\d|\\.\\d|,\\d)(?!\\s*characters)", RegexOptions.IgnoreCase)]
    private static partial Regex MaximumValue();

    [GeneratedRegex(@"(?:default value is|default value:|defaults to|默认值为|默认为)\s*(?<v>[^\s,，。;；]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultValue();

    /// <summary>"- If type is set to obs, ...": a bullet under a condition on another field.</summary>
    [GeneratedRegex(@"^- (?<condition>If\s+\**[\w@:.]+\**\s+is\s+(?:set\s+to|specified\s+as)\s+\**[\w\-.]+\**),", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalBullet();

    /// <summary>"Obtain the maximum value from Querying Job Resource Specifications": a bound another answer gives.</summary>
    [GeneratedRegex(@"\b(?:obtain|get|query)\s+the\s+(?:maximum|minimum)\s+value\s+from\b|\b(?:maximum|minimum)\s+value\s+is\s+(?:the\s+value\s+)?returned\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex BoundFromAnotherAnswer();

    /// <summary>"A maximum of 10 key-value pairs are allowed".</summary>
    [GeneratedRegex(@"\bkey-value\s+pairs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex KeyValuePairCount();

    /// <summary>"By default, a single node is used": a count whose default is one.</summary>
    [GeneratedRegex(@"\bby default,\s+(?:a\s+single|only\s+one|one)\s+[\w-]+\s+is\s+used\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultSingle();

    /// <summary>"A maximum of 500 records are allowed on each page", "A maximum of 500 records can be queried": a count's upper bound.</summary>
    [GeneratedRegex(@"\b(?:a\s+maximum\s+of|at\s+most|up\s+to)\s+(?<n>\d[\d,]*)\s+(?!characters\b)[\w-]+\s+(?:are|is|can\s+be)\s+(?:allowed|queried|returned|displayed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MaximumCount();

    [GeneratedRegex(@"^(?<name>逗号|[Tt]ab键|空格|分号)(?:分隔)?$")]
    private static partial Regex ZhCharacterName();

    [GeneratedRegex(@"^(?<value>[A-Za-z0-9][A-Za-z0-9_.\-]*)\p{IsCJKUnifiedIdeographs}+$")]
    private static partial Regex LatinThenCjk();

    [GeneratedRegex(@"Either this parameter or\s+(?<other>.+?)\s+is\s+(?<one>used|delivered|set|specified|mandatory|required)|mutually exclusive with\s+(?<other>[\w@:]+)|(?:cannot|can't) be (?:used|set|specified) together with\s+(?<other>[\w@:]+)|与(?<other>[A-Za-z0-9_@:]+)(?<one>二选一)", RegexOptions.IgnoreCase)]
    private static partial Regex EitherOr();

    [GeneratedRegex(@"(?:option|value|as follows|following|possible|can be|include|support|\benums?\b|取值|可选|如下)[^:：]*[:：]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionIntro();

    /// <summary>"The options for dedicated resource pools with GPU specifications are as follows:": a list for one case (two words or more).</summary>
    [GeneratedRegex(@"\b(?:options|values)\s+(?<case>(?:for|when|if)\s+(?:[\w()*-]+\s+){2,}?)(?:are|is|include)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalOptionIntro();

    [GeneratedRegex(@"[0-9]+|[A-Za-z]+")]
    private static partial Regex ShapeRuns();

    [GeneratedRegex(@"^(?<intro>.*?(?:options?|as follows|values?|following|\benums?\b)[^:：]*[:：])\s+-\s+(?<rest>[^\s:：,，()（）]+\s*[:：].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex InlineOptions();

    /// <summary>" - 1: running" inside a bullet: where a lost line break joined two options.</summary>
    [GeneratedRegex(@"\s+-\s+(?=[^\s:：,，()（）]+\s*[:：])")]
    private static partial Regex LostBullet();

    [GeneratedRegex(@"^(?<a>[^/\s]+)/(?<b>[^/\s]+)$")]
    private static partial Regex AlternativeSpellings();

    [GeneratedRegex(@"\bby default,\s+(?:an?\s+|the\s+)?(?:(?<name>tab key|tab|space|comma|semicolon|colon|period|hyphen|underscore|vertical bar)\b[^.]*?|[^.]*?\((?<char>[^)\s])\)[^.]*?)\s+is used", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultCharacter();

    /// <summary>
    /// "The value can be A, B, or C", "Possible values are DAYS, HOURS, and MINUTES", "The options are between, like, in,
    /// and not"; an item may carry a note in parentheses ("ROUND_ROBIN (weighted round robin)").
    /// </summary>
    [GeneratedRegex(@"(?:\b(?:value|values|it)\s+(?:can|must)\s+be\s+(?:one\s+of\s+)?|\bpossible\s+values\s+are\s+|\bthe\s+options\s+are\s+(?!as\s+follows))(?<list>\**[\w.+/-]+\**(?:\s*\([^()]*\))?(?:,\s*\**[\w.+/-]+\**(?:\s*\([^()]*\))?)+,?\s+(?:or|and)\s+\**[\w.+/-]+\**(?:\s*\([^()]*\))?)(?=[\s.,;]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ClosedSet();

    /// <summary>"The value range is [Info Error Warning]": words in brackets, separated by spaces.</summary>
    [GeneratedRegex(@"\bvalue\s+range\s+is\s+\[(?<list>[A-Za-z_][\w-]*(?:\s+[A-Za-z_][\w-]*)+)\]")]
    private static partial Regex BracketedSet();

    /// <summary>"The value contains 64 characters", "a string of 32 characters": one length.</summary>
    [GeneratedRegex(@"\b(?:value\s+contains|a\s+string\s+of)\s+(?<n>\d+)\s+characters\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExactLength();

    /// <summary>"The value must be greater than 0" (not "... greater than or equal to", not "If the value is greater than 1").</summary>
    [GeneratedRegex(@"\b(?:must|should)\s+be\s+greater\s+than\s+(?<v>" + Num + ")(?!\\d|\\.\\d|,\\d)(?!\\s*characters)", RegexOptions.IgnoreCase)]
    private static partial Regex ExclusiveMinimumValue();

    /// <summary>"The following special characters are not allowed: !<>=&amp;"'", "... are not supported: (){}';,".</summary>
    [GeneratedRegex(@"following\s+special\s+characters\s+are\s+not\s+(?:allowed|supported|permitted)\s*[:：]\s*(?<chars>[^\s\w]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenCharactersListed();

    [GeneratedRegex(@",\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+")]
    private static partial Regex ClosedSetSeparator();

    /// <summary>" (weighted round robin)": a note after an item of a closed set.</summary>
    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex ItemNote();

    /// <summary>A value that is an OBS path: "OBS path or manifest path to be imported", "OBS directory for ...", "Output path for exporting data to OBS".</summary>
    [GeneratedRegex(@"(?:^|(?<=[.;!?]\s+))(?:(?:(?:the|an?)\s+)?(?:[\w-]+\s+){0,2}OBS\s+(?:(?<url>URL|address)|path|directory|folder|bucket path)\b(?!\s+in\s+a\s+KMS)|(?:[\w-]+\s+){0,2}(?:path|directory)\s+(?:for\s+\w+ing\s+[\w\s]{1,30}?\s+)?(?:to|in|on)\s+OBS\b|(?<url>URL|address)\s+of\s+(?:the\s+|an?\s+)?OBS\s+(?:path|directory|folder)\b)|\b(?:must|should)\s+be\s+an?\s+(?:valid\s+)?OBS\s+(?:bucket\s+)?(?:path|directory)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ObsPath();

    /// <summary>"The format is /Bucket name/File path".</summary>
    [GeneratedRegex(@"\bformat is\s+/bucket[ _]?name/", RegexOptions.IgnoreCase)]
    private static partial Regex ObsPathFormat();

    [GeneratedRegex(@"\bA bucket cannot be (?:directly )?used as (?:a|the) path\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotABucket();

    [GeneratedRegex(@"\b(?:must|should)\s+end\s+with\s+(?:a\s+|the\s+)?(?:slash\s*\(/\)|slash|/)|\b(?:ends|and\s+end)\s+with\s+(?:a\s+|the\s+)?(?:slash|/)", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingSlash();

    /// <summary>"in the format of hh:mm:ss.SSS", "format: yyyy-MM-dd", "in the format of yyyy-MM-dd'T'HH:mm:ss'Z'" (quoted literals).</summary>
    [GeneratedRegex(@"\b(?:in the format of|format:|the format is)\s+(?<format>(?=[^\s]*(?:yyyy|MM|dd|HH|hh|mm|ss))(?:[yMdHhmsS\-_:/.T ]|'[^'\s]+')*(?:[yMdHhmsS]|'[^'\s]+'))", RegexOptions.None)]
    private static partial Regex TimeFormat();

    /// <summary>"The format is as follows: Dataset output path/Dataset name-Dataset ID/annotation/auto-deploy/.": the value ends with a slash.</summary>
    [GeneratedRegex(@"\bformat is(?:\s+as follows)?\s*:?\s+(?:[^{}.]|\.(?=\S))*?/(?=\.?(?:\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex SlashEndedTemplate();

    [GeneratedRegex(@"\bhexadecimal\s+(?:code|value)\s+of\s+(?:the\s+)?colou?r|\bcolou?r\s+code\b|\bhexadecimal\s+colou?r", RegexOptions.IgnoreCase)]
    private static partial Regex Colour();

    [GeneratedRegex(@"\bcan contain only one character\b.*?\bspecial characters?\s*[:：]\s*(?<chars>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SingleCharacter();

    [GeneratedRegex(@"仅支持一个字符[^“""]*[“""](?<chars>[^”""]+)[”""]")]
    private static partial Regex SingleCharacterZh();

    [GeneratedRegex(@"^(?:[\w-]+\s+)?IP address\b", RegexOptions.IgnoreCase)]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"\b(?:numbers|values)\s+before\s+and\s+after\s+the\s+(?<sep>comma|hyphen|semicolon|colon|slash)\s+(?:indicate|are)\s+the\s+minimum\s+and\s+maximum|\bminimum\s+and\s+maximum\s+values\s+are\s+separated\s+by\s+(?:an?\s+)?(?<sep>commas?|hyphens?|semicolons?|colons?|slash(?:es)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalPair();

    /// <summary>"Use a hyphen (-) to separate every two ...", "use commas (,) to separate multiple service_id values".</summary>
    [GeneratedRegex(@"\bUse\s+(?:an?\s+(?<sep>comma|hyphen|semicolon|colon|vertical bar|slash)|(?<sep>commas|hyphens|semicolons|colons|vertical bars|slashes))\s*(?:\([^)]\))?\s+to\s+separate\s+(?:every\s+two|the|multiple)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeparatedList();

    /// <summary>"Currently, only value all is available", "Only the value 0 is supported".</summary>
    [GeneratedRegex(@"\bonly\s+(?:the\s+)?value\s+\**(?<value>[\w.\-/]+)\**\s+is\s+(?:available|supported|allowed|valid)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SingleValue();

    /// <summary>"Only one data source can be imported at a time", "A maximum of 10 labels can be added".</summary>
    [GeneratedRegex(@"\b(?:only\s+one|(?:a\s+maximum\s+of|at\s+most|up\s+to)\s+(?<n>\d+))\s+[\w\s]{1,40}?\s+can\s+be\s+(?:imported|specified|added|selected|set|uploaded|used|delivered|created)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ItemCount();

    /// <summary>"- 0: labeler", "- CarbonData (note)", "- SCRIPT (default): ...", "- real-time, which is the default value".</summary>
    [GeneratedRegex(@"^- (?<value>[^\s:：,，()（）]+)\s*(?:(?<marker>[(（](?:default(?: value)?|默认值)[)）])?\s*[:：]\s*(?<text>.*)|[(（](?<text>[^)）]*)[)）]|,\s*(?<text>which\s+is\s+the\s+default(?:\s+value)?\.?))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionBullet();

    [GeneratedRegex(@"\(\s*(?:Default value|default|默认值)\s*\)|（默认值）|^(?:Default value|默认值)\b|\bis the default(?: value)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultMarker();

    [GeneratedRegex(@"^(?=.*(?:yyyy|MM|dd|HH|mm|ss))[yMdHms\-_:/.T]+$")]
    private static partial Regex DatePlaceholder();

    /// <summary>Words after "the default value is" that name no value ("... is specified by CCE", "... is used").</summary>
    [GeneratedRegex(@"^(?:none|null|n/a|empty|blank|left|the|a|an|not|no|specified|determined|decided|used|set|空|无|不填|空字符串|为空)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAValue();

    [GeneratedRegex(@",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|、|和|及")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\((?<c>[^)\s])\)")]
    private static partial Regex ParenthesizedChar();

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[A-Z0-9(""'])|(?<=[。；！？])")]
    private static partial Regex SentenceBoundary();
}
