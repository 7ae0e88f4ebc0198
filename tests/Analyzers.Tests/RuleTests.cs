using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelArts.Analyzers.Tests;

/// <summary>Each rule: the violation at its exact span with its message; the same code with a value not known at compile time is silent.</summary>
public sealed class RuleTests
{
    private const string Usings = "using ModelArts; using System.Collections.Generic; ";

    [Fact]
    public void MA0001_both_exclusive_properties_in_an_initializer()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Template = new TemplateParam { Id = "sys_data_validation" },
                    DataSource = new ProcessorDataSource { Type = "DATASET" },
                    {|MA0001:Inputs = [new ProcessorDataSource()]|},
                };
            }
            """);

        Assert.Equal("'DataSource' and 'Inputs' cannot both be set: Either this parameter or inputs is used.", diagnostics.Single().GetMessage());
        Assert.Equal(2, diagnostics.Single().AdditionalLocations.Count);
    }

    [Fact]
    public void MA0001_after_construction_in_the_same_block()
    {
        AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M()
                {
                    var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
                    {|MA0001:request.Inputs = new List<ProcessorDataSource>()|};
                    return request;
                }
            }
            """);
    }

    [Fact]
    public void MA0001_not_for_values_that_may_be_null()
    {
        AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M(ProcessorDataSource? source, IList<ProcessorDataSource>? inputs) =>
                    new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = source, Inputs = inputs };

                static object N()
                {
                    var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), DataSource = new ProcessorDataSource() };
                    if (System.Environment.TickCount > 0) { request.DataSource = null; }
                    request.Inputs = [];
                    return request;
                }
            }
            """);
    }

    [Fact]
    public void MA0002_create_version_true_on_feature_analysis()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Template = new TemplateParam { Id = "sys_data_analyse" },
                    {|MA0002:CreateVersion = true|},
                };

                static object N() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    {|MA0002:CreateVersion = true|},
                    Template = new TemplateParam { Id = TemplateParamId.SysDataAnalyse },
                };
            }
            """);

        Assert.StartsWith("create_version can be true only when template.id is a data processing template", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("(here Template.Id is \"sys_data_analyse\")", diagnostics[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MA0002_not_when_an_input_is_unknown_or_allowed()
    {
        AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M(string id, bool create) => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = id }, CreateVersion = true };
                static object N(bool create) => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = create };
                static object O() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = "sys_data_cleaning" }, CreateVersion = true };
                static object P() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = false };
            }
            """);
    }

    [Fact]
    public void MA0003_unknown_option_values_with_the_nearest_suggested()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                const string Typo = "sys_data_analys";
                static object M() => new TemplateParam { Id = {|MA0003:Typo|} };
                static object N() => new ProcessorDataSource { Type = {|MA0003:"DATASTE"|} };
                static object O() => new CreateWorkforceTaskRequest { DataSyncType = {|MA0003:7|} };
                static object P() => new Worker { Role = {|MA0003:9|} };
                static object Q() => new TemplateParam { Id = {|MA0003:new TemplateParamId("sys_data_analyze")|} };
                const string Prefix = "sys_data";
                static object R() => new TemplateParam { Id = {|MA0003:$"{Prefix}_clean"|} };
            }
            """);

        Assert.Equal("\"sys_data_analys\" is not a documented value of TemplateParam.Id; did you mean \"sys_data_analyse\" (TemplateParamId.SysDataAnalyse)?", diagnostics[0].GetMessage());
        Assert.Contains("did you mean \"DATASET\"", diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("did you mean 3", diagnostics[2].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MA0003_not_for_documented_or_unknown_values()
    {
        AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M(string id) => new TemplateParam { Id = id };
                static object N() => new TemplateParam { Id = TemplateParamId.SysDataSelection };
                static object O() => new CreateWorkforceTaskRequest { DataSyncType = 3 };
                static object P() => new TemplateParam { Id = $"sys_data_{"cleaning"}" };
            }
            """);
    }

    [Fact]
    public void MA0004_length_forbidden_characters_and_pattern()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                const string Long = "0123456789012345678901234567890123";
                static object M() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Description = {|MA0004:"a <b>"|} };
                static object N() => new WorkPath { VersionName = {|MA0004:Long|} };
                static object O() => new WorkPath { VersionName = {|MA0004:"v 1"|} };
                static object P(WorkPath path) => path with { VersionName = {|MA0004:"v.2"|} };
            }
            """);

        Assert.Equal("CreateProcessorTaskRequest.Description contains '<' '>', which the documentation does not allow (^!<>=&\"')", diagnostics[0].GetMessage());
        Assert.Equal("WorkPath.VersionName has 34 characters; the documentation allows at most 32", diagnostics[1].GetMessage());
        Assert.Equal("WorkPath.VersionName does not match the documented pattern ^[0-9A-Za-z_\\-]*$", diagnostics[2].GetMessage());
    }

    [Fact]
    public void MA0004_not_for_values_known_only_at_run_time()
    {
        AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M(string text) => new WorkPath { VersionName = text + "<" };
                static object N() => new WorkPath { VersionName = "V0010" };
            }
            """);
    }

    [Fact]
    public void MA0005_numbers_outside_the_range_in_properties_and_arguments()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M() => new CreateWorkforceTaskRequest { Repetition = {|MA0005:0|} };
                static System.Threading.Tasks.Task N(ModelArtsClient client) => client.ListAutoAnnotationSamplesAsync("d", limit: {|MA0005:1000|});
                static object O(int n) => new CreateWorkforceTaskRequest { Repetition = n };
            }
            """);

        Assert.Equal("CreateWorkforceTaskRequest.Repetition is 0; the documented range is [1, ∞]", diagnostics[0].GetMessage());
        Assert.Equal("limit is 1000; the documented range is [1, 100]", diagnostics[1].GetMessage());
    }

    [Fact]
    public void MA0006_required_property_never_set_when_the_language_has_no_required_members()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M() => new {|MA0006:CreateProcessorTaskRequest|} { Template = new TemplateParam() };
                static object N()
                {
                    var request = new CreateProcessorTaskRequest { Template = new TemplateParam() };
                    request.Name = "set later";
                    return request;
                }
                static object O(System.Action<CreateProcessorTaskRequest> fill)
                {
                    var request = new CreateProcessorTaskRequest { Template = new TemplateParam() };
                    fill(request);
                    return request;
                }
            }
            """, LanguageVersion.CSharp10);

        Assert.Equal("Required property 'Name' of CreateProcessorTaskRequest is never set", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void MA0007_documented_value_formats()
    {
        var diagnostics = AnalyzerHarness.Verify(Usings + """
            static class C
            {
                static object M() => new SmartTaskConfig { ConfidenceScope = {|MA0007:"0.90-0.10"|} };
                static object N() => new SearchCondition { SampleTime = {|MA0007:"20190901-20191015"|} };
                static object O() => new SearchLabels { {|MA0008:Labels = [new SearchLabel { Name = "cat" }, new SearchLabel { Name = "dog" }]|} };
                static object P() => new SearchLabels { Labels = [new SearchLabel(), new SearchLabel()], Op = "AND" };
                static object Q() => new SearchCondition { SampleTime = "month" };
                static object R() => new SmartTaskConfig { ConfidenceScope = "0.10-0.90" };
            }
            """);

        Assert.Equal("SmartTaskConfig.ConfidenceScope: the minimum 0.90 is above the maximum 0.10", diagnostics[0].GetMessage());
        Assert.Equal("SearchCondition.SampleTime: the period spans 45 days, more than 30", diagnostics[1].GetMessage());
        Assert.Equal("'Op' of SearchLabels must be set here: op (AND or OR) must be set when searching for more than one label.", diagnostics[2].GetMessage());
    }

    [Fact]
    public void Nothing_is_reported_without_the_runtime()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Plain",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class A { string? B { get; set; } object M() => new A { B = \"x\" }; }")],
            Basic.Reference.Assemblies.Net80.References.All);

        Assert.Empty(AnalyzerHarness.Analyze(compilation));
    }
}
