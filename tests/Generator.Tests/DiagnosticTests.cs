using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>Bad documents: a diagnostic at the file, line and column; the rest still generated.</summary>
public sealed class DiagnosticTests
{
    private const string Valid = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Pets API", "version": "1" },
          "paths": {
            "/pets/{pet_id}": {
              "get": {
                "operationId": "GetPet",
                "parameters": [ { "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } } }
              }
            }
          },
          "components": {
            "schemas": {
              "Pet": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "maxLength": 10 }, "kind": { "type": "string", "enum": ["cat", "dog"] } } },
              "Owner": { "type": "object", "properties": { "pets": { "type": "array", "items": { "$ref": "#/components/schemas/Pet" } } } }
            }
          }
        }
        """;

    [Fact]
    public void A_valid_document_of_ones_own_generates_with_no_diagnostic()
    {
        var (output, diagnostics) = Generate(Valid);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Pets.PetsClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains("namespace Consumer.Api", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_json_is_MAG001_at_its_line_and_column()
    {
        var (_, diagnostics) = Generate("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": { ,\n}");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAG001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("pets.openapi.json", Path.GetFileName(span.Path));
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Equal(13, span.StartLinePosition.Character);
    }

    [Fact]
    public void An_unresolved_ref_is_MAG002_at_the_ref_and_the_rest_is_generated()
    {
        var text = Valid.Replace("\"$ref\": \"#/components/schemas/Pet\" } }", "\"$ref\": \"#/components/schemas/Pte\" } }", StringComparison.Ordinal);
        var (output, diagnostics) = Generate(text);

        Assert.Equal(2, diagnostics.Count); // the response and Owner.pets both name it
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal("MAG002", diagnostic.Id);
            Assert.Contains("#/components/schemas/Pte", diagnostic.GetMessage(), StringComparison.Ordinal);
            var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
            Assert.Contains("\"$ref\": \"#/components/schemas/Pte\"", text.Split('\n')[line], StringComparison.Ordinal);
        }

        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Pets.Pet.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_unsupported_construct_is_MAG003_and_generation_goes_on()
    {
        var text = Valid.Replace("""{ "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } }""", """{ "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "X-Trace", "in": "header", "schema": { "type": "string" } }""", StringComparison.Ordinal);
        var (output, diagnostics) = Generate(text);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAG003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Contains("X-Trace", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_name_collision_is_MAG004_and_both_are_generated()
    {
        var text = Valid.Replace("\"Owner\": {", "\"pet\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } },\n      \"Owner\": {", StringComparison.Ordinal);
        var (output, diagnostics) = Generate(text);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MAG004", diagnostic.Id);
        Assert.Contains("'Pet2'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Pets.Pet2.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_property_named_like_its_class_or_a_generated_member_is_renamed_with_MAG004()
    {
        var text = Valid.Replace("\"kind\": {", "\"pet\": { \"type\": \"string\" }, \"validate\": { \"type\": \"string\" }, \"kind\": {", StringComparison.Ordinal);
        var (output, diagnostics) = Generate(text);

        Assert.Equal(["MAG004", "MAG004"], diagnostics.Select(d => d.Id));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_json_document_that_is_not_openapi_is_MAG005()
    {
        var (_, diagnostics) = Generate("""{ "swagger": "2.0" }""");

        Assert.Equal("MAG005", Assert.Single(diagnostics).Id);
    }

    internal static (Compilation Output, IReadOnlyList<Diagnostic> Diagnostics) Generate(string document)
    {
        var path = "/specs/pets.openapi.json";
        var options = new TestOptionsProvider(new(), new() { ["build_property.RootNamespace"] = "Consumer.Api" });
        var (output, diagnostics, _) = GeneratorHarness.Run([new InMemoryText(path, document)], options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));
        return (output, diagnostics);
    }
}
