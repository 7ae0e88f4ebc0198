using Microsoft.CodeAnalysis;

namespace ModelArts.Generator;

/// <summary>The generator's diagnostics; ids are tracked in AnalyzerReleases.*.md.</summary>
internal static class Diagnostics
{
    private const string Category = "ModelArts.Generator";

    public static readonly DiagnosticDescriptor InvalidJson = new(
        "MAG001", "The OpenAPI document is not valid JSON", "The document is not valid JSON: {0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "MAG002", "Unresolved $ref", "'{0}' points at nothing in this document; the member is generated as JsonElement", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "MAG003", "Unsupported OpenAPI construct", "Not supported: {0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "MAG004", "Name collision", "The C# name of {0} is '{1}', which is already taken; it is generated as '{2}'", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "MAG005", "Not an OpenAPI 3.x document", "The document has no 'openapi: 3.x' field; nothing is generated from it", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "MAG006", "The generator failed on this document", "The generator failed on this document ({0}); nothing is generated from it. Please report this with the document.", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor LanguageVersion = new(
        "MAG007", "The generated code needs C# 9", "ModelArts.Sdk generates C# 9 code (records) and this project compiles C# {0}; nothing is generated. Set <LangVersion>9.0</LangVersion> or newer in the project (netstandard2.0 and .NET Framework projects default to 7.3).", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnmatchedSelection = new(
        "MAG008", "A selected operation matches nothing", "ModelArtsOperations entry '{0}' matches no operation of any OpenAPI document; nothing is generated for it (use an operationId, 'tag:<tag>', 'chapter:<chapter>' or a path prefix starting with '/')", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unchecked = new(
        "MAG009", "A validation keyword is not checked", "{0} ({1} place(s) in this document; the first is here)", Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "MAG009" => Unchecked,
        "MAG007" => LanguageVersion,
        "MAG008" => UnmatchedSelection,
        "MAG001" => InvalidJson,
        "MAG002" => UnresolvedReference,
        "MAG003" => Unsupported,
        "MAG004" => NameCollision,
        "MAG005" => NotOpenApi,
        _ => GeneratorFailure,
    };
}
