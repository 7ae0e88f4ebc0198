using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = ModelArts.Generator.Tests.Verifiers.CSharpGeneratorVerifier;

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

    private const string Path = "/specs/pets.openapi.json";

    [Fact]
    public async Task A_valid_document_of_ones_own_generates_with_no_diagnostic()
    {
        var test = Generate(Valid);
        await test.RunAsync();

        Assert.Contains(test.Output!.SyntaxTrees, t => t.FilePath.EndsWith("Pets.PetsClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(test.Output.SyntaxTrees, t => t.ToString().Contains("namespace Consumer.Api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_json_is_MAG001_at_its_line_and_column()
    {
        var test = Generate("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": { ,\n}");
        // At the stray comma; the message quotes System.Text.Json's own words, which are not ours to pin.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.InvalidJson).WithLocation(Path, 3, 14).WithMessage(null));

        await test.RunAsync();
    }

    [Fact]
    public async Task An_unresolved_ref_is_MAG002_at_the_ref_and_the_rest_is_generated()
    {
        // The response and Owner.pets both name it: each is reported at its own $ref.
        var marked = 0;
        var test = Generate(Regex.Replace(Valid, "\"\\$ref\": \"#/components/schemas/Pet\"", _ => $"{{|#{marked++}:\"$ref\"|}}: \"#/components/schemas/Pte\""));
        Assert.Equal(2, marked);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.UnresolvedReference).WithLocation(0).WithArguments("#/components/schemas/Pte"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.UnresolvedReference).WithLocation(1).WithArguments("#/components/schemas/Pte"));

        await test.RunAsync();

        Assert.Contains(test.Output!.SyntaxTrees, t => t.FilePath.EndsWith("Pets.Pet.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unsupported_construct_is_MAG003_and_generation_goes_on()
    {
        var test = Generate(Valid.Replace(
            """{ "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } }""",
            """{ "name": "pet_id", "in": "path", "required": true, "schema": { "type": "string" } }, { "name": "session", "in": "cookie", "schema": { "type": "string" } }""",
            StringComparison.Ordinal).Replace("\"parameters\"", "{|#0:\"parameters\"|}", StringComparison.Ordinal));
        // A warning at the operation's parameters; the method is generated without the cookie.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.Unsupported).WithLocation(0)
            .WithArguments("parameter 'session' in 'cookie'; only path, query and header parameters are generated, so the method has no argument for it"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_name_collision_is_MAG004_and_both_are_generated()
    {
        var test = Generate(Valid.Replace("\"Owner\": {", "{|#0:\"pet\"|}: { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } },\n      \"Owner\": {", StringComparison.Ordinal));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.NameCollision).WithLocation(0).WithArguments("schema 'pet'", "Pet", "Pet2"));

        await test.RunAsync();

        Assert.Contains(test.Output!.SyntaxTrees, t => t.FilePath.EndsWith("Pets.Pet2.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_property_named_like_its_class_or_a_generated_member_gets_the_Property_suffix_by_rule()
    {
        // C# cannot name a member like its class, and Validate/AdditionalProperties are the generator's: a documented
        // rule renames them, so the shipped documents (services: Specification.specification, additional_properties)
        // raise no warning a consumer's TreatWarningsAsErrors would turn into an error.
        var test = Generate(Valid.Replace("\"kind\": {", "\"pet\": { \"type\": \"string\" }, \"validate\": { \"type\": \"string\" }, \"additional_properties\": { \"type\": \"string\" }, \"kind\": {", StringComparison.Ordinal));

        await test.RunAsync();

        var pet = test.Output!.SyntaxTrees.Single(t => t.FilePath.EndsWith("Pets.Pet.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public string? PetProperty { get; set; }", pet, StringComparison.Ordinal);
        Assert.Contains("public string? ValidateProperty { get; set; }", pet, StringComparison.Ordinal);
        Assert.Contains("public string? AdditionalPropertiesProperty { get; set; }", pet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_property_whose_suffixed_name_is_taken_is_still_MAG004()
    {
        var test = Generate(Valid.Replace("\"kind\": {", "\"pet_property\": { \"type\": \"string\" }, {|#0:\"pet\"|}: { \"type\": \"string\" }, \"kind\": {", StringComparison.Ordinal));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.NameCollision).WithLocation(0).WithArguments("property 'pet' of Pet", "PetProperty", "PetProperty2"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_json_document_that_is_not_openapi_is_MAG005()
    {
        var test = Generate("""{ "swagger": "2.0" }""");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Diagnostics.NotOpenApi).WithLocation(Path, 1, 1));

        await test.RunAsync();
    }

    /// <summary>A consumer with RootNamespace Consumer.Api and one document of its own, with no item metadata.</summary>
    private static Verify.Test Generate(string document) =>
        new Verify.Test().WithProperty("RootNamespace", "Consumer.Api").WithDocument(Path, document);
}
