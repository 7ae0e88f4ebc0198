using System.Text;

namespace ModelArts.Generator.Parsing;

/// <summary>How wire names become C# identifiers: predictable from the docs, valid in every case.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// <c>create_version</c> → <c>CreateVersion</c>, <c>@modelarts:hard</c> → <c>ModelartsHard</c>, <c>OBS</c> → <c>Obs</c>;
    /// a sign before a number is a word (<c>+1</c> → <c>Plus1</c>, <c>-1</c> → <c>Minus1</c>), and so are comparisons
    /// (<c>StartTime&gt;</c> → <c>StartTimeGt</c>), so names that differ only by them stay apart.
    /// </summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        if (name.Length > 1 && name[0] is '+' or '-' && char.IsDigit(name[1]))
        {
            builder.Append(name[0] == '+' ? "Plus" : "Minus");
        }

        if (name.IndexOfAny(['<', '>']) >= 0)
        {
            // Comparison suffixes stay apart from the plain name (StartTime, StartTime<, StartTime> → StartTime, StartTimeLt, StartTimeGt).
            name = name.Replace("<=", " Le ").Replace(">=", " Ge ").Replace("<", " Lt ").Replace(">", " Gt ");
        }

        foreach (var word in Words(name))
        {
            var allUpper = word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(allUpper ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    /// <summary>How many words a wire name has (<c>sample_status</c>: 2, <c>id</c>: 1, <c>dataSyncType</c>: 3).</summary>
    public static int WordCount(string name)
    {
        var count = 0;
        foreach (var word in Words(name))
        {
            count++;
            for (var i = 1; i < word.Length; i++)
            {
                if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>A parameter name: camelCase, with <c>@</c> before a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> by appending 2, 3, ...</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
