namespace ModelArts.Generator.Model;

// Pipeline values: records of strings, numbers and equatable arrays only (no symbols, syntax,
// compilations or locations), so an unchanged document yields equal values and cached outputs.

/// <summary>One OpenAPI document given as an AdditionalFiles item, with its options.</summary>
internal sealed record SourceDocument(string Path, string Text, string Namespace, string ClientName);

/// <summary>Everything generated from one document.</summary>
internal sealed record DocumentSpec(
    string Path,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    ClientSpec? Client,
    EquatableArray<DiagnosticInfo> Diagnostics);

internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Single,
    Double,
    Boolean,
    Json,
    Model,
    Enum,
    List,
    Map,
}

/// <summary>A C# type of a property or parameter. <paramref name="Name"/> names a generated model or enum; <paramref name="Element"/> is the item or value type.</summary>
internal sealed record TypeSpec(TypeKind Kind, string? Name = null, TypeSpec? Element = null)
{
    public static readonly TypeSpec Json = new(TypeKind.Json);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Json or TypeKind.Enum;
}

/// <summary>The constraints of one value; absent bounds are null.</summary>
/// <param name="EnumJson">The enum as canonical JSON (<c>[0,1,"2"]</c>): checks values whose JSON type varies.</param>
/// <param name="MinItems">Item count bounds of a list (<c>minItems</c>/<c>maxItems</c>).</param>
/// <param name="IntegerBits">32 or 64 from <c>format: int32/int64</c>: checks numbers of values whose JSON type varies.</param>
internal sealed record ConstraintSpec(
    int? MinLength,
    int? MaxLength,
    EquatableArray<string> Patterns,
    double? Minimum,
    double? Maximum,
    double? ExclusiveMinimum,
    double? ExclusiveMaximum,
    EquatableArray<string> AllowedValues,
    string? Format = null,
    double? FormatMinimum = null,
    double? FormatMaximum = null,
    int? FormatMaxDays = null,
    string? EnumJson = null,
    int? IntegerBits = null,
    int? MinItems = null,
    int? MaxItems = null)
{
    public static readonly ConstraintSpec None = new(null, null, EquatableArray<string>.Empty, null, null, null, null, EquatableArray<string>.Empty);

    public bool HasRange => Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null;

    public bool IsEmpty => this == None;
}

/// <param name="ItemConstraints">Constraints on each item of a list (enum, pattern, length of array items).</param>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    TypeSpec Type,
    bool Required,
    string? Documentation,
    ConstraintSpec Constraints,
    ConstraintSpec ItemConstraints,
    string? Default);

/// <summary>At most one of two properties (C# names and JSON names).</summary>
internal sealed record ExclusiveSpec(string First, string FirstJson, string Second, string SecondJson, string? Source);

/// <summary>
/// <c>if</c>/<c>then</c>: when the property at <paramref name="IfPath"/> equals <paramref name="IfValue"/> (a C# literal),
/// the property at <paramref name="ThenPath"/> must be one of <paramref name="Allowed"/> (raw values).
/// Paths are C# property names and their JSON names, segment by segment.
/// </summary>
internal sealed record ConditionalSpec(
    EquatableArray<string> IfPath,
    EquatableArray<string> IfJsonPath,
    string IfValue,
    EquatableArray<string> ThenPath,
    EquatableArray<string> ThenJsonPath,
    bool ThenIsString,
    EquatableArray<string> Allowed,
    string Message);

/// <summary>When the list <paramref name="CountProperty"/> has at least <paramref name="Minimum"/> items, <paramref name="Required"/> must be set.</summary>
internal sealed record CountConditionSpec(string CountProperty, string CountJson, int Minimum, string Required, string RequiredJson, string Message);

/// <summary>One alternative of a required group: these properties, all present.</summary>
internal sealed record RequiredAlternativeSpec(EquatableArray<string> Names, EquatableArray<string> JsonNames);

/// <summary><c>anyOf</c> of <c>required</c> lists: at least one alternative holds.</summary>
internal sealed record RequiredGroupSpec(EquatableArray<RequiredAlternativeSpec> Alternatives);

internal sealed record ModelSpec(
    string Namespace,
    string FileStem,
    string Name,
    string? Documentation,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<ExclusiveSpec> Exclusive,
    EquatableArray<ConditionalSpec> Conditionals,
    EquatableArray<CountConditionSpec> CountConditions,
    EquatableArray<RequiredGroupSpec> RequiredGroups);

/// <param name="Value">The wire value as a C# literal (<c>"fast"</c> or <c>3</c>).</param>
internal sealed record EnumMemberSpec(string Name, string Value, string? Documentation);

/// <summary>A forward-compatible option type: a struct over the wire value with the documented values as members.</summary>
internal sealed record EnumSpec(string Namespace, string FileStem, string Name, TypeKind ValueKind, string? Documentation, EquatableArray<EnumMemberSpec> Members);

internal sealed record ParameterSpec(string JsonName, string Name, TypeSpec Type, bool Required, string? Documentation, ConstraintSpec Constraints);

internal sealed record OperationSpec(
    string Name,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterSpec> PathParameters,
    EquatableArray<ParameterSpec> QueryParameters,
    bool HasProjectId,
    string? BodyType,
    bool BodyRequired,
    string? ResponseType,
    PagingSpec? Paging = null,
    WaitSpec? Wait = null);

/// <summary>A list operation paged by <c>offset</c> (the page index, as the documentation says) and <c>limit</c>: items of one array property.</summary>
internal sealed record PagingSpec(string ItemsProperty, TypeSpec ItemType, string OffsetParameter, string LimitParameter);

/// <summary>
/// A status operation to poll (the spec's <c>x-modelarts-wait</c>): the status property, the values that
/// end the task, and the properties that carry its error.
/// </summary>
internal sealed record WaitSpec(
    string MethodName,
    string StatusProperty,
    bool StatusIsOption,
    EquatableArray<string> Succeeded,
    EquatableArray<string> Failed,
    EquatableArray<string> Stopped,
    string? ErrorCodeProperty,
    string? ErrorMessageProperty);

internal sealed record ClientSpec(string Namespace, string FileStem, string Name, string? Title, EquatableArray<OperationSpec> Operations);

/// <summary>A diagnostic as plain values; turned into a <c>Diagnostic</c> with a file location when reported.</summary>
internal sealed record DiagnosticInfo(string Id, string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn, EquatableArray<string> Arguments);

/// <summary>What the consumer's compilation can express.</summary>
internal sealed record LanguageFeatures(bool RequiredMembers, bool HttpClientFactory = false);
