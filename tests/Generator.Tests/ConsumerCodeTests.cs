using Xunit;
using Verify = ModelArts.Generator.Tests.Verifiers.CSharpGeneratorVerifier;

namespace ModelArts.Generator.Tests;

/// <summary>Code a user writes straight from the doc examples compiles against the generated models.</summary>
public sealed class ConsumerCodeTests
{
    [Fact]
    public async Task Doc_example_values_convert_implicitly_and_required_members_are_enforced()
    {
        const string Valid = """
            using ModelArts;
            using System.Collections.Generic;

            public static class Usage
            {
                public static object[] Build() =>
                [
                    new CreateProcessorTaskRequest
                    {
                        Name = "V001",
                        Template = new TemplateParam { Id = "sys_data_analyse" },
                        DataSource = new ProcessorDataSource { Type = "DATASET", Source = "X6c3N3eztX7cr3Arvqu" },
                    },
                    new CreateWorkforceTaskRequest { DataSyncType = 3, Repetition = 1 },
                    new TemplateParam { Id = TemplateParamId.SysDataValidation },
                ];

                public static bool Known(TemplateParamId id) => id.IsKnown && id == "sys_data_validation";
            }
            """;
        const string MissingRequired = """
            using ModelArts;

            public static class Broken
            {
                public static CreateProcessorTaskRequest Build() => new {|#0:CreateProcessorTaskRequest|} { Template = new TemplateParam() };
            }
            """;

        // No diagnostic at all, warnings included.
        await new Verify.Test { TestCode = Valid }.WithShippedSpec().RunAsync();

        // The required member 'Name' must be set (CS9035), and nothing else is reported.
        var broken = new Verify.Test { TestCode = MissingRequired }.WithShippedSpec();
        broken.ExpectedDiagnostics.Add(Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError("CS9035").WithLocation(0).WithArguments("ModelArts.CreateProcessorTaskRequest.Name"));
        await broken.RunAsync();
    }
}
