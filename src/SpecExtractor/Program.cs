using System.Globalization;
using ModelArts.SpecExtractor;
using ModelArts.SpecExtractor.OpenApi;

return Cli.Run(args, Console.Out, Console.Error);

namespace ModelArts.SpecExtractor
{
    /// <summary>The command line. Exit codes: 0 written (or up to date), 1 failed or out of date, 2 bad arguments.</summary>
    internal static class Cli
    {
        private const string Usage = """
            usage:
              extract <page-or-folder>... --out <file.json> [--overlay <overlay.json>]... [--historical <page-or-folder>]...
                      [--type-conflicts typed|widen] [--title <t>] [--version <v>] [--description <d>]
                  Reads documentation pages (.rst, .md with HTML tables, .txt renderings) and writes one OpenAPI 3.1 document.
                  Operations of --historical inputs are deprecated; --type-conflicts says how a table and an example
                  that disagree on a type are settled (default typed: the documented type stays where it can).
              regenerate [--docs <folder>] [--spec <folder>] [--check] [--missed]
                  Rebuilds every document listed in <spec>/spec-manifest.json from <docs> (default ../shared/docs and spec).
                  With --check, writes nothing and fails when a file in spec/ differs from what the docs give.
                  With --missed, also lists every request-side constraint statement that no keyword encodes.
            """;

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            try
            {
                return args.FirstOrDefault() switch
                {
                    "extract" => Extract(args[1..], stdout, stderr),
                    "regenerate" => Regenerate(args[1..], stdout, stderr),
                    "-h" or "--help" or "help" => Help(stdout),
                    _ => UsageError(stderr, args.Length == 0 ? "no command given" : $"unknown command '{args[0]}'"),
                };
            }
            catch (ExtractionException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return 1;
            }
            catch (Exception e)
            {
                // A bug, not bad input: still a message and an exit code, never a crash.
                stderr.WriteLine($"error: internal failure ({e.GetType().Name}: {e.Message}); please report it with the input that caused it");
                if (Environment.GetEnvironmentVariable("MODELARTS_EXTRACTOR_TRACE") == "1")
                {
                    stderr.WriteLine(e.ToString());
                }

                return 1;
            }
        }

        private static int Extract(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var inputs = new List<string>();
            var overlays = new List<string>();
            var historical = new List<string>();
            var conflicts = TypeConflicts.Typed;
            string? output = null;
            var title = "ModelArts Data Management API";
            var version = "2.0.0";
            var description = "Extracted from the ModelArts API reference by ModelArts.SpecExtractor.";
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--out" or "-o":
                        output = Value(args, ref i);
                        break;
                    case "--overlay":
                        overlays.Add(Value(args, ref i));
                        break;
                    case "--historical":
                        historical.Add(Value(args, ref i));
                        break;
                    case "--type-conflicts":
                        var policy = Value(args, ref i);
                        if (!Enum.TryParse(policy, ignoreCase: true, out conflicts) || !Enum.IsDefined(conflicts))
                        {
                            return UsageError(stderr, $"--type-conflicts takes 'typed' or 'widen', not '{policy}'");
                        }

                        break;
                    case "--title":
                        title = Value(args, ref i);
                        break;
                    case "--version":
                        version = Value(args, ref i);
                        break;
                    case "--description":
                        description = Value(args, ref i);
                        break;
                    case var option when option.StartsWith("--", StringComparison.Ordinal):
                        return UsageError(stderr, $"unknown option '{option}'");
                    default:
                        inputs.Add(args[i]);
                        break;
                }
            }

            if (inputs.Count == 0)
            {
                return UsageError(stderr, "no page or folder to extract");
            }

            if (output is null)
            {
                return UsageError(stderr, "--out <file.json> is required");
            }

            if (historical.FirstOrDefault(h => !inputs.Any(input => Extraction.IsWithin(h, input))) is { } stray)
            {
                return UsageError(stderr, $"--historical '{stray}' is not one of the inputs or inside one");
            }

            var result = Extraction.Run(new ExtractionRequest(inputs, overlays, new DocumentInfo(title, version, description, conflicts), Historical: historical));
            Report(result, stdout, stderr);
            Write(output, JsonOutput.Bytes(result.Document));
            stdout.WriteLine($"wrote {output}");
            return 0;
        }

        private static int Regenerate(string[] args, TextWriter stdout, TextWriter stderr)
        {
            var docs = Path.Combine("..", "shared", "docs");
            var spec = "spec";
            var check = false;
            var missed = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--docs":
                        docs = Value(args, ref i);
                        break;
                    case "--spec":
                        spec = Value(args, ref i);
                        break;
                    case "--check":
                        check = true;
                        break;
                    case "--missed":
                        missed = true;
                        break;
                    default:
                        return UsageError(stderr, $"unknown argument '{args[i]}'");
                }
            }

            var stale = new List<string>();
            var exceptions = new System.Text.Json.Nodes.JsonArray();
            var entries = Manifest.Load(spec);
            var total = new Coverage(0, 0, 0, 0);
            var constraints = new List<OpenApi.ClassCoverage>();
            var prose = new List<string>();
            foreach (var entry in entries)
            {
                var result = Extraction.Run(Manifest.Request(entry, docs, spec));
                foreach (var exception in result.Coverage.ExampleExceptions)
                {
                    exceptions.Add(new System.Text.Json.Nodes.JsonObject
                    {
                        ["document"] = entry.Out,
                        ["operationId"] = exception.OperationId,
                        ["example"] = exception.Example,
                        ["reason"] = exception.Reason,
                    });
                }

                stdout.WriteLine($"{entry.Out}:");
                Report(result, stdout, stderr);
                if (missed)
                {
                    if (Environment.GetEnvironmentVariable("MODELARTS_EXTRACTOR_UNCLASSIFIED") == "1")
                    {
                        foreach (var row in result.Coverage.Statements)
                        {
                            foreach (var st in row.Statements.Where(x => x.Classes.Count == 0))
                            {
                                stdout.WriteLine($"  unclassified: {row.File}:{row.Line} ({row.Property}): {st.Text}");
                            }
                        }
                    }

                    foreach (var statement in result.Missed)
                    {
                        stdout.WriteLine($"  missed {OpenApi.ConstraintCoverage.Name(statement.Class)}: {statement.File}:{statement.Line} ({statement.Property}): {statement.Sentence}");
                    }
                }

                var c = result.Coverage;
                constraints.AddRange(result.Constraints);
                total = new Coverage(
                    total.OperationsFound + c.OperationsFound - c.ProseOperations,
                    total.OperationsExtracted + c.OperationsExtracted - c.ProseOperations,
                    total.RowsFound + c.RowsFound,
                    total.RowsExtracted + c.RowsExtracted,
                    total.ProseOperations + c.ProseOperations);
                if (c.ProseOperations > 0)
                {
                    prose.Add(entry.Out);
                }

                var path = Path.Combine(spec, entry.Out);
                var bytes = JsonOutput.Bytes(result.Document);
                if (check)
                {
                    if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
                    {
                        stale.Add(path);
                    }
                }
                else
                {
                    Write(path, bytes);
                }
            }

            // Examples the documentation contradicts (rule 4 of spec/README.md): written by the extractor, so the list
            // can never go stale; the example check reads it.
            var exceptionsPath = Path.Combine(spec, "example-exceptions.json");
            var exceptionBytes = exceptions.Count == 0 ? null : JsonOutput.Bytes(exceptions);
            if (check)
            {
                var existing = File.Exists(exceptionsPath) ? File.ReadAllBytes(exceptionsPath) : null;
                if (exceptionBytes is null ? existing is not null : existing is null || !existing.AsSpan().SequenceEqual(exceptionBytes))
                {
                    stale.Add(exceptionsPath);
                }
            }
            else if (exceptionBytes is null)
            {
                File.Delete(exceptionsPath);
            }
            else
            {
                Write(exceptionsPath, exceptionBytes);
            }

            // The operation pages of every document together, so the whole reference is one line.
            var line = string.Create(CultureInfo.InvariantCulture,
                $"coverage of all {entries.Count} documents: operations {total.OperationsExtracted}/{total.OperationsFound}, parameter rows {total.RowsExtracted}/{total.RowsFound} ({Percent(total.RowsExtracted, total.RowsFound)})");
            if (total.ProseOperations > 0)
            {
                line += string.Create(CultureInfo.InvariantCulture, $", and {total.ProseOperations} operation(s) shown only by request examples ({string.Join(", ", prose)})");
            }

            stdout.WriteLine(line);
            stdout.WriteLine(OpenApi.ConstraintCoverage.Line(constraints
                .GroupBy(c => c.Class)
                .Select(g => new OpenApi.ClassCoverage(g.Key, g.Sum(c => c.Found), g.Sum(c => c.Encoded), g.Sum(c => c.Reported)))));

            if (stale.Count > 0)
            {
                stderr.WriteLine($"error: out of date with the documentation: {string.Join(", ", stale)}; run the regenerate command and commit the result");
                return 1;
            }

            stdout.WriteLine(check ? "spec/ is up to date with the documentation" : $"wrote the documents of {Path.Combine(spec, Manifest.FileName)}");
            return 0;
        }

        private static void Report(ExtractionResult result, TextWriter stdout, TextWriter stderr)
        {
            foreach (var warning in result.Warnings)
            {
                stderr.WriteLine(warning);
            }

            var c = result.Coverage;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"coverage: operations {c.OperationsExtracted}/{c.OperationsFound}, parameter rows {c.RowsExtracted}/{c.RowsFound} ({Percent(c.RowsExtracted, c.RowsFound)}), {result.Warnings.Count} warning(s)"));
            stdout.WriteLine(OpenApi.ConstraintCoverage.Line(result.Constraints));
        }

        private static string Percent(int part, int whole) =>
            whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        private static void Write(string path, byte[] bytes)
        {
            try
            {
                if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }

                File.WriteAllBytes(path, bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ExtractionException($"{path}: cannot be written ({e.Message})");
            }
        }

        private static string Value(string[] args, ref int i)
        {
            if (i + 1 >= args.Length)
            {
                throw new ExtractionException($"{args[i]} needs a value");
            }

            return args[++i];
        }

        private static int Help(TextWriter stdout)
        {
            stdout.WriteLine(Usage);
            return 0;
        }

        private static int UsageError(TextWriter stderr, string message)
        {
            stderr.WriteLine($"error: {message}");
            stderr.WriteLine(Usage);
            return 2;
        }
    }
}
