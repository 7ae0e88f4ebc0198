using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>One code action for one diagnostic: what it shows, how Fix All groups it, and the edit it makes.</summary>
/// <param name="EquivalenceKey">Fix All applies the action with this key to every diagnostic that offers one.</param>
internal sealed record ConstraintFix(string Title, string EquivalenceKey, FixEdit Edit);

/// <summary>An edit a fix makes to the consumer's code.</summary>
internal abstract record FixEdit
{
    /// <summary>Removes a property assignment (<see cref="AssignmentRemoval"/>).</summary>
    public sealed record Remove(AssignmentExpressionSyntax Assignment) : FixEdit;

    /// <summary>
    /// Puts <paramref name="Replacement"/> where <paramref name="Node"/> is, simplified. It takes the node's trivia, so
    /// the spacing, line breaks and comments around the value stay as the user wrote them (no formatting pass that
    /// would rewrite them).
    /// </summary>
    public sealed record Replace(SyntaxNode Node, SyntaxNode Replacement) : FixEdit;
}

/// <summary>
/// What every fix of this assembly shares: one diagnostic id, registration of its actions, and a Fix All
/// (document, project, solution) that applies the chosen action to all diagnostics of a document in one edit,
/// so that removals side by side in one initializer never conflict. A fix only says which actions a diagnostic
/// offers (<see cref="Fixes"/>).
/// </summary>
/// <remarks>
/// No <c>[Shared]</c> on the fixes: hosts create the fixes of analyzer packages by reflection, and the attribute
/// would tie this assembly to a System.Composition version newer than older hosts carry (see the project file).
/// </remarks>
internal abstract class ConstraintFixProvider : CodeFixProvider
{
    private readonly FixAllProvider _fixAll;

    protected ConstraintFixProvider(DiagnosticDescriptor descriptor)
    {
        FixableDiagnosticIds = ImmutableArray.Create(descriptor.Id);
        _fixAll = FixAllProvider.Create(FixAllAsync);
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => _fixAll;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var fix in Fixes(root, diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(fix.Title, ct => ApplyAsync(context.Document, root, ImmutableArray.Create(fix.Edit), ct), fix.EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The actions one diagnostic offers, read from the document's syntax root.</summary>
    protected abstract IEnumerable<ConstraintFix> Fixes(SyntaxNode root, Diagnostic diagnostic);

    /// <summary>The assignment a diagnostic location points at, if it can be removed without breaking the code around it.</summary>
    protected static AssignmentExpressionSyntax? RemovableAssignmentAt(SyntaxNode root, Location location) =>
        location.IsInSource
        && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment
        && AssignmentRemoval.CanRemove(assignment)
            ? assignment
            : null;

    private async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var edits = diagnostics
            .SelectMany(d => Fixes(root, d))
            .Where(f => f.EquivalenceKey == context.CodeActionEquivalenceKey)
            .Select(f => f.Edit)
            .Distinct()
            .ToImmutableArray();
        return edits.IsEmpty ? document : await ApplyAsync(document, root, edits, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replacements first (as syntax, simplified), then removals (as text, see <see cref="AssignmentRemoval"/>).
    /// <paramref name="root"/> is the document's root the edits' nodes come from.
    /// </summary>
    private static async Task<Document> ApplyAsync(Document document, SyntaxNode root, ImmutableArray<FixEdit> edits, CancellationToken cancellationToken)
    {
        var replacements = edits.OfType<FixEdit.Replace>().ToList();
        var removals = edits.OfType<FixEdit.Remove>().Select(r => r.Assignment).ToList();
        if (replacements.Count > 0)
        {
            root = root.TrackNodes(removals.Concat(replacements.Select(r => r.Node)));
            var replacementOf = replacements
                .Select(r => (Node: root.GetCurrentNode(r.Node)!, r.Replacement))
                .GroupBy(r => r.Node)
                .ToDictionary(g => g.Key, g => g.First().Replacement);
            root = root.ReplaceNodes(
                replacementOf.Keys,
                (node, _) => replacementOf[node].WithTriviaFrom(node).WithAdditionalAnnotations(Simplifier.Annotation));
            document = document.WithSyntaxRoot(root);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            removals = [.. removals.Select(r => root.GetCurrentNode(r)).OfType<AssignmentExpressionSyntax>()];
        }

        if (removals.Count == 0)
        {
            return document;
        }

        var text = root.GetText();
        return document.WithText(text.WithChanges(AssignmentRemoval.Spans(removals).Select(s => new TextChange(s, string.Empty))));
    }
}
