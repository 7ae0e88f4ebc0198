using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ModelArts.Analyzers;

/// <summary>One property set on an object: the assignment and its value.</summary>
internal sealed record Assignment(IPropertySymbol Property, IOperation Value, IOperation Operation);

/// <summary>
/// The properties set on a new object: its initializer, and, when it is stored in a local, the
/// assignments to that local's properties in the statements that follow in the same block. Tracking
/// stops where the local is used any other way, so only straight-line facts are kept.
/// </summary>
internal sealed class ObjectState
{
    private readonly Dictionary<string, Assignment> _assignments = new(StringComparer.Ordinal);

    private ObjectState()
    {
    }

    /// <summary>True when every assignment to the object is known (nothing else can set a property later).</summary>
    public bool IsComplete { get; private set; }

    public IReadOnlyCollection<Assignment> Assignments => _assignments.Values;

    public Assignment? this[string property] => _assignments.TryGetValue(property, out var assignment) ? assignment : null;

    public static ObjectState Of(IObjectCreationOperation creation)
    {
        var state = new ObjectState();
        state.AddInitializer(creation.Initializer);
        state.IsComplete = state.TrackLocal(creation);
        return state;
    }

    /// <summary>The state of a nested object: <c>Template = new TemplateParam { Id = ... }</c>.</summary>
    public static ObjectState? Of(IOperation? value) =>
        KnownValues.Unwrap(value) is IObjectCreationOperation creation ? FromInitializer(creation) : null;

    private static ObjectState FromInitializer(IObjectCreationOperation creation)
    {
        var state = new ObjectState();
        state.AddInitializer(creation.Initializer);
        return state;
    }

    private void AddInitializer(IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null)
        {
            return;
        }

        foreach (var element in initializer.Initializers)
        {
            if (element is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment)
            {
                _assignments[property.Name] = new Assignment(property, assignment.Value, assignment);
            }
        }
    }

    /// <summary>Follows <c>var r = new X { ... }; r.A = ...; r.B = ...;</c>; returns whether tracking reached the end of the block.</summary>
    private bool TrackLocal(IObjectCreationOperation creation)
    {
        var parent = creation.Parent;
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
