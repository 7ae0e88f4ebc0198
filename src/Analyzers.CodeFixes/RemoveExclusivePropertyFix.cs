using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>MA0001: remove one of the two exclusive properties (one action per side).</summary>
/// <remarks>
/// Fix All removes the chosen property (say <c>DataSource</c>) wherever it clashes, keeping the other side.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveExclusivePropertyFix))]
internal sealed class RemoveExclusivePropertyFix() : ConstraintFixProvider(Descriptors.MutuallyExclusive)
{
    /// <summary>The Fix All group of "Remove '<paramref name="property"/>'".</summary>
    internal static string EquivalenceKey(string property) => $"{Descriptors.MutuallyExclusive.Id}:Remove:{property}";

    protected override IEnumerable<ConstraintFix> Fixes(SyntaxNode root, Diagnostic diagnostic)
    {
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (RemovableAssignmentAt(root, location) is { } assignment)
            {
                var property = AssignmentRemoval.PropertyName(assignment);
                yield return new ConstraintFix($"Remove '{property}'", EquivalenceKey(property), new FixEdit.Remove(assignment));
            }
        }
    }
}
