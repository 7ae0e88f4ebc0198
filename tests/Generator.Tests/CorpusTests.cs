using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ModelArts.Generator.Parsing;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// Every document of the corpus (<c>tests/Generator.Tests/Corpus</c>, one per construct of issue 12): generated and
/// compiled with no warning under nullable and warnings-as-errors, exactly the diagnostics it names in <c>x-expect</c>
/// (id and JSON location), and every example of a JSON, form or multipart body read and written back as equal JSON.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Documents() => new(CorpusDocument.Names);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Generated_code_compiles_with_no_warning(string name)
    {
        var document = CorpusDocument.Get(name);

        var problems = document.Consumer.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20).Select(d => $"{d}\n    {Line(d)}")));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Exactly_the_expected_diagnostics_are_reported_at_their_json_locations(string name)
    {
        var document = CorpusDocument.Get(name);

        var expected = document.ExpectedDiagnostics().Order(StringComparer.Ordinal).ToList();
        var actual = document.ActualDiagnostics().Order(StringComparer.Ordinal).ToList();

        Assert.True(expected.SequenceEqual(actual), $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", document.GeneratorDiagnostics.Select(d => CorpusDocument.Describe(d.Id, d.Location.GetLineSpan().StartLinePosition) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Examples_round_trip_through_the_generated_types(string name)
    {
        var document = CorpusDocument.Get(name);
        var checkedExamples = 0;
        var failures = new List<string>();
        foreach (var (where, type, json) in Examples(document))
        {
            checkedExamples++;
            try
            {
                var written = RoundTrip(type, json);
                if (!JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)))
                {
                    failures.Add($"{where} as {type.Name}:\n  in:  {json}\n  out: {written}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{where} as {type.Name}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedExamples > 0 || !document.Text.Contains("\"example", StringComparison.Ordinal), $"{name} has examples but none reached a generated type");
    }

    /// <summary>Each example of a body the client types as a model (or a list of models), with that type.</summary>
    internal static IEnumerable<(string Where, Type Type, string Json)> Examples(CorpusDocument document)
    {
        foreach (var (path, pathItem) in document.Root["paths"]?.AsObject() ?? [])
        {
            var item = pathItem?["$ref"] is { } itemReference ? document.Resolve(itemReference.GetValue<string>()) : pathItem;
            foreach (var (method, operation) in (item?.AsObject() ?? []).Where(m => m.Value is JsonObject && m.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options"))
            {
                var id = operation!["operationId"]?.GetValue<string>() ?? method + " " + path;
                var call = document.Client.GetMethod(Naming.Pascal(id) + "Async");
                if (call is null)
                {
                    continue;
                }

                var requestBody = operation["requestBody"] is { } rb && rb["$ref"] is { } rr ? document.Resolve(rr.GetValue<string>()) : operation["requestBody"];
                var bodyType = call.GetParameters().FirstOrDefault(p => p.Name == "body")?.ParameterType;
                foreach (var (media, content) in requestBody?["content"]?.AsObject() ?? [])
                {
                    foreach (var (key, value) in document.MediaExamples(content))
                    {
                        if (bodyType is not null && value is not null && IsStructured(media))
                        {
                            yield return ($"{id} request {media} {key}", bodyType, value.ToJsonString());
                        }
                    }
                }

                var returned = call.ReturnType.IsGenericType ? call.ReturnType.GetGenericArguments()[0] : null;
                foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
                {
                    var resolved = response?["$ref"] is { } reference ? document.Resolve(reference.GetValue<string>()) : response;
                    foreach (var (media, content) in resolved?["content"]?.AsObject() ?? [])
                    {
                        foreach (var (key, value) in document.MediaExamples(content))
                        {
                            if (returned is not null && value is not null && status.StartsWith('2') && IsStructured(media))
                            {
                                yield return ($"{id} response {status} {media} {key}", returned, value.ToJsonString());
                            }
                        }
                    }
                }
            }
        }

        foreach (var (schemaName, schema) in document.Root["components"]?["schemas"]?.AsObject() ?? [])
        {
            if (schema?["example"] is { } example && document.Type(Naming.Pascal(schemaName)) is { } type && type.GetMethod("FromJson", [typeof(string)]) is not null)
            {
                yield return ($"schema {schemaName} example", type, example.ToJsonString());
            }
        }
    }

    private static bool IsStructured(string media) =>
        media.Contains("json", StringComparison.OrdinalIgnoreCase) || media.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) || media.StartsWith("multipart/form-data", StringComparison.Ordinal);

    /// <summary>FromJson then ToJson of a model; a list of models item by item; other values (strings, JSON values) as they are.</summary>
    private static string RoundTrip(Type type, string json)
    {
        if (type.GetMethod("FromJson", [typeof(string)]) is { } read)
        {
            var model = GeneratedAssembly.Invoke(read, null, json);
            return (string)GeneratedAssembly.Invoke(type.GetMethod("ToJson")!, model)!;
        }

        var item = type.IsGenericType ? type.GetGenericArguments()[^1] : null;
        if (item?.GetMethod("FromJson", [typeof(string)]) is not null && JsonNode.Parse(json) is JsonArray array)
        {
            return new JsonArray(array.Select(i => JsonNode.Parse(RoundTrip(item, i!.ToJsonString()))).ToArray()).ToJsonString();
        }

        return json;
    }

    private static string Line(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim() ?? string.Empty;
}
