using System.Text.Json;

namespace ModelArts.Runtime.Validation;

/// <summary>One broken rule of a request: which rule (the JSON Schema keyword), where (a JSON path), and why.</summary>
public sealed class ModelArtsViolation(string ruleId, string path, string message)
{
    /// <summary>Stable id: the JSON Schema keyword that is violated (<c>required</c>, <c>maxLength</c>, <c>pattern</c>, <c>minimum</c>, <c>enum</c>, <c>not</c>, <c>if-then</c>, ...).</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>JSON path of the offending value, such as <c>$.template.id</c>.</summary>
    public string Path { get; } = path;

    /// <summary>A sentence for a person.</summary>
    public string Message { get; } = message;

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message} [{RuleId}]";

    /// <summary>The same violation at <paramref name="prefix"/> + its path (a nested model's violation, found under an empty path).</summary>
    internal ModelArtsViolation Under(string prefix) => new(RuleId, prefix + Path, Message);
}

/// <summary>The checks generated <c>Validate</c> methods call.</summary>
public static partial class Check
{
    /// <summary>Length in Unicode code points, as JSON Schema counts it.</summary>
    public static int CodePoints(string value) => ValueFormats.CodePoints(value);

    /// <summary>Adds violations of <c>minLength</c>/<c>maxLength</c>.</summary>
    public static void Length(ICollection<ModelArtsViolation> violations, string path, string? value, int minimum, int maximum)
    {
        if (value is null)
        {
            return;
        }

        var length = CodePoints(value);
        if (minimum >= 0 && length < minimum)
        {
            violations.Add(new ModelArtsViolation("minLength", path, $"must have at least {minimum} characters, has {length}"));
        }

        if (maximum >= 0 && length > maximum)
        {
            violations.Add(new ModelArtsViolation("maxLength", path, $"must have at most {maximum} characters, has {length}"));
        }
    }

    /// <summary>Adds a violation of <c>pattern</c>.</summary>
    public static void Pattern(ICollection<ModelArtsViolation> violations, string path, string? value, System.Text.RegularExpressions.Regex pattern)
    {
        if (value is not null && !pattern.IsMatch(value))
        {
            violations.Add(new ModelArtsViolation("pattern", path, $"must match {pattern}"));
        }
    }

    /// <summary>Adds violations of the numeric bounds; NaN bounds are absent.</summary>
    public static void Range(ICollection<ModelArtsViolation> violations, string path, double? value, double minimum, double maximum, double exclusiveMinimum, double exclusiveMaximum)
    {
        if (value is not { } v)
        {
            return;
        }

        var text = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!double.IsNaN(minimum) && v < minimum)
        {
            violations.Add(new ModelArtsViolation("minimum", path, $"must be at least {Format(minimum)}, is {text}"));
        }

        if (!double.IsNaN(maximum) && v > maximum)
        {
            violations.Add(new ModelArtsViolation("maximum", path, $"must be at most {Format(maximum)}, is {text}"));
        }

        if (!double.IsNaN(exclusiveMinimum) && v <= exclusiveMinimum)
        {
            violations.Add(new ModelArtsViolation("exclusiveMinimum", path, $"must be greater than {Format(exclusiveMinimum)}, is {text}"));
        }

        if (!double.IsNaN(exclusiveMaximum) && v >= exclusiveMaximum)
        {
            violations.Add(new ModelArtsViolation("exclusiveMaximum", path, $"must be less than {Format(exclusiveMaximum)}, is {text}"));
        }
    }

    /// <summary>Adds a violation of <c>required</c> when <paramref name="present"/> is false.</summary>
    public static void Required(ICollection<ModelArtsViolation> violations, string path, bool present)
    {
        if (!present)
        {
            violations.Add(new ModelArtsViolation("required", path, "is required"));
        }
    }

    /// <summary>Adds a violation of <c>not: {required: [a, b]}</c> when both are present.</summary>
    public static void Exclusive(ICollection<ModelArtsViolation> violations, string path, string first, bool firstPresent, string second, bool secondPresent)
    {
        if (firstPresent && secondPresent)
        {
            violations.Add(new ModelArtsViolation("not", path, $"{first} and {second} cannot both be set"));
        }
    }

    /// <summary>Adds a violation of <c>enum</c> when the value is not one of the documented options.</summary>
    public static void Allowed(ICollection<ModelArtsViolation> violations, string path, bool isKnown, string value)
    {
        if (!isKnown)
        {
            violations.Add(new ModelArtsViolation("enum", path, $"'{value}' is not one of the documented values"));
        }
    }

    /// <summary>Adds a violation of <c>format: int32</c>/<c>int64</c> when a number of a loosely typed value does not fit <paramref name="bits"/>.</summary>
    public static void IntegerWidth(ICollection<ModelArtsViolation> violations, string path, JsonElement value, int bits)
    {
        // As JSON Schema counts: 2.0 is an integer; the bounds compare as doubles, as JavaScript validators do.
        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number
            && (number % 1 != 0 || number < (bits == 32 ? int.MinValue : long.MinValue) || number > (bits == 32 ? int.MaxValue : long.MaxValue)))
        {
            violations.Add(new ModelArtsViolation("format", path, $"must be a {bits}-bit integer, is {value.GetRawText()}"));
        }
    }

    /// <summary>A loosely typed value as a number, when it is one.</summary>
    public static double? AsNumber(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>A loosely typed value as a string, when it is one.</summary>
    public static string? AsString(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Adds violations of <c>minItems</c>/<c>maxItems</c>; negative bounds are absent.</summary>
    public static void Items(ICollection<ModelArtsViolation> violations, string path, int count, int minimum, int maximum)
    {
        if (minimum >= 0 && count < minimum)
        {
            violations.Add(new ModelArtsViolation("minItems", path, $"must have at least {minimum} items, has {count}"));
        }

        if (maximum >= 0 && count > maximum)
        {
            violations.Add(new ModelArtsViolation("maxItems", path, $"must have at most {maximum} items, has {count}"));
        }
    }

    /// <summary>Adds a violation of a documented value format (<c>format</c>).</summary>
    public static void Format(ICollection<ModelArtsViolation> violations, string path, string? value, string format, double minimum, double maximum, int maxDays)
    {
        if (value is not null && ValueFormats.Check(format, value, minimum, maximum, maxDays) is { } reason)
        {
            violations.Add(new ModelArtsViolation("format", path, reason));
        }
    }

    /// <summary>Adds a violation of an <c>anyOf</c> over lists of required properties when none of them holds (<paramref name="holding"/> is 0).</summary>
    public static void RequiredGroup(ICollection<ModelArtsViolation> violations, string path, int holding, string alternatives)
    {
        if (holding == 0)
        {
            violations.Add(new ModelArtsViolation("anyOf", path, $"needs {alternatives}"));
        }
    }

    /// <summary>Adds a violation when a list has at least <paramref name="minimumCount"/> items and the other property is absent.</summary>
    public static void RequiredWhenCount(ICollection<ModelArtsViolation> violations, string path, int? count, int minimumCount, bool requiredPresent, string message)
    {
        if (count >= minimumCount && !requiredPresent)
        {
            violations.Add(new ModelArtsViolation("if-then", path, message));
        }
    }

    private static string Format(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The documented values of a property whose JSON type varies (the documentation contradicts itself, see
/// <c>x-doc-type-conflict</c>): strings, numbers and booleans, each compared as JSON compares them.
/// </summary>
public sealed class JsonValueSet
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<double> _numbers = [];
    private readonly bool _true;
    private readonly bool _false;
    private readonly bool _null;

    /// <summary>Reads the set from the JSON array <paramref name="enumJson"/>, such as <c>[0, 1, "2", true]</c>.</summary>
    public JsonValueSet(string enumJson)
    {
        using var document = JsonDocument.Parse(enumJson);
        foreach (var value in document.RootElement.EnumerateArray())
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    _strings.Add(value.GetString()!);
                    break;
                case JsonValueKind.Number:
                    _numbers.Add(value.GetDouble());
                    break;
                case JsonValueKind.True:
                    _true = true;
                    break;
                case JsonValueKind.False:
                    _false = true;
                    break;
                case JsonValueKind.Null:
                    _null = true;
                    break;
                default:
                    throw new ArgumentException($"enum value {value.GetRawText()} is not a scalar", nameof(enumJson));
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> is one of the set (1 and 1.0 are the same number; "1" is not 1).</summary>
    public bool Contains(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => _strings.Contains(value.GetString()!),
        JsonValueKind.Number => _numbers.Contains(value.GetDouble()),
        JsonValueKind.True => _true,
        JsonValueKind.False => _false,
        JsonValueKind.Null => _null,
        _ => false,
    };
}
