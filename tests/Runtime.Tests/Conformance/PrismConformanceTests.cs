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
public sealed partial class PrismConformanceTests(DataManagementPrism dataManagement, IamPrism iam)
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

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Validate_and_Prism_reject_the_invalid_body_on_the_same_field(string document, string constraint)
    {
        var spec = SpecDocument.Named(document);
        var invalid = InvalidBodyCorpus.For(spec).Get(constraint);
        var operation = spec.Operation(invalid.OperationId);
        var field = string.Join("/", invalid.Field);

        var runtime = RuntimeRejections(operation, invalid.Json);
        Assert.True(runtime.ContainsKey(field), $"the runtime does not reject '{field}' of {invalid.Json}; it reports: {Describe(runtime)}");
        Assert.Contains(runtime[field], rule => rule == ExpectedRule(invalid.Keyword) || (rule == "reader" && invalid.Keyword is "required" or "format"));

        var (status, prismFields, prismBody) = await PrismRejectionsAsync(operation, invalid.Json);
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

        // One body per constraint, each a different one.
        var bodies = corpus.Bodies;
        Assert.NotEmpty(bodies);
        Assert.Equal(bodies.Count, bodies.Select(b => b.Constraint).Distinct().Count());
        Assert.Equal(bodies.Count, bodies.Select(b => (b.OperationId, b.Json)).Distinct().Count());
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

    /// <summary>Field (slash-joined path) to the rules the runtime reports there: Validate's rule ids, or "reader" when the generated reader refuses the JSON.</summary>
    private static Dictionary<string, List<string>> RuntimeRejections(SpecOperation operation, string json)
    {
        var rejections = new Dictionary<string, List<string>>();
        void Add(string jsonPath, string rule)
        {
            var key = string.Join("/", JsonPathSegments(jsonPath));
            (rejections.TryGetValue(key, out var rules) ? rules : rejections[key] = []).Add(rule);
        }

        try
        {
            var body = GeneratedClientCalls.FromJson(GeneratedClientCalls.BodyType(operation), json);
            foreach (var violation in GeneratedClientCalls.Validate(body))
            {
                Add(violation.Path, violation.RuleId);
            }
        }
        catch (ModelArtsJsonException e)
        {
            Add(e.JsonPath, "reader");
        }

        return rejections;
    }

    private async Task<(HttpStatusCode Status, HashSet<string> Fields, string Body)> PrismRejectionsAsync(SpecOperation operation, string json)
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
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
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
            Location: v["location"]!.AsArray().Select(s => s!.ToString()).SkipWhile(s => s is "request" or "body").ToList(),
            Message: v["message"]?.GetValue<string>() ?? "")).ToList();
        var alternativesAt = errors.Where(e => e.Code is "anyOf" or "oneOf").Select(e => string.Join("/", e.Location)).ToHashSet();
        var fields = new HashSet<string>();
        foreach (var (code, location, message) in errors)
        {
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

        return (response.StatusCode, fields, text);
    }

    /// <summary><c>$.a[0]['b c'].d</c> → a, 0, b c, d.</summary>
    private static IEnumerable<string> JsonPathSegments(string path)
    {
        foreach (Match segment in JsonPathSegmentPattern().Matches(path))
        {
            yield return segment.Groups[1].Success ? segment.Groups[1].Value
                : segment.Groups[2].Success ? segment.Groups[2].Value.Replace("\\'", "'", StringComparison.Ordinal)
                : segment.Groups[3].Value;
        }
    }

    private PrismMock Prism(SpecDocument spec) => spec == SpecDocument.Iam ? iam : dataManagement;

    private static string ExpectedRule(string keyword) => keyword == "if" ? "if-then" : keyword;

    private static string Describe(Dictionary<string, List<string>> rejections) =>
        string.Join(", ", rejections.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} ({string.Join(", ", r.Value)})"));

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"required property '([^']+)'")]
    private static partial Regex MissingPropertyPattern();

    [GeneratedRegex(@"\.([^.\[]+)|\['((?:[^'\\]|\\.)*)'\]|\[(\d+)\]")]
    private static partial Regex JsonPathSegmentPattern();
}
