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
internal sealed class ExampleInitializers(Compilation compilation)
{
    private readonly INamedTypeSymbol _jsonName = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute")!;

    public string Initializer(INamedTypeSymbol type, JsonNode? json)
    {
        var text = new StringBuilder();
        Write(text, type, json);
        return text.ToString();
    }

    private void Write(StringBuilder text, ITypeSymbol type, JsonNode? json)
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
                var properties = type.GetMembers().OfType<IPropertySymbol>()
                    .Select(p => (Property: p, Json: p.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _jsonName))?.ConstructorArguments[0].Value as string))
                    .Where(p => p.Json is not null)
                    .ToDictionary(p => p.Json!, p => p.Property, StringComparer.Ordinal);
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
