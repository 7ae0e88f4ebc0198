using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>MA0009: remove the property the documentation allows only in other cases.</summary>
/// <remarks>Fix All removes that property wherever its rule forbids it; other properties of the same rule stay.</remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveForbiddenPropertyFix))]
internal sealed class RemoveForbiddenPropertyFix() : ConstraintFixProvider(Descriptors.ForbiddenWhen)
{
    /// <summary>The Fix All group of "Remove '<paramref name="property"/>'".</summary>
    internal static string EquivalenceKey(string property) => $"{Descriptors.ForbiddenWhen.Id}:Remove:{property}";

    protected override IEnumerable<ConstraintFix> Fixes(SyntaxNode root, Diagnostic diagnostic)
    {
        if (RemovableAssignmentAt(root, diagnostic.Location) is { } assignment)
        {
            var property = AssignmentRemoval.PropertyName(assignment);
            yield return new ConstraintFix($"Remove '{property}'", EquivalenceKey(property), new FixEdit.Remove(assignment));
        }
    }
}
