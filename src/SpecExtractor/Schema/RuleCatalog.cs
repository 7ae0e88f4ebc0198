using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Schema;

/// <summary>How one field depends on another, as the documentation words it.</summary>
internal enum RuleKind
{
    /// <summary>"mandatory when X", "mandatory for X", "must be specified when X": the property is required when X holds.</summary>
    RequiredWhen,

    /// <summary>"used only for X", "valid only for X", "dedicated to X": the property may be set only when X holds.</summary>
    OnlyFor,

    /// <summary>"invalid for X": the property may not be set when X holds.</summary>
    ForbiddenWhen,

    /// <summary>"Set this parameter to true only when X", "CarbonData (supported only by X)": one value is allowed only when X holds.</summary>
    ValueOnlyWhen,

    /// <summary>"If type is set to OBS, source is an OBS path": the property has a format when another field has a value.</summary>
    FormatWhen,
}

/// <summary>
/// The condition of a rule. Either a field the sentence names with the values it compares to ("infer_type is set
/// to real-time"), or a phrase ("GaussDB(DWS) data", "text datasets") that is matched later against the documented
/// meanings of the options of a field the schema can see.
/// </summary>
/// <param name="Contains">The sentence says a list contains the phrase ("the sample label list contains the object detection label").</param>
internal sealed record RuleCondition(string Text, string? Field, IReadOnlyList<string> Values, bool Contains);

/// <param name="Subject">The property the rule constrains, as the sentence names it (null: the property the description belongs to).</param>
/// <param name="Value">The one value of a <see cref="RuleKind.ValueOnlyWhen"/> rule, as written.</param>
/// <param name="Format">What the property is under the condition, for <see cref="RuleKind.FormatWhen"/> ("an OBS path").</param>
internal sealed record FieldRule(RuleKind Kind, string Property, string? Subject, string? Value, RuleCondition Condition, string? Format, DocSource Source);

/// <summary>
/// The sentence patterns of rules between fields. A pattern recognizes the shape of a sentence; which field the
/// condition speaks of is decided later, when the whole document is known (<c>RuleResolver</c>).
/// </summary>
internal static partial class RuleCatalog
{
    private sealed record RulePattern(RuleKind Kind, Regex Regex);

    private static readonly RulePattern[] Patterns =
    [
        new(RuleKind.FormatWhen, FormatWhen()),
        new(RuleKind.ValueOnlyWhen, ValueOnlyWhen()),
        new(RuleKind.ValueOnlyWhen, OptionOnlyFor()),
        new(RuleKind.RequiredWhen, RequiredWhenSubject()),
        new(RuleKind.RequiredWhen, RequiredWhen()),
        new(RuleKind.RequiredWhen, RequiredWhenZh()),
        new(RuleKind.ForbiddenWhen, ForbiddenWhen()),
        new(RuleKind.OnlyFor, OnlyFor()),
        new(RuleKind.OnlyFor, OnlyForZh()),
        new(RuleKind.OnlyFor, DedicatedTo()),
    ];

    /// <summary>The rule a statement states about <paramref name="property"/>, or null when it states none this catalogue knows.</summary>
    public static FieldRule? Read(string property, string statement, DocSource source)
    {
        var sentence = statement.Trim().TrimEnd('.', '。').Trim();
        foreach (var pattern in Patterns)
        {
            var match = pattern.Regex.Match(sentence);
            if (!match.Success)
            {
                continue;
            }

            var subject = match.Groups["subject"] is { Success: true } s && !SelfReference().IsMatch(s.Value) ? Unquote(s.Value) : null;
            var value = match.Groups["value"] is { Success: true } v ? Unquote(v.Value) : null;
            RuleCondition condition;
            if (pattern.Kind == RuleKind.FormatWhen)
            {
                condition = new RuleCondition(match.Groups["field"].Value + " is " + match.Groups["is"].Value, Unquote(match.Groups["field"].Value), [Unquote(match.Groups["is"].Value)], false);
            }
            else
            {
                condition = Condition(match.Groups["cond"].Value);
            }

            var format = match.Groups["what"] is { Success: true } w ? w.Value.Trim() : null;
            return new FieldRule(pattern.Kind, property, subject, value, condition, format, source with { Sentence = statement.Trim() });
        }

        return null;
    }

    /// <summary>"infer_type is set to real-time" names a field; anything else is a phrase to match against option meanings.</summary>
    public static RuleCondition Condition(string text)
    {
        text = text.Trim().TrimEnd('.', ',', '。').Trim();
        var comparison = FieldComparison().Match(text);
        if (comparison.Success)
        {
            var values = ValueSeparator().Split(comparison.Groups["values"].Value).Select(Unquote).Where(x => x.Length > 0).ToList();
            return new RuleCondition(text, Unquote(comparison.Groups["field"].Value), values, false);
        }

        var contains = ListContains().Match(text);
        if (contains.Success)
        {
            return new RuleCondition(contains.Groups["what"].Value, contains.Groups["list"].Value, [], true);
        }

        return new RuleCondition(StripArticles(text), null, [], false);
    }

    private static string StripArticles(string text) => LeadingWords().Replace(text, string.Empty).Trim();

    private static string Unquote(string text) => text.Trim().Trim('*', '"', '\'', '“', '”', '`').Trim();

    // "If type is set to OBS, source is an OBS path."
    [GeneratedRegex(@"^If\s+(?<field>[\w@:.*]+)\s+is\s+(?:set\s+to|specified\s+as)\s+(?<is>[\w\-.*""]+),\s+(?<subject>[\w@:.*]+)\s+(?:is|must be)\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FormatWhen();

    // "Set this parameter to true only when creating a data processing task."
    [GeneratedRegex(@"\bSet\s+(?<subject>this parameter|this field|it|[\w@:.*]+)\s+to\s+(?<value>[\w\-.*""]+)\s+only\s+(?:when|if|for)\s+(?<cond>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ValueOnlyWhen();

    // An option bullet: "CarbonData: CarbonData (supported only by table datasets)".
    [GeneratedRegex(@"^(?<value>[^\s:：(（]+)\s*(?:[:：][^(（]*)?[(（](?:supported|available|valid|used)\s+only\s+(?:by|for|in)\s+(?<cond>[^)）]+)[)）]$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionOnlyFor();

    // "If you want to search for multiple labels, op must be specified."
    [GeneratedRegex(@"^If\s+(?<cond>.+?),\s+(?<subject>[\w@:.*]+|this parameter)\s+(?:must|should)\s+be\s+(?:specified|set|provided)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequiredWhenSubject();

    // "This parameter is mandatory only when infer_type is set to real-time.", "which is mandatory for GaussDB(DWS) data",
    // "This attribute must be specified when a relationship label is created."
    [GeneratedRegex(@"\b(?:(?:mandatory|must\s+be\s+(?:specified|set|provided|configured))\s+(?:only\s+)?(?:when|if|for)|required\s+(?:only\s+)?(?:when|if))\s+(?<cond>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RequiredWhen();

    // "GaussDB(DWS)数据需提供此参数", "当...时必填"
    [GeneratedRegex(@"^(?:.*[，,]\s*)?(?:当|仅当)?(?<cond>[^，,。]+?)(?:时)?(?:需(?:要)?提供此参数|必填|必选)$")]
    private static partial Regex RequiredWhenZh();

    // "This field is invalid for table datasets."
    [GeneratedRegex(@"\b(?:is\s+)?(?:invalid|not\s+(?:valid|supported|used|available))\s+for\s+(?<cond>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenWhen();

    // "This parameter is used only for text datasets.", "valid only for ...", "This field is valid for the table dataset.",
    // "used only in the scenario of auto labeling for videos"
    [GeneratedRegex(@"\b(?:(?:used|valid|available|applicable|supported)\s+only|only\s+(?:used|valid|available|applicable|supported)|(?:this|the)\s+(?:field|parameter|attribute)\s+is\s+valid)\s+(?:for|in|by|when|to)\s+(?:the\s+scenario\s+of\s+)?(?<cond>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyFor();

    // "此参数仅文本类数据集使用", "仅适用于表格数据集"
    [GeneratedRegex(@"仅(?:适用于|用于|对)?(?<cond>[^，,。]+?)(?:使用|有效|适用)")]
    private static partial Regex OnlyForZh();

    // "..., which is a default attribute dedicated to the named entity label", "Default shape of an object detection label (dedicated attribute)"
    [GeneratedRegex(@"\bdedicated\s+to\s+(?<cond>(?:the\s+|an?\s+)?[^,()]+?\blabel)\b|\bof\s+(?<cond>(?:the\s+|an?\s+)?[^,()]+?\blabel)\s*\(dedicated attribute\)", RegexOptions.IgnoreCase)]
    private static partial Regex DedicatedTo();

    [GeneratedRegex(@"^(?:the\s+value\s+of\s+)?(?<field>[a-z][a-z0-9]*(?:[_.:@][a-z0-9]+)+|[a-z]+)\s+is\s+(?:set\s+to|specified\s+as)\s+(?<values>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FieldComparison();

    [GeneratedRegex(@"^(?<list>.+?\blist)\s+contains\s+(?<what>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ListContains();

    [GeneratedRegex(@",?\s+or\s+|,\s*")]
    private static partial Regex ValueSeparator();

    [GeneratedRegex(@"^(?:this\s+parameter|this\s+field|this\s+attribute|it)$", RegexOptions.IgnoreCase)]
    private static partial Regex SelfReference();

    [GeneratedRegex(@"^(?:(?:the|a|an)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWords();
}
