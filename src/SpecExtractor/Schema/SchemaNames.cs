using System.Text;
using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Schema;

/// <summary>
/// How a table caption becomes a component name. The pages caption nested tables three ways:
/// by type name (<c>PoolSpec</c>), by property name (<c>search_params</c>), and, on old-style pages,
/// as a phrase (<c>**config** parameters</c>, <c>Docker deployment parameters</c>). All three give a
/// PascalCase name, so the same table written either way is one schema (<c>search_params</c> and
/// <c>SearchParams</c>) and two names never differ only in case.
/// </summary>
internal static partial class SchemaNames
{
    /// <summary>
    /// The caption's words in PascalCase, without a trailing "parameters", "parameter",
    /// "structure data" or "object" when other words remain: <c>config parameters</c> → <c>Config</c>.
    /// A word keeps its inner capitals (<c>PFSSummary</c>); a leading digit gets an underscore.
    /// </summary>
    public static string FromCaption(string caption)
    {
        var words = Words().Matches(caption).Select(m => m.Value).ToList();
        if (words.Count > 2 && words[^1].Equals("data", StringComparison.OrdinalIgnoreCase) && words[^2].Equals("structure", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(words.Count - 1);
        }

        while (words.Count > 1 && TrailingNoise.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var name = new StringBuilder();
        foreach (var word in words)
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return name.Length > 0 && char.IsDigit(name[0]) ? "_" + name : name.ToString();
    }

    /// <summary>
    /// True for a caption that names no object ("Parameters", "Parameter description", "Response
    /// parameters"): on old-style pages the body table, or a nested table known only by the row
    /// that cites it.
    /// </summary>
    public static bool IsGeneric(string? caption)
    {
        if (caption is null)
        {
            return true;
        }

        var words = Words().Matches(caption).Select(m => m.Value).ToList();

        // One word names an object ("Parameter", "Data") unless it is the plural "Parameters".
        return words.All(GenericWords.Contains) && (words.Count != 1 || words[0].Equals("parameters", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly HashSet<string> TrailingNoise = new(StringComparer.OrdinalIgnoreCase)
    {
        "parameters", "parameter", "structure", "object", "objects",
    };

    private static readonly HashSet<string> GenericWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "parameters", "parameter", "description", "descriptions", "request", "response", "body", "structure", "data", "of", "the",
    };

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Words();
}
