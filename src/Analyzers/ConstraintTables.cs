using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelArts.Analyzers;

/// <summary>The runtime's constraint attribute types, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private const string Namespace = "ModelArts.Runtime.Constraints.";

    private KnownSymbols(Compilation compilation, INamedTypeSymbol required)
    {
        Required = required;
        Length = compilation.GetTypeByMetadataName(Namespace + "LengthAttribute");
        Pattern = compilation.GetTypeByMetadataName(Namespace + "PatternAttribute");
        Range = compilation.GetTypeByMetadataName(Namespace + "RangeAttribute");
        Allowed = compilation.GetTypeByMetadataName(Namespace + "AllowedValuesAttribute");
        Exclusive = compilation.GetTypeByMetadataName(Namespace + "MutuallyExclusiveAttribute");
        Format = compilation.GetTypeByMetadataName(Namespace + "ValueFormatAttribute");
        Rule = compilation.GetTypeByMetadataName(Namespace + "RuleAttribute");
        AtLeastOne = compilation.GetTypeByMetadataName(Namespace + "AtLeastOneAttribute");
        WireValue = compilation.GetTypeByMetadataName(Namespace + "WireValueAttribute");
    }

    public INamedTypeSymbol Required { get; }

    public INamedTypeSymbol? Length { get; }

    public INamedTypeSymbol? Pattern { get; }

    public INamedTypeSymbol? Range { get; }

    public INamedTypeSymbol? Allowed { get; }

    public INamedTypeSymbol? Exclusive { get; }

    public INamedTypeSymbol? Format { get; }

    public INamedTypeSymbol? Rule { get; }

    public INamedTypeSymbol? AtLeastOne { get; }

    public INamedTypeSymbol? WireValue { get; }

    /// <summary>Null when the compilation does not reference the runtime: nothing to analyze.</summary>
    public static KnownSymbols? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(Namespace + "RequiredPropertyAttribute") is { } required ? new KnownSymbols(compilation, required) : null;
}

/// <summary>The value rules of one property or parameter.</summary>
internal sealed class ValueRules
{
    public int MinLength { get; set; } = -1;

    public int MaxLength { get; set; } = -1;

    public List<Regex> Patterns { get; } = [];

    public double Minimum { get; set; } = double.NaN;

    public double Maximum { get; set; } = double.NaN;

    public double ExclusiveMinimum { get; set; } = double.NaN;

    public double ExclusiveMaximum { get; set; } = double.NaN;

    private readonly List<object> _declared = [];
    private Lazy<IReadOnlyList<object>>? _options;

    /// <summary>
    /// Documented option values (string or long); empty when the value is free. An option type's values are read from
    /// its members only when a constant is checked against them: reading every member of a type from metadata costs.
    /// </summary>
    public IReadOnlyList<object> Allowed => _declared.Count > 0 ? _declared : _options?.Value ?? _declared;

    public void Allow(IEnumerable<object> values) => _declared.AddRange(values);

    public void AllowOptions(Func<IReadOnlyList<object>> values) => _options = new Lazy<IReadOnlyList<object>>(values);

    public string? Format { get; set; }

    public double FormatMinimum { get; set; } = double.NaN;

    public double FormatMaximum { get; set; } = double.NaN;

    public int FormatMaxDays { get; set; }

    public bool IsEmpty => MinLength < 0 && MaxLength < 0 && Patterns.Count == 0 && double.IsNaN(Minimum) && double.IsNaN(Maximum)
        && double.IsNaN(ExclusiveMinimum) && double.IsNaN(ExclusiveMaximum) && _declared.Count == 0 && _options is null && Format is null;
}

internal sealed record ExclusiveRule(string First, string Second, string? Source);

/// <summary>
/// A rule between fields (<c>[Rule]</c>): when the property at <paramref name="When"/> holds one of
/// <paramref name="WhenValues"/> (is set, when there are none; has at least <paramref name="WhenCount"/> items, when above 0),
/// the <paramref name="Subjects"/> follow <paramref name="Kind"/>. Paths are C# property names; "[]" is a list's items.
/// </summary>
internal sealed record FieldRule(
    string Kind,
    ImmutableArray<string> When,
    ImmutableArray<object> WhenValues,
    int WhenCount,
    ImmutableArray<ImmutableArray<string>> Subjects,
    ImmutableArray<object>? Allowed,
    ImmutableArray<object>? Forbidden,
    Regex? Pattern,
    string Message)
{
    public const string RequiredWhen = "required-when";
    public const string ForbiddenWhen = "forbidden-when";
    public const string ValueWhen = "value-when";
    public const string FormatWhen = "format-when";
}

/// <summary>At least one alternative (property names that must all be set) holds.</summary>
internal sealed record AtLeastOneRule(ImmutableArray<ImmutableArray<string>> Alternatives, string Message);

/// <summary>The object-level rules of one generated model.</summary>
internal sealed class TypeRules
{
    public List<ExclusiveRule> Exclusive { get; } = [];

    public List<FieldRule> Rules { get; } = [];

    public List<AtLeastOneRule> AtLeastOne { get; } = [];

    /// <summary>
    /// Properties the spec requires but C# <c>required</c> does not enforce (an older language version, or models compiled
    /// for every version); read on first use, as reading every property of a type from metadata costs.
    /// </summary>
    public Lazy<IReadOnlyList<IPropertySymbol>> UnenforcedRequired { get; set; } = new(() => []);
}

/// <summary>Rule tables read from attributes, cached per symbol for the whole compilation.</summary>
internal sealed class ConstraintTables
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<ISymbol, ValueRules?> _values = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeRules?> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, object?> _wireValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _generated = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, IReadOnlyList<object>> _optionValues = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ILocalSymbol, IOperation?> _locals = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, ValueRules?> _readValues;
    private readonly Func<ITypeSymbol, TypeRules?> _readType;
    private readonly Func<ITypeSymbol, bool> _isGenerated;

    public ConstraintTables(KnownSymbols symbols)
    {
        Symbols = symbols;
        _readValues = ReadValues;
        _readType = ReadType;
        _isGenerated = type => type.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute" && a.ConstructorArguments.FirstOrDefault().Value as string == "ModelArts.Generator");
    }

    public KnownSymbols Symbols { get; }

    /// <summary>
    /// Whether a type was generated from an OpenAPI document: the only types with rules. Checking this
    /// first keeps the analyzer from decoding the attributes of every property and parameter it meets.
    /// </summary>
    public bool IsGenerated(ITypeSymbol? type) => type is not null && _generated.GetOrAdd(type, _isGenerated);

    /// <summary>The rules of a property or parameter, or null when it has none.</summary>
    public ValueRules? Values(ISymbol member) => IsGenerated(member.ContainingType) ? _values.GetOrAdd(member, _readValues) : null;

    /// <summary>The object-level rules of a generated type (possibly none), or null for any other type.</summary>
    public TypeRules? Type(ITypeSymbol type) => IsGenerated(type) ? _types.GetOrAdd(type, _readType) : null;

    /// <summary>The wire value of a named member of a generated option type, or null.</summary>
    public object? WireValue(ISymbol member) => _wireValues.GetOrAdd(member, m =>
        m.GetAttributes().FirstOrDefault(a => Is(a, Symbols.WireValue))?.ConstructorArguments.FirstOrDefault().Value);

    /// <summary>The value a local holds wherever it is read, when it is assigned once (<see cref="KnownValues.SingleAssignment"/>); cached per local.</summary>
    public IOperation? SingleAssignment(ILocalReferenceOperation reference) =>
        _locals.GetOrAdd(reference.Local, _ => KnownValues.SingleAssignment(reference));

    /// <summary>The named members of an option type with their wire values, for suggestions.</summary>
    public IEnumerable<(IPropertySymbol Member, object Value)> KnownMembers(ITypeSymbol optionType) =>
        optionType.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic)
            .Select(p => (p, WireValue(p))).Where(x => x.Item2 is not null).Select(x => (x.p, x.Item2!));

    private ValueRules? ReadValues(ISymbol member)
    {
        var rules = new ValueRules();
        foreach (var attribute in member.GetAttributes())
        {
            if (Is(attribute, Symbols.Length))
            {
                rules.MinLength = Named(attribute, "Minimum", -1);
                rules.MaxLength = Named(attribute, "Maximum", -1);
            }
            else if (Is(attribute, Symbols.Pattern) && attribute.ConstructorArguments.FirstOrDefault().Value is string pattern)
            {
                try
                {
                    rules.Patterns.Add(new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout));
                }
                catch (ArgumentException)
                {
                    // A pattern .NET cannot read is not checked here; the service is the judge.
                }
            }
            else if (Is(attribute, Symbols.Range))
            {
                rules.Minimum = Named(attribute, "Minimum", double.NaN);
                rules.Maximum = Named(attribute, "Maximum", double.NaN);
                rules.ExclusiveMinimum = Named(attribute, "ExclusiveMinimum", double.NaN);
                rules.ExclusiveMaximum = Named(attribute, "ExclusiveMaximum", double.NaN);
            }
            else if (Is(attribute, Symbols.Allowed) && attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } values)
            {
                rules.Allow(values.Values.Select(v => v.Value).Where(v => v is not null)!);
            }
            else if (Is(attribute, Symbols.Format) && attribute.ConstructorArguments.FirstOrDefault().Value is string format)
            {
                rules.Format = format;
                rules.FormatMinimum = Named(attribute, "Minimum", double.NaN);
                rules.FormatMaximum = Named(attribute, "Maximum", double.NaN);
                rules.FormatMaxDays = Named(attribute, "MaxDays", 0);
            }
        }

        if (rules.Allowed.Count == 0 && KnownValues.OptionTypeOf(member switch { IPropertySymbol p => p.Type, IParameterSymbol p => p.Type, _ => null }, this) is { } option)
        {
            rules.AllowOptions(() => _optionValues.GetOrAdd(option, o => [.. KnownMembers(o).Select(m => m.Value)])); // an option type's documented values are its named members
        }

        return rules.IsEmpty ? null : rules;
    }

    private TypeRules? ReadType(ITypeSymbol type)
    {
        var rules = new TypeRules();
        foreach (var attribute in type.GetAttributes())
        {
            var arguments = attribute.ConstructorArguments;
            if (Is(attribute, Symbols.Exclusive) && arguments.Length == 2 && arguments[0].Value is string first && arguments[1].Value is string second)
            {
                rules.Exclusive.Add(new ExclusiveRule(first, second, NamedString(attribute, "Source")));
            }
            else if (Is(attribute, Symbols.Rule) && arguments.Length == 3 && arguments[0].Value is string kind && arguments[1].Value is string when
                && ReadRule(attribute, kind, when, arguments[2]) is { } rule)
            {
                rules.Rules.Add(rule);
            }
            else if (Is(attribute, Symbols.AtLeastOne) && arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array)
            {
                var alternatives = arguments[0].Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!.Split(',').ToImmutableArray()).ToImmutableArray();
                rules.AtLeastOne.Add(new AtLeastOneRule(alternatives, NamedString(attribute, "Message") ?? "one of " + string.Join(" or ", alternatives.Select(a => string.Join(" and ", a))) + " must be set"));
            }
        }

        rules.UnenforcedRequired = new Lazy<IReadOnlyList<IPropertySymbol>>(() =>
            [.. type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsRequired && !p.IsStatic && p.GetAttributes().Any(a => Is(a, Symbols.Required)))]);
        return rules;
    }

    private static FieldRule? ReadRule(AttributeData attribute, string kind, string when, TypedConstant whenValues)
    {
        if (kind is not (FieldRule.RequiredWhen or FieldRule.ForbiddenWhen or FieldRule.ValueWhen or FieldRule.FormatWhen))
        {
            return null; // a kind this analyzer does not know: the generated Validate() still checks it
        }

        var subjects = NamedArray(attribute, "Subjects")?.OfType<string>().Select(Path).ToImmutableArray() ?? ImmutableArray<ImmutableArray<string>>.Empty;
        Regex? pattern = null;
        if (NamedString(attribute, "Pattern") is { } text)
        {
            try
            {
                pattern = new Regex(text, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return new FieldRule(
            kind,
            Path(when),
            whenValues.Kind == TypedConstantKind.Array ? whenValues.Values.Select(v => v.Value).Where(v => v is not null).ToImmutableArray()! : ImmutableArray<object>.Empty,
            Named(attribute, "WhenCount", 0),
            subjects,
            NamedArray(attribute, "Allowed")?.ToImmutableArray(),
            NamedArray(attribute, "Forbidden")?.ToImmutableArray(),
            pattern,
            NamedString(attribute, "Message") ?? $"{string.Join(", ", subjects.Select(s => string.Join(".", s)))}: {kind} {when}");
    }

    /// <summary>"Labels[].Type" → Labels, [], Type.</summary>
    private static ImmutableArray<string> Path(string path) =>
        path.Replace("[]", ".[]").Split(['.'], StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();

    private static object[]? NamedArray(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value is { Kind: TypedConstantKind.Array } array
            ? array.Values.Select(v => v.Value).OfType<object>().ToArray()
            : null;

    private static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    private static T Named<T>(AttributeData attribute, string name, T fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is T value ? value : fallback;

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}
