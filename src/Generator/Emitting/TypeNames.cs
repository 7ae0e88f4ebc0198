using System.Globalization;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Emitting;

/// <summary>C# spellings of types and of the code that reads and writes them.</summary>
internal static class TypeNames
{
    public const string JsonRead = "global::ModelArts.Runtime.Json.JsonRead";
    public const string JsonWrite = "global::ModelArts.Runtime.Json.JsonWrite";
    public const string JsonNames = "global::ModelArts.Runtime.Json.JsonNames";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Check = "global::ModelArts.Runtime.Validation.Check";
    public const string Violation = "global::ModelArts.Runtime.Validation.ModelArtsViolation";
    public const string Constraints = "global::ModelArts.Runtime.Constraints";
    public const string Violations = "global::System.Collections.Generic.ICollection<" + Violation + ">";
    public const string FileContent = "global::ModelArts.Runtime.Http.FileContent";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"ModelArts.Generator\", \"1.0.0\")]";

    public static string Of(TypeSpec type, string ns) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Json => JsonElement,
        TypeKind.Model or TypeKind.Enum => "global::" + ns + "." + type.Name,
        TypeKind.File => FileContent,
        TypeKind.List => "global::System.Collections.Generic.IList<" + Of(type.Element!, ns) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + Of(type.Element!, ns) + ">",
        _ => JsonElement,
    };

    public static string Nullable(TypeSpec type, string ns) => Of(type, ns) + "?";

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c> for the type: a method group, or a lambda for nested collections.</summary>
    public static string ReaderDelegate(TypeSpec type, string ns, int depth = 0) => type.Kind switch
    {
        TypeKind.String => JsonRead + ".GetString",
        TypeKind.Int32 => JsonRead + ".GetInt32",
        TypeKind.Int64 => JsonRead + ".GetInt64",
        TypeKind.Single => JsonRead + ".GetSingle",
        TypeKind.Double => JsonRead + ".GetDouble",
        TypeKind.Boolean => JsonRead + ".GetBoolean",
        TypeKind.Model or TypeKind.Enum or TypeKind.File => Of(type, ns) + ".ReadJson",
        // The cast lets the outer collection hold the interface type the property declares.
        TypeKind.List or TypeKind.Map => $"(ref {Reader} r{depth}) => ({Of(type, ns)}){Read(type, ns, "r" + depth.ToString(CultureInfo.InvariantCulture), depth + 1)}",
        _ => JsonRead + ".GetElement",
    };

    /// <summary>An expression that reads the type from <paramref name="reader"/>.</summary>
    public static string Read(TypeSpec type, string ns, string reader, int depth = 0) => type switch
    {
        { Kind: TypeKind.List, Element.Kind: var item } when ListReader(item) is { } list => $"{JsonRead}.{list}(ref {reader})",
        { Kind: TypeKind.Map, Element.Kind: TypeKind.String } => $"{JsonRead}.StringMap(ref {reader})",
        { Kind: TypeKind.Map, Element.Kind: TypeKind.Json } => $"{JsonRead}.ElementMap(ref {reader})",
        { Kind: TypeKind.List } => $"{JsonRead}.List(ref {reader}, {ReaderDelegate(type.Element!, ns, depth)})",
        { Kind: TypeKind.Map } => $"{JsonRead}.Map(ref {reader}, {ReaderDelegate(type.Element!, ns, depth)})",
        _ => $"{ReaderDelegate(type, ns, depth)}(ref {reader})",
    };

    private static string? ListReader(TypeKind item) => item switch
    {
        TypeKind.String => "Strings",
        TypeKind.Int32 => "Int32s",
        TypeKind.Int64 => "Int64s",
        TypeKind.Single => "Singles",
        TypeKind.Double => "Doubles",
        TypeKind.Boolean => "Booleans",
        TypeKind.Json => "Elements",
        _ => null,
    };

    /// <summary>A <c>JsonValueWriter&lt;T&gt;</c> for one item of a list or map.</summary>
    public static string WriterDelegate(TypeSpec type, string ns, int depth = 0) => type.Kind switch
    {
        TypeKind.String => JsonWrite + ".StringItem",
        TypeKind.Int32 => JsonWrite + ".Int32Item",
        TypeKind.Int64 => JsonWrite + ".Int64Item",
        TypeKind.Single => JsonWrite + ".SingleItem",
        TypeKind.Double => JsonWrite + ".DoubleItem",
        TypeKind.Boolean => JsonWrite + ".BooleanItem",
        TypeKind.Model or TypeKind.Enum or TypeKind.File => $"{JsonWrite}.ValueItem<{Of(type, ns)}>",
        TypeKind.List => $"(w{depth}, v{depth}) => {JsonWrite}.Items(w{depth}, v{depth}, {WriterDelegate(type.Element!, ns, depth + 1)})",
        TypeKind.Map => $"(w{depth}, v{depth}) => {JsonWrite}.Entries(w{depth}, v{depth}, {WriterDelegate(type.Element!, ns, depth + 1)})",
        _ => JsonWrite + ".ElementItem",
    };

    /// <summary>The statement that writes property <paramref name="name"/> (index <paramref name="index"/> of <c>s_names</c>).</summary>
    public static string WriteProperty(TypeSpec type, string ns, string name, int index, bool required)
    {
        var jsonName = "s_names[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        var orNull = required ? ", true" : string.Empty;
        return type.Kind switch
        {
            TypeKind.Enum => $"{JsonWrite}.Option(writer, {jsonName}, {name});",
            TypeKind.List => $"{JsonWrite}.List(writer, {jsonName}, {name}, {WriterDelegate(type.Element!, ns)}{orNull});",
            TypeKind.Map => $"{JsonWrite}.Map(writer, {jsonName}, {name}, {WriterDelegate(type.Element!, ns)}{orNull});",
            TypeKind.String or TypeKind.Model or TypeKind.File => $"{JsonWrite}.Property(writer, {jsonName}, {name}{orNull});",
            _ => $"{JsonWrite}.Property(writer, {jsonName}, {name});",
        };
    }

    public static string Double(double value) =>
        double.IsPositiveInfinity(value) ? "double.PositiveInfinity" : value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Bound(double? value) => value is { } v ? Double(v) : "double.NaN";

    /// <summary>
    /// A bound for a value of <paramref name="kind"/>: a <c>float</c> is compared in its own precision (the bound as
    /// the nearest float), so 0.01f meets "cannot be smaller than 0.01" although (double)0.01f is 0.0099999998.
    /// </summary>
    public static string Bound(double? value, Model.TypeKind kind) =>
        value is { } v && kind == Model.TypeKind.Single && !double.IsInfinity(v) ? "(double)" + ((float)v).ToString("R", CultureInfo.InvariantCulture) + "f" : Bound(value);

    public static string Int(int? value) => (value ?? -1).ToString(CultureInfo.InvariantCulture);

    /// <summary>A verbatim string literal.</summary>
    public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

    /// <summary>The JSON path segment of a property: <c>.name</c>, or <c>['@odd:name']</c>.</summary>
    public static string Segment(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c == '_') && name.Length > 0 ? "." + name : "['" + name.Replace("'", "\\'") + "']";

    /// <summary>A JSON literal (<c>1</c>, <c>"OBS"</c>, <c>true</c>) as a C# literal of the value's kind.</summary>
    public static string CSharpLiteral(string json, TypeKind kind) => kind switch
    {
        TypeKind.Int64 => json + "L",
        TypeKind.Single => json + "f",
        TypeKind.Double => json + "d",
        _ => json, // JSON strings, integers and booleans are C# literals already
    };
}
