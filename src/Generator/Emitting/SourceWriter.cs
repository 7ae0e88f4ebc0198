using System.Text;

namespace ModelArts.Generator.Emitting;

/// <summary>Builds C# text with consistent indentation and line endings.</summary>
internal sealed class SourceWriter
{
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

    /// <summary>XML documentation: the first paragraph as summary, the rest (bullets too) as remarks.</summary>
    public SourceWriter Documentation(string? text, string fallback)
    {
        var lines = (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        Line("/// <summary>" + Xml(lines.Count > 0 ? lines[0] : fallback) + "</summary>");
        if (lines.Count > 1)
        {
            Line("/// <remarks>");
            foreach (var line in lines.Skip(1))
            {
                Line("/// <para>" + Xml(line) + "</para>");
            }

            Line("/// </remarks>");
        }

        return this;
    }

    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
