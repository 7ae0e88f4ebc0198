using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = ModelArts.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<ModelArts.Analyzers.ConstraintAnalyzer>;

namespace ModelArts.Analyzers.Tests;

/// <summary>Each rule: the violation at its exact span with its message; the same code with a value not known at compile time is silent.</summary>
public sealed class RuleTests
{
    private const string Usings = "using ModelArts; using System.Collections.Generic; ";

    [Fact]
    public async Task MA0001_both_exclusive_properties_in_an_initializer()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Template = new TemplateParam { Id = "sys_data_validation" },
                    {|#1:DataSource = new ProcessorDataSource { Type = "DATASET" }|},
                    {|#0:Inputs = [new ProcessorDataSource()]|},
                };
            }
            """,
            // Reported at the later assignment; both assignments are additional locations, in the rule's order, for the fix.
            Verify.Diagnostic(Descriptors.MutuallyExclusive).WithLocation(0).WithLocation(1).WithLocation(0)
                .WithMessage("'DataSource' and 'Inputs' cannot both be set: Either this parameter or inputs is used."));
    }

    [Fact]
    public async Task MA0001_after_construction_in_the_same_block()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
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
    public async Task MA0001_not_for_values_that_may_be_null()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
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
    public async Task MA0002_create_version_true_on_feature_analysis()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Inputs = [],
                    Template = new TemplateParam { Id = {|#1:"sys_data_analyse"|} },
                    {|#0:CreateVersion = true|},
                };

                static object N() => new CreateProcessorTaskRequest
                {
                    Name = "t",
                    Inputs = [],
                    {|MA0002:CreateVersion = true|},
                    Template = new TemplateParam { Id = TemplateParamId.SysDataAnalyse },
                };
            }
            """,
            // Reported at the condition's property; the restricted value is the additional location.
            Verify.Diagnostic(Descriptors.Conditional).WithLocation(0).WithLocation(1).WithMessage(
                "create_version can be true only when template.id is a data processing template (sys_data_cleaning, sys_data_augmentation, sys_data_validation or sys_data_selection). (here Template.Id is \"sys_data_analyse\")"));
    }

    [Fact]
    public async Task MA0002_not_when_an_input_is_unknown_or_allowed()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            static class C
            {
                static object M(string id, bool create) => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = id }, CreateVersion = true };
                static object N(bool create) => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = create };
                static object O() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = "sys_data_cleaning" }, CreateVersion = true };
                static object P() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam { Id = "sys_data_analyse" }, CreateVersion = false };
            }
            """);
    }

    [Fact]
    public async Task MA0003_unknown_option_values_with_the_nearest_suggested()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                const string Typo = "sys_data_analys";
                static object M() => new TemplateParam { Id = {|#0:Typo|} };
                static object N() => new ProcessorDataSource { Type = {|#1:"DATASTE"|} };
                static object O() => new CreateWorkforceTaskRequest { DataSyncType = {|#2:7|} };
                static object P() => new Worker { Role = {|MA0003:9|} };
                static object Q() => new TemplateParam { Id = {|MA0003:new TemplateParamId("sys_data_analyze")|} };
                const string Prefix = "sys_data";
                static object R() => new TemplateParam { Id = {|MA0003:$"{Prefix}_clean"|} };
            }
            """,
            Verify.Diagnostic(Descriptors.UnknownValue).WithLocation(0)
                .WithMessage("\"sys_data_analys\" is not a documented value of TemplateParam.Id; did you mean \"sys_data_analyse\" (TemplateParamId.SysDataAnalyse)?"),
            Verify.Diagnostic(Descriptors.UnknownValue).WithLocation(1)
                .WithMessage("\"DATASTE\" is not a documented value of ProcessorDataSource.Type; did you mean \"DATASET\" (ProcessorDataSourceType.Dataset)?"),
            Verify.Diagnostic(Descriptors.UnknownValue).WithLocation(2)
                .WithMessage("7 is not a documented value of CreateWorkforceTaskRequest.DataSyncType; did you mean 3 (DataSyncType.DataAndLabelSynchronization)?"));
    }

    [Fact]
    public async Task MA0003_not_for_documented_or_unknown_values()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
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
    public async Task MA0004_length_forbidden_characters_and_pattern()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                const string Long = "0123456789012345678901234567890123";
                static object M() => new CreateProcessorTaskRequest { Name = "t", Inputs = [], Template = new TemplateParam(), Description = {|#0:"a <b>"|} };
                static object N() => new WorkPath { VersionName = {|#1:Long|} };
                static object O() => new WorkPath { VersionName = {|#2:"v 1"|} };
                static object P(WorkPath path) => path with { VersionName = {|MA0004:"v.2"|} };
            }
            """,
            Verify.Diagnostic(Descriptors.StringRule).WithLocation(0)
                .WithMessage("CreateProcessorTaskRequest.Description contains '<' '>', which the documentation does not allow (^!<>=&\"')"),
            Verify.Diagnostic(Descriptors.StringRule).WithLocation(1)
                .WithMessage("WorkPath.VersionName has 34 characters; the documentation allows at most 32"),
            Verify.Diagnostic(Descriptors.StringRule).WithLocation(2)
                .WithMessage("WorkPath.VersionName does not match the documented pattern ^[0-9A-Za-z_\\-]*$"));
    }

    [Fact]
    public async Task MA0004_not_for_values_known_only_at_run_time()
    {
        await Verify.VerifyAnalyzerAsync(Usings + """
            static class C
            {
                static object M(string text) => new WorkPath { VersionName = text + "<" };
                static object N() => new WorkPath { VersionName = "V0010" };
            }
            """);
    }

    [Fact]
    public async Task MA0005_numbers_outside_the_range_in_properties_and_arguments()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new CreateWorkforceTaskRequest { Repetition = {|#0:0|} };
                static System.Threading.Tasks.Task N(ModelArtsClient client) => client.ListAutoAnnotationSamplesAsync("d", limit: {|#1:1000|});
                static object O(int n) => new CreateWorkforceTaskRequest { Repetition = n };
            }
            """,
            Verify.Diagnostic(Descriptors.OutOfRange).WithLocation(0).WithMessage("CreateWorkforceTaskRequest.Repetition is 0; the documented range is [1, ∞]"),
            Verify.Diagnostic(Descriptors.OutOfRange).WithLocation(1).WithMessage("limit is 1000; the documented range is [1, 100]"));
    }

    [Fact]
    public async Task MA0006_required_property_never_set_when_the_language_has_no_required_members()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new {|#0:CreateProcessorTaskRequest|} { Inputs = new List<ProcessorDataSource>(), Template = new TemplateParam() };
                static object N()
                {
                    var request = new CreateProcessorTaskRequest { Inputs = new List<ProcessorDataSource>(), Template = new TemplateParam() };
                    request.Name = "set later";
                    return request;
                }
                static object O(System.Action<CreateProcessorTaskRequest> fill)
                {
                    var request = new CreateProcessorTaskRequest { Inputs = new List<ProcessorDataSource>(), Template = new TemplateParam() };
                    fill(request);
                    return request;
                }
            }
            """,
            LanguageVersion.CSharp10,
            Verify.Diagnostic(Descriptors.RequiredMissing).WithLocation(0).WithMessage("Required property 'Name' of CreateProcessorTaskRequest is never set"));
    }

    [Fact]
    public async Task MA0007_documented_value_formats()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new SmartTaskConfig { ConfidenceScope = {|#0:"0.90-0.10"|} };
                static object N() => new SearchCondition { SampleTime = {|#1:"20190901-20191015"|} };
                static object Q() => new SearchCondition { SampleTime = "month" };
                static object R() => new SmartTaskConfig { ConfidenceScope = "0.10-0.90" };
            }
            """,
            Verify.Diagnostic(Descriptors.ValueFormat).WithLocation(0).WithMessage("SmartTaskConfig.ConfidenceScope: the minimum 0.90 is above the maximum 0.10"),
            Verify.Diagnostic(Descriptors.ValueFormat).WithLocation(1).WithMessage("SearchCondition.SampleTime: the period spans 45 days, more than 30"));
    }

    [Fact]
    public async Task MA0008_required_when_a_value_or_a_list_length_holds()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                // The nested holder is reported where it is built; the condition is the additional location.
                static object M() => new DataSource { {|#1:DataType = 1|}, SourceInfo = {|#0:new SourceInfo { ClusterId = "c", UserPassword = "p" }|} };
                static object N() => new DataSource { DataType = 1, SourceInfo = new SourceInfo { UserName = "u", UserPassword = "p" } };
                static object O() => new DataSource { DataType = 0, SourceInfo = new SourceInfo() };
                static object P(int type) => new DataSource { DataType = type, SourceInfo = new SourceInfo() };
                static object Q() => new SearchLabels { {|#2:Labels = [new SearchLabel { Name = "cat" }, new SearchLabel { Name = "dog" }]|} };
                static object R() => new SearchLabels { Labels = [new SearchLabel(), new SearchLabel()], Op = "AND" };
                static object S() => new SearchLabels { Labels = [new SearchLabel()] };
                static object T(List<SearchLabel> labels) => new SearchLabels { Labels = labels };
            }
            """,
            Verify.Diagnostic(Descriptors.RequiredWhen).WithLocation(0).WithLocation(1)
                .WithMessage("'UserName' of DataSource must be set here: source_info.user_name is required when data_type is 1; source_info.user_password is required when data_type is 1"),
            Verify.Diagnostic(Descriptors.RequiredWhen).WithLocation(2).WithLocation(2)
                .WithMessage("'Op' of SearchLabels must be set here: op (AND or OR) must be set when searching for more than one label."));
    }

    [Fact]
    public async Task MA0009_forbidden_when_the_condition_holds()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new CreateDatasetRequest
                {
                    DatasetName = "images", DataSources = [], WorkPath = "/bucket/out/", WorkPathType = 0,
                    {|#1:DatasetType = 0|},
                    {|#0:ImportData = true|},
                };
                static object N() => new CreateDatasetRequest { DatasetName = "t", DataSources = [], WorkPath = "/bucket/out/", WorkPathType = 0, DatasetType = 400, ImportData = true };
                static object O(int type) => new CreateDatasetRequest { DatasetName = "t", DataSources = [], WorkPath = "/bucket/out/", WorkPathType = 0, DatasetType = type, ImportData = true };
                static object P(bool? import) => new CreateDatasetRequest { DatasetName = "t", DataSources = [], WorkPath = "/bucket/out/", WorkPathType = 0, DatasetType = 0, ImportData = import };
            }
            """,
            Verify.Diagnostic(Descriptors.ForbiddenWhen).WithLocation(0).WithLocation(1)
                .WithMessage("'ImportData' must not be set here: import_data must not be set when dataset_type is one of 0, 1, 3, 100, 101, 102, 200, 201, 202, 600, 900"));
    }

    [Fact]
    public async Task MA0010_format_when_the_condition_holds()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new ProcessorDataSource { {|#1:Type = "OBS"|}, Source = {|#0:"my-bucket/images"|} };
                static object N() => new ProcessorDataSource { Type = "OBS", Source = "obs://my-bucket/images" };
                static object O() => new ProcessorDataSource { Type = "DATASET", Source = "my-bucket/images" };
                static object P(string source) => new ProcessorDataSource { Type = "OBS", Source = source };
            }
            """,
            Verify.Diagnostic(Descriptors.FormatWhen).WithLocation(0).WithLocation(1)
                .WithMessage("'Source' is \"my-bucket/images\", which breaks the documented format here: source must be an OBS path when type is OBS"));
    }

    [Fact]
    public async Task MA0011_none_of_the_alternatives_is_set()
    {
        await Verify.VerifyAnalyzerAsync(
            Usings + """
            static class C
            {
                static object M() => new {|#0:CreateProcessorTaskRequest|} { Name = "t", Template = new TemplateParam { Id = "sys_data_validation" } };
                static object N() => new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam(), Inputs = [] };
                static object O()
                {
                    var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam() };
                    request.DataSource = new ProcessorDataSource();
                    return request;
                }
                static object P(System.Action<CreateProcessorTaskRequest> fill)
                {
                    var request = new CreateProcessorTaskRequest { Name = "t", Template = new TemplateParam() };
                    fill(request);
                    return request;
                }
            }
            """,
            Verify.Diagnostic(Descriptors.AtLeastOne).WithLocation(0).WithArguments("CreateProcessorTaskRequest", "set data_source or inputs: Either this parameter or inputs is used."));
    }

    [Fact]
    public async Task Nothing_is_reported_without_the_runtime()
    {
        // A plain .NET 8 project: no runtime reference, so nothing generated to check.
        await new CSharpAnalyzerTest<ConstraintAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = "class A { string? B { get; set; } object M() => new A { B = \"x\" }; }",
        }.RunAsync();
    }
}
