using System.Text;
using Microsoft.CodeAnalysis;
using ModelArts.Testing;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// A consumer of a client generated from a larger document assembled from public API patterns (tests/Shared/SyntheticOpenApi:
/// several hundred operations, allOf, form and multipart bodies, binary and CSV answers, nullable required fields, shared
/// enums, paging, header parameters): the generator reports nothing, and the consumer's code and the generated code
/// compile with 0 errors and 0 warnings under nullable and warnings-as-errors.
/// </summary>
public sealed class LargeDocumentConsumerTests
{
    private const int Operations = 400;

    [Fact]
    public void A_consumer_of_a_client_from_a_document_of_hundreds_of_operations_compiles_with_no_warning()
    {
        var document = SyntheticOpenApi.Build(Operations);
        var resources = SyntheticOpenApi.Resources(Operations);
        var text = new InMemoryText("/consumer/commerce.openapi.json", document);
        var options = new TestOptionsProvider(new() { [text.Path] = new() { ["build_metadata.AdditionalFiles.ModelArtsNamespace"] = "Commerce.Api" } });

        var (output, diagnostics, _) = GeneratorHarness.Run([text], options, GeneratorHarness.Compilation([Consumer(resources, Operations)], GeneratorHarness.ConsumerReferences));

        Assert.Empty(diagnostics);
        var client = output.GetTypeByMetadataName("Commerce.Api.SyntheticCommerceClient")!;
        Assert.Equal(Operations, client.GetMembers().OfType<IMethodSymbol>().Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.ReturnType.Name == "Task"));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    /// <summary>Code a user writes against the client: every kind of call of every complete resource, typed end to end.</summary>
    private static string Consumer(List<SyntheticOpenApi.Resource> resources, int operations)
    {
        var code = new StringBuilder("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Commerce.Api;
            using ModelArts.Runtime.Http;
            using ModelArts.Runtime.Validation;

            public static class CommerceUsage
            {
                public static async Task<int> RunAsync(SyntheticCommerceClient client, System.IO.Stream upload, CancellationToken ct)
                {
                    var seen = 0;

            """);
        var written = 0;
        foreach (var r in resources)
        {
            var count = 5 + (r.Files ? 2 : 0) + (r.Csv ? 1 : 0);
            if (written + count > operations)
            {
                break; // the last resource may be cut short
            }

            written += count;
            var s = r.Schema;
            var type = ModelArts.Generator.Parsing.AmbientTypes.Avoid(s, "Object"); // File is FileObject: implicit usings see System.IO.File
            code.Append($$"""
                        {
                            var request = new New{{s}}
                            {
                                Name = "n",
                                Status = Status.Active,
                                Amount = 5,
                                Currency = "eur",
                                Tags = ["a"],
                                Metadata = new Dictionary<string, string> { ["k"] = "v" },
                                Address = new {{s}}FieldsAddress { City = "Berlin", Country = "DE" },
                                Description = null,
                            };
                            IReadOnlyList<ModelArtsViolation> violations = request.Validate();
                            {{type}} created = await client.Create{{s}}Async(request, ct);
                            string id = created.Id;
                            string createdAt = created.CreatedAt;
                            string? deletedAt = created.DeletedAt;
                            string name = created.Name;
                            {{s}}FieldsAddress? address = created.Address;
                            List{{s}}sResponse page = await client.List{{s}}sAsync(offset: 0, limit: 10, status: "archived", expand: ["x"], cancellationToken: ct);
                            bool? more = page.HasMore;
                            long? total = page.TotalCount;
                            await foreach ({{type}} item in client.List{{s}}sItemsAsync(status: Status.Pending, cancellationToken: ct))
                            {
                                seen += item.Name.Length + violations.Count;
                            }

                            {{type}} updated = await client.Update{{s}}Async(id, new Update{{s}}Request { Description = "d", Status = Status.Inactive, Metadata = new Dictionary<string, string> { ["plan"] = "gold" } }, ifMatch: "etag", cancellationToken: ct);
                            Delete{{s}}Response deleted = await client.Delete{{s}}Async(updated.Id, ct);
                            seen += deleted.Deleted == true ? 1 : 0;

                """);
            if (r.Files)
            {
                code.Append($$"""
                                FileRef stored = await client.Upload{{s}}FileAsync(id, new Upload{{s}}FileRequest { File = new FileContent(upload, "a.pdf", "application/pdf"), Purpose = Purpose.Receipt }, ct);
                                using System.IO.Stream file = await client.Download{{s}}FileAsync(id, stored.Id, ct);
                                seen += (int)file.Length;

                    """);
            }

            if (r.Csv)
            {
                code.Append($$"""
                                string csv = await client.Export{{s}}sAsync(Status.Active, ct);
                                seen += csv.Length;

                    """);
            }

            code.Append("            }\n");
        }

        code.Append("""
                    return seen;
                }
            }

            """);
        return code.ToString();
    }
}
