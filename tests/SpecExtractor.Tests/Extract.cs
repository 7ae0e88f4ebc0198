using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using ModelArts.SpecExtractor.Pages;

namespace ModelArts.SpecExtractor.Tests;

/// <summary>Runs the extractor in process on pages given as text.</summary>
internal static class Extract
{
    public static readonly DocumentInfo Info = new("Test API", "1.0.0", "Pages written for the tests.");

    public static (JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings) Pages(params (string File, string Text)[] pages)
    {
        var warnings = new WarningSink();
        var models = pages
            .Select(p => PageReader.Read(p.File, p.Text, PageReader.FormatOf(p.File)!.Value, warnings))
            .ToList();
        foreach (var model in models)
        {
            model.SourceId = model.File;
        }

        var (document, coverage) = new DocumentBuilder(warnings).Build(models, Info);
        return (document, coverage, warnings.Warnings);
    }

    /// <summary>Like <see cref="Pages"/>, with a type-conflict policy and the pages that are old versions.</summary>
    public static (JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings) Document(
        TypeConflicts conflicts, params (string File, string Text, bool Historical)[] pages)
    {
        var warnings = new WarningSink();
        var models = pages
            .Select(p =>
            {
                var model = PageReader.Read(p.File, p.Text, PageReader.FormatOf(p.File)!.Value, warnings);
                model.SourceId = model.File;
                model.Historical = p.Historical;
                return model;
            })
            .OrderBy(m => m.SourceId, StringComparer.Ordinal)
            .ToList();

        var (document, coverage) = new DocumentBuilder(warnings).Build(models, Info with { Conflicts = conflicts });
        return (document, coverage, warnings.Warnings);
    }

    public static JsonObject Operation(this JsonObject document, string method, string path) =>
        document["paths"]![path]![method]!.AsObject();

    public static DocPage Page(string file, string text, WarningSink? warnings = null) =>
        PageReader.Read(file, text, PageReader.FormatOf(file)!.Value, warnings ?? new WarningSink());

    public static JsonObject Schema(this JsonObject document, string name) =>
        document["components"]!["schemas"]![name]!.AsObject();

    public static JsonObject Property(this JsonObject document, string schema, string property) =>
        document.Schema(schema)["properties"]![property]!.AsObject();

    /// <summary>The pairs a schema states "not both" of (<c>allOf: [{not: {required: [a, b]}}]</c>).</summary>
    public static string[][] Exclusive(this JsonObject schema) =>
        (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => e["not"]?["required"] is JsonArray)
            .Select(e => e["not"]!["required"].Strings())
            .ToArray();

    /// <summary>The <c>if</c>/<c>then</c> rules of a schema (<c>allOf</c> entries).</summary>
    public static JsonObject[] Rules(this JsonObject schema) =>
        (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>().Where(e => e["if"] is not null).ToArray();

    public static string[] Strings(this JsonNode? array) =>
        array!.AsArray().Select(n => n!.ToJsonString().Trim('"')).ToArray();
}
