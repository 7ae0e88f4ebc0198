using System.Text.Json;
using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;

namespace ModelArts.SpecExtractor;

/// <summary>
/// <c>spec/spec-manifest.json</c>: which documentation folders and overlay make which file of
/// <c>spec/</c>. The regenerate command and the up-to-date test both read it, so they cannot drift apart.
/// </summary>
/// <param name="Supplements">Folders of a second edition that fills in what the inputs leave out (the Chinese edition).</param>
internal sealed record SpecEntry(string Out, IReadOnlyList<string> Inputs, IReadOnlyList<string> Overlays, DocumentInfo Info, IReadOnlyList<string> Supplements);

internal static class Manifest
{
    public const string FileName = "spec-manifest.json";

    public static IReadOnlyList<SpecEntry> Load(string specFolder)
    {
        var path = Path.Combine(specFolder, FileName);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ExtractionException($"{path}: cannot be read ({e.Message})");
        }

        if (root?["documents"] is not JsonArray documents)
        {
            throw new ExtractionException($"{path}: no 'documents' array");
        }

        return documents.Select((d, i) => new SpecEntry(
            Required(d, "out", path, i),
            (d?["inputs"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList() ?? throw new ExtractionException($"{path}: document {i + 1} has no 'inputs'"),
            (d?["overlays"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList() ?? [],
            new DocumentInfo(Required(d, "title", path, i), Required(d, "version", path, i), Required(d, "description", path, i)),
            (d?["supplements"] as JsonArray)?.Select(x => x!.GetValue<string>()).ToList() ?? [])).ToList();
    }

    /// <summary>The request for one entry: inputs relative to the docs folder, overlays relative to the spec folder.</summary>
    public static ExtractionRequest Request(SpecEntry entry, string docsFolder, string specFolder) => new(
        entry.Inputs.Select(i => Path.Combine(docsFolder, i)).ToList(),
        entry.Overlays.Select(o => Path.Combine(specFolder, o)).ToList(),
        entry.Info,
        SourceRoot: docsFolder)
    {
        Supplements = entry.Supplements.Select(s => Path.Combine(docsFolder, s)).ToList(),
    };

    private static string Required(JsonNode? node, string key, string path, int index) =>
        node?[key]?.GetValue<string>() ?? throw new ExtractionException($"{path}: document {index + 1} has no '{key}'");
}
