using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>MA0003: replace an undocumented value with the nearest documented one (its named member when there is one).</summary>
/// <remarks>Fix All replaces each undocumented value with its own nearest one.</remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestValueFix))]
internal sealed class NearestValueFix() : ConstraintFixProvider(Descriptors.UnknownValue)
{
    internal static readonly string EquivalenceKey = $"{Descriptors.UnknownValue.Id}:UseNearest";

    protected override IEnumerable<ConstraintFix> Fixes(SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
        {
            yield break;
        }

        var member = diagnostic.Properties.TryGetValue(FixData.SuggestionMember, out var m) ? m : null;
        var literal = diagnostic.Properties.TryGetValue(FixData.Suggestion, out var s) ? s : null;
        if ((member ?? literal) is { } replacement)
        {
            var title = member is null ? $"Use {literal}" : $"Use {ShortName(member)}";
            yield return new ConstraintFix(title, EquivalenceKey, new FixEdit.Replace(value, SyntaxFactory.ParseExpression(replacement)));
        }
    }

    /// <summary><c>global::ModelArts.TemplateParamId.SysDataAnalyse</c> → <c>TemplateParamId.SysDataAnalyse</c>.</summary>
    private static string ShortName(string member)
    {
        var parts = member.Split('.');
        return parts.Length >= 2 ? parts[parts.Length - 2] + "." + parts[parts.Length - 1] : member;
    }
}
