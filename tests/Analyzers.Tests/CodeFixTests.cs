using ModelArts.Analyzers.CodeFixes;
using Xunit;
using RemoveExclusive = ModelArts.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<ModelArts.Analyzers.ConstraintAnalyzer, ModelArts.Analyzers.CodeFixes.RemoveExclusivePropertyFix>;
using Conditional = ModelArts.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<ModelArts.Analyzers.ConstraintAnalyzer, ModelArts.Analyzers.CodeFixes.ConditionalConstraintFix>;
using NearestValue = ModelArts.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<ModelArts.Analyzers.ConstraintAnalyzer, ModelArts.Analyzers.CodeFixes.NearestValueFix>;
using RemoveForbiddenProperty = ModelArts.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<ModelArts.Analyzers.ConstraintAnalyzer, ModelArts.Analyzers.CodeFixes.RemoveForbiddenPropertyFix>;
using RemoveForbidden = ModelArts.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<ModelArts.Analyzers.ConstraintAnalyzer, ModelArts.Analyzers.CodeFixes.RemoveForbiddenCharactersFix>;

namespace ModelArts.Analyzers.Tests;

/// <summary>
/// Each code fix gives the expected code, which compiles and no longer raises the diagnostic; the framework
/// also applies it through Fix All in document, project and solution scope and expects the same code.
/// </summary>
public sealed class CodeFixTests
{
    [Theory]
    [InlineData("DataSource", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [new ProcessorDataSource()] };
        """)]
    [InlineData("Inputs", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
        """)]
    public async Task MA0001_removes_either_side(string property, string expected)
    {
        await RemoveExclusive.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource(), {|MA0001:Inputs = [new ProcessorDataSource()]|} };
                """),
            Code(expected),
            RemoveExclusivePropertyFix.EquivalenceKey(property),
            $"Remove '{property}'");
    }

    [Fact]
    public async Task MA0009_removes_the_forbidden_property_keeping_the_layout()
    {
        await RemoveForbiddenProperty.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateDatasetRequest
                {
                    DatasetName = "images", DataSources = [], WorkPath = "/bucket/out/", WorkPathType = 0,
                    DatasetType = 0, // image classification
                    {|MA0009:ImportData = true|}, // not for this type
                    Description = "d",
                };
                """),
            Code("""
                static object M() => new CreateDatasetRequest
                {
                    DatasetName = "images", DataSources = [], WorkPath = "/bucket/out/", WorkPathType = 0,
                    DatasetType = 0, // image classification
                    Description = "d",
                };
                """),
            RemoveForbiddenPropertyFix.EquivalenceKey("ImportData"),
            "Remove 'ImportData'");
    }

    [Fact]
    public async Task MA0001_removes_a_statement_after_construction()
    {
        await RemoveExclusive.VerifyCodeFixAsync(
            Code("""
                static object M()
                {
                    var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
                    {|MA0001:request.Inputs = [new ProcessorDataSource()]|};
                    return request;
                }
                """),
            Code("""
                static object M()
                {
                    var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
                    return request;
                }
                """),
            RemoveExclusivePropertyFix.EquivalenceKey("Inputs"),
            "Remove 'Inputs'");
    }

    [Theory]
    [InlineData("false", """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = false };
        """)]
    [InlineData(null, """
        static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = "sys_data_analyse" } };
        """)]
    public async Task MA0002_sets_false_or_removes(string? value, string expected)
    {
        await Conditional.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = "sys_data_analyse" }, {|MA0002:CreateVersion = true|} };
                """),
            Code(expected),
            value is null ? ConditionalConstraintFix.RemoveKey("CreateVersion") : ConditionalConstraintFix.SetKey("CreateVersion", value),
            value is null ? "Remove 'CreateVersion'" : "Set CreateVersion = false");
    }

    [Fact]
    public async Task MA0003_uses_the_nearest_named_value()
    {
        await NearestValue.VerifyCodeFixAsync(
            Code("""static object M() => new TemplateParam { Id = {|MA0003:"sys_data_analys"|} };"""),
            Code("""static object M() => new TemplateParam { Id = TemplateParamId.SysDataAnalyse };"""),
            NearestValueFix.EquivalenceKey,
            "Use TemplateParamId.SysDataAnalyse");
    }

    [Fact]
    public async Task MA0003_uses_the_nearest_number()
    {
        await NearestValue.VerifyCodeFixAsync(
            Code("""static object M() => new CreateWorkforceTaskRequest { DataSyncType = {|MA0003:7|} };"""),
            Code("""static object M() => new CreateWorkforceTaskRequest { DataSyncType = DataSyncType.DataAndLabelSynchronization };"""),
            NearestValueFix.EquivalenceKey,
            "Use DataSyncType.DataAndLabelSynchronization");
    }

    [Fact]
    public async Task MA0004_removes_forbidden_characters()
    {
        await RemoveForbidden.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam(), Description = {|MA0004:"a <b> & \"c\""|} };
                """),
            Code("""
                static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam(), Description = "a b c" };
                """),
            RemoveForbiddenCharactersFix.EquivalenceKey,
            "Remove the forbidden characters");
    }

    [Theory]
    [InlineData("DataSource", """
        static object M() => new CreateProcessorTaskRequest
        {
            Name = "t",
            Template = new TemplateParam(),
            Inputs = [new ProcessorDataSource()],
        };
        """)]
    [InlineData("Inputs", """
        static object M() => new CreateProcessorTaskRequest
        {
            Name = "t",
            Template = new TemplateParam(),
            DataSource = new ProcessorDataSource(),
        };
        """)]
    public async Task MA0001_removes_a_line_of_a_multi_line_initializer_without_leaving_a_blank_line(string property, string expected)
    {
        await RemoveExclusive.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Template = new TemplateParam(),
                    DataSource = new ProcessorDataSource(),
                    {|MA0001:Inputs = [new ProcessorDataSource()]|},
                };
                """),
            Code(expected),
            RemoveExclusivePropertyFix.EquivalenceKey(property),
            $"Remove '{property}'");
    }

    [Fact]
    public async Task MA0002_removes_the_last_line_its_comments_and_the_comma_before_it()
    {
        await Conditional.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Inputs = [],

                    Template = new TemplateParam { Id = "sys_data_analyse" }, // the template
                    // a new version of the dataset
                    {|MA0002:CreateVersion = true|} // not for analysis
                };
                """),
            Code("""
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Inputs = [],

                    Template = new TemplateParam { Id = "sys_data_analyse" } // the template
                };
                """),
            ConditionalConstraintFix.RemoveKey("CreateVersion"),
            "Remove 'CreateVersion'");
    }

    [Fact]
    public async Task MA0002_sets_the_other_value_keeping_the_layout()
    {
        await Conditional.VerifyCodeFixAsync(
            Code("""
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Inputs = [],
                    Template = new TemplateParam { Id = "sys_data_analyse" },
                    {|MA0002:CreateVersion =   true|}, // keep
                };
                """),
            Code("""
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Inputs = [],
                    Template = new TemplateParam { Id = "sys_data_analyse" },
                    CreateVersion =   false, // keep
                };
                """),
            ConditionalConstraintFix.SetKey("CreateVersion", "false"),
            "Set CreateVersion = false");
    }

    [Theory]
    [InlineData("\"team & co\"", "\"team co\"")]
    [InlineData("\"& co\"", "\"co\"")]
    [InlineData("\"team &\"", "\"team\"")]
    [InlineData("@\"team & \"\"co\"\"\"", "@\"team co\"")]
    public async Task MA0004_leaves_no_double_space_where_characters_went(string literal, string expected)
    {
        await RemoveForbidden.VerifyCodeFixAsync(
            Code($$"""
                static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam(), Description = {|MA0004:{{literal}}|} };
                """),
            Code($$"""
                static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam(), Description = {{expected}} };
                """),
            RemoveForbiddenCharactersFix.EquivalenceKey,
            "Remove the forbidden characters");
    }

    [Fact]
    public async Task MA0001_fix_all_removes_the_chosen_property_in_every_document()
    {
        var test = new RemoveExclusive.Test(RemoveExclusivePropertyFix.EquivalenceKey("DataSource"), "Remove 'DataSource'")
        {
            TestState =
            {
                Sources =
                {
                    Code("""
                        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource(), {|MA0001:Inputs = []|} };
                        static object N() => new CreateProcessorTaskRequest
                        {
                            Name = "t",
                            Template = new TemplateParam(),
                            DataSource = new ProcessorDataSource(),
                            {|MA0001:Inputs = []|},
                        };
                        """),
                    Code("""
                        static object O()
                        {
                            var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [] };
                            {|MA0001:request.DataSource = new ProcessorDataSource()|};
                            return request;
                        }
                        """).Replace("class C", "class D", StringComparison.Ordinal),
                },
            },
            FixedState =
            {
                Sources =
                {
                    Code("""
                        static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [] };
                        static object N() => new CreateProcessorTaskRequest
                        {
                            Name = "t",
                            Template = new TemplateParam(),
                            Inputs = [],
                        };
                        """),
                    Code("""
                        static object O()
                        {
                            var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [] };
                            return request;
                        }
                        """).Replace("class C", "class D", StringComparison.Ordinal),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task MA0003_fix_all_uses_each_values_own_nearest_value()
    {
        await NearestValue.VerifyCodeFixAsync(
            Code("""
                static object M() => new TemplateParam { Id = {|MA0003:"sys_data_analys"|} };
                static object N() => new CreateWorkforceTaskRequest
                {
                    DataSyncType = {|MA0003:7|}, // sync
                };
                """),
            Code("""
                static object M() => new TemplateParam { Id = TemplateParamId.SysDataAnalyse };
                static object N() => new CreateWorkforceTaskRequest
                {
                    DataSyncType = DataSyncType.DataAndLabelSynchronization, // sync
                };
                """),
            NearestValueFix.EquivalenceKey);
    }

    [Fact]
    public void Every_fix_offers_fix_all_in_document_project_and_solution()
    {
        var fixes = typeof(RemoveExclusivePropertyFix).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

        Assert.Superset(
            new HashSet<string> { nameof(RemoveExclusivePropertyFix), nameof(ConditionalConstraintFix), nameof(NearestValueFix), nameof(RemoveForbiddenCharactersFix) },
            fixes.Select(f => f.GetType().Name).ToHashSet());
        foreach (var fix in fixes)
        {
            var fixAll = fix.GetFixAllProvider();
            Assert.True(fixAll is not null, $"{fix.GetType().Name} has no Fix All");
            Assert.Equal(
                [Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project, Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution],
                fixAll.GetSupportedFixAllScopes().Where(s => s <= Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution).Order());
        }
    }

    /// <summary>The members of a static class C in a file that uses the generated namespace.</summary>
    internal static string Code(string members) =>
        "using ModelArts;\n\nstatic class C\n{\n" + string.Concat(members.ReplaceLineEndings("\n").Split('\n').Select(l => (l.Length > 0 ? "    " + l : l) + "\n")) + "}\n";
}
