using System.Globalization;
using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Emitting;

/// <summary>
/// Rules between fields: as checks in <c>Validate()</c> (every supported shape, JSON Schema semantics: a test on a
/// property that is absent holds, as <c>properties</c> only applies to what is there), and as attributes the analyzers
/// read when the rule's condition is one property's value (what a compile-time check can judge).
/// </summary>
internal static class RuleEmitter
{
    public static void EmitAttributes(SourceWriter w, ModelSpec model)
    {
        foreach (var rule in model.Rules)
        {
            switch (rule.Kind)
            {
                case RuleKind.Exclusive:
                    var source = rule.Message.Length > 0 ? $", Source = {TypeNames.Verbatim(rule.Message)}" : string.Empty;
                    w.Line($"[{TypeNames.Constraints}.MutuallyExclusive(\"{rule.When[0].Path[0].Name}\", \"{rule.Then[0].Path[0].Name}\"{source})]");
                    break;
                case RuleKind.AtLeastOne:
                    w.Line($"[{TypeNames.Constraints}.AtLeastOne({string.Join(", ", rule.Alternatives.Select(a => "\"" + a + "\""))}, Message = {TypeNames.Verbatim(rule.Message)})]");
                    break;
                case RuleKind.Conditional:
                    if (Condition(rule.When) is { } condition)
                    {
                        foreach (var attribute in Attributes(rule, condition))
                        {
                            w.Line(attribute);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The one property a condition tests, with its values (empty: "is set") or a minimum count; null for any other condition.</summary>
    private static (string Path, EquatableArray<string> Values, TypeKind Kind, int Count)? Condition(EquatableArray<TestSpec> when)
    {
        var tests = when.Where(t => t.Kind != TestKind.Present || !when.Any(o => o.Kind != TestKind.Present && o.CSharpPath.StartsWith(t.CSharpPath, StringComparison.Ordinal))).ToList();
        if (tests.Count != 1)
        {
            return null;
        }

        var test = tests[0];
        switch (test.Kind)
        {
            case TestKind.Present:
                return (test.CSharpPath, EquatableArray<string>.Empty, TypeKind.Json, 0);
            case TestKind.In:
                return (test.CSharpPath, test.Values, ValueKind(test.Path[test.Path.Length - 1].Type), 0);
            case TestKind.CountAtLeast:
                return (test.CSharpPath, EquatableArray<string>.Empty, TypeKind.Json, test.Count);
            case TestKind.Contains when test.InnerTests.Where(t => t.Kind == TestKind.In).ToList() is [var inner] && inner.Path.Length == 1:
                return (test.CSharpPath + "[]." + inner.CSharpPath, inner.Values, ValueKind(inner.Path[0].Type), 0);
            default:
                return null;
        }
    }

    private static IEnumerable<string> Attributes(RuleSpec rule, (string Path, EquatableArray<string> Values, TypeKind Kind, int Count) condition)
    {
        var whenValues = string.Concat(condition.Values.Select(v => ", " + Literal(v, condition.Kind, forAttribute: true)));
        var count = condition.Count > 0 ? ", WhenCount = " + condition.Count.ToString(CultureInfo.InvariantCulture) : string.Empty;
        string Head(string kind, string subjects, string extra) =>
            $"[{TypeNames.Constraints}.Rule(\"{kind}\", \"{condition.Path}\"{whenValues}, Subjects = new[] {{ {subjects} }}{count}{extra}, Message = {TypeNames.Verbatim(rule.Message)})]";
        var leaves = rule.Then.Where(t => !rule.Then.Any(o => o != t && o.Kind == t.Kind && t.Kind == TestKind.Present && o.CSharpPath.StartsWith(t.CSharpPath + ".", StringComparison.Ordinal))).ToList();
        foreach (var family in leaves.GroupBy(t => t.Kind))
        {
            var subjects = string.Join(", ", family.Select(t => "\"" + t.CSharpPath + "\"").Distinct());
            switch (family.Key)
            {
                case TestKind.Present:
                    yield return Head("required-when", subjects, string.Empty);
                    break;
                case TestKind.Absent:
                    yield return Head("forbidden-when", subjects, string.Empty);
                    break;
                case TestKind.In or TestKind.NotIn:
                    foreach (var test in family)
                    {
                        var kind = ValueKind(test.Path[test.Path.Length - 1].Type);
                        var values = string.Join(", ", test.Values.Select(v => Literal(v, kind, forAttribute: true)));
                        var list = $", {(test.Kind == TestKind.In ? "Allowed" : "Forbidden")} = new object[] {{ {values} }}";
                        yield return Head("value-when", "\"" + test.CSharpPath + "\"", list);
                    }

                    break;
                case TestKind.Pattern:
                    foreach (var test in family)
                    {
                        yield return Head("format-when", "\"" + test.CSharpPath + "\"", ", Pattern = " + TypeNames.Verbatim(test.Pattern!));
                    }

                    break;
            }
        }
    }

    /// <summary>The kind of value a path ends on (an option's wire value, a string, a number).</summary>
    private static TypeKind ValueKind(TypeSpec type) => type.Kind == TypeKind.Enum ? type.Element!.Kind : type.Kind;

    public static void EmitChecks(SourceWriter w, ModelSpec model)
    {
        var names = model.Properties.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var counter = new Names();
        foreach (var rule in model.Rules)
        {
            switch (rule.Kind)
            {
                case RuleKind.Exclusive:
                    var first = rule.When[0].Path[0].Name;
                    var second = rule.Then[0].Path[0].Name;
                    w.Line($"{TypeNames.Check}.Exclusive(violations, path, s_names, {names[first]}, {first} is not null, {names[second]}, {second} is not null);");
                    break;
                case RuleKind.AtLeastOne or RuleKind.ExactlyOne:
                    var holding = string.Join(" + ", rule.Alternatives.Select(a => "(" + string.Join(" && ", a.Split(',').Select(n => n + " is not null")) + " ? 1 : 0)"));
                    var described = Parsing.OpenApiParser.Literal(string.Join(" or ", rule.AlternativesJson.Select(a => a.Replace(",", " and "))));
                    w.Line(rule.Kind == RuleKind.AtLeastOne
                        ? $"{TypeNames.Check}.RequiredGroup(violations, path, {holding}, {described});"
                        : $"{TypeNames.Check}.ExactlyOne(violations, path, {holding}, {described});");
                    break;
                default:
                    EmitConditional(w, rule, counter);
                    break;
            }
        }
    }

    private static void EmitConditional(SourceWriter w, RuleSpec rule, Names counter)
    {
        var message = Parsing.OpenApiParser.Literal(rule.Message);
        if (rule.When.Length == 0)
        {
            foreach (var test in rule.Then)
            {
                Consequence(w, test, "this", "path", 0, rule.Id, message, counter);
            }

            return;
        }

        var condition = string.Join(" && ", rule.When.Select(t => Test(t, "this", counter)));
        w.Open($"if ({condition})");
        foreach (var test in rule.Then)
        {
            Consequence(w, test, "this", "path", 0, rule.Id, message, counter);
        }

        w.Close();
        if (rule.Else.Length > 0)
        {
            w.Open("else");
            foreach (var test in rule.Else)
            {
                Consequence(w, test, "this", "path", 0, rule.Id == "if-then" ? "if-else" : rule.Id, message, counter);
            }

            w.Close();
        }
    }

    /// <summary>A check that adds a violation unless <paramref name="test"/> holds, looping over the items of every list on its path.</summary>
    private static void Consequence(SourceWriter w, TestSpec test, string root, string pathExpression, int from, string id, string message, Names counter)
    {
        var steps = test.Path;
        for (var i = from; i < steps.Length; i++)
        {
            if (steps[i].Name.Length != 0)
            {
                continue;
            }

            // Every item of the list at steps[from..i).
            var n = counter.Next();
            var list = "list" + n;
            var index = "i" + n;
            var item = "item" + n;
            var access = Access(root, steps, from, i);
            var itemPath = $"{pathExpression} + {Parsing.OpenApiParser.Literal(JsonPath(steps, from, i))} + \"[\" + {index}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"";
            w.Open($"if ({access} is {{ }} {list})");
            w.Open($"for (var {index} = 0; {index} < {list}.Count; {index}++)");
            w.Line($"var {item} = {list}[{index}];");
            Consequence(w, test, item, itemPath, i + 1, id, message, counter);
            w.Close();
            w.Close();
            return;
        }

        var local = test with { Path = steps.Skip(from).ToEquatableArray() };
        var holds = Test(local, root, counter);
        var where = local.Path.Length == 0 ? pathExpression : $"{pathExpression} + {Parsing.OpenApiParser.Literal(JsonPath(local.Path, 0, local.Path.Length))}";
        w.Line($"if (!({holds})) {TypeNames.Check}.Broken(violations, \"{id}\", {where}, {message});");
    }

    /// <summary>
    /// A boolean C# expression that is true when <paramref name="test"/> holds for the object <paramref name="root"/>.
    /// A test on a nested property holds when a parent is absent, as JSON Schema's <c>properties</c> does.
    /// </summary>
    private static string Test(TestSpec test, string root, Names counter)
    {
        var steps = test.Path;
        if (steps.Length == 0)
        {
            return Leaf(test, root, ValueKindOf(test), counter, rootIsValue: true);
        }

        var parent = steps.Length == 1 ? root : Access(root, steps, 0, steps.Length - 1);
        var leaf = steps[steps.Length - 1];
        if (steps.Length == 1)
        {
            return Leaf(test, $"{root}.{leaf.Name}", ValueKindOf(test), counter, rootIsValue: false);
        }

        var p = "p" + counter.Next();
        return $"({parent} is not {{ }} {p} || {Leaf(test, $"{p}.{leaf.Name}", ValueKindOf(test), counter, rootIsValue: false)})";
    }

    private static TypeSpec ValueKindOf(TestSpec test) => test.Path.Length == 0 ? TypeSpec.Json : test.Path[test.Path.Length - 1].Type;

    private static string Leaf(TestSpec test, string value, TypeSpec type, Names counter, bool rootIsValue)
    {
        var v = "v" + counter.Next();
        var wire = type.Kind == TypeKind.Enum ? v + ".Value" : v;
        var kind = ValueKind(type);
        switch (test.Kind)
        {
            case TestKind.Present:
                return $"{value} is not null";
            case TestKind.Absent:
                return $"{value} is null";
            case TestKind.In or TestKind.NotIn:
                var any = type.Kind == TypeKind.Json
                    ? $"{TypeNames.Check}.In({v}, {Parsing.OpenApiParser.Literal("[" + string.Join(",", test.Values) + "]")})"
                    : "(" + string.Join(" || ", test.Values.Select(x => $"{wire} == {Literal(x, kind, forAttribute: false)}")) + ")";
                return test.Kind == TestKind.In ? $"({value} is not {{ }} {v} || {any})" : $"({value} is not {{ }} {v} || !{any})";
            case TestKind.Pattern:
                var text = type.Kind == TypeKind.Json ? $"{TypeNames.Check}.AsString({v}) is not {{ }} s{v} || {TypeNames.Check}.Matches(s{v}, {TypeNames.Verbatim(test.Pattern!)})" : $"{TypeNames.Check}.Matches({wire}, {TypeNames.Verbatim(test.Pattern!)})";
                return $"({value} is not {{ }} {v} || {text})";
            case TestKind.CountAtLeast:
                return $"({value} is not {{ }} {v} || {v}.Count >= {test.Count.ToString(CultureInfo.InvariantCulture)})";
            case TestKind.Range:
                string B(int i) => test.Values[i].Length == 0 ? "double.NaN" : test.Values[i] + "d";
                var number = type.Kind == TypeKind.Json ? $"{TypeNames.Check}.AsNumber({v}) ?? 0" : $"(double){wire}";
                return $"({value} is not {{ }} {v} || {TypeNames.Check}.InRange({number}, {B(0)}, {B(1)}, {B(2)}, {B(3)}))";
            case TestKind.Length:
                string L(int i) => test.Values[i].Length == 0 ? "-1" : test.Values[i];
                return $"({value} is not {{ }} {v} || {TypeNames.Check}.WithinLength({wire}, {L(0)}, {L(1)}))";
            case TestKind.Contains:
                var item = "item" + counter.Next();
                var inner = test.InnerTests.Length == 0 ? "true" : string.Join(" && ", test.InnerTests.Select(t => Test(t, item, counter)));
                return $"({value} is not {{ }} {v} || {TypeNames.Check}.Any({v}, {item} => {inner}))";
            default:
                return "true";
        }
    }

    /// <summary>Fresh local names within one <c>Validate</c> method.</summary>
    private sealed class Names
    {
        private int _next;

        public string Next() => (_next++).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The value at steps[from..to) under <paramref name="root"/>, null when a step is absent.</summary>
    private static string Access(string root, EquatableArray<StepSpec> steps, int from, int to)
    {
        var access = root;
        for (var i = from; i < to; i++)
        {
            access += (i == from ? "." : "?.") + steps[i].Name;
        }

        return access;
    }

    private static string JsonPath(EquatableArray<StepSpec> steps, int from, int to) =>
        string.Concat(Enumerable.Range(from, to - from).Select(i => TypeNames.Segment(steps[i].JsonName)));

    /// <summary>A JSON literal as a C# literal of the property's kind (strings re-escaped for C#).</summary>
    private static string Literal(string json, TypeKind kind, bool forAttribute)
    {
        if (json.StartsWith("\"", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(json);
            return Parsing.OpenApiParser.Literal(document.RootElement.GetString() ?? string.Empty);
        }

        return kind switch
        {
            TypeKind.Int64 when !forAttribute || json.IndexOf('.') < 0 => json + "L",
            TypeKind.Single => json + "f",
            TypeKind.Double => json + "d",
            TypeKind.Int32 when forAttribute => json + "L", // the analyzers read option values as long
            _ => json,
        };
    }
}
