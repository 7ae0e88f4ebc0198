using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using ModelArts.SpecExtractor.Pages;

namespace ModelArts.SpecExtractor;

/// <summary>A failure that stops the run: an unreadable input or an empty result. Printed as a message, never a stack trace.</summary>
internal sealed class ExtractionException(string message) : Exception(message);

/// <param name="SourceRoot">Pages are cited relative to this folder; by default, relative to each input folder's parent.</param>
/// <param name="Historical">Folders (or pages) among the inputs whose operations are old versions: they are deprecated.</param>
internal sealed record ExtractionRequest(IReadOnlyList<string> Inputs, IReadOnlyList<string> Overlays, DocumentInfo Info, string? SourceRoot = null, IReadOnlyList<string>? Historical = null);

internal sealed record ExtractionResult(JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings);

/// <summary>Reads the pages, builds the document, applies the overlays.</summary>
internal static class Extraction
{
    public static ExtractionResult Run(ExtractionRequest request)
    {
        var warnings = new WarningSink();
        var pages = new List<DocPage>();
        var historical = (request.Historical ?? []).Select(Path.GetFullPath).ToList();
        foreach (var (file, sourceId, format) in EnumeratePages(request.Inputs, request.SourceRoot))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ExtractionException($"{file}: cannot be read ({e.Message})");
            }

            var page = PageReader.Read(file, text, format, warnings);
            page.SourceId = sourceId;
            page.Historical = historical.Any(h => IsWithin(file, h));
            pages.Add(page);
        }

        pages.Sort((a, b) => string.CompareOrdinal(a.SourceId, b.SourceId));
        var (document, coverage) = new DocumentBuilder(warnings).Build(pages, request.Info);
        if (coverage.OperationsExtracted == 0)
        {
            throw new ExtractionException($"no operation was found in {pages.Count} page(s) of {string.Join(", ", request.Inputs)}: nothing to write");
        }

        foreach (var overlay in request.Overlays)
        {
            string text;
            try
            {
                text = File.ReadAllText(overlay);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ExtractionException($"{overlay}: cannot be read ({e.Message})");
            }

            try
            {
                Overlay.Apply(document, overlay, text, warnings);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                throw new ExtractionException($"{overlay}: not an OpenAPI Overlay 1.0 document ({e.Message})");
            }
        }

        SecurityHeaders.Fold(document);
        return new ExtractionResult(document, coverage, warnings.Warnings);
    }

    /// <summary>True when <paramref name="file"/> is <paramref name="folderOrPage"/> or lies below it.</summary>
    public static bool IsWithin(string file, string folderOrPage)
    {
        var full = Path.GetFullPath(file);
        var root = Path.GetFullPath(folderOrPage).TrimEnd(Path.DirectorySeparatorChar);
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Pages in a stable order; a folder is read recursively, a page is cited relative to the folder's parent.</summary>
    private static IEnumerable<(string File, string SourceId, PageFormat Format)> EnumeratePages(IReadOnlyList<string> inputs, string? sourceRoot)
    {
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
                var parent = sourceRoot is null ? Path.GetDirectoryName(root) ?? root : Path.GetFullPath(sourceRoot);
                var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                    .Select(f => (File: f, Format: PageReader.FormatOf(f)))
                    .Where(f => f.Format is not null)
                    .Select(f => (f.File, SourceId: Path.GetRelativePath(parent, f.File).Replace('\\', '/'), Format: f.Format!.Value))
                    .OrderBy(f => f.SourceId, StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    throw new ExtractionException($"{input}: the folder holds no documentation page (.rst, .md or .txt)");
                }

                foreach (var file in files)
                {
                    yield return (Path.Combine(input, Path.GetRelativePath(root, file.File)), file.SourceId, file.Format);
                }
            }
            else if (File.Exists(input))
            {
                var format = PageReader.FormatOf(input)
                    ?? throw new ExtractionException($"{input}: not a documentation page (expected .rst, .md or .txt)");
                var sourceId = sourceRoot is null ? Path.GetFileName(input) : Path.GetRelativePath(Path.GetFullPath(sourceRoot), Path.GetFullPath(input)).Replace('\\', '/');
                yield return (input, sourceId, format);
            }
            else
            {
                throw new ExtractionException($"{input}: no such file or folder");
            }
        }
    }
}
