using System.Text.Json;
using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;

namespace ModelArts.SpecExtractor;

/// <summary>
/// <c>spec/spec-manifest.json</c>: which documentation folders and overlay make which file of
/// <c>spec/</c>. The regenerate command and the up-to-date test both read it, so they cannot drift apart.
/// </summary>
/// <param name="Historical">The inputs whose operations the reference keeps only as old versions: they are deprecated.</param>
/// <param name="Supplements">Folders of a second edition that fills in what the inputs leave out (the Chinese edition).</param>
internal sealed record SpecEntry(string Out, IReadOnlyList<string> Inputs, IReadOnlyList<string> Overlays, DocumentInfo Info, IReadOnlyList<string> Historical, IReadOnlyList<string> Supplements);

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

        var entries = new List<SpecEntry>();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var inputs = Strings(d, "inputs", path, i) ?? throw new ExtractionException($"{path}: document {i + 1} has no 'inputs'");
            var historical = Strings(d, "historical", path, i) ?? [];
            if (historical.FirstOrDefault(h => !inputs.Contains(h)) is { } stray)
            {
                throw new ExtractionException($"{path}: document {i + 1} lists '{stray}' as historical but not among its inputs");
            }

            var conflicts = d?["typeConflicts"]?.GetValue<string>() switch
            {
                null or "typed" => TypeConflicts.Typed,
                "widen" => TypeConflicts.Widen,
                var other => throw new ExtractionException($"{path}: document {i + 1} has typeConflicts '{other}'; expected 'typed' or 'widen'"),
            };
            entries.Add(new SpecEntry(
                Required(d, "out", path, i),
                inputs,
                Strings(d, "overlays", path, i) ?? [],
                new DocumentInfo(Required(d, "title", path, i), Required(d, "version", path, i), Required(d, "description", path, i), conflicts),
                historical,
                Strings(d, "supplements", path, i) ?? []));
        }

        return entries;
    }

    /// <summary>The request for one entry: inputs relative to the docs folder, overlays relative to the spec folder.</summary>
    public static ExtractionRequest Request(SpecEntry entry, string docsFolder, string specFolder) => new(
        entry.Inputs.Select(i => Path.Combine(docsFolder, i)).ToList(),
        entry.Overlays.Select(o => Path.Combine(specFolder, o)).ToList(),
        entry.Info,
        SourceRoot: docsFolder,
        Historical: entry.Historical.Select(h => Path.Combine(docsFolder, h)).ToList())
    {
        Supplements = entry.Supplements.Select(s => Path.Combine(docsFolder, s)).ToList(),
    };

    private static List<string>? Strings(JsonNode? node, string key, string path, int index) => node?[key] switch
    {
        null => null,
        JsonArray array => array.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new ExtractionException($"{path}: document {index + 1}: '{key}' holds a value that is not a string")).ToList(),
        _ => throw new ExtractionException($"{path}: document {index + 1}: '{key}' is not an array"),
    };

    private static string Required(JsonNode? node, string key, string path, int index) =>
        node?[key]?.GetValue<string>() ?? throw new ExtractionException($"{path}: document {index + 1} has no '{key}'");
}
