using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>One class of constraint: request-side statements found, and how many became JSON Schema keywords.</summary>
internal sealed record ClassCoverage(ConstraintClass Class, int Found, int Encoded, int Reported);

/// <summary>A request-side statement of a class that no keyword in the document cites.</summary>
internal sealed record MissedStatement(string File, string Page, int Line, string Property, ConstraintClass Class, string Sentence);

/// <summary>
/// How much of what the request-side prose states the document encodes, per class. A statement is encoded in a
/// class when a keyword of that class in the final document (overlays applied) cites the statement's sentence in
/// its <c>x-doc-source</c>. A rule between fields that is not encoded is reported (a warning that says why), so
/// for that class every statement is one or the other.
/// </summary>
internal static class ConstraintCoverage
{
    private static readonly Dictionary<ConstraintClass, string[]> Keywords = new()
    {
        [ConstraintClass.Options] = ["enum", "pattern", "const", "type"],
        [ConstraintClass.Default] = ["default"],
        [ConstraintClass.Length] = ["minLength", "maxLength"],
        [ConstraintClass.CharacterSet] = ["pattern", "allOf"],
        [ConstraintClass.Range] = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "x-format-bounds", "x-format-max-days", "minItems", "maxItems"],
        [ConstraintClass.Format] = ["pattern", "format", "allOf"],
        [ConstraintClass.Rule] = ["if", "then", "else", "not", "anyOf", "oneOf", "dependentRequired"],
    };

    private sealed record Citation(string? Property, string Sentence, HashSet<string> Keywords, string? Page, int? Line);

    public static (List<ClassCoverage> Classes, List<MissedStatement> Missed) Measure(JsonObject document, Coverage coverage)
    {
        var citations = new List<Citation>();
        Collect(document, null, citations);
        var reported = coverage.Unencoded.Select(u => (u.Source.Page, u.Source.Line, Normalize(u.Source.Sentence))).ToHashSet();

        var found = new Dictionary<ConstraintClass, int>();
        var encoded = new Dictionary<ConstraintClass, int>();
        var reportedCount = new Dictionary<ConstraintClass, int>();
        var missed = new List<MissedStatement>();
        var seen = new HashSet<(string, int, string, string)>();
        foreach (var row in coverage.Statements)
        {
            foreach (var statement in row.Statements)
            {
                if (!seen.Add((row.Page, row.Line, row.Property, statement.Text)))
                {
                    continue;
                }

                var text = Normalize(statement.Text);
                var final = Final(document, row);
                foreach (var @class in statement.Classes)
                {
                    found[@class] = found.GetValueOrDefault(@class) + 1;
                    var isEncoded = citations.Any(c => CitesRow(c, row, @class) && Cites(c.Sentence, text) && Keywords[@class].Any(c.Keywords.Contains))
                        || Kept(row.Facts, final, text, @class);
                    if (isEncoded)
                    {
                        encoded[@class] = encoded.GetValueOrDefault(@class) + 1;
                    }
                    else if (@class == ConstraintClass.Rule && (reported.Contains((row.Page, row.Line, text)) || !row.Rules.Any(r => Normalize(r.Source.Sentence) == text)))
                    {
                        // Either the resolver said why it could not place it, or no sentence pattern reads it;
                        // both are warnings (see Unrecognized), so the statement is reported.
                        reportedCount[@class] = reportedCount.GetValueOrDefault(@class) + 1;
                    }
                    else
                    {
                        missed.Add(new MissedStatement(row.File, row.Page, row.Line, row.Property, @class, statement.Text));
                    }
                }
            }
        }

        var classes = Enum.GetValues<ConstraintClass>()
            .Select(c => new ClassCoverage(c, found.GetValueOrDefault(c), encoded.GetValueOrDefault(c), reportedCount.GetValueOrDefault(c)))
            .ToList();
        return (classes, missed);
    }

    /// <summary>
    /// Whether a citation can be this row's: the same property (a rule may cite either side); a rule must also come
    /// from the row's own page and line, so one schema's rule does not stand for a sentence another schema could not encode.
    /// </summary>
    private static bool CitesRow(Citation citation, RowStatements row, ConstraintClass @class) =>
        @class == ConstraintClass.Rule
            ? citation.Page == row.Page && (citation.Line is null || citation.Line == row.Line)
            : citation.Property is null || citation.Property == row.Property;

    /// <summary>The property schema a row became in the final document (for a shared schema, the merged one).</summary>
    private static JsonObject? Final(JsonObject document, RowStatements row)
    {
        var property = row.Final ?? document["components"]?["schemas"]?[row.Schema ?? string.Empty]?["properties"]?[row.Property] as JsonObject;
        return property is null ? null : SchemaBuilder.Constrained(property) ?? property;
    }

    /// <summary>
    /// Whether the keywords this row's own sentence gave are in the final document with the same value (another
    /// page's table may state the same constraint in other words and be the one cited). An enum counts when every
    /// value the sentence lists is kept.
    /// </summary>
    private static bool Kept(PropertyFacts facts, JsonObject? final, string statement, ConstraintClass @class)
    {
        if (final is null)
        {
            return false;
        }

        foreach (var (keywords, sentence) in facts.Sources)
        {
            if (!Cites(sentence, statement))
            {
                continue;
            }

            foreach (var keyword in keywords.Where(Keywords[@class].Contains))
            {
                if (keyword == "type" && final["type"] is JsonValue type && type.GetValue<string>() == "boolean")
                {
                    return true; // "true: ... false: ..." is what the type admits
                }

                var stated = facts.Keywords[keyword];
                var kept = final[keyword];
                if (stated is null || kept is null)
                {
                    continue;
                }

                if (JsonNode.DeepEquals(stated, kept)
                    || (keyword == "enum" && kept is JsonArray all && stated.AsArray().All(v => all.Any(k => JsonNode.DeepEquals(k, v)))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Rule statements no sentence pattern reads; they are reported as warnings so none goes unseen.</summary>
    public static IEnumerable<(RowStatements Row, Statement Statement)> Unrecognized(Coverage coverage, JsonObject document)
    {
        var citations = new List<Citation>();
        Collect(document, null, citations);
        var seen = new HashSet<(string, int, string)>();
        foreach (var row in coverage.Statements)
        {
            foreach (var statement in row.Statements.Where(s => s.Classes.Contains(ConstraintClass.Rule)))
            {
                var text = Normalize(statement.Text);
                if (row.Rules.Any(r => Normalize(r.Source.Sentence) == text) || !seen.Add((row.Page, row.Line, text))
                    || citations.Any(c => CitesRow(c, row, ConstraintClass.Rule) && Cites(c.Sentence, text) && Keywords[ConstraintClass.Rule].Any(c.Keywords.Contains)))
                {
                    continue;
                }

                yield return (row, statement);
            }
        }
    }

    /// <summary>Whether some rule keyword in the document cites <paramref name="sentence"/> (an overlay may encode what prose could not).</summary>
    public static bool IsEncoded(JsonObject document, DocSource source)
    {
        var citations = new List<Citation>();
        Collect(document, null, citations);
        var text = Normalize(source.Sentence);
        return citations.Any(c => c.Page == source.Page && (c.Line is null || c.Line == source.Line) && Cites(c.Sentence, text) && Keywords[ConstraintClass.Rule].Any(c.Keywords.Contains));
    }

    public static string Line(IEnumerable<ClassCoverage> classes)
    {
        var parts = classes.Select(c => c.Class == ConstraintClass.Rule
            ? string.Create(CultureInfo.InvariantCulture, $"rules {c.Found}: {c.Encoded} encoded, {c.Reported} reported")
            : string.Create(CultureInfo.InvariantCulture, $"{Name(c.Class)} {c.Encoded}/{c.Found} ({Percent(c.Encoded, c.Found)})"));
        return "constraints (request side): " + string.Join(", ", parts);
    }

    public static string Name(ConstraintClass @class) => @class switch
    {
        ConstraintClass.Options => "option lists",
        ConstraintClass.Default => "defaults",
        ConstraintClass.Length => "lengths",
        ConstraintClass.CharacterSet => "character sets",
        ConstraintClass.Range => "numeric ranges",
        ConstraintClass.Format => "formats",
        _ => "rules between fields",
    };

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static bool Cites(string citation, string statement)
    {
        var cited = Normalize(citation);
        return cited == statement || (statement.Length >= 12 && cited.Contains(statement, StringComparison.Ordinal))
            || (cited.Length >= 12 && statement.Contains(cited, StringComparison.Ordinal));
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().TrimStart('-', ' ').TrimEnd('.', '。', ' '))
        {
            if (!char.IsWhiteSpace(c) || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Every <c>x-doc-source</c> citation in the document, with the property it sits on.</summary>
    private static void Collect(JsonNode? node, string? property, List<Citation> citations)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["x-doc-source"] is JsonArray sources)
                {
                    foreach (var source in sources.OfType<JsonObject>())
                    {
                        if (source["sentence"]?.GetValue<string>() is { } sentence)
                        {
                            var keywords = (source["keywords"] as JsonArray)?.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
                            citations.Add(new Citation(source["property"]?.GetValue<string>() ?? property, sentence, keywords, source["page"]?.GetValue<string>(), source["line"]?.GetValue<int>()));
                        }
                    }
                }

                var parameterName = obj["in"] is not null ? obj["name"]?.GetValue<string>() : null;
                foreach (var (key, value) in obj)
                {
                    if (key == "properties" && value is JsonObject properties)
                    {
                        foreach (var (name, schema) in properties)
                        {
                            Collect(schema, name, citations);
                        }
                    }
                    else if (key is not ("x-doc-source" or "examples" or "example"))
                    {
                        Collect(value, parameterName ?? (key is "items" or "additionalProperties" or "schema" or "not" or "anyOf" or "allOf" or "oneOf" ? property : null), citations);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, property, citations);
                }

                break;
        }
    }
}
