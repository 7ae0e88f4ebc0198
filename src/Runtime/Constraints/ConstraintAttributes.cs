namespace ModelArts.Runtime.Constraints;

// The constraints of the OpenAPI description, stamped on generated members. Generated Validate()
// methods check them at run time; the analyzers read them from symbols at design time.
// Values are constants so both can read them: numbers as double, option values as string or long.

/// <summary>The JSON property must be present (<c>required</c> in the schema).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class RequiredPropertyAttribute : Attribute
{
}

/// <summary>String length in Unicode code points (<c>minLength</c>, <c>maxLength</c>); -1 when unbounded.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class LengthAttribute : Attribute
{
    /// <summary>The fewest code points, or -1.</summary>
    public int Minimum { get; set; } = -1;

    /// <summary>The most code points, or -1.</summary>
    public int Maximum { get; set; } = -1;
}

/// <summary>The string matches this ECMAScript regular expression (<c>pattern</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    /// <summary>The regular expression.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>The documented format the pattern checks (<c>obs-path</c>), for messages; null when it has no name.</summary>
    public string? Format { get; set; }
}

/// <summary>Numeric bounds (<c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>); NaN when absent.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class RangeAttribute : Attribute
{
    /// <summary>Inclusive lower bound, or NaN.</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>Inclusive upper bound, or NaN.</summary>
    public double Maximum { get; set; } = double.NaN;

    /// <summary>Exclusive lower bound, or NaN.</summary>
    public double ExclusiveMinimum { get; set; } = double.NaN;

    /// <summary>Exclusive upper bound, or NaN.</summary>
    public double ExclusiveMaximum { get; set; } = double.NaN;
}

/// <summary>The documented option values (<c>enum</c>): strings, or whole numbers as <see cref="long"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class AllowedValuesAttribute(params object[] values) : Attribute
{
    /// <summary>The values.</summary>
    public object[] Values { get; } = values;
}

/// <summary>At most one of two properties may be set (<c>not: {required: [a, b]}</c>). Names are C# property names.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MutuallyExclusiveAttribute(string first, string second) : Attribute
{
    /// <summary>One property.</summary>
    public string First { get; } = first;

    /// <summary>The other property.</summary>
    public string Second { get; } = second;

    /// <summary>The sentence of the documentation that states the rule.</summary>
    public string? Source { get; set; }
}

/// <summary>A documented value format a pattern cannot fully check (<c>format</c>): <c>decimal-range</c> or <c>date-period</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class ValueFormatAttribute(string format) : Attribute
{
    /// <summary>The format name.</summary>
    public string Format { get; } = format;

    /// <summary>Lower bound of a <c>decimal-range</c>, or NaN.</summary>
    public double Minimum { get; set; } = double.NaN;

    /// <summary>Upper bound of a <c>decimal-range</c>, or NaN.</summary>
    public double Maximum { get; set; } = double.NaN;

    /// <summary>Longest <c>date-period</c> in days, or 0.</summary>
    public int MaxDays { get; set; }
}

/// <summary>The wire value of a named member of a generated option type.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class WireValueAttribute(object value) : Attribute
{
    /// <summary>The value: a string or a <see cref="long"/>.</summary>
    public object Value { get; } = value;
}

/// <summary>At least one of the alternatives holds: each alternative is property names joined by ',' that must all be set (<c>anyOf</c> of <c>required</c> lists).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AtLeastOneAttribute(params string[] alternatives) : Attribute
{
    /// <summary>The alternatives, each "A" or "A,B".</summary>
    public string[] Alternatives { get; } = alternatives;

    /// <summary>The documentation's words, for diagnostics.</summary>
    public string? Message { get; set; }
}

/// <summary>
/// A rule between fields (<c>if</c>/<c>then</c> in the schema) whose condition is one property's value: when the property
/// at <see cref="When"/> holds one of <see cref="WhenValues"/> (is set, when there are none; has at least
/// <see cref="WhenCount"/> items, when that is set), the <see cref="Subjects"/> must follow <see cref="Kind"/>:
/// <c>required-when</c> (be set), <c>forbidden-when</c> (not be set), <c>value-when</c> (be one of <see cref="Allowed"/>
/// or none of <see cref="Forbidden"/>), <c>format-when</c> (match <see cref="Pattern"/>). Paths are C# property names
/// joined by '.'; <c>[]</c> after a list in <see cref="When"/> means "some item", in a subject "every item".
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RuleAttribute(string kind, string when, params object[] whenValues) : Attribute
{
    /// <summary><c>required-when</c>, <c>forbidden-when</c>, <c>value-when</c> or <c>format-when</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>The path of the property the condition tests.</summary>
    public string When { get; } = when;

    /// <summary>The values that make the condition hold (string or long); empty: the property is set.</summary>
    public object[] WhenValues { get; } = whenValues;

    /// <summary>When above 0, the condition is that the list at <see cref="When"/> has at least this many items.</summary>
    public int WhenCount { get; set; }

    /// <summary>The paths the rule constrains.</summary>
    public string[] Subjects { get; set; } = [];

    /// <summary>For <c>value-when</c>: the values the subject may take.</summary>
    public object[]? Allowed { get; set; }

    /// <summary>For <c>value-when</c>: the values the subject may not take.</summary>
    public object[]? Forbidden { get; set; }

    /// <summary>For <c>format-when</c>: the pattern the subject must match.</summary>
    public string? Pattern { get; set; }

    /// <summary>The documentation's words, for diagnostics.</summary>
    public string? Message { get; set; }
}
