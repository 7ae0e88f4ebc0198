using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelArts.Runtime.Validation;

namespace ModelArts.Analyzers;

/// <summary>
/// Flags requests the service would reject, from the constraints the generator stamped on the
/// models. Only values known at compile time are judged; an unknown value is never flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.MutuallyExclusive, Descriptors.Conditional, Descriptors.UnknownValue, Descriptors.StringRule,
        Descriptors.OutOfRange, Descriptors.RequiredMissing, Descriptors.ValueFormat, Descriptors.RequiredWhen,
        Descriptors.ForbiddenWhen, Descriptors.FormatWhen, Descriptors.AtLeastOne);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; what is reported is user code, so Roslyn need not look for generated code around each
        // diagnostic (that search, once per file with a diagnostic, cost more than the analyzer's own work).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.Create(start.Compilation) is not { } symbols)
            {
                return; // the runtime is not referenced: nothing generated to check
            }

            var tables = new ConstraintTables(symbols);
            start.RegisterOperationAction(c => AnalyzeAssignment(c, tables), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, tables), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCreation(c, tables), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeWith(c, tables), OperationKind.With);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ConstraintTables tables)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        if (tables.Values(property) is { } rules)
        {
            CheckValue(context, tables, rules, assignment.Value, property.ContainingType.Name + "." + property.Name);
        }

        AnalyzeLaterAssignment(context, tables, assignment);
    }

    /// <summary>Constant arguments of a generated client's methods.</summary>
    private static void AnalyzeInvocation(OperationAnalysisContext context, ConstraintTables tables)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!tables.IsGenerated(invocation.TargetMethod.ContainingType))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && !argument.IsImplicit && tables.Values(parameter) is { } rules)
            {
                CheckValue(context, tables, rules, argument.Value, parameter.Name);
            }
        }
    }

    /// <summary>Rules on one value: options (MA0003), strings (MA0004), numbers (MA0005), formats (MA0007).</summary>
    private static void CheckValue(OperationAnalysisContext context, ConstraintTables tables, ValueRules rules, IOperation value, string target)
    {
        if (!KnownValues.TryGetConstant(value, tables, out var constant) || constant is null)
        {
            return;
        }

        var location = value.Syntax.GetLocation();
        if (rules.Allowed.Count > 0 && !rules.Allowed.Any(a => KnownValues.Same(a, constant)))
        {
            ReportUnknownValue(context, tables, rules, value, constant, target, location);
            return;
        }

        if (constant is string text)
        {
            CheckString(context, rules, value, text, target, location);
        }
        else if (KnownValues.IsNumber(constant))
        {
            CheckNumber(context, rules, Convert.ToDouble(constant, CultureInfo.InvariantCulture), target, location);
        }
    }

    private static void ReportUnknownValue(OperationAnalysisContext context, ConstraintTables tables, ValueRules rules, IOperation value, object constant, string target, Location location)
    {
        var suggestion = Nearest(constant, rules.Allowed);
        var properties = ImmutableDictionary<string, string?>.Empty;
        var hint = string.Empty;
        if (suggestion is not null)
        {
            properties = properties.Add(FixData.Suggestion, KnownValues.Display(suggestion));
            var optionType = KnownValues.OptionTypeOf(value.Type, tables);
            var member = optionType is null ? default : tables.KnownMembers(optionType).FirstOrDefault(m => KnownValues.Same(m.Value, suggestion));
            if (member.Member is not null)
            {
                var name = optionType!.Name + "." + member.Member.Name;
                properties = properties.Add(FixData.SuggestionMember, member.Member.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member.Member.Name);
                hint = $"; did you mean {KnownValues.Display(suggestion)} ({name})?";
            }
            else
            {
                hint = $"; did you mean {KnownValues.Display(suggestion)}?";
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownValue, location, properties, KnownValues.Display(constant), target, hint));
    }

    private static void CheckString(OperationAnalysisContext context, ValueRules rules, IOperation value, string text, string target, Location location)
    {
        var length = ValueFormats.CodePoints(text);
        if (rules.MaxLength >= 0 && length > rules.MaxLength)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.StringRule, location, target, $"has {length} characters; the documentation allows at most {rules.MaxLength}"));
        }
        else if (rules.MinLength >= 0 && length < rules.MinLength)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.StringRule, location, target, $"has {length} characters; the documentation requires at least {rules.MinLength}"));
        }

        foreach (var pattern in rules.Patterns)
        {
            bool matches;
            try
            {
                matches = pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                continue; // undecided is not a finding
            }

            if (matches)
            {
                continue;
            }

            var forbidden = ForbiddenCharacters(pattern.ToString());
            var bad = forbidden is null ? null : new string(text.Where(c => forbidden.Contains(c)).Distinct().ToArray());
            if (bad is { Length: > 0 })
            {
                var properties = value.Syntax is LiteralExpressionSyntax
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixData.Cleaned, WithoutCharacters(text, forbidden!))
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.StringRule, location, properties, target, $"contains {string.Join(" ", bad.Select(c => "'" + c + "'"))}, which the documentation does not allow ({forbidden})"));
            }
            else
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.StringRule, location, target, $"does not match the documented pattern {pattern}"));
            }

            return; // one character report per value is enough
        }

        if (rules.Format is { } format && ValueFormats.Check(format, text, rules.FormatMinimum, rules.FormatMaximum, rules.FormatMaxDays) is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ValueFormat, location, target, reason));
        }
    }

    private static void CheckNumber(OperationAnalysisContext context, ValueRules rules, double number, string target, Location location)
    {
        var broken = (!double.IsNaN(rules.Minimum) && number < rules.Minimum)
            || (!double.IsNaN(rules.Maximum) && number > rules.Maximum)
            || (!double.IsNaN(rules.ExclusiveMinimum) && number <= rules.ExclusiveMinimum)
            || (!double.IsNaN(rules.ExclusiveMaximum) && number >= rules.ExclusiveMaximum);
        if (broken)
        {
            var low = !double.IsNaN(rules.ExclusiveMinimum) ? "(" + Format(rules.ExclusiveMinimum) : "[" + (double.IsNaN(rules.Minimum) ? "-∞" : Format(rules.Minimum));
            var high = !double.IsNaN(rules.ExclusiveMaximum) ? Format(rules.ExclusiveMaximum) + ")" : (double.IsNaN(rules.Maximum) ? "∞" : Format(rules.Maximum)) + "]";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.OutOfRange, location, target, Format(number), low + ", " + high));
        }
    }

    /// <summary>
    /// Object-level rules: exclusivity (MA0001), if/then (MA0002), required (MA0006), count conditions (MA0007).
    /// A finding is reported by the callback whose operation holds its location: the creation for what its
    /// initializer sets, the later assignment statement for what is set after construction. (Per-document
    /// analysis in the IDE keeps only diagnostics inside the operation being analyzed.)
    /// </summary>
    private static void AnalyzeCreation(OperationAnalysisContext context, ConstraintTables tables)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not { } type || tables.Type(type) is not { } rules)
        {
            return;
        }

        foreach (var finding in Findings(creation, ObjectState.Of(creation), type, rules, tables))
        {
            if (creation.Syntax.Span.Contains(finding.Location.SourceSpan))
            {
                context.ReportDiagnostic(finding);
            }
        }
    }

    /// <summary><c>request with { CreateVersion = true }</c>: the copied object's known values with the new ones on top.</summary>
    private static void AnalyzeWith(OperationAnalysisContext context, ConstraintTables tables)
    {
        var with = (IWithOperation)context.Operation;
        if (with.Type is not { } type || tables.Type(type) is not { } rules)
        {
            return;
        }

        foreach (var finding in Findings(with, ObjectState.Of(with, tables), type, rules, tables))
        {
            if (with.Initializer.Syntax.Span.Contains(finding.Location.SourceSpan))
            {
                context.ReportDiagnostic(finding); // what the copy itself sets; the original's own findings are its creation's
            }
        }
    }

    /// <summary>Object-level findings whose location is an assignment made after construction: <c>request.Inputs = ...;</c>.</summary>
    private static void AnalyzeLaterAssignment(OperationAnalysisContext context, ConstraintTables tables, ISimpleAssignmentOperation assignment)
    {
        if (assignment is not { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation { Local: var local } }, Parent: IExpressionStatementOperation { Parent: IBlockOperation block } statement }
            || tables.Type(local.Type) is not { } rules)
        {
            return;
        }

        var creation = Declaration(block, block.Operations.IndexOf(statement), local);
        if (creation?.Type is not { } type)
        {
            return;
        }

        foreach (var finding in Findings(creation, ObjectState.Of(creation), type, rules, tables))
        {
            if (finding.Location.SourceSpan == assignment.Syntax.Span)
            {
                context.ReportDiagnostic(finding);
            }
        }
    }

    /// <summary>The object creation that initializes <paramref name="local"/> in a statement before <paramref name="index"/>.</summary>
    private static IObjectCreationOperation? Declaration(IBlockOperation block, int index, ILocalSymbol local)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (block.Operations[i] is IVariableDeclarationGroupOperation group)
            {
                foreach (var declarator in group.Declarations.SelectMany(d => d.Declarators))
                {
                    if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    {
                        return KnownValues.Unwrap(declarator.Initializer?.Value) as IObjectCreationOperation;
                    }
                }
            }
        }

        return null;
    }

    private static List<Diagnostic> Findings(IOperation created, ObjectState state, ITypeSymbol type, TypeRules rules, ConstraintTables tables)
    {
        var findings = new List<Diagnostic>();
        foreach (var rule in rules.Exclusive)
        {
            if (state[rule.First] is { } first && state[rule.Second] is { } second
                && KnownValues.IsCertainlyPresent(first.Value, tables) && KnownValues.IsCertainlyPresent(second.Value, tables))
            {
                var later = first.Operation.Syntax.SpanStart > second.Operation.Syntax.SpanStart ? first : second;
                var properties = ImmutableDictionary<string, string?>.Empty.Add(FixData.First, rule.First).Add(FixData.Second, rule.Second);
                findings.Add(Diagnostic.Create(
                    Descriptors.MutuallyExclusive,
                    later.Operation.Syntax.GetLocation(),
                    [first.Operation.Syntax.GetLocation(), second.Operation.Syntax.GetLocation()],
                    properties,
                    rule.First,
                    rule.Second,
                    rule.Source is null ? string.Empty : ": " + rule.Source));
            }
        }

        foreach (var rule in rules.Rules)
        {
            findings.AddRange(RuleFindings(created, state, type, rule, tables));
        }

        var at = created.Syntax is ObjectCreationExpressionSyntax syntax ? syntax.Type.GetLocation() : created.Syntax.GetLocation();
        foreach (var rule in rules.AtLeastOne)
        {
            if (state.IsComplete && rule.Alternatives.All(alternative => alternative.Any(state.IsCertainlyAbsent)))
            {
                findings.Add(Diagnostic.Create(Descriptors.AtLeastOne, at, type.Name, rule.Message));
            }
        }

        if (state.IsComplete && created is IObjectCreationOperation)
        {
            foreach (var property in rules.UnenforcedRequired.Value)
            {
                if (state.IsCertainlyAbsent(property.Name))
                {
                    findings.Add(Diagnostic.Create(Descriptors.RequiredMissing, at, property.Name, type.Name));
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// A rule between fields whose condition is known to hold: required-when (MA0008), forbidden-when (MA0009),
    /// value-when (MA0002), format-when (MA0010). A condition or a subject that is not known is never judged.
    /// </summary>
    private static IEnumerable<Diagnostic> RuleFindings(IOperation created, ObjectState state, ITypeSymbol type, FieldRule rule, ConstraintTables tables)
    {
        if (Holds(state, rule, tables) is not { } trigger)
        {
            yield break;
        }

        var where = trigger.Syntax.GetLocation();
        foreach (var subject in rule.Subjects)
        {
            switch (rule.Kind)
            {
                case FieldRule.RequiredWhen:
                    foreach (var (owner, ownerState, name) in Holders(state, subject, tables))
                    {
                        if (ownerState.IsCertainlyAbsent(name))
                        {
                            var missing = owner is null ? string.Join(".", subject) : name;
                            var location = owner?.Syntax.GetLocation() ?? where;
                            yield return Diagnostic.Create(Descriptors.RequiredWhen, location, [where], missing, type.Name, rule.Message);
                        }
                    }

                    break;
                case FieldRule.ForbiddenWhen:
                    foreach (var (_, ownerState, name) in Holders(state, subject, tables))
                    {
                        if (ownerState[name] is { } set && KnownValues.IsCertainlyPresent(set.Value, tables))
                        {
                            var properties = ImmutableDictionary<string, string?>.Empty.Add(FixData.Forbidden, name);
                            yield return Diagnostic.Create(Descriptors.ForbiddenWhen, set.Operation.Syntax.GetLocation(), [where], properties, name, rule.Message);
                        }
                    }

                    break;
                case FieldRule.ValueWhen:
                    foreach (var (_, ownerState, name) in Holders(state, subject, tables))
                    {
                        if (ownerState[name] is { } set && KnownValues.TryGetConstant(set.Value, tables, out var value) && value is not null
                            && ((rule.Allowed is { } allowed && !allowed.Any(a => KnownValues.Same(a, value))) || (rule.Forbidden is { } forbidden && forbidden.Any(f => KnownValues.Same(f, value)))))
                        {
                            var properties = trigger is ISimpleAssignmentOperation { Value: var triggerValue } && KnownValues.TryGetConstant(triggerValue, tables, out var condition) && condition is not null
                                ? ImmutableDictionary<string, string?>.Empty.Add(FixData.ConditionValue, KnownValues.Display(condition))
                                : ImmutableDictionary<string, string?>.Empty;
                            yield return Diagnostic.Create(Descriptors.Conditional, where, [set.Value.Syntax.GetLocation()], properties, rule.Message, string.Join(".", subject), KnownValues.Display(value));
                        }
                    }

                    break;
                case FieldRule.FormatWhen when rule.Pattern is { } pattern:
                    foreach (var (_, ownerState, name) in Holders(state, subject, tables))
                    {
                        if (ownerState[name] is { } set && KnownValues.TryGetConstant(set.Value, tables, out var value) && value is string text && !Matches(pattern, text))
                        {
                            yield return Diagnostic.Create(Descriptors.FormatWhen, set.Value.Syntax.GetLocation(), [where], name, KnownValues.Display(text), rule.Message);
                        }
                    }

                    break;
            }
        }
    }

    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // undecided is not a finding
        }
    }

    /// <summary>
    /// The assignment that makes the rule's condition hold, when the values involved are known; null otherwise.
    /// "Labels[].Type" holds when some item of a literal list has a matching Type.
    /// </summary>
    private static IOperation? Holds(ObjectState state, FieldRule rule, ConstraintTables tables)
    {
        foreach (var (_, ownerState, name) in Holders(state, rule.When, tables))
        {
            if (ownerState[name] is not { } assignment)
            {
                continue;
            }

            if (rule.WhenCount > 0)
            {
                if (KnownValues.Items(assignment.Value, tables) is { } items && items.Count >= rule.WhenCount)
                {
                    return assignment.Operation;
                }

                continue;
            }

            if (rule.WhenValues.IsEmpty)
            {
                if (KnownValues.IsCertainlyPresent(assignment.Value, tables))
                {
                    return assignment.Operation;
                }

                continue;
            }

            if (KnownValues.TryGetConstant(assignment.Value, tables, out var value) && value is not null && rule.WhenValues.Any(v => KnownValues.Same(v, value)))
            {
                return assignment.Operation;
            }
        }

        return null;
    }

    /// <summary>
    /// The objects that hold the last property of a path, each with its state, following nested initializers and the
    /// items of literal lists ("[]"): for <c>SourceInfo.UserName</c>, the SourceInfo object and "UserName".
    /// <c>Owner</c> is the operation that builds the holder (null for the root object).
    /// </summary>
    private static IEnumerable<(IOperation? Owner, ObjectState State, string Name)> Holders(ObjectState root, ImmutableArray<string> path, ConstraintTables tables)
    {
        var current = new List<(IOperation? Owner, ObjectState State)> { (null, root) };
        for (var i = 0; i < path.Length - 1; i++)
        {
            var next = new List<(IOperation? Owner, ObjectState State)>();
            if (path[i + 1] == "[]")
            {
                foreach (var (_, state) in current)
                {
                    if (state[path[i]] is { } list && KnownValues.Items(list.Value, tables) is { } items)
                    {
                        next.AddRange(items.Select(item => (Owner: (IOperation?)item, State: ObjectState.Of(item, tables))).Where(x => x.State is not null).Select(x => (x.Owner, x.State!)));
                    }
                }

                i++;
            }
            else
            {
                foreach (var (_, state) in current)
                {
                    if (state[path[i]] is { } nested && ObjectState.Of(nested.Value, tables) is { } inner)
                    {
                        next.Add((nested.Value, inner));
                    }
                    else if (state.IsCertainlyAbsent(path[i]))
                    {
                        // The holder itself is missing: the root reports the first missing step.
                        next.Add((null, ObjectState.Absent()));
                    }
                }
            }

            current = next;
        }

        foreach (var (owner, state) in current)
        {
            yield return (owner, state, path[path.Length - 1]);
        }
    }

    /// <summary>
    /// <paramref name="text"/> without the <paramref name="forbidden"/> characters, as a person would write it:
    /// where a removal brings two spaces together one goes (<c>"team &amp; co"</c> → <c>"team co"</c>), and a
    /// removal at either end takes the space next to it along. Spacing the removals did not touch stays.
    /// </summary>
    internal static string WithoutCharacters(string text, string forbidden)
    {
        var result = new System.Text.StringBuilder(text.Length);
        var removedSinceLastKept = false;
        foreach (var c in text)
        {
            if (forbidden.IndexOf(c) >= 0)
            {
                removedSinceLastKept = true;
                continue;
            }

            var joinsSpaces = char.IsWhiteSpace(c) && (result.Length == 0 || char.IsWhiteSpace(result[result.Length - 1]));
            if (!(removedSinceLastKept && joinsSpaces))
            {
                result.Append(c);
                removedSinceLastKept = false;
            }
        }

        if (removedSinceLastKept)
        {
            while (result.Length > 0 && char.IsWhiteSpace(result[result.Length - 1]))
            {
                result.Length--;
            }
        }

        return result.ToString();
    }

    /// <summary>The characters a <c>^[^...]*$</c> pattern forbids, or null for other patterns.</summary>
    private static string? ForbiddenCharacters(string pattern)
    {
        var match = Regex.Match(pattern, @"^\^\[\^(?<set>(?:\\.|[^\]\\])+)\]\*\$$");
        if (!match.Success)
        {
            return null;
        }

        var set = match.Groups["set"].Value;
        var chars = new List<char>();
        for (var i = 0; i < set.Length; i++)
        {
            if (set[i] == '\\' && i + 1 < set.Length)
            {
                i++;
            }
            else if (i + 2 < set.Length && set[i + 1] == '-')
            {
                return null; // a range: not a plain list of characters
            }

            chars.Add(set[i]);
        }

        return new string(chars.ToArray());
    }

    /// <summary>The documented value closest to the given one: edit distance for text, difference for numbers.</summary>
    private static object? Nearest(object value, IReadOnlyList<object> allowed)
    {
        if (value is string text)
        {
            return allowed.OfType<string>()
                .Select(a => (Value: a, Distance: EditDistance(text.ToUpperInvariant(), a.ToUpperInvariant())))
                .Where(x => x.Distance <= Math.Max(2, x.Value.Length / 2))
                .OrderBy(x => x.Distance)
                .Select(x => (object?)x.Value)
                .FirstOrDefault();
        }

        if (KnownValues.IsNumber(value))
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return allowed.Where(KnownValues.IsNumber).OrderBy(a => Math.Abs(Convert.ToDouble(a, CultureInfo.InvariantCulture) - number)).FirstOrDefault();
        }

        return null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
