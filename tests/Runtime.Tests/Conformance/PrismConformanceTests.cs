using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelArts.Runtime.Http;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests.Conformance;

/// <summary>
/// Conformance against a validator we did not write: Prism mocking each document of <c>spec/</c>.
/// Every operation, called through the generated client with the documentation's example bodies, is accepted;
/// every body of the invalid-body corpus is rejected by the generated <c>Validate()</c> and by Prism, on the same field.
/// </summary>
[Collection(PrismMockDefinition.Name)]
public sealed partial class PrismConformanceTests(PrismMocks prisms)
{
    private const string ProjectId = "proj";

    /// <summary>Every operation of every document once per documented request example; operations without a body once.</summary>
    public static TheoryData<string, string, string> DocumentedCalls()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var operation in SpecDocument.All.SelectMany(d => d.Operations))
        {
            if (operation.BodySchema is null)
            {
                data.Add(operation.Spec.FileName, operation.OperationId, "");
            }

            foreach (var example in operation.BodyExamples)
            {
                data.Add(operation.Spec.FileName, operation.OperationId, example.Name);
            }
        }

        return data;
    }

    public static TheoryData<string, string> InvalidBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in SpecDocument.All)
        {
            foreach (var body in InvalidBodyCorpus.For(spec).Bodies)
            {
                data.Add(spec.FileName, body.Constraint);
            }
        }

        return data;
    }

    public static TheoryData<string> Documents() => [.. SpecDocument.All.Select(d => d.FileName)];

    [Theory]
    [MemberData(nameof(DocumentedCalls))]
    public async Task Prism_accepts_the_documented_call_made_through_the_generated_client(string document, string operationId, string example)
    {
        var operation = SpecDocument.Named(document).Operation(operationId);
        Assert.True(operation.BodySchema is null || operation.BodyExamples.Count > 0, $"{operationId} has a body but no documented example");
        if (operation.Spec.ExceptedExamples.Contains((operationId, example)))
        {
            await ExceptedExampleIsRejectedByBoth(operation, operation.BodyExamples.Single(e => e.Name == example).Value.ToJsonString());
            return;
        }

        var body = example.Length == 0
            ? null
            : GeneratedClientCalls.FromJson(GeneratedClientCalls.BodyType(operation), operation.BodyExamples.Single(e => e.Name == example).Value.ToJsonString());
        using var http = new HttpClient();
        var client = Activator.CreateInstance(operation.Spec.ClientType, http, new ModelArtsClientOptions
        {
            Endpoint = Prism(operation.Spec).Address,
            ProjectId = ProjectId,
            Authenticator = new TokenAuthenticator("conformance-token"),
            Retry = { MaxAttempts = 1 },
        })!;

        try
        {
            await GeneratedClientCalls.CallAsync(client, operation, body);
        }
        catch (ModelArtsApiException e)
        {
            Assert.Fail($"Prism refused {operation.Method.ToUpperInvariant()} {operation.PathTemplate} ({example}) with {(int)e.StatusCode}: {e.Body}");
        }
    }

    /// <summary>
    /// An example the documentation contradicts (spec/example-exceptions.json: a value its own option list or format
    /// refuses, a property its table marks Mandatory left out) is refused by the generated reader or Validate() and by
    /// Prism, on the same fields; what only requests must carry (x-required-in-requests) only the runtime can check.
    /// </summary>
    private async Task ExceptedExampleIsRejectedByBoth(SpecOperation operation, string json)
    {
        var runtime = GeneratedClientCalls.Rejections(operation, json);
        var (status, reported, forbidden, prismBody) = await PrismRejectionsAsync(operation, json);
        var prismFields = AsRuntimeNames(reported, forbidden, runtime);
        var expected = runtime.Where(r => !r.Value.All(rule => rule == "required") || !OnlyRequestsMustCarry(operation, r.Key)).Select(r => r.Key).ToHashSet();

        Assert.True(runtime.Count > 0, $"{operation.OperationId}: an excepted example that the runtime accepts is no exception: {json}");
        if (expected.Count == 0)
        {
            Assert.True((int)status is >= 200 and < 300, $"{operation.OperationId}: Prism refuses what only the runtime checks ({(int)status}: {prismBody})");
            return;
        }

        Assert.True((int)status is >= 400 and < 500 && prismFields.Count > 0, $"{operation.OperationId}: Prism accepts the excepted example ({(int)status}: {prismBody})");
        Assert.True(expected.SetEquals(prismFields), $"for {json}: the runtime rejects [{Describe(runtime)}], Prism rejects [{string.Join(", ", prismFields.Order())}]");
    }

    /// <summary>Whether the field is a property its object lists in x-required-in-requests (a rule JSON Schema does not know).</summary>
    private static bool OnlyRequestsMustCarry(SpecOperation operation, string field)
    {
        var segments = field.Split('/');
        var parent = operation.Spec.Resolve(operation.Spec.SchemaAt(operation.BodySchema!, segments.SkipLast(1))).Schema;
        return SpecDocument.Strings(parent["x-required-in-requests"]).Contains(segments[^1]);
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Validate_and_Prism_reject_the_invalid_body_on_the_same_field(string document, string constraint)
    {
        var spec = SpecDocument.Named(document);
        var invalid = InvalidBodyCorpus.For(spec).Get(constraint);
        var operation = spec.Operation(invalid.OperationId);
        var field = string.Join("/", invalid.Field);

        var runtime = GeneratedClientCalls.Rejections(operation, invalid.Json);
        Assert.True(runtime.ContainsKey(field), $"the runtime does not reject '{field}' of {invalid.Json}; it reports: {Describe(runtime)}");
        Assert.Contains(runtime[field], rule => rule == ExpectedRule(invalid.Keyword) || (rule == "reader" && invalid.Keyword is "required" or "format"));

        var (status, reported, forbidden, prismBody) = await PrismRejectionsAsync(operation, invalid.Json);
        var prismFields = AsRuntimeNames(reported, forbidden, runtime);
        if (invalid.PrismCannotCheck is { } reason)
        {
            // A rule only the runtime checks: Prism lets it through, and says nothing of the field.
            Assert.True((int)status is >= 200 and < 300, $"Prism now rejects {constraint} ({(int)status}: {prismBody}); it is no longer runtime-only ({reason})");
            return;
        }

        Assert.True((int)status is >= 400 and < 500 && prismFields.Count > 0, $"Prism accepts {invalid.Json} ({(int)status}: {prismBody})");

        Assert.True(
            runtime.Keys.ToHashSet().SetEquals(prismFields),
            $"for {invalid.Json}: the runtime rejects [{Describe(runtime)}], Prism rejects [{string.Join(", ", prismFields.Order())}] ({prismBody})");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_corpus_breaks_every_constraint_keyword_of_every_request_schema(string document)
    {
        var corpus = InvalidBodyCorpus.For(SpecDocument.Named(document));
        var unknown = corpus.Uncovered.Where(u => u.Reason.StartsWith("unknown", StringComparison.Ordinal)).ToList();
        Assert.True(unknown.Count == 0, "constraints without an invalid body:\n" + string.Join("\n", unknown.Select(u => $"{u.Constraint}: {u.Reason}")));

        // One body per constraint, each a different one; a document whose operations take no body has none.
        var bodies = corpus.Bodies;
        Assert.Equal(SpecDocument.Named(document).Operations.Any(o => o.BodySchema is not null), bodies.Count > 0);
        Assert.Equal(bodies.Count, bodies.Select(b => b.Constraint).Distinct().Count());
        var alike = bodies.GroupBy(b => (b.OperationId, b.Json)).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(b => b.Constraint))).ToList();
        Assert.True(alike.Count == 0, "constraints broken by the same body:\n" + string.Join("\n", alike));
    }

    [Fact]
    public void The_data_management_corpus_has_every_kind_of_documented_constraint()
    {
        var spec = SpecDocument.DataManagement;
        var bodies = InvalidBodyCorpus.For(spec).Bodies;

        // Every kind of constraint the spec states in prose or the overlays add is in the corpus.
        string[] kinds = ["required", "minLength", "maxLength", "pattern", "enum", "minimum", "maximum", "exclusiveMinimum", "format", "not", "if"];
        Assert.All(kinds, kind => Assert.Contains(bodies, b => b.Keyword == kind));

        // Only the two documented value formats are runtime-only; everything else Prism checks too.
        Assert.Equal(
            ["decimal-range", "date-period"],
            bodies.Where(b => b.PrismCannotCheck is not null).Select(b => spec.At(b.Constraint)!.GetValue<string>()).Order().Reverse().ToArray());
    }

    [Fact]
    public void The_corpus_of_the_other_chapters_breaks_their_rules_between_fields_formats_and_request_only_requirements()
    {
        var chapters = SpecDocument.All.Where(d => d != SpecDocument.DataManagement && d != SpecDocument.Iam).ToList();
        var bodies = chapters.SelectMany(d => InvalidBodyCorpus.For(d).Bodies.Select(b => (Document: d, Body: b))).ToList();

        // The rule families issue 10 encodes, found by the same catalogue in the chapters of issue 13.
        string[] kinds = ["required", "minLength", "maxLength", "pattern", "enum", "minimum", "maximum", "not", "if"];
        Assert.All(kinds, kind => Assert.Contains(bodies, b => b.Body.Keyword == kind));
        Assert.Contains(bodies, b => b.Body.Constraint.Contains("/allOf/", StringComparison.Ordinal) && b.Body.Keyword == "if");

        // Runtime-only: what only requests must carry (x-required-in-requests), which JSON Schema has no keyword for.
        var runtimeOnly = bodies.Where(b => b.Body.PrismCannotCheck is not null).ToList();
        Assert.NotEmpty(runtimeOnly);
        Assert.All(runtimeOnly, b => Assert.Contains("/x-required-in-requests/", b.Body.Constraint, StringComparison.Ordinal));
    }

    private async Task<(HttpStatusCode Status, HashSet<string> Fields, HashSet<string> Forbidden, string Body)> PrismRejectionsAsync(SpecOperation operation, string json)
    {
        var path = PlaceholderPattern().Replace(operation.PathTemplate, m =>
        {
            var name = m.Groups[1].Value;
            var value = name == "project_id" ? ProjectId : operation.Spec.Valid(operation.Parameters.Single(p => p.Name == name).Schema).ToString();
            return Uri.EscapeDataString(value);
        });
        var query = string.Join("&", operation.Parameters
            .Where(p => p.In == "query" && p.Required)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(operation.Spec.Valid(p.Schema).ToString())}"));
        using var http = new HttpClient { BaseAddress = Prism(operation.Spec).Address };
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), query.Length == 0 ? path : path + "?" + query)
        {
            Content = new StringContent(json, Encoding.UTF8, operation.MediaType),
        };
        request.Headers.Add("X-Auth-Token", "conformance-token");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        // Prism's own 422 lists the violations in its body; when the document defines the error answer (a 400),
        // Prism plays that and lists them in the sl-violations header.
        var violations = response.Headers.TryGetValues("sl-violations", out var header)
            ? JsonNode.Parse(header.First())!.AsArray()
            : response.StatusCode == HttpStatusCode.UnprocessableEntity ? JsonNode.Parse(text)?["validation"]?.AsArray() ?? [] : [];
        var errors = violations.Select(v => (
            Code: v!["code"]?.GetValue<string>(),
            Location: v["location"]!.AsArray().Select(s => s!.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).SkipWhile(s => s is "request" or "body").ToList(),
            Message: v["message"]?.GetValue<string>() ?? "")).ToList();
        var alternativesAt = errors.Where(e => e.Code is "anyOf" or "oneOf").Select(e => string.Join("/", e.Location)).ToHashSet();
        var fields = new HashSet<string>();
        var forbidden = new HashSet<string>();
        foreach (var (code, location, message) in errors)
        {
            if (code == "not")
            {
                forbidden.Add(string.Join("/", location));
            }

            if (code == "if")
            {
                continue; // ajv's wrapper for a failed then: the failure itself is reported beside it
            }

            if (code == "required" && alternativesAt.Contains(string.Join("/", location)))
            {
                continue; // why each anyOf/oneOf alternative failed: the anyOf itself is reported beside it
            }

            if (code == "required" && MissingPropertyPattern().Match(message) is { Success: true } missing)
            {
                location.Add(missing.Groups[1].Value);
            }

            fields.Add(string.Join("/", location));
        }

        return (response.StatusCode, fields, forbidden, text);
    }

    /// <summary>
    /// Where Prism and the runtime name one violation differently: JSON Schema reports a <c>not</c> at the object it
    /// stands on (<c>then: {not: {required: [x]}}</c> at the object holding x), where Validate names the property the
    /// rule forbids. A Prism field that is such an object, and that the runtime does not name itself, is replaced by the
    /// runtime's fields below it that a rule between fields broke.
    /// </summary>
    private static HashSet<string> AsRuntimeNames(HashSet<string> prismFields, HashSet<string> forbidden, Dictionary<string, List<string>> runtime)
    {
        var fields = new HashSet<string>(prismFields);
        foreach (var at in forbidden.Where(f => fields.Contains(f) && !runtime.ContainsKey(f)))
        {
            var below = runtime.Where(r => r.Key.StartsWith(at.Length == 0 ? string.Empty : at + "/", StringComparison.Ordinal)
                && r.Key.Length > at.Length && !r.Key[(at.Length == 0 ? 0 : at.Length + 1)..].Contains('/', StringComparison.Ordinal)
                && r.Value.Any(rule => rule is "if-then" or "if-else" or "not")).Select(r => r.Key).ToList();
            if (below.Count > 0)
            {
                fields.Remove(at);
                fields.UnionWith(below);
            }
        }

        return fields;
    }

    private PrismMock Prism(SpecDocument spec) => prisms.For(spec);

    private static string ExpectedRule(string keyword) => keyword == "if" ? "if-then" : keyword;

    private static string Describe(Dictionary<string, List<string>> rejections) =>
        string.Join(", ", rejections.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} ({string.Join(", ", r.Value)})"));

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"required property '([^']+)'")]
    private static partial Regex MissingPropertyPattern();
}
