using System.Text;
using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Pages;

/// <summary>Turns marked-up cell and paragraph text into the plain normalized text the catalogue reads.</summary>
internal static partial class InlineText
{
    /// <summary>Strips reStructuredText inline markup: <c>**b**</c>, <c>``lit``</c>, <c>:ref:`Text &lt;id&gt;`</c>, links, escapes.</summary>
    public static string FromRst(string text)
    {
        if (text.IndexOfAny(['*', '`', '\\', ':', '<']) < 0)
        {
            return text;
        }

        text = InlineHtml().Replace(text, string.Empty);
        text = RstRole().Replace(text, m => m.Groups["text"].Value.TrimEnd());
        text = RstLink().Replace(text, m => m.Groups["text"].Value.TrimEnd());
        text = text.Replace("``", string.Empty, StringComparison.Ordinal);
        text = RstStrong().Replace(text, "${text}");
        text = RstEmphasis().Replace(text, "${text}");
        text = text.Replace("\\ ", string.Empty, StringComparison.Ordinal);
        return RstEscape().Replace(text, "${c}");
    }

    /// <summary>The <c>:ref:`Text &lt;label&gt;`</c> links in a cell's lines.</summary>
    public static IReadOnlyList<DocLink> RstLinks(IEnumerable<string> cellLines) =>
        RstRefTarget().Matches(string.Join(' ', cellLines.Select(l => l.Trim())))
            .Select(m => new DocLink(Collapse(m.Groups["text"].Value), m.Groups["label"].Value))
            .ToList();

    /// <summary>Strips Markdown inline markup and its backslash escapes.</summary>
    public static string FromMarkdown(string text)
    {
        text = MarkdownAnchor().Replace(text, string.Empty);
        text = text.Replace("**", string.Empty, StringComparison.Ordinal);
        text = MarkdownLink().Replace(text, "${text}");
        text = text.Replace("`", string.Empty, StringComparison.Ordinal);
        return MarkdownEscape().Replace(text, "${c}").Trim();
    }

    /// <summary>Turns the inside of an HTML table cell into normalized text (paragraphs and "- " bullets).</summary>
    public static string FromHtml(string html)
    {
        var text = HtmlListParagraph().Replace(html, "\n- ");
        text = HtmlBlockBreak().Replace(text, m => m.Value.StartsWith("<li", StringComparison.OrdinalIgnoreCase) ? "\n- " : "\n");
        text = HtmlLineBreak().Replace(text, " ");
        text = HtmlTag().Replace(text, string.Empty);
        text = DecodeEntities(text);
        var lines = text.Split('\n')
            .Select(line => Collapse(line))
            .Where(line => line.Length > 0 && line != "-");
        return FromMarkdown(string.Join('\n', lines));
    }

    /// <summary>Joins the physical lines of a cell into paragraphs and bullet items.</summary>
    public static string JoinCellLines(IEnumerable<string> lines, Func<string, string> inline)
    {
        var blocks = new List<string>();
        var current = new StringBuilder();
        var currentIsBullet = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                var body = inline(Collapse(current.ToString()));
                blocks.Add(currentIsBullet ? "- " + body : body);
            }

            current.Clear();
            currentIsBullet = false;
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var bullet = BulletMarker().Match(line);
            if (bullet.Success)
            {
                Flush();
                currentIsBullet = true;
                line = line[bullet.Length..];
            }

            if (current.Length > 0)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        Flush();
        return string.Join('\n', blocks);
    }

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static string DecodeEntities(string text) => text
        .Replace("&nbsp;", " ", StringComparison.Ordinal)
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&quot;", "\"", StringComparison.Ordinal)
        .Replace("&#39;", "'", StringComparison.Ordinal)
        .Replace("&apos;", "'", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@":[a-z]+:`(?<text>[^<`]*?)\s*(<[^>`]*>)?`")]
    private static partial Regex RstRole();

    [GeneratedRegex(@":ref:`(?<text>[^<`]*)<(?<label>[^>`\s]+)>`")]
    private static partial Regex RstRefTarget();

    [GeneratedRegex(@"`(?<text>[^<`]+?)\s*<[^>`]+>`__?")]
    private static partial Regex RstLink();

    [GeneratedRegex(@"\*\*(?<text>[^*]+?)\*\*")]
    private static partial Regex RstStrong();

    [GeneratedRegex(@"(?<![\w*])\*(?<text>[^*\s][^*]*?)\*(?![\w*])")]
    private static partial Regex RstEmphasis();

    [GeneratedRegex(@"\\(?<c>[^\s])")]
    private static partial Regex RstEscape();

    /// <summary>Stray inline HTML some pages carry over from their source (&lt;b id="Bold"&gt;).</summary>
    [GeneratedRegex(@"</?(?:b|i|em|strong|span|sup|sub|code)(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHtml();

    [GeneratedRegex(@"<a\s+name=""[^""]*""\s*>\s*</a>", RegexOptions.IgnoreCase)]
    private static partial Regex MarkdownAnchor();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\\(?<c>[\\`*_{}\[\]()#+\-.!<>|])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"<li\b[^>]*>|</p>|<p\b[^>]*>|</li>|</?ul\b[^>]*>|</?ol\b[^>]*>|</?div\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBlockBreak();

    [GeneratedRegex(@"<li\b[^>]*>\s*<p\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlListParagraph();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLineBreak();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^(?:[-*•]|\d+\.)\s+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
