using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Schema;

/// <summary>The meaning of a Type cell: "String", "Array of Worker objects", "Map&lt;String,Array&lt;String&gt;&gt;".</summary>
internal abstract record TypeRef;

/// <param name="JsonType">string, integer, number or boolean.</param>
/// <param name="Format">int32, int64, float, double, or null.</param>
internal sealed record PrimitiveType(string JsonType, string? Format) : TypeRef;

/// <summary>"Object": any JSON object.</summary>
internal sealed record FreeObjectType : TypeRef;

/// <summary>A reference to a table by its caption.</summary>
internal sealed record NamedType(string Name) : TypeRef;

internal sealed record ArrayType(TypeRef Items) : TypeRef;

/// <summary>"Map&lt;String,X&gt;": an object whose values are X.</summary>
internal sealed record MapType(TypeRef Values) : TypeRef;

internal sealed record UnknownType(string Text) : TypeRef;

internal static partial class TypeExpression
{
    public static TypeRef Parse(string text)
    {
        var t = InlineTextTrim(text);
        if (t.Length == 0)
        {
            return new UnknownType(text);
        }

        if (Simple(t) is { } simple)
        {
            return simple;
        }

        if (ArrayOf().Match(t) is { Success: true } array)
        {
            var item = array.Groups["item"].Value.Trim();
            return new ArrayType(Simple(Singular(item)) ?? Parse(item));
        }

        if (Generic().Match(t) is { Success: true } generic)
        {
            var kind = generic.Groups["kind"].Value;
            var arguments = SplitTopLevel(generic.Groups["args"].Value);
            if (kind.Equals("Map", StringComparison.OrdinalIgnoreCase) && arguments.Count == 2)
            {
                return new MapType(Parse(arguments[1]));
            }

            if ((kind.Equals("List", StringComparison.OrdinalIgnoreCase) || kind.Equals("Array", StringComparison.OrdinalIgnoreCase)) && arguments.Count == 1)
            {
                return new ArrayType(Parse(arguments[0]));
            }

            return new UnknownType(text);
        }

        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            return new ArrayType(Parse(t[..^2]));
        }

        if (NamedArray().Match(t) is { Success: true } namedArray)
        {
            return new ArrayType(Simple(Singular(namedArray.Groups["name"].Value)) ?? new NamedType(namedArray.Groups["name"].Value));
        }

        if (NamedObject().Match(t) is { Success: true } named)
        {
            return new NamedType(named.Groups["name"].Value);
        }

        return new UnknownType(text);
    }

    /// <summary>True for text that can only be a Type cell (used to find rows in plain-text tables).</summary>
    public static bool LooksLikeType(string text)
    {
        var parsed = Parse(text);
        return parsed switch
        {
            UnknownType => false,
            NamedType => text.TrimEnd().EndsWith("object", StringComparison.OrdinalIgnoreCase) || text.TrimEnd().EndsWith("objects", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    private static string InlineTextTrim(string text) => Whitespace().Replace(text, " ").Trim().TrimEnd('.');

    private static TypeRef? Simple(string t) => t.ToUpperInvariant() switch
    {
        "OBJECT" or "JSON" or "MAP" or "DICT" or "DICTIONARY" => new FreeObjectType(),
        "ARRAY" or "LIST" or "JSON ARRAY" => new ArrayType(new UnknownType("any")) /* "Array" alone: items unspecified */,
        "STRING" or "STR" => new PrimitiveType("string", null),
        "INTEGER" or "INT" or "INT32" => new PrimitiveType("integer", "int32"),
        "LONG" or "INT64" => new PrimitiveType("integer", "int64"),
        "FLOAT" => new PrimitiveType("number", "float"),
        "DOUBLE" => new PrimitiveType("number", "double"),
        "NUMBER" or "BIGDECIMAL" or "DECIMAL" => new PrimitiveType("number", null),
        "BOOLEAN" or "BOOL" => new PrimitiveType("boolean", null),
        _ => null,
    };

    private static string Singular(string item) => item.ToUpperInvariant() switch
    {
        "STRINGS" => "String",
        "INTEGERS" => "Integer",
        "LONGS" => "Long",
        "FLOATS" => "Float",
        "DOUBLES" => "Double",
        "BOOLEANS" => "Boolean",
        "OBJECTS" => "Object",
        "NUMBERS" => "Number",
        _ => item,
    };

    private static List<string> SplitTopLevel(string arguments)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(arguments[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        parts.Add(arguments[start..].Trim());
        return parts;
    }

    [GeneratedRegex(@"^Array\s+of\s+(?<item>.+?)(?:\s+objects?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArrayOf();

    [GeneratedRegex(@"^(?<kind>\w+)\s*<(?<args>.+)>$")]
    private static partial Regex Generic();

    /// <summary>"jobs array", as old-style pages write an array of the table captioned "jobs parameters".</summary>
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+array$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedArray();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:\s+objects?|\s*对象)?$")]
    private static partial Regex NamedObject();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
