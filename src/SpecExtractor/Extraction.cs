using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using ModelArts.SpecExtractor.Pages;
using ModelArts.SpecExtractor.Schema;

namespace ModelArts.SpecExtractor;

/// <summary>A failure that stops the run: an unreadable input or an empty result. Printed as a message, never a stack trace.</summary>
internal sealed class ExtractionException(string message) : Exception(message);

/// <param name="SourceRoot">Pages are cited relative to this folder; by default, relative to each input folder's parent.</param>
/// <param name="Historical">Folders (or pages) among the inputs whose operations are old versions: they are deprecated.</param>
internal sealed record ExtractionRequest(IReadOnlyList<string> Inputs, IReadOnlyList<string> Overlays, DocumentInfo Info, string? SourceRoot = null, IReadOnlyList<string>? Historical = null)
{
    /// <summary>Folders of a second edition (the Chinese one) that fills in what the inputs leave out.</summary>
    public IReadOnlyList<string> Supplements { get; init; } = [];
}

internal sealed record ExtractionResult(JsonObject Document, Coverage Coverage, IReadOnlyList<DocWarning> Warnings)
{
    /// <summary>Request-side constraint statements found and encoded, per class.</summary>
    public IReadOnlyList<ClassCoverage> Constraints { get; init; } = [];

    /// <summary>Statements of a class no keyword cites (rules excepted: those are reported as warnings).</summary>
    public IReadOnlyList<MissedStatement> Missed { get; init; } = [];
}

/// <summary>Reads the pages, builds the document, applies the overlays.</summary>
internal static class Extraction
{
    public static ExtractionResult Run(ExtractionRequest request)
    {
        var warnings = new WarningSink();
        var (document, coverage, pageCount) = Build(request.Inputs, request.SourceRoot, request.Info, request.Historical ?? [], warnings);
        if (coverage.OperationsExtracted == 0)
        {
            throw new ExtractionException($"no operation was found in {pageCount} page(s) of {string.Join(", ", request.Inputs)}: nothing to write");
        }

        foreach (var supplement in request.Supplements)
        {
            // The second edition's own page problems are its own; they are counted, not repeated.
            var own = new WarningSink();
            var (secondary, _, _) = Build([supplement], request.SourceRoot, request.Info, [], own);
            var merge = new Supplement(document, secondary, warnings);
            merge.Merge();
            warnings.Add(supplement, 0, $"second edition: {merge.Added} constraint(s) added where the primary edition is silent; {merge.ResponseOnlyFields} response field(s) only it lists, not added; {own.Warnings.Count} warning(s) reading it (run 'extract {supplement}' to see them)");
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

        // An overlay may give error answers a body of their own (IAM's Keystone errors): the shared error schema then goes.
        if (document["components"]?["schemas"] is System.Text.Json.Nodes.JsonObject schemas && schemas.ContainsKey(DocumentBuilder.ErrorSchemaName)
            && !document.ToJsonString().Contains("\"#/components/schemas/" + DocumentBuilder.ErrorSchemaName + "\"", StringComparison.Ordinal))
        {
            schemas.Remove(DocumentBuilder.ErrorSchemaName);
        }

        // Rules between fields the prose states but the document does not encode (overlays applied) are warnings
        // that say why, so none is lost silently.
        var (constraints, missed) = ConstraintCoverage.Measure(document, coverage);
        foreach (var rule in coverage.Unencoded)
        {
            if (!ConstraintCoverage.IsEncoded(document, rule.Source))
            {
                warnings.Add(rule.File, rule.Source.Line, $"rule not encoded: \"{rule.Source.Sentence}\" ({rule.Property}): {rule.Reason}");
            }
        }

        foreach (var (row, statement) in ConstraintCoverage.Unrecognized(coverage, document))
        {
            warnings.Add(row.File, row.Line, $"rule not encoded: \"{statement.Text}\" ({row.Property}): no sentence pattern of the rule catalogue reads it");
        }

        return new ExtractionResult(document, coverage, warnings.Warnings) { Constraints = constraints, Missed = missed };
    }

    private static (System.Text.Json.Nodes.JsonObject Document, Coverage Coverage, int Pages) Build(IReadOnlyList<string> inputs, string? sourceRoot, DocumentInfo info, IReadOnlyList<string> historicalInputs, WarningSink warnings)
    {
        var pages = new List<DocPage>();
        var historical = historicalInputs.Select(Path.GetFullPath).ToList();
        foreach (var (file, sourceId, format) in EnumeratePages(inputs, sourceRoot))
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
        var (document, coverage) = new DocumentBuilder(warnings).Build(pages, info);
        return (document, coverage, pages.Count);
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
