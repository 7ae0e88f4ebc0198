using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelArts.Runtime.Json;

namespace ModelArts.Runtime.Validation;

/// <summary>An option type: a wire value that may or may not be one the documentation lists.</summary>
public interface IOptionValue : IJsonValue
{
    /// <summary>Whether the value is one the documentation lists.</summary>
    bool IsKnown { get; }
}

// The forms generated code calls: a property is named by its model's JsonNames and index, and its JSON path is
// built only when a rule is broken, so a valid request costs no string work.
public static partial class Check
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>
    /// How each pattern string is matched (a <see cref="CharacterClassPattern"/> or its <see cref="Regex"/>), by string
    /// instance: generated code passes literals, so after the first call a pattern is found without hashing its text.
    /// Weak keys: a pattern string built at run time does not stay alive because of it.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, object> Matchers = new();

    /// <summary>The JSON path of the property at <paramref name="index"/> under <paramref name="path"/>.</summary>
    public static string Path(string path, JsonNames names, int index) => path + names.Segment(index);

    /// <summary>A documented pattern, compiled once (culture-invariant, as JSON Schema's ECMA-262 patterns are).</summary>
    public static Regex Pattern(string pattern) => Patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant));

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/> (unanchored, as in JSON Schema).</summary>
    public static bool Matches(string value, string pattern)
    {
        if (!Matchers.TryGetValue(pattern, out var matcher))
        {
            matcher = Matchers.GetValue(pattern, static p => (object?)CharacterClassPattern.TryParse(p) ?? Pattern(p));
        }

        return matcher is CharacterClassPattern characters ? characters.IsMatch(value) : ((Regex)matcher).IsMatch(value);
    }

    /// <summary>Adds a violation of <c>required</c> when <paramref name="present"/> is false.</summary>
    public static void Required(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, bool present)
    {
        if (!present)
        {
            violations.Add(new ModelArtsViolation("required", Path(path, names, index), "is required"));
        }
    }

    /// <summary>Adds violations of <c>minLength</c>/<c>maxLength</c> (negative: absent).</summary>
    public static void Length(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, string? value, int minimum, int maximum)
    {
        if (value is not null && !WithinLength(value, minimum, maximum))
        {
            Length(violations, Path(path, names, index), value, minimum, maximum);
        }
    }

    /// <summary>Adds a violation of <c>pattern</c>.</summary>
    public static void Pattern(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, string? value, string pattern)
    {
        if (value is not null && !Matches(value, pattern))
        {
            violations.Add(new ModelArtsViolation("pattern", Path(path, names, index), $"must match {pattern}"));
        }
    }

    /// <summary>Adds a violation of <c>pattern</c> that names the documented format (<c>obs-path</c>).</summary>
    public static void Pattern(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, string? value, string pattern, string formatName)
    {
        if (value is not null && !Matches(value, pattern))
        {
            violations.Add(new ModelArtsViolation("pattern", Path(path, names, index), $"must be {Article(formatName)} {formatName} (match {pattern})"));
        }
    }

    /// <summary>Adds violations of the numeric bounds; NaN bounds are absent.</summary>
    public static void Range(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, double? value, double minimum, double maximum, double exclusiveMinimum, double exclusiveMaximum)
    {
        if (value is { } v && !InRange(v, minimum, maximum, exclusiveMinimum, exclusiveMaximum))
        {
            Range(violations, Path(path, names, index), v, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
        }
    }

    /// <summary>Adds a violation of a documented value format.</summary>
    public static void Format(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, string? value, string format, double minimum, double maximum, int maxDays)
    {
        if (value is not null && ValueFormats.Check(format, value, minimum, maximum, maxDays) is { } reason)
        {
            violations.Add(new ModelArtsViolation("format", Path(path, names, index), reason));
        }
    }

    /// <summary>Adds a violation of <c>enum</c> when the option value is not one the documentation lists.</summary>
    public static void Known<T>(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, T? value)
        where T : struct, IOptionValue
    {
        if (value is { IsKnown: false } v)
        {
            violations.Add(new ModelArtsViolation("enum", Path(path, names, index), $"'{v}' is not one of the documented values"));
        }
    }

    /// <summary>Adds violations of <c>minItems</c>/<c>maxItems</c> (negative: absent).</summary>
    public static void Items(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, int? count, int minimum, int maximum)
    {
        if (count is { } c && ((minimum >= 0 && c < minimum) || (maximum >= 0 && c > maximum)))
        {
            Items(violations, Path(path, names, index), c, minimum, maximum);
        }
    }

    /// <summary>Validates a nested model.</summary>
    public static void Model(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, IJsonModel? value)
    {
        if (value is not null)
        {
            Nested(violations, value, (path, names, index), static at => Path(at.path, at.names, at.index));
        }
    }

    /// <summary>Validates every model of a list.</summary>
    public static void Models<T>(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, IList<T>? list)
        where T : IJsonModel
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is { } item)
            {
                Nested(violations, item, (path, names, index, i), static at => Path(at.path, at.names, at.index) + "[" + at.i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }
        }
    }

    /// <summary>Validates every model of a map.</summary>
    public static void Models<T>(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, IDictionary<string, T>? map)
        where T : IJsonModel
    {
        if (map is null)
        {
            return;
        }

        foreach (var pair in map)
        {
            if (pair.Value is { } item)
            {
                Nested(violations, item, (path, names, index, pair.Key), static at => Path(at.path, at.names, at.index) + ModelArtsJsonException.Segment(at.Key));
            }
        }
    }

    /// <summary>
    /// Validates a model held at <paramref name="place"/>. Into the caller's list it validates under an empty path and only
    /// its violations get the full path from <paramref name="path"/>, so a valid body builds no string; into any other
    /// collection, under the full path.
    /// </summary>
    private static void Nested<TPlace>(ICollection<ModelArtsViolation> violations, IJsonModel model, TPlace place, Func<TPlace, string> path)
    {
        if (violations is not List<ModelArtsViolation> list)
        {
            model.Validate(violations, path(place));
            return;
        }

        var before = list.Count;
        model.Validate(list, string.Empty);
        if (list.Count > before)
        {
            var prefix = path(place);
            for (var i = before; i < list.Count; i++)
            {
                list[i] = list[i].Under(prefix);
            }
        }
    }

    /// <summary>Checks every option value of a list against the documented values.</summary>
    public static void Known<T>(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, IList<T>? list)
        where T : struct, IOptionValue
    {
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            if (!list[i].IsKnown)
            {
                violations.Add(new ModelArtsViolation("enum", Path(path, names, index) + Item(i), $"'{list[i]}' is not one of the documented values"));
            }
        }
    }

    /// <summary>Checks the length and patterns of every string of a list.</summary>
    public static void Strings(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, IList<string>? list, int minimum, int maximum, params string[] patterns)
    {
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var value = list[i];
            if (value is null)
            {
                continue;
            }

            if (!WithinLength(value, minimum, maximum))
            {
                Length(violations, Path(path, names, index) + Item(i), value, minimum, maximum);
            }

            foreach (var pattern in patterns)
            {
                if (!Matches(value, pattern))
                {
                    violations.Add(new ModelArtsViolation("pattern", Path(path, names, index) + Item(i), $"must match {pattern}"));
                }
            }
        }
    }

    /// <summary>Checks every number of a list against the numeric bounds.</summary>
    public static void Numbers<T>(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, IList<T>? list, double minimum, double maximum, double exclusiveMinimum, double exclusiveMaximum)
        where T : struct, IConvertible
    {
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var value = list[i].ToDouble(System.Globalization.CultureInfo.InvariantCulture);
            if (!InRange(value, minimum, maximum, exclusiveMinimum, exclusiveMaximum))
            {
                Range(violations, Path(path, names, index) + Item(i), value, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
            }
        }
    }

    /// <summary>
    /// Checks a value whose JSON type varies (kept as JsonElement): its enum as JSON compares values, a number against
    /// its integer width and bounds, a string against its length and pattern. <paramref name="allowed"/> is the enum
    /// as JSON, or null.
    /// </summary>
    public static void Loose(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int index, JsonElement? value, string? allowed, int bits, double minimum, double maximum, double exclusiveMinimum, double exclusiveMaximum, int minLength, int maxLength, string? pattern)
    {
        if (value is not { } v)
        {
            return;
        }

        var at = Path(path, names, index);
        if (allowed is not null && !Sets.GetOrAdd(allowed, a => new JsonValueSet(a)).Contains(v))
        {
            Allowed(violations, at, false, v.GetRawText());
        }

        if (bits != 0)
        {
            IntegerWidth(violations, at, v, bits);
        }

        if (AsNumber(v) is { } number && !InRange(number, minimum, maximum, exclusiveMinimum, exclusiveMaximum))
        {
            Range(violations, at, number, minimum, maximum, exclusiveMinimum, exclusiveMaximum);
        }

        if (AsString(v) is { } text)
        {
            Length(violations, at, text, minLength, maxLength);
            if (pattern is not null && !Matches(text, pattern))
            {
                violations.Add(new ModelArtsViolation("pattern", at, $"must match {pattern}"));
            }
        }
    }

    private static readonly ConcurrentDictionary<string, JsonValueSet> Sets = new(StringComparer.Ordinal);

    /// <summary>Whether a loosely typed value is one of the JSON values in <paramref name="allowed"/>.</summary>
    public static bool In(JsonElement value, string allowed) => Sets.GetOrAdd(allowed, a => new JsonValueSet(a)).Contains(value);

    /// <summary>Adds a violation of <c>not: {required: [a, b]}</c> when both are present.</summary>
    public static void Exclusive(ICollection<ModelArtsViolation> violations, string path, JsonNames names, int first, bool firstPresent, int second, bool secondPresent) =>
        Exclusive(violations, path, names.Name(first), firstPresent, names.Name(second), secondPresent);

    /// <summary>Adds a violation of <c>oneOf</c> over lists of required properties unless exactly one holds.</summary>
    public static void ExactlyOne(ICollection<ModelArtsViolation> violations, string path, int holding, string alternatives)
    {
        if (holding != 1)
        {
            violations.Add(new ModelArtsViolation("oneOf", path, holding == 0 ? $"needs exactly one of {alternatives}" : $"must set only one of {alternatives}"));
        }
    }

    /// <summary>Adds the violation of a rule between fields.</summary>
    public static void Broken(ICollection<ModelArtsViolation> violations, string ruleId, string path, string message) =>
        violations.Add(new ModelArtsViolation(ruleId, path, message));

    /// <summary>Whether some item of a list passes <paramref name="test"/> (<c>contains</c>).</summary>
    public static bool Any<T>(IList<T>? list, Func<T, bool> test)
    {
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            if (test(list[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a number is within the bounds; NaN bounds are absent.</summary>
    public static bool InRange(double value, double minimum, double maximum, double exclusiveMinimum, double exclusiveMaximum) =>
        (double.IsNaN(minimum) || value >= minimum) && (double.IsNaN(maximum) || value <= maximum)
        && (double.IsNaN(exclusiveMinimum) || value > exclusiveMinimum) && (double.IsNaN(exclusiveMaximum) || value < exclusiveMaximum);

    /// <summary>Whether a string's length in code points is within the bounds (negative: absent).</summary>
    public static bool WithinLength(string value, int minimum, int maximum)
    {
        var length = CodePoints(value);
        return (minimum < 0 || length >= minimum) && (maximum < 0 || length <= maximum);
    }

    /// <summary>Throws the validation error when a call's arguments break documented constraints; nothing is sent.</summary>
    public static void Arguments(List<ModelArtsViolation>? violations)
    {
        if (violations is { Count: > 0 })
        {
            throw new Http.ModelArtsValidationException(violations);
        }
    }

    /// <summary>Adds violations of an argument's length, pattern, range or documented options (path <c>query.limit</c>).</summary>
    public static List<ModelArtsViolation>? Argument(List<ModelArtsViolation>? violations, string path, object? value, int minLength, int maxLength, string? pattern, double minimum, double maximum, double exclusiveMinimum, double exclusiveMaximum)
    {
        var found = new List<ModelArtsViolation>();
        switch (value)
        {
            case null:
                break;
            case string text:
                Length(found, path, text, minLength, maxLength);
                if (pattern is not null && !Matches(text, pattern))
                {
                    found.Add(new ModelArtsViolation("pattern", path, $"must match {pattern}"));
                }

                break;
            case IOptionValue option when !option.IsKnown:
                Allowed(found, path, false, option.ToString() ?? string.Empty);
                break;
            case IConvertible number and not bool and not IOptionValue:
                Range(found, path, number.ToDouble(System.Globalization.CultureInfo.InvariantCulture), minimum, maximum, exclusiveMinimum, exclusiveMaximum);
                break;
        }

        if (found.Count == 0)
        {
            return violations;
        }

        violations ??= [];
        violations.AddRange(found);
        return violations;
    }

    private static string Item(int index) => "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static string Article(string word) => word.Length > 0 && char.ToLowerInvariant(word[0]) is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";
}
