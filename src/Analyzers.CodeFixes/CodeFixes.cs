using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>MA0001: remove one of the two exclusive properties (one fix per side).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveExclusivePropertyFix)), Shared]
public sealed class RemoveExclusivePropertyFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.MutuallyExclusive.Id);

    public override FixAllProvider? GetFixAllProvider() => null; // which side to keep is a per-site choice

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || diagnostic.AdditionalLocations.Count != 2)
            {
                continue;
            }

            string?[] names = [diagnostic.Properties[FixData.First], diagnostic.Properties[FixData.Second]];
            for (var side = 0; side < 2; side++)
            {
                var assignment = root.FindNode(diagnostic.AdditionalLocations[side].SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>();
                if (assignment is null)
                {
                    continue;
                }

                var title = $"Remove '{names[side]}'";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => Syntax.RemoveAssignmentAsync(context.Document, assignment, ct), equivalenceKey: title),
                    diagnostic);
            }
        }
    }
}

/// <summary>MA0002: set the condition's property to the other boolean, or remove it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConditionalConstraintFix)), Shared]
public sealed class ConditionalConstraintFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.Conditional.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment)
            {
                continue;
            }

            var property = assignment.Left is MemberAccessExpressionSyntax member ? member.Name.Identifier.Text : assignment.Left.ToString();
            if (diagnostic.Properties.TryGetValue(FixData.ConditionValue, out var value) && value is "true" or "false")
            {
                var other = value == "true" ? "false" : "true";
                var title = $"Set {property} = {other}";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => Syntax.ReplaceAsync(context.Document, assignment.Right, SyntaxFactory.ParseExpression(other), ct), equivalenceKey: "SetOther"),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Remove '{property}'", ct => Syntax.RemoveAssignmentAsync(context.Document, assignment, ct), equivalenceKey: "Remove"),
                diagnostic);
        }
    }
}

/// <summary>MA0003: replace an undocumented value with the nearest documented one (its named member when there is one).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NearestValueFix)), Shared]
public sealed class NearestValueFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UnknownValue.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            var member = diagnostic.Properties.TryGetValue(FixData.SuggestionMember, out var m) ? m : null;
            var literal = diagnostic.Properties.TryGetValue(FixData.Suggestion, out var s) ? s : null;
            var replacement = member ?? literal;
            if (replacement is null)
            {
                continue;
            }

            var title = member is null ? $"Use {literal}" : $"Use {ShortName(member)}";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => Syntax.ReplaceAsync(context.Document, value, SyntaxFactory.ParseExpression(replacement).WithAdditionalAnnotations(Simplifier.Annotation), ct), equivalenceKey: "UseNearest"),
                diagnostic);
        }
    }

    /// <summary><c>global::ModelArts.TemplateParamId.SysDataAnalyse</c> → <c>TemplateParamId.SysDataAnalyse</c>.</summary>
    private static string ShortName(string member)
    {
        var parts = member.Split('.');
        return parts.Length >= 2 ? parts[parts.Length - 2] + "." + parts[parts.Length - 1] : member;
    }
}

/// <summary>MA0004: remove the characters the documentation forbids from a string literal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveForbiddenCharactersFix)), Shared]
public sealed class RemoveForbiddenCharactersFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.StringRule.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(FixData.Cleaned, out var cleaned) || cleaned is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the forbidden characters",
                    ct => Syntax.ReplaceAsync(context.Document, literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(cleaned)), ct),
                    equivalenceKey: "RemoveForbidden"),
                diagnostic);
        }
    }
}

internal static class Syntax
{
    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode old, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var updated = document.WithSyntaxRoot(root!.ReplaceNode(old, replacement.WithTriviaFrom(old)));
        return await Simplifier.ReduceAsync(updated, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a property assignment: the initializer element with its comma, or the whole statement.</summary>
    public static async Task<Document> RemoveAssignmentAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        // A statement goes with its line; an initializer element keeps the space before the closing brace.
        var updated = assignment.Parent is ExpressionStatementSyntax statement
            ? root!.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia)
            : root!.RemoveNode(assignment, SyntaxRemoveOptions.KeepTrailingTrivia);
        return document.WithSyntaxRoot(updated!);
    }
}
