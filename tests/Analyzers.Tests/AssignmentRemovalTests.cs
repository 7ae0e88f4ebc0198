using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Analyzers.CodeFixes;
using Xunit;

namespace ModelArts.Analyzers.Tests;

/// <summary>
/// How the fixes remove property assignments, one or several at once (Fix All, or a future rule that removes more
/// than one property of an object): the layout around them is left as it was.
/// </summary>
public sealed class AssignmentRemovalTests
{
    [Theory]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "B", "new X { A = 1, C = 3 }")]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "A", "new X { B = 2, C = 3 }")]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "C", "new X { A = 1, B = 2 }")]
    [InlineData("new X { A = 1, B = 2, C = 3, }", "C", "new X { A = 1, B = 2, }")]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "A B", "new X { C = 3 }")]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "B C", "new X { A = 1 }")]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "A C", "new X { B = 2 }")]
    [InlineData("new X { A = 1, B = 2, C = 3 }", "A B C", "new X { }")]
    [InlineData("new X { A = 1 }", "A", "new X { }")]
    [InlineData("x with { A = 1, B = 2 }", "B", "x with { A = 1 }")]
    [InlineData("new X\n{\n    A = 1,\n    B = 2,\n    C = 3,\n}", "B", "new X\n{\n    A = 1,\n    C = 3,\n}")]
    [InlineData("new X\n{\n    A = 1,\n    B = 2,\n    C = 3,\n}", "B C", "new X\n{\n    A = 1,\n}")]
    [InlineData("new X\n{\n    A = 1,\n    B = 2,\n    C = 3\n}", "C", "new X\n{\n    A = 1,\n    B = 2\n}")]
    [InlineData("new X\n{\n    A = 1,\n    B = 2,\n    C = 3\n}", "B C", "new X\n{\n    A = 1\n}")]
    [InlineData("new X\n{\n    A = 1,\n    B = 2,\n    C = 3\n}", "A B C", "new X\n{\n}")]
    [InlineData("new X\n{\n    A = 1,\n\n    // about B\n    B = 2, // why\n    C = 3,\n}", "B", "new X\n{\n    A = 1,\n\n    C = 3,\n}")]
    [InlineData("new X\n{\n    A = 1, // keep\n\n    B = 2\n}", "B", "new X\n{\n    A = 1 // keep\n}")]
    [InlineData("new X { A = 1, B = new Y { C = 3, D = 4 } }", "B D", "new X { A = 1 }")]
    [InlineData("new X { A = 1, B = new Y { C = 3, D = 4 } }", "D", "new X { A = 1, B = new Y { C = 3 } }")]
    public void Initializer_elements(string expression, string remove, string expected)
    {
        Assert.Equal(expected, Remove($"var x = {expression};", remove)["var x = ".Length..^1]);
    }

    [Theory]
    [InlineData("{\n    var x = new X();\n    x.A = 1;\n    x.B = 2;\n    return x;\n}", "A", "{\n    var x = new X();\n    x.B = 2;\n    return x;\n}")]
    [InlineData("{\n    var x = new X();\n    x.A = 1;\n    x.B = 2;\n    return x;\n}", "A B", "{\n    var x = new X();\n    return x;\n}")]
    [InlineData("{\n    var x = new X();\n\n    // set A\n    x.A = 1;\n    return x;\n}", "A", "{\n    var x = new X();\n\n    return x;\n}")]
    [InlineData("{\n    var x = new X();\n    F(x);\n\n    x.A = 1;\n}", "A", "{\n    var x = new X();\n    F(x);\n}")]
    [InlineData("{ x.A = 1; }", "A", "{ }")]
    public void Statements(string block, string remove, string expected)
    {
        Assert.Equal(expected, Remove(block, remove));
    }

    [Fact]
    public void Only_initializer_elements_and_statements_are_removable()
    {
        var root = CSharpSyntaxTree.ParseText("class C { void M(X x) { F(x.A = 1); var y = x.B = 2; } }").GetRoot();

        Assert.All(root.DescendantNodes().OfType<AssignmentExpressionSyntax>(), a => Assert.False(AssignmentRemoval.CanRemove(a), a.ToString()));
    }

    /// <summary>Removes the assignments to the named properties from a method body made of <paramref name="code"/>.</summary>
    private static string Remove(string code, string properties)
    {
        var prefix = code.StartsWith('{') ? "class C { object M() " : "class C { object M() { ";
        var suffix = code.StartsWith('{') ? " }" : " } }";
        var tree = CSharpSyntaxTree.ParseText(prefix + code + suffix);
        var names = properties.Split(' ');
        var assignments = tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => names.Contains(AssignmentRemoval.PropertyName(a)))
            .ToList();
        Assert.Equal(names.Length, assignments.Count);

        var text = tree.GetText().WithChanges(AssignmentRemoval.Spans(assignments).Select(s => new TextChange(s, string.Empty))).ToString();
        return text[prefix.Length..^suffix.Length];
    }
}
