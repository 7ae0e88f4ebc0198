using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>Code a user writes straight from the doc examples compiles against the generated models.</summary>
public sealed class ConsumerCodeTests
{
    [Fact]
    public void Doc_example_values_convert_implicitly_and_required_members_are_enforced()
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
                public static CreateProcessorTaskRequest Build() => new CreateProcessorTaskRequest { Template = new TemplateParam() };
            }
            """;

        var (texts, options) = GeneratorHarness.ShippedSpec();
        var (valid, _, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([Valid], GeneratorHarness.ConsumerReferences));
        Assert.Empty(valid.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        var (broken, _, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([MissingRequired], GeneratorHarness.ConsumerReferences));
        var error = Assert.Single(broken.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS9035", error.Id); // required member 'Name' must be set
        Assert.Contains("Name", error.GetMessage(), StringComparison.Ordinal);
    }
}
