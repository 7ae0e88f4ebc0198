using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>MA0004: remove the characters the documentation forbids from a string literal (the analyzer computes the text).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveForbiddenCharactersFix))]
internal sealed class RemoveForbiddenCharactersFix() : ConstraintFixProvider(Descriptors.StringRule)
{
    internal static readonly string EquivalenceKey = $"{Descriptors.StringRule.Id}:RemoveForbidden";

    protected override IEnumerable<ConstraintFix> Fixes(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(FixData.Cleaned, out var cleaned) && cleaned is not null
            && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
        {
            yield return new ConstraintFix("Remove the forbidden characters", EquivalenceKey, new FixEdit.Replace(literal, Literal(literal.Token, cleaned)));
        }
    }

    /// <summary>A string literal of the same form as <paramref name="original"/> (regular or verbatim).</summary>
    private static LiteralExpressionSyntax Literal(SyntaxToken original, string value)
    {
        var token = original.IsVerbatimStringLiteral()
            ? SyntaxFactory.Literal("@\"" + value.Replace("\"", "\"\"") + "\"", value)
            : SyntaxFactory.Literal(value);
        return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, token);
    }
}
