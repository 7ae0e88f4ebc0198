using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModelArts.Generator.Tests;

/// <summary>
/// One document of <c>tests/Generator.Tests/Corpus</c> (small documents written for the tests, one per construct),
/// generated once per test run: the generator's diagnostics, the consumer compilation, and the loaded assembly.
/// A document names the diagnostics it expects in its root <c>x-expect</c>: <c>[{"id": "MAG003", "at": "/json/pointer"}]</c>.
/// </summary>
internal sealed class CorpusDocument
{
    public const string Namespace = "Corpus.Api";
    public const string ClientName = "CorpusClient";

    private static readonly ConcurrentDictionary<string, Lazy<CorpusDocument>> Cache = new(StringComparer.Ordinal);

    private readonly Lazy<Assembly> _assembly;

    private CorpusDocument(string name)
    {
        Name = name;
        Path = System.IO.Path.Combine(Folder, name + ".openapi.json");
        Text = File.ReadAllText(Path);
        Root = JsonNode.Parse(Text)!.AsObject();
        var text = new InMemoryText(Path, Text);
        var options = new TestOptionsProvider(new()
        {
            [Path] = new()
            {
                ["build_metadata.AdditionalFiles.ModelArtsNamespace"] = Namespace,
                ["build_metadata.AdditionalFiles.ModelArtsClientName"] = ClientName,
            },
        });
        var (output, diagnostics, _) = GeneratorHarness.Run([text], options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences));
        GeneratorDiagnostics = diagnostics;
        Consumer = output;
        if (Environment.GetEnvironmentVariable("CORPUS_DUMP") is { Length: > 0 } dump)
        {
            // To read what a document generates: CORPUS_DUMP=/tmp/corpus dotnet test --filter CorpusTests
            var folder = Directory.CreateDirectory(System.IO.Path.Combine(dump, name)).FullName;
            foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
            {
                File.WriteAllText(System.IO.Path.Combine(folder, System.IO.Path.GetFileName(tree.FilePath)), tree.ToString());
            }
        }
        _assembly = new(() =>
        {
            var (executable, _, _) = GeneratorHarness.Run([text], options, GeneratorHarness.Compilation([], GeneratorHarness.ExecutionReferences));
            return GeneratorHarness.Load(executable);
        });
    }

    public static string Folder => System.IO.Path.Combine(GeneratorHarness.RepoRoot, "tests", "Generator.Tests", "Corpus");

    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.openapi.json").Select(f => System.IO.Path.GetFileName(f)[..^".openapi.json".Length]).Order(StringComparer.Ordinal);

    public string Name { get; }

    public string Path { get; }

    public string Text { get; }

    public JsonObject Root { get; }

    /// <summary>What the generator reported.</summary>
    public IReadOnlyList<Diagnostic> GeneratorDiagnostics { get; }

    /// <summary>The consumer's compilation with the generated sources (.NET 8 references, nullable on, warnings as errors).</summary>
    public Compilation Consumer { get; }

    /// <summary>The generated code compiled against the running runtime and loaded, to run it.</summary>
    public Assembly Assembly => _assembly.Value;

    public Type? Type(string name) => Assembly.GetType(Namespace + "." + name);

    public Type Client => Type(ClientName) ?? throw new InvalidOperationException($"{Name}: no {ClientName}");

    public static CorpusDocument Get(string name) => Cache.GetOrAdd(name, n => new Lazy<CorpusDocument>(() => new CorpusDocument(n))).Value;

    /// <summary>The diagnostics the document expects: id and (0-based) line and column of the JSON location.</summary>
    public IEnumerable<string> ExpectedDiagnostics() =>
        (Root["x-expect"]?.AsArray() ?? []).Select(e => Describe(e!["id"]!.GetValue<string>(), Locate(e["at"]!.GetValue<string>())));

    public IEnumerable<string> ActualDiagnostics() =>
        GeneratorDiagnostics.Select(d => Describe(d.Id, d.Location.GetLineSpan().StartLinePosition));

    /// <summary>Whether the generator reported something (a rename included) at the JSON location of <paramref name="pointer"/>.</summary>
    public bool IsReportedAt(string pointer)
    {
        var at = Locate(pointer);
        return GeneratorDiagnostics.Any(d => d.Location.GetLineSpan().StartLinePosition == at);
    }

    /// <summary>The C# name a MAG004 at <paramref name="pointer"/> says the generator gave instead; null when there is none.</summary>
    public string? RenamedAt(string pointer)
    {
        var at = Locate(pointer);
        var message = GeneratorDiagnostics.FirstOrDefault(d => d.Id == "MAG004" && d.Location.GetLineSpan().StartLinePosition == at)?.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return message is null ? null : message[(message.LastIndexOf("as '", StringComparison.Ordinal) + 4)..^1];
    }

    public static string Describe(string id, LinePosition at) => $"{id} at {at.Line + 1}:{at.Character + 1}";

    /// <summary>
    /// Where a JSON pointer stands in the text: the start of the property name it ends with (an array index stands at
    /// the property that holds the array), found independently of the generator's own locator.
    /// </summary>
    public LinePosition Locate(string pointer)
    {
        var (best, _) = Find(pointer);
        var prefix = Text[..best];
        var line = prefix.Count(c => c == '\n');
        return new LinePosition(line, prefix.Length - (prefix.LastIndexOf('\n') + 1));
    }

    /// <summary>The text span of the property a JSON pointer ends with, from its name to the end of its value.</summary>
    public (int Start, int End) ValueSpan(string pointer) => Find(pointer);

    /// <summary>Byte offsets (the corpus is ASCII: character offsets too) of the property name and the end of its value.</summary>
    private (int Start, int End) Find(string pointer)
    {
        var target = pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        var bytes = Encoding.UTF8.GetBytes(Text);
        var reader = new Utf8JsonReader(bytes);
        var path = new List<string>();
        var containers = new Stack<(bool IsArray, int Index)>();
        var best = -1;
        var end = -1;
        var bestDepth = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    while (path.Count > containers.Count - 1)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    path.Add(reader.GetString()!);
                    var matched = Matched(path, target);
                    if (matched == path.Count && matched > bestDepth)
                    {
                        best = (int)reader.TokenStartIndex;
                        bestDepth = matched;
                        var value = reader;
                        value.Read();
                        value.Skip();
                        end = (int)value.BytesConsumed;
                    }

                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    EnterValue();
                    containers.Push((reader.TokenType == JsonTokenType.StartArray, -1));
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    while (path.Count > containers.Count)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
                default:
                    EnterValue();
                    continue;
            }
        }

        if (best < 0)
        {
            throw new InvalidOperationException($"{Name}: '{pointer}' is nowhere in the document");
        }

        return (best, end);

        void EnterValue()
        {
            if (containers.Count > 0 && containers.Peek().IsArray)
            {
                var (isArray, index) = containers.Pop();
                containers.Push((isArray, index + 1));
                while (path.Count > containers.Count - 1)
                {
                    path.RemoveAt(path.Count - 1);
                }

                path.Add((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static int Matched(List<string> path, List<string> target)
    {
        var n = 0;
        while (n < path.Count && n < target.Count && path[n] == target[n])
        {
            n++;
        }

        return n;
    }

    /// <summary>Every value of <c>example</c> and <c>examples</c> of a media type object (references to components/examples followed).</summary>
    public IEnumerable<(string Name, JsonNode? Value)> MediaExamples(JsonNode? media)
    {
        if (media is not JsonObject m)
        {
            yield break;
        }

        if (m.TryGetPropertyValue("example", out var single))
        {
            yield return ("example", single);
        }

        foreach (var (key, example) in m["examples"]?.AsObject() ?? [])
        {
            var resolved = example?["$ref"] is { } reference ? Resolve(reference.GetValue<string>()) : example;
            if (resolved is JsonObject o && o.TryGetPropertyValue("value", out var value))
            {
                yield return (key, value);
            }
        }
    }

    /// <summary>The node a local reference (<c>#/components/...</c>) names.</summary>
    public JsonNode? Resolve(string reference)
    {
        JsonNode? node = Root;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }
}
