using System.Text;
using System.Text.RegularExpressions;

namespace ModelArts.Generator.Emitting;

/// <summary>Builds C# text with consistent indentation and line endings.</summary>
internal sealed class SourceWriter
{
    private static readonly Regex DanglingIntroduction = new(@"\s*(?:The\s+)?(?:options?|values?|following values?)(?:\s+are\s+as\s+follows|\s+are)?\s*[:：]\s*$|\s*[^.。]*\b(?:as follows|following)\s*[:：]\s*$|\s*(?:可选值如下|取值如下|如下)\s*[:：]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
        }

        _builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>
    /// XML documentation whose summary stands alone (a completion tooltip shows only the summary): the first paragraph
    /// without a dangling "Options:", then "One of: a, b, c." when the text lists options; the rest (each option with its
    /// meaning, further paragraphs) in remarks.
    /// </summary>
    public SourceWriter Documentation(string? text, string fallback, string? extra = null)
    {
        var (summary, remarks) = Split(text, fallback);
        Line("/// <summary>" + Xml(summary) + "</summary>");
        if (extra is not null)
        {
            // One line per doc comment line: text that spans lines would end the comment.
            remarks.AddRange(extra.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        }

        if (remarks.Count > 0)
        {
            Line("/// <remarks>");
            foreach (var line in remarks)
            {
                Line("/// <para>" + Xml(line) + "</para>");
            }

            Line("/// </remarks>");
        }

        return this;
    }

    /// <summary>One line that stands alone (for <c>&lt;param&gt;</c>): the summary of <see cref="Documentation"/>.</summary>
    public static string OneLine(string? text, string fallback) => Xml(Split(text, fallback).Summary);

    private static (string Summary, List<string> Remarks) Split(string? text, string fallback)
    {
        var lines = (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return (fallback, []);
        }

        var first = lines[0].StartsWith("- ", StringComparison.Ordinal) ? string.Empty : lines[0];
        var summary = DanglingIntroduction.Replace(first, string.Empty).Trim();
        string? introduction = null;
        if (summary.EndsWith(":", StringComparison.Ordinal) || summary.EndsWith("：", StringComparison.Ordinal))
        {
            // "... Example:" introduces what follows: it opens the remarks, and the summary keeps the sentences before it.
            var end = summary.Length > 1 ? summary.LastIndexOfAny(['.', '。'], summary.Length - 2) : -1;
            introduction = end > 0 ? summary.Substring(end + 1).Trim() : null;
            summary = end > 0 ? summary.Substring(0, end + 1).Trim() : EndSentence(summary.TrimEnd(':', '：').Trim());
        }

        var options = lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(OptionValue).Where(v => v is not null).Select(v => v!).ToList();
        if (options.Count > 0 && options.Count == lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)))
        {
            var shown = options.Take(12).ToList();
            summary = (summary.Length == 0 ? string.Empty : EndSentence(summary) + " ") + "One of: " + string.Join(", ", shown) + (options.Count > shown.Count ? ", ..." : string.Empty) + ".";
        }
        else if (summary.Length == 0)
        {
            summary = fallback;
        }

        var remarks = lines.Skip(first.Length == 0 ? 0 : 1).Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l.Substring(2) : l).ToList();
        if (introduction is not null)
        {
            remarks.Insert(0, introduction);
        }

        return (summary, remarks);
    }

    /// <summary>"auto-label: active learning" → auto-label; a bullet that is prose ("If type is set to OBS, ...") → null.</summary>
    private static string? OptionValue(string bullet)
    {
        var body = bullet.Substring(2).Trim();
        var end = body.IndexOfAny([':', '：', '(', '（']);
        var value = (end >= 0 ? body.Substring(0, end) : body).Trim();
        return value.Length > 0 && value.IndexOf(' ') < 0 && value.Length <= 40 ? value : null;
    }

    private static string EndSentence(string text) => text.EndsWith(".", StringComparison.Ordinal) || text.EndsWith("。", StringComparison.Ordinal) ? text : text + ".";

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
