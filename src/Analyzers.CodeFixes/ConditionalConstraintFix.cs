using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace ModelArts.Analyzers.CodeFixes;

/// <summary>MA0002: set the condition's property to the other boolean, or remove it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConditionalConstraintFix))]
internal sealed class ConditionalConstraintFix() : ConstraintFixProvider(Descriptors.Conditional)
{
    /// <summary>The Fix All group of "Set <paramref name="property"/> = <paramref name="value"/>".</summary>
    internal static string SetKey(string property, string value) => $"{Descriptors.Conditional.Id}:Set:{property}={value}";

    /// <summary>The Fix All group of "Remove '<paramref name="property"/>'".</summary>
    internal static string RemoveKey(string property) => $"{Descriptors.Conditional.Id}:Remove:{property}";

    protected override IEnumerable<ConstraintFix> Fixes(SyntaxNode root, Diagnostic diagnostic)
    {
        if (RemovableAssignmentAt(root, diagnostic.Location) is not { } assignment)
        {
            yield break;
        }

        var property = AssignmentRemoval.PropertyName(assignment);
        if (diagnostic.Properties.TryGetValue(FixData.ConditionValue, out var value) && value is "true" or "false")
        {
            var other = value == "true" ? "false" : "true";
            yield return new ConstraintFix(
                $"Set {property} = {other}",
                SetKey(property, other),
                new FixEdit.Replace(assignment.Right, SyntaxFactory.ParseExpression(other)));
        }

        yield return new ConstraintFix($"Remove '{property}'", RemoveKey(property), new FixEdit.Remove(assignment));
    }
}
