using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Schema;

/// <summary>The kinds of constraint the documentation states in prose; the coverage line counts each one.</summary>
internal enum ConstraintClass
{
    /// <summary>A closed set of values: an "Options:" list, or "A, B, or C" in a sentence.</summary>
    Options,

    /// <summary>A default value: "The default value is 10", "(Default value)".</summary>
    Default,

    /// <summary>A length: "contains 1 to 64 characters".</summary>
    Length,

    /// <summary>Allowed or forbidden characters.</summary>
    CharacterSet,

    /// <summary>A numeric range: "The value ranges from 1 to 100", "[0,1]".</summary>
    Range,

    /// <summary>A value format: OBS paths, a trailing slash, times and dates, colours, single-character separators.</summary>
    Format,

    /// <summary>A rule between fields: "mandatory when", "used only for", "Either A or B", "If type is X, source is Y".</summary>
    Rule,
}

/// <summary>
/// One statement of a description: a sentence, or an option list (its introduction and bullets), with the
/// classes of constraint it states. The classes come from broad detectors that are independent of the
/// catalogue that encodes them, so "found" and "encoded" are counted separately and honestly.
/// </summary>
internal sealed record Statement(string Text, bool IsOptionList, IReadOnlyList<ConstraintClass> Classes);

internal static partial class Statements
{
    /// <summary>Splits a normalized description (paragraphs on lines, bullets starting with "- ") into statements.</summary>
    public static List<Statement> Split(string description)
    {
        var result = new List<Statement>();
        var lines = description.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!line.StartsWith("- ", StringComparison.Ordinal) && OptionIntroduction().IsMatch(line) && !FormatIntroduction().IsMatch(line))
            {
                var bullets = lines.Skip(i + 1).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
                if (bullets.Count > 0 && 2 * bullets.Count(b => ValueBullet().IsMatch(b)) > bullets.Count)
                {
                    var sentences = SplitSentences(line);
                    result.AddRange(sentences.SkipLast(1).Select(Classified));
                    var text = sentences[^1] + " " + string.Join(" ", bullets.Select(b => b[2..].Trim()));
                    result.Add(new Statement(text, true, Classify(text, isOptionList: true)));

                    // A bullet can also tie its value to another field ("CarbonData (supported only by table datasets)").
                    result.AddRange(bullets.Select(b => b[2..].Trim()).Select(b => new Statement(b, false, Classify(b, false).Where(c => c == ConstraintClass.Rule).ToList())).Where(s => s.Classes.Count > 0));
                    i += bullets.Count;
                    continue;
                }
            }

            result.AddRange(SplitSentences(line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line).Select(Classified));
        }

        return result;
    }

    /// <summary>
    /// The classes a property of <paramref name="jsonType"/> can hold. A boolean holds no number, so a bound in its
    /// description ("A maximum of 20 models can be deleted at a time" on <c>cascade</c>) counts what the call does; an
    /// object has no text form, so a format sentence in its description ("Use commas (,) to separate multiple pieces
    /// of CSV data" on a mapping) describes the data it refers to or its members, which their own rows state.
    /// </summary>
    public static List<Statement> ForType(List<Statement> statements, string jsonType)
    {
        ConstraintClass? cannotHold = jsonType switch
        {
            "boolean" => ConstraintClass.Range,
            "object" => ConstraintClass.Format,
            _ => null,
        };
        return cannotHold is not { } dropped
            ? statements
            : statements.Select(s => s.Classes.Contains(dropped) ? s with { Classes = s.Classes.Where(c => c != dropped).ToList() } : s).ToList();
    }

    private static Statement Classified(string sentence) => new(sentence, false, Classify(sentence, isOptionList: false));

    public static IReadOnlyList<ConstraintClass> Classify(string text, bool isOptionList)
    {
        var classes = new List<ConstraintClass>();
        if (!isOptionList && Example().IsMatch(text))
        {
            return classes; // "For example, [100,200,3] and [100,200] are both valid." illustrates; it states nothing
        }

        if (isOptionList || ClosedSet().IsMatch(text) || BracketedWords().IsMatch(text))
        {
            classes.Add(ConstraintClass.Options);
        }

        if (!isOptionList || DefaultValue().IsMatch(text))
        {
            AddIf(classes, ConstraintClass.Default, DefaultValue().IsMatch(text) && !NoDefault().IsMatch(text));
        }

        if (!isOptionList)
        {
            AddIf(classes, ConstraintClass.Length, Length().IsMatch(text));
            AddIf(classes, ConstraintClass.CharacterSet, CharacterSet().IsMatch(text));
            AddIf(classes, ConstraintClass.Range, Range().IsMatch(text) && !Length().IsMatch(text) && !ConditionalReading().IsMatch(text) && !BracketedWords().IsMatch(text));
            AddIf(classes, ConstraintClass.Format, Format().IsMatch(text));
            AddIf(classes, ConstraintClass.Rule, Rule().IsMatch(text));
        }

        return classes;
    }

    private static void AddIf(List<ConstraintClass> classes, ConstraintClass value, bool condition)
    {
        if (condition)
        {
            classes.Add(value);
        }
    }

    /// <summary>The sentences of one line; an abbreviation such as "e.g." does not end a sentence.</summary>
    public static List<string> SplitSentences(string line)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match boundary in SentenceBoundary().Matches(line))
        {
            Add(line[start..boundary.Index]);
            start = boundary.Index + boundary.Length;
        }

        Add(line[start..]);
        return sentences;

        void Add(string sentence)
        {
            sentence = sentence.Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[A-Z0-9(""'])|(?<=[。；！？])")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^(?:for example|example|e\.g\.|such as|例如|示例)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Example();

    [GeneratedRegex(@"(?:option|value|as follows|following|possible|can be|include|support|\benums?\b|取值|可选|如下)[^:：]*[:：]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionIntroduction();

    /// <summary>"If the value is less than 1, it indicates the percentage ...": how a value is read, not a bound on it.</summary>
    [GeneratedRegex(@"^\s*if\s+the\s+value\s+is\s+(?:greater|less|smaller|larger)\s+than\s+(?:or\s+equal\s+to\s+)?-?\d[\d.,]*\s*,\s*(?:it|the\s+value)\s+(?:indicates|means|specifies|represents|is\s+interpreted\s+as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConditionalReading();

    /// <summary>"The value range is [Info Error Warning]": words in brackets are a closed set, not a numeric range.</summary>
    [GeneratedRegex(@"\bvalue\s+range\s+is\s+\[[A-Za-z_][\w-]*(?:\s+[A-Za-z_][\w-]*)+\]")]
    private static partial Regex BracketedWords();

    /// <summary>"The format of each shape is as follows:" introduces formats, not values.</summary>
    [GeneratedRegex(@"\bformat\b|格式", RegexOptions.IgnoreCase)]
    private static partial Regex FormatIntroduction();

    [GeneratedRegex(@"^- [^\s:：,，()（）]+\s*(?:[:：(（]|,\s*which\s+is\s+the\s+default\b|$)")]
    private static partial Regex ValueBullet();

    /// <summary>"The value can be A, B, or C", "Options: A, B", "UTF-8, GBK, or GB2312 are supported", "only value all is available".</summary>
    [GeneratedRegex(@"(?:\bonly\s+(?:the\s+)?values?\s+\S+\s+(?:is|are)\s+(?:available|supported|allowed|valid)\b|\b(?:can be|must be|is either|one of|options are|values are|supports?|available values?)\b[^.]*?\S+,\s*\S+,?\s+(?:or|and)\s+\S+|^\S+(?:,\s*\S+)+,?\s+or\s+\S+\.?$|\b(?:options|values|可选值)\s*[:：]\s*\S+(?:\s*[,、]\s*\S+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex ClosedSet();

    [GeneratedRegex(@"default value (?:is|:)|default value\)|\(default\)|^default value\b(?! of)|defaults? to\b|the default is|is the default\b|by default,\s+(?:an?|the)\s+.+?\s+is used|默认值|默认为", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultValue();

    /// <summary>A default that is no value ("left blank by default", "The default value is left blank").</summary>
    [GeneratedRegex(@"default value is (?:left )?(?:blank|empty|null|none|not set)|default value is (?:specified|determined|decided|set) by\b|default value is the value (?:set|used|specified) (?:last|previously|before)\b|默认为空|默认不", RegexOptions.IgnoreCase)]
    private static partial Regex NoDefault();

    [GeneratedRegex(@"\b\d[\d,]*\s*(?:(?:to|-|~)\s*\d[\d,]*\s*)?characters\b|\blength\b|长度|\d+\s*(?:个字符|位)", RegexOptions.IgnoreCase)]
    private static partial Regex Length();

    [GeneratedRegex(@"special characters?|\b(?:only|can contain|consisting of|consists of|including only|contains only|composed of)\b.{0,40}\b(?:letters|digits|numbers|underscores?|hyphens?|Chinese characters)\b|特殊字符|只能(?:包含|由)|仅(?:包含|支持)(?:字母|数字)", RegexOptions.IgnoreCase)]
    private static partial Regex CharacterSet();

    [GeneratedRegex(@"value range|ranges? from|range is|range:|minimum value|maximum value|\b(?:cannot|must not|can't) exceed\s+\d|\b(?:greater|less|smaller|larger) than(?: or equal to)?\s+-?\d|\bat (?:least|most)\s+\d|\bno (?:more|less) than\s+\d|\bbetween\s+-?\d[\d.,]*\s+and\s+-?\d|\b(?:in|within|range)\s+[\[(]\s*-?\d+(?:\.\d+)?\s*,\s*-?\d+(?:\.\d+)?\s*[\])]|\bonly\s+one\b.{0,40}\bcan\s+be\s+(?:imported|specified|added|selected|uploaded|used|delivered|created)\b|\b(?:a\s+maximum\s+of|up\s+to)\s+\d+\s+(?!characters)\w+|取值范围|最小值|最大值", RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<!\bprefix of the |\bcannot be an? |\bnot an? )\bOBS (?:path|directory|folder|URL|address|bucket path)\b(?! in a KMS)|/bucket[ _]?name|\bends? with (?:a |the )?(?:slash|/)|must end with|in the format (?:of|:)|\bthe format is\b|\bformat:\s|\bhexadecimal\b|\bcolou?r code\b|\bonly one character\b|yyyy|hh:mm|(?<!\([^()]*)\bIP address\b|\bcannot be (?:directly )?used as (?:a|the) path\b|\bto separate\b|\bseparated by\b|\bbefore and after the (?:comma|hyphen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Format();

    [GeneratedRegex(@"\bmandatory (?:when|if|only|for)\b|\bmust be (?:specified|set|provided|configured) (?:when|if)\b|\brequired (?:when|if|only)\b|\bused only (?:for|in|when|by)\b|\bonly (?:used|valid|available|applicable) (?:for|in|when)\b|\bvalid (?:only )?for\b|\binvalid for\b|\b(?:supported|available) only (?:by|for|in)\b|\bonly when\b|\bonly if\b|\bdedicated to\b|\(dedicated attribute\)|\beither\b.+\bor\b|\bcannot be used together\b|\bmutually exclusive\b|\bcannot be (?:used|set|specified) (?:together )?with\b|\bIf \**[\w@:.]+\**\s+is (?:set to|specified as)\b|\bset (?:this parameter|it) to \S+ only\b|\bmust be specified\b|\bsum of\b.+\bmust\b|\bwhen\b.+\bcan only\b|二选一|必填|仅.{0,12}(?:使用|有效|适用)", RegexOptions.IgnoreCase)]
    private static partial Regex Rule();
}
