using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>
/// Removes property assignments as a person would, leaving the layout as it was: an initializer element goes
/// with its comma and, when it has a line of its own, with that line; a statement goes with its line. No blank
/// line, dangling comma or double space is left, and comments on the removed lines go with them.
/// </summary>
internal static class AssignmentRemoval
{
    /// <summary>An element of an object or <c>with</c> initializer, or an expression statement.</summary>
    public static bool CanRemove(AssignmentExpressionSyntax assignment) => assignment.Parent switch
    {
        InitializerExpressionSyntax initializer => initializer.IsKind(SyntaxKind.ObjectInitializerExpression) || initializer.IsKind(SyntaxKind.WithInitializerExpression),
        ExpressionStatementSyntax statement => statement.Parent is BlockSyntax or GlobalStatementSyntax,
        _ => false,
    };

    /// <summary>The property an assignment sets: <c>Inputs</c> in <c>Inputs = ...</c> and in <c>request.Inputs = ...</c>.</summary>
    public static string PropertyName(AssignmentExpressionSyntax assignment) => assignment.Left switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        var other => other.ToString(),
    };

    /// <summary>The text to delete, merged and in order; removals in one initializer are planned together.</summary>
    public static IEnumerable<TextSpan> Spans(IEnumerable<AssignmentExpressionSyntax> assignments)
    {
        var spans = new List<TextSpan>();
        var removable = assignments.Where(CanRemove).Distinct().ToList();
        foreach (var statement in removable.Select(a => a.Parent).OfType<ExpressionStatementSyntax>())
        {
            spans.Add(StatementSpan(statement));
        }

        foreach (var group in removable.Where(a => a.Parent is InitializerExpressionSyntax).GroupBy(a => (InitializerExpressionSyntax)a.Parent!))
        {
            spans.AddRange(ElementSpans(group.Key.Expressions, new HashSet<SyntaxNode>(group)));
        }

        return Merge(spans);
    }

    /// <summary>
    /// For each run of adjacent removed elements: with a comma after it, the run and that comma (and the rest of
    /// their lines); at the end of a list without a trailing comma, the run and the comma before it, keeping that
    /// comma's trivia (the line break or space before the closing brace).
    /// </summary>
    private static IEnumerable<TextSpan> ElementSpans(SeparatedSyntaxList<ExpressionSyntax> elements, HashSet<SyntaxNode> removed)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (!removed.Contains(elements[i]))
            {
                continue;
            }

            var first = i;
            while (i + 1 < elements.Count && removed.Contains(elements[i + 1]))
            {
                i++;
            }

            if (i < elements.SeparatorCount)
            {
                yield return TextSpan.FromBounds(StartKeepingBlankLines(elements[first]), elements.GetSeparator(i).FullSpan.End);
            }
            else
            {
                yield return TextSpan.FromBounds(elements[first].FullSpan.Start, elements[i].FullSpan.End);
                if (first > 0)
                {
                    yield return elements.GetSeparator(first - 1).Span;
                }
            }
        }
    }

    private static TextSpan StatementSpan(ExpressionStatementSyntax statement)
    {
        var isLast = statement.Parent is BlockSyntax block && block.Statements.Last() == statement;
        return TextSpan.FromBounds(isLast ? statement.FullSpan.Start : StartKeepingBlankLines(statement), statement.FullSpan.End);
    }

    /// <summary>
    /// Where a node's own lines begin: after the blank lines that separate it from what comes before, which stay
    /// to separate what comes after it. Comments above the node are its own and go with it.
    /// </summary>
    private static int StartKeepingBlankLines(SyntaxNode node)
    {
        var start = node.FullSpan.Start;
        foreach (var trivia in node.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = trivia.FullSpan.End;
            }
            else if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                break;
            }
        }

        return start;
    }

    private static IEnumerable<TextSpan> Merge(List<TextSpan> spans)
    {
        TextSpan? current = null;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (current is { } c && span.Start <= c.End)
            {
                current = TextSpan.FromBounds(c.Start, Math.Max(c.End, span.End));
            }
            else
            {
                if (current is { } done)
                {
                    yield return done;
                }

                current = span;
            }
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}
