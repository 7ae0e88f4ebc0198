using System.Globalization;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Emitting;

/// <summary>C# spellings of types and of the code that reads and writes them.</summary>
internal static class TypeNames
{
    public const string JsonRead = "global::ModelArts.Runtime.Json.JsonRead";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Check = "global::ModelArts.Runtime.Validation.Check";
    public const string Violation = "global::ModelArts.Runtime.Validation.ModelArtsViolation";
    public const string JsonValueSet = "global::ModelArts.Runtime.Validation.JsonValueSet";
    public const string Constraints = "global::ModelArts.Runtime.Constraints";
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
        TypeKind.List => "global::System.Collections.Generic.IList<" + Of(type.Element!, ns) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + Of(type.Element!, ns) + ">",
        _ => JsonElement,
    };

    public static string Nullable(TypeSpec type, string ns) => Of(type, ns) + "?";

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c> for the type: a method group or a lambda.</summary>
    public static string ReaderDelegate(TypeSpec type, string ns, int depth = 0) => type.Kind switch
    {
        TypeKind.String => JsonRead + ".GetString",
        TypeKind.Int32 => JsonRead + ".GetInt32",
        TypeKind.Int64 => JsonRead + ".GetInt64",
        TypeKind.Single => JsonRead + ".GetSingle",
        TypeKind.Double => JsonRead + ".GetDouble",
        TypeKind.Boolean => JsonRead + ".GetBoolean",
        TypeKind.Model or TypeKind.Enum => Of(type, ns) + ".ReadJson",
        // The cast lets the outer collection hold the interface type the property declares.
        TypeKind.List or TypeKind.Map => $"(ref {Reader} r{depth}) => ({Of(type, ns)}){Read(type, ns, "r" + depth.ToString(CultureInfo.InvariantCulture), depth + 1)}",
        _ => JsonRead + ".GetElement",
    };

    /// <summary>An expression that reads the type from <paramref name="reader"/>.</summary>
    public static string Read(TypeSpec type, string ns, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.List => $"{JsonRead}.List(ref {reader}, {ReaderDelegate(type.Element!, ns, depth)})",
        TypeKind.Map => $"{JsonRead}.Map(ref {reader}, {ReaderDelegate(type.Element!, ns, depth)})",
        _ => $"{ReaderDelegate(type, ns, depth)}(ref {reader})",
    };

    /// <summary>Statements that write <paramref name="value"/> (a non-null expression of the type).</summary>
    public static void Write(SourceWriter w, TypeSpec type, string value, int depth = 0)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line($"writer.WriteStringValue({value});");
                break;
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double:
                w.Line($"writer.WriteNumberValue({value});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({value});");
                break;
            case TypeKind.Model or TypeKind.Enum:
                w.Line($"{value}.WriteJson(writer);");
                break;
            case TypeKind.List:
                var item = "item" + depth.ToString(CultureInfo.InvariantCulture);
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach (var {item} in {value})");
                Write(w, type.Element!, item, depth + 1);
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            case TypeKind.Map:
                var pair = "pair" + depth.ToString(CultureInfo.InvariantCulture);
                w.Line("writer.WriteStartObject();");
                w.Open($"foreach (var {pair} in {value})");
                w.Line($"writer.WritePropertyName({pair}.Key);");
                Write(w, type.Element!, pair + ".Value", depth + 1);
                w.Close();
                w.Line("writer.WriteEndObject();");
                break;
            default:
                w.Line($"{value}.WriteTo(writer);");
                break;
        }
    }

    public static string Double(double value) =>
        double.IsPositiveInfinity(value) ? "double.PositiveInfinity" : value.ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>A verbatim string literal.</summary>
    public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";
}
