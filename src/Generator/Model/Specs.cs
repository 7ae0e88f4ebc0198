namespace ModelArts.Generator.Model;

// Pipeline values: records of strings, numbers and equatable arrays only (no symbols, syntax,
// compilations or locations), so an unchanged document yields equal values and cached outputs.

/// <summary>One OpenAPI document given as an AdditionalFiles item, with its options.</summary>
/// <param name="Selection">The operations the project asks for (ids, <c>tag:</c> tags, path prefixes), separated by ';'; empty for all.</param>
/// <param name="Chapter">The chapter the document is (item metadata <c>ModelArtsChapter</c>; its file stem when not set), for <c>chapter:</c> selection entries.</param>
internal sealed record SourceDocument(string Path, string Text, string Namespace, string ClientName, string Selection = "", string Chapter = "");

/// <summary>Everything generated from one document.</summary>
/// <param name="Selectors">The selection entries that matched an operation of this document (for the warning about those that match none).</param>
internal sealed record DocumentSpec(
    string Path,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    ClientSpec? Client,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<string> Selectors,
    ConvertersSpec? Converters = null);

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

    /// <summary>Binary content (<c>format: binary</c>, <c>contentMediaType</c>): the runtime's <c>FileContent</c>, base64 in JSON.</summary>
    File,
}

/// <summary>A C# type of a property or parameter. <paramref name="Name"/> names a generated model or enum; <paramref name="Element"/> is the item or value type.</summary>
internal sealed record TypeSpec(TypeKind Kind, string? Name = null, TypeSpec? Element = null)
{
    public static readonly TypeSpec Json = new(TypeKind.Json);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Json or TypeKind.Enum;

    public bool IsNumber => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double;
}

/// <summary>The constraints of one value; absent bounds are null.</summary>
/// <param name="EnumJson">The enum as canonical JSON (<c>[0,1,"2"]</c>): checks values whose JSON type varies.</param>
/// <param name="MinItems">Item count bounds of a list (<c>minItems</c>/<c>maxItems</c>).</param>
/// <param name="IntegerBits">32 or 64 from <c>format: int32/int64</c>: checks numbers of values whose JSON type varies.</param>
/// <param name="FormatName">A named format the document gives with a pattern (<c>obs-path</c>), for messages.</param>
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
    int? MaxItems = null,
    string? FormatName = null)
{
    public static readonly ConstraintSpec None = new(null, null, EquatableArray<string>.Empty, null, null, null, null, EquatableArray<string>.Empty);

    public bool HasRange => Minimum is not null || Maximum is not null || ExclusiveMinimum is not null || ExclusiveMaximum is not null;

    public bool IsEmpty => this == None;
}

/// <param name="ItemConstraints">Constraints on each item of a list (enum, pattern, length of array items).</param>
/// <param name="Nullable">The document allows <c>null</c> (3.0 <c>nullable</c>, 3.1 a type list with "null"): an explicit null is kept and written back.</param>
/// <param name="RequiredInRequests">Listed in <c>x-required-in-requests</c>: a response may leave it out (the type is nullable), a request must set it (<c>Validate()</c> and the analyzers).</param>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    TypeSpec Type,
    bool Required,
    string? Documentation,
    ConstraintSpec Constraints,
    ConstraintSpec ItemConstraints,
    string? Default,
    bool Nullable = false,
    bool RequiredInRequests = false);

/// <summary>One step of a path from a model to a value: a property, or every item of a list.</summary>
/// <param name="Name">The C# property name; empty for a list's items.</param>
internal sealed record StepSpec(string Name, string JsonName, TypeSpec Type);

internal enum TestKind
{
    /// <summary>The value is set.</summary>
    Present,

    /// <summary>The value is not set.</summary>
    Absent,

    /// <summary>The value is one of <see cref="TestSpec.Values"/>.</summary>
    In,

    /// <summary>The value is none of <see cref="TestSpec.Values"/>.</summary>
    NotIn,

    /// <summary>The value matches <see cref="TestSpec.Pattern"/>.</summary>
    Pattern,

    /// <summary>The list has at least <see cref="TestSpec.Count"/> items.</summary>
    CountAtLeast,

    /// <summary>Some item of the list passes every <see cref="TestSpec.Inner"/> test (<c>contains</c>).</summary>
    Contains,

    /// <summary>The number is within <see cref="TestSpec.Values"/>: minimum, maximum, exclusive minimum, exclusive maximum ("" for none).</summary>
    Range,

    /// <summary>The string's length is within <see cref="TestSpec.Values"/>: minimum, maximum ("" for none).</summary>
    Length,
}

/// <summary>
/// A test of the value at <paramref name="Path"/>. In a condition, a step through a list means "some item"
/// (<c>contains</c>); in a consequence, "every item".
/// </summary>
/// <param name="Values">Values as JSON literals (<c>1</c>, <c>"OBS"</c>, <c>true</c>).</param>
/// <param name="Inner">For <see cref="TestKind.Contains"/>: the tests one item must pass, relative to the item.</param>
internal sealed record TestSpec(EquatableArray<StepSpec> Path, TestKind Kind, EquatableArray<string> Values, string? Pattern = null, int Count = 0, EquatableArray<TestSpec>? Inner = null)
{
    /// <summary>The tests of <see cref="TestKind.Contains"/>; empty for the others.</summary>
    public EquatableArray<TestSpec> InnerTests => Inner ?? EquatableArray<TestSpec>.Empty;

    public string JsonPath => string.Join(".", Path.Select(p => p.Name.Length == 0 ? "[]" : p.JsonName)).Replace(".[]", "[]");

    public string CSharpPath => string.Join(".", Path.Select(p => p.Name.Length == 0 ? "[]" : p.Name)).Replace(".[]", "[]");
}

internal enum RuleKind
{
    /// <summary><c>not: {required: [a, b]}</c>: at most one of two properties.</summary>
    Exclusive,

    /// <summary><c>anyOf</c> of <c>required</c> lists: at least one alternative holds.</summary>
    AtLeastOne,

    /// <summary><c>oneOf</c> of <c>required</c> lists: exactly one alternative holds.</summary>
    ExactlyOne,

    /// <summary><c>if</c>/<c>then</c>/<c>else</c> and <c>dependentRequired</c>: when every <c>When</c> test holds, every <c>Then</c> test must, else every <c>Else</c> test.</summary>
    Conditional,
}

/// <summary>A rule between fields of a model.</summary>
/// <param name="Id">The rule id of a violation: the JSON Schema keyword (<c>not</c>, <c>anyOf</c>, <c>oneOf</c>, <c>if-then</c>, <c>dependentRequired</c>).</param>
/// <param name="Alternatives">For <see cref="RuleKind.AtLeastOne"/> and <see cref="RuleKind.ExactlyOne"/>: the C# names of each alternative's properties, joined by ','.</param>
internal sealed record RuleSpec(
    RuleKind Kind,
    string Id,
    EquatableArray<TestSpec> When,
    EquatableArray<TestSpec> Then,
    EquatableArray<TestSpec> Else,
    string Message,
    EquatableArray<string> Alternatives,
    EquatableArray<string> AlternativesJson);

[Flags]
internal enum Usage
{
    None = 0,

    /// <summary>A request body reaches the type: it gets <c>Validate()</c> and the attributes the analyzers read.</summary>
    Request = 1,

    /// <summary>A response reaches the type.</summary>
    Response = 2,

    /// <summary>A form or multipart request body is the type: it writes itself as form fields (<c>WriteForm</c>).</summary>
    Form = 4,
}

internal sealed record ModelSpec(
    string Namespace,
    string FileStem,
    string Name,
    string? Documentation,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<RuleSpec> Rules,
    Usage Usage,
    string ConverterName);

/// <param name="Value">The wire value as a C# literal (<c>"fast"</c> or <c>3</c>).</param>
/// <param name="Named">False for a second spelling of an earlier value that differs only in letter case (<c>x86_64</c> beside <c>X86_64</c>): known, but no member of its own.</param>
internal sealed record EnumMemberSpec(string Name, string Value, string? Documentation, bool Named = true);

/// <summary>A forward-compatible option type: a struct over the wire value with the documented values as members.</summary>
internal sealed record EnumSpec(string Namespace, string FileStem, string Name, TypeKind ValueKind, string? Documentation, EquatableArray<EnumMemberSpec> Members, string ConverterName);

/// <param name="Style">The serialization <c>style</c> the document gives (<c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c>, <c>deepObject</c>, <c>simple</c>); null for the default.</param>
/// <param name="Explode">Arrays and objects as one parameter per item or property (the default for <c>form</c>).</param>
internal sealed record ParameterSpec(string JsonName, string Name, TypeSpec Type, bool Required, string? Documentation, ConstraintSpec Constraints, string Location = "query", string? Style = null, bool Explode = true);

/// <param name="HeaderParameters">Header parameters (<c>in: header</c>), sent with <c>RequestContent.Header</c>.</param>
internal sealed record OperationSpec(
    string Name,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    EquatableArray<ParameterSpec> PathParameters,
    EquatableArray<ParameterSpec> QueryParameters,
    bool HasProjectId,
    BodySpec? Body,
    bool BodyRequired,
    BodySpec? Response,
    PagingSpec? Paging = null,
    EquatableArray<WaitSpec> Waits = default,
    string? Deprecated = null,
    EquatableArray<ParameterSpec> HeaderParameters = default)
{
    /// <summary>The model a JSON, form or multipart request body is; null for other bodies.</summary>
    public string? BodyModel => Body is { Kind: not (BodyKind.Binary or BodyKind.Text), Type: { Kind: TypeKind.Model, Name: var name } } ? name : null;

    /// <summary>The model a JSON answer is; null for other answers.</summary>
    public string? ResponseModel => Response is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Model, Name: var name } } ? name : null;

    /// <summary>Whether the call goes through the JSON-only overloads of the pipeline: a model or no body, a JSON model or nothing back, no header.</summary>
    public bool IsPlainJson =>
        (Body is null || (Body.Kind == BodyKind.Json && BodyModel is not null && Body.MediaType == "application/json"))
        && (Response is null || ResponseModel is not null)
        && HeaderParameters.Length == 0;
}

internal enum BodyKind
{
    /// <summary>JSON (<c>application/json</c>, <c>*+json</c>) of any type.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>: a model written as form fields.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: a model written as parts, files as file parts.</summary>
    Multipart,

    /// <summary>Any binary media type: <c>FileContent</c> sent, <c>Stream</c> returned.</summary>
    Binary,

    /// <summary>Text (<c>text/*</c>): a string.</summary>
    Text,
}

/// <summary>A request or response body: how it is encoded, its media type and its C# type.</summary>
/// <param name="Encoding">For form and multipart bodies, the document's <c>encoding</c> of the properties that have one.</param>
internal sealed record BodySpec(BodyKind Kind, string MediaType, TypeSpec Type, EquatableArray<EncodingSpec> Encoding);

/// <summary>The OpenAPI <c>encoding</c> of one property of a form or multipart body; null members take the defaults.</summary>
internal sealed record EncodingSpec(string Property, string? ContentType, string? Style, bool? Explode);

/// <summary>A list operation paged by <c>offset</c> and <c>limit</c>: items of one array property.</summary>
/// <param name="MethodName">The name of the method that enumerates every item (<c>XItems</c>, made unique among the client's methods).</param>
/// <param name="OffsetIsPageIndex">The documentation says <c>offset</c> is a page ("Start page for pagination display"), as ModelArts data management does; otherwise it is the position of the first item, as it usually is.</param>
internal sealed record PagingSpec(string ItemsProperty, TypeSpec ItemType, string OffsetParameter, string LimitParameter, string MethodName, bool OffsetIsPageIndex);

/// <summary>
/// A status operation to poll (the spec's <c>x-modelarts-wait</c>): the status value, the values that end the
/// task, the values that carry its error and the lists that must be empty before success counts.
/// </summary>
/// <param name="Status">A C# expression over <c>status</c> (the response) that gives the status value or null: <c>status.Status?.Phase?.Value</c>.</param>
/// <param name="Succeeded">Wire values as C# literals (<c>3</c>, <c>"Completed"</c>).</param>
/// <param name="ErrorCode">A C# expression over <c>status</c> giving the error code (a string) or null; null when the document names none.</param>
/// <param name="PendingWhile">C# expressions over <c>status</c>, each true while a change is still under way (a non-empty list).</param>
internal sealed record WaitSpec(
    string MethodName,
    string Status,
    EquatableArray<string> Succeeded,
    EquatableArray<string> Failed,
    EquatableArray<string> Stopped,
    string? ErrorCode,
    string? ErrorMessage,
    EquatableArray<string> PendingWhile);

internal sealed record ClientSpec(string Namespace, string FileStem, string Name, string? Title, EquatableArray<OperationSpec> Operations);

/// <summary>The System.Text.Json converter factory of a document: every model and option type it generates.</summary>
internal sealed record ConvertersSpec(string Namespace, string FileStem, string Name, EquatableArray<string> Models, EquatableArray<string> Options);

/// <summary>A diagnostic as plain values; turned into a <c>Diagnostic</c> with a file location when reported.</summary>
internal sealed record DiagnosticInfo(string Id, string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn, EquatableArray<string> Arguments);

/// <summary>What the consumer's compilation can express.</summary>
/// <param name="LanguageVersion">The C# language version as a number (9 for C# 9); the generated code needs at least 9.</param>
/// <param name="LanguageName">The version as the compiler shows it ("7.3"), for messages.</param>
internal sealed record LanguageFeatures(bool RequiredMembers, bool HttpClientFactory = false, int LanguageVersion = 12, string LanguageName = "12.0");
