using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelArts.Analyzers;

/// <summary>One property set on an object: the assignment and its value.</summary>
internal sealed record Assignment(IPropertySymbol Property, IOperation Value, IOperation Operation);

/// <summary>
/// The properties set on an object: its initializer (and the object a <c>with</c> expression copies), and, when it is
/// stored in a local, the assignments to that local's properties in the statements that follow in the same block.
/// Tracking stops where the local is used any other way, so only straight-line facts are kept; a property written
/// anywhere else is unknown, never guessed.
/// </summary>
internal sealed class ObjectState
{
    private readonly Dictionary<string, Assignment> _assignments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);

    private ObjectState()
    {
    }

    /// <summary>True when every assignment to the object is known (nothing else can set a property later).</summary>
    public bool IsComplete { get; private set; }

    public IReadOnlyCollection<Assignment> Assignments => _assignments.Values;

    /// <summary>The assignment of a property whose value is known; null when it is not set or not known.</summary>
    public Assignment? this[string property] => _unknown.Contains(property) ? null : _assignments.TryGetValue(property, out var assignment) ? assignment : null;

    /// <summary>Whether the property is certainly never set.</summary>
    public bool IsCertainlyAbsent(string property) => IsComplete && !_unknown.Contains(property) && !_assignments.ContainsKey(property);

    /// <summary>An object that is certainly not there: every property of it is certainly absent.</summary>
    public static ObjectState Absent() => new() { IsComplete = true };

    /// <summary>The state of a new object where it is created, following the local it is stored in.</summary>
    public static ObjectState Of(IObjectCreationOperation creation)
    {
        var state = new ObjectState();
        state.AddInitializer(creation.Initializer);
        state.IsComplete = state.TrackLocal(creation);
        return state;
    }

    /// <summary>The state of a record a <c>with</c> expression makes: the copied object's, with the initializer's values on top.</summary>
    public static ObjectState Of(IWithOperation with, ConstraintTables tables)
    {
        var state = new ObjectState();
        if (Of(with.Operand, tables) is { } copied)
        {
            foreach (var assignment in copied._assignments)
            {
                state._assignments[assignment.Key] = assignment.Value;
            }

            state._unknown.UnionWith(copied._unknown);
            state.IsComplete = copied.IsComplete;
        }
        else
        {
            state.IsComplete = false;
        }

        foreach (var name in state.AddInitializer(with.Initializer))
        {
            state._unknown.Remove(name);
        }

        state.IsComplete &= state.TrackLocal(with);
        return state;
    }

    /// <summary>
    /// The state of a value used inside a request: a nested creation (<c>Template = new TemplateParam { Id = ... }</c>), a
    /// <c>with</c> expression, or a local assigned once from one of those. Null when it is none of them.
    /// </summary>
    public static ObjectState? Of(IOperation? value, ConstraintTables tables)
    {
        switch (KnownValues.Unwrap(value))
        {
            case IObjectCreationOperation creation:
                var state = new ObjectState { IsComplete = true };
                state.AddInitializer(creation.Initializer);
                return state;
            case IWithOperation with:
                var copy = Of(with, tables);
                copy.IsComplete = true;
                return copy;
            case ILocalReferenceOperation local when tables.SingleAssignment(local) is { } assigned && KnownValues.Unwrap(assigned) is IObjectCreationOperation or IWithOperation:
                return OfLocal(local, KnownValues.Unwrap(assigned)!, tables);
            default:
                return null;
        }
    }

    /// <summary>
    /// A local that holds an object built once: what its initializer and the straight-line assignments after it set.
    /// A property assigned anywhere else is unknown; a use that could change the object (a method argument) makes
    /// the whole object unknown.
    /// </summary>
    private static ObjectState? OfLocal(ILocalReferenceOperation reference, IOperation built, ConstraintTables tables)
    {
        var state = built switch
        {
            IObjectCreationOperation creation => Of(creation),
            IWithOperation with => Of(with, tables),
            _ => null,
        };
        if (state is null || reference.SemanticModel is not { } model || reference.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not { } declarator)
        {
            return state;
        }

        var body = declarator.Ancestors().FirstOrDefault(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax);
        foreach (var mention in body?.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>() ?? [])
        {
            if (mention.Identifier.ValueText != reference.Local.Name || mention.SpanStart < built.Syntax.Span.End
                || model.GetOperation(mention) is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, reference.Local))
            {
                continue;
            }

            switch (use.Parent)
            {
                case IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property when assignment.Target == property:
                    if (!state._assignments.TryGetValue(property.Property.Name, out var known) || known.Operation != assignment)
                    {
                        state._unknown.Add(property.Property.Name); // set again later: its value where the object is used is not known
                    }

                    break;
                case IPropertyReferenceOperation or IConversionOperation or ISimpleAssignmentOperation or IArgumentOperation { Parent: IInvocationOperation }
                    when IsReadOnlyUse(use, tables):
                    break;
                default:
                    return null; // passed where it could be changed: nothing about it is known
            }
        }

        state.IsComplete = true;
        return state;
    }

    /// <summary>A use that reads the object: a property read, a value in an initializer, an argument of a generated client, a <c>with</c> copy.</summary>
    private static bool IsReadOnlyUse(ILocalReferenceOperation use, ConstraintTables tables)
    {
        IOperation? parent = use.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IPropertyReferenceOperation => true,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } assignment => assignment.Value.Syntax.Span.Contains(use.Syntax.Span),
            IWithOperation => true,
            IArgumentOperation { Parent: IInvocationOperation invocation } => tables.IsGenerated(invocation.TargetMethod.ContainingType),
            _ => false,
        };
    }

    /// <summary>Adds the initializer's assignments; returns the names it set.</summary>
    private List<string> AddInitializer(IObjectOrCollectionInitializerOperation? initializer)
    {
        var names = new List<string>();
        if (initializer is null)
        {
            return names;
        }

        foreach (var element in initializer.Initializers)
        {
            if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment)
            {
                _assignments[property.Name] = new Assignment(property, assignment.Value, assignment);
                names.Add(property.Name);
            }
        }

        return names;
    }

    /// <summary>Follows <c>var r = new X { ... }; r.A = ...; r.B = ...;</c>; returns whether tracking reached the end of the block.</summary>
    private bool TrackLocal(IOperation created)
    {
        var parent = created.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } declarator })
        {
            // Not stored in a local: an argument, a return value, a nested initializer value, a collection item.
            // Its initializer is all that is ever set, unless it goes into a field, a property or an out parameter.
            return parent is IArgumentOperation or IReturnOperation or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } }
                or IArrayInitializerOperation or IInvocationOperation;
        }

        var statement = declarator.Parent;
        while (statement is not null && statement.Parent is not IBlockOperation)
        {
            statement = statement.Parent;
        }

        if (statement?.Parent is not IBlockOperation block)
        {
            return false;
        }

        var index = block.Operations.IndexOf(statement);
        for (var i = index + 1; i < block.Operations.Length; i++)
        {
            var next = block.Operations[i];
            if (next is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target, Property: var property } } assignment }
                && SymbolEqualityComparer.Default.Equals(target.Local, local) && !Mentions(assignment.Value, local))
            {
                _assignments[property.Name] = new Assignment(property, assignment.Value, assignment);
                continue;
            }

            if (Mentions(next, local))
            {
                // Sending the object through a generated client ends what can be set before it goes out.
                return IsSentByGeneratedClient(next, local);
            }
        }

        return true;
    }

    private static bool IsSentByGeneratedClient(IOperation statement, ILocalSymbol local) =>
        statement.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local))
            .All(r => r.Parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.ContainingType: var client } } && IsGeneratedClient(client));

    private static bool IsGeneratedClient(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute" && a.ConstructorArguments.FirstOrDefault().Value as string == "ModelArts.Generator")
        && type.GetMembers().OfType<IMethodSymbol>().Any(m => m.Name.EndsWith("Async", StringComparison.Ordinal));

    private static bool Mentions(IOperation operation, ILocalSymbol local) =>
        operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local));
}
