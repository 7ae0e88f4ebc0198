using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelArts.Analyzers.Tests;

/// <summary>
/// Writes a JSON example as the C# a user would write for it: an object initializer of the generated
/// type, property by property, using the generated symbols to pick names and literal types.
/// </summary>
internal static class ExampleInitializers
{
    public static string Initializer(INamedTypeSymbol type, JsonNode? json)
    {
        var text = new StringBuilder();
        Write(text, type, json);
        return text.ToString();
    }

    private static void Write(StringBuilder text, ITypeSymbol type, JsonNode? json)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        var display = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        switch (json)
        {
            case null:
                text.Append("default!");
                return;
            case JsonObject obj when type.Name == "JsonElement":
                text.Append($"System.Text.Json.JsonDocument.Parse({SymbolDisplay.FormatLiteral(obj.ToJsonString(), true)}).RootElement");
                return;
            case JsonArray array when type.Name == "JsonElement":
                text.Append($"System.Text.Json.JsonDocument.Parse({SymbolDisplay.FormatLiteral(array.ToJsonString(), true)}).RootElement");
                return;
            case JsonValue when type.Name == "JsonElement":
                text.Append($"System.Text.Json.JsonDocument.Parse({SymbolDisplay.FormatLiteral(json.ToJsonString(), true)}).RootElement");
                return;
            case JsonObject obj when type is INamedTypeSymbol { Name: "IDictionary", TypeArguments: [_, var value] }:
                text.Append($"new System.Collections.Generic.Dictionary<string, {value.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}> {{ ");
                foreach (var (key, item) in obj)
                {
                    text.Append('[').Append(SymbolDisplay.FormatLiteral(key, true)).Append("] = ");
                    Write(text, value, item);
                    text.Append(", ");
                }

                text.Append('}');
                return;
            case JsonObject obj:
                var properties = JsonNames(type);
                text.Append("new ").Append(display).Append(" { ");
                foreach (var (key, item) in obj)
                {
                    if (item is null || !properties.TryGetValue(key, out var property))
                    {
                        continue;
                    }

                    text.Append(property.Name).Append(" = ");
                    Write(text, property.Type, item);
                    text.Append(", ");
                }

                text.Append('}');
                return;
            case JsonArray array when type is INamedTypeSymbol { Name: "IList", TypeArguments: [var element] }:
                text.Append('[');
                foreach (var item in array)
                {
                    Write(text, element, item);
                    text.Append(", ");
                }

                text.Append(']');
                return;
            case JsonValue value:
                text.Append(Literal(type, value));
                return;
            default:
                throw new InvalidOperationException($"no C# for {json.ToJsonString()} as {display}");
        }
    }

    /// <summary>
    /// JSON name → property of a generated model: the names of its <c>s_names</c> table, in the order the properties are
    /// declared (the generated model keeps no per-property attribute for it).
    /// </summary>
    private static Dictionary<string, IPropertySymbol> JsonNames(ITypeSymbol type)
    {
        var declarator = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).SelectMany(s => s.DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "s_names");
        var names = declarator.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => l.Token.ValueText).ToList();
        var properties = type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.Name != "AdditionalProperties" && !p.IsImplicitlyDeclared && p.Name != "EqualityContract").ToList();
        return names.Zip(properties).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private static string Literal(ITypeSymbol type, JsonValue value)
    {
        var kind = value.GetValueKind();
        var raw = value.ToJsonString();
        var target = type.SpecialType;
        if (type.TypeKind == TypeKind.Struct && type.GetMembers("Value").OfType<IPropertySymbol>().FirstOrDefault() is { } wire)
        {
            target = wire.Type.SpecialType; // an option struct converts from its wire value
        }

        return (kind, target) switch
        {
            (System.Text.Json.JsonValueKind.String, _) => SymbolDisplay.FormatLiteral(value.GetValue<string>(), true),
            (System.Text.Json.JsonValueKind.True, _) => "true",
            (System.Text.Json.JsonValueKind.False, _) => "false",
            (_, SpecialType.System_Single) => double.Parse(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "f",
            (_, SpecialType.System_Double) => double.Parse(raw, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d",
            (_, SpecialType.System_Int64) => raw + "L",
            _ => raw,
        };
    }
}
