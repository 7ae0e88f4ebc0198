using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ModelArts.Analyzers;

/// <summary>
/// What is known at compile time about a value: its constant (literals, const fields and locals,
/// constant interpolations, named option members, option constructors over constants), whether it
/// is certainly present (not null), and how many items a literal collection has. Anything else is
/// unknown, and unknown values are never flagged.
/// </summary>
internal static class KnownValues
{
    /// <summary>The constant a value has at compile time: a string, a number, or a bool.</summary>
    public static bool TryGetConstant(IOperation? operation, ConstraintTables tables, out object? value)
    {
        value = null;
        while (operation is not null)
        {
            if (operation.ConstantValue.HasValue)
            {
                value = operation.ConstantValue.Value;
                return value is not null;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IPropertyReferenceOperation { Property.IsStatic: true } member when tables.WireValue(member.Property) is { } wire:
                    value = wire;
                    return true;
                case IObjectCreationOperation { Arguments.Length: 1, Initializer: null } creation when IsOptionType(creation.Type, tables):
                    operation = creation.Arguments[0].Value;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case ILocalReferenceOperation local when tables.SingleAssignment(local) is { } assigned:
                    operation = assigned;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The value a local holds wherever it is read: its initializer, when the method never writes the local again
    /// (no assignment, increment, <c>ref</c> or <c>out</c>). Null otherwise: such a local is not judged.
    /// </summary>
    public static IOperation? SingleAssignment(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var initializer } declarator
            || declarator.SyntaxTree != reference.Syntax.SyntaxTree || reference.SemanticModel is not { } model)
        {
            return null;
        }

        var body = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax or CompilationUnitSyntax);
        foreach (var identifier in (body ?? declarator.SyntaxTree.GetRoot()).DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == local.Name && IsWrite(identifier)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier).Symbol, local))
            {
                return null;
            }
        }

        return model.GetOperation(initializer);
    }

    private static bool IsWrite(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == identifier,
        PrefixUnaryExpressionSyntax unary => unary.IsKind(SyntaxKind.PreIncrementExpression) || unary.IsKind(SyntaxKind.PreDecrementExpression),
        PostfixUnaryExpressionSyntax => true,
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
        RefExpressionSyntax => true,
        _ => false,
    };

    /// <summary>The items of a literal collection (collection expression without spreads, array or collection initializer), or null.</summary>
    public static IReadOnlyList<IOperation>? Items(IOperation? operation, ConstraintTables tables)
    {
        var value = Unwrap(operation);
        if (value is ILocalReferenceOperation local && tables.SingleAssignment(local) is { } assigned)
        {
            value = Unwrap(assigned);
        }

        // Roslyn 4.8 has no operation for a collection expression: its elements are read from the syntax.
        if (value?.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } model)
        {
            if (!collection.Elements.All(e => e is ExpressionElementSyntax))
            {
                return null;
            }

            var items = collection.Elements.Cast<ExpressionElementSyntax>().Select(e => model.GetOperation(e.Expression)).ToList();
            return items.All(i => i is not null) ? items.OfType<IOperation>().ToList() : null;
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues;
            case IObjectCreationOperation { Initializer: { } initializer, Arguments.Length: 0 } when initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }):
                return initializer.Initializers.Select(i => ((IInvocationOperation)i).Arguments[0].Value).ToList();
            default:
                return null;
        }
    }

    /// <summary>True when the value is certainly not null: a creation, a collection, or a non-null constant.</summary>
    public static bool IsCertainlyPresent(IOperation? operation, ConstraintTables tables)
    {
        var value = Unwrap(operation);
        if (value is null)
        {
            return false;
        }

        if (value.Syntax is CollectionExpressionSyntax)
        {
            return true;
        }

        return value switch
        {
            IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation or IInterpolatedStringOperation => true,
            IPropertyReferenceOperation { Property.IsStatic: true } member => tables.WireValue(member.Property) is not null,
            _ => value.ConstantValue.HasValue && value.ConstantValue.Value is not null,
        };
    }

    /// <summary>The number of items of a literal collection (without spreads), or null.</summary>
    public static int? ItemCount(IOperation? operation)
    {
        var value = Unwrap(operation);
        if (value?.Syntax is CollectionExpressionSyntax collection)
        {
            return collection.Elements.All(e => e is ExpressionElementSyntax) ? collection.Elements.Count : null;
        }

        return value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Length,
            IObjectCreationOperation { Initializer: { } initializer, Arguments.Length: 0 } when initializer.Initializers.All(i => i is IInvocationOperation) => initializer.Initializers.Length,
            _ => null,
        };
    }

    /// <summary>The value behind implicit conversions and parentheses.</summary>
    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IConversionOperation conversion when conversion.Syntax is not CastExpressionSyntax:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The option struct a value has, looking through <c>Nullable&lt;T&gt;</c>; null for other types.</summary>
    public static ITypeSymbol? OptionTypeOf(ITypeSymbol? type, ConstraintTables tables)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var underlying] })
        {
            type = underlying;
        }

        return IsOptionType(type, tables) ? type : null;
    }

    /// <summary>A generated option struct: named members carry [WireValue].</summary>
    public static bool IsOptionType(ITypeSymbol? type, ConstraintTables tables) =>
        type is { TypeKind: TypeKind.Struct } && tables.KnownMembers(type).Any();

    /// <summary>A constant for a message: strings quoted, numbers as written.</summary>
    public static string Display(object value) => value switch
    {
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Whether two constants are the same wire value (numbers compared by value).</summary>
    public static bool Same(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ when IsNumber(a) && IsNumber(b) => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture),
        _ => false,
    };

    public static bool IsNumber(object value) => value is int or long or short or byte or sbyte or uint or ulong or ushort or float or double or decimal;
}
