using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelArts.Runtime.Tests.Conformance;

internal sealed record SpecParameter(string Name, string In, bool Required, JsonObject Schema);

internal sealed record SpecExample(string Name, JsonNode Value);

internal sealed record SpecOperation(
    SpecDocument Spec,
    string OperationId,
    string Method,
    string PathTemplate,
    IReadOnlyList<SpecParameter> Parameters,
    JsonObject? BodySchema,
    IReadOnlyList<SpecExample> BodyExamples,
    string MediaType = "application/json");

/// <summary>
/// One document of <c>spec/</c> as the conformance tests see it: its operations, the generated client that calls
/// them, <c>$ref</c> resolution, and the smallest value a schema accepts (for required parameters and for parents
/// a documented example lacks).
/// </summary>
internal sealed class SpecDocument
{
    private const string SchemaRefPrefix = "#/components/schemas/";
    private const string ParameterRefPrefix = "#/components/parameters/";

    private SpecDocument(string fileName, Type clientType)
    {
        FileName = fileName;
        ClientType = clientType;
        Document = JsonNode.Parse(File.ReadAllText(Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", fileName)))!.AsObject();
        Operations = ReadOperations();
    }

    public static SpecDocument DataManagement { get; } = new("modelarts.openapi.json", typeof(global::ModelArts.ModelArtsClient));

    public static SpecDocument Iam { get; } = new("iam.openapi.json", typeof(global::ModelArts.Iam.IamClient));

    /// <summary>Every document of <c>spec/</c> with the client the package props generate from it.</summary>
    public static IReadOnlyList<SpecDocument> All { get; } =
    [
        DataManagement,
        Iam,
        new("training.openapi.json", typeof(global::ModelArts.Training.TrainingClient)),
        new("development.openapi.json", typeof(global::ModelArts.Development.DevelopmentClient)),
        new("resources.openapi.json", typeof(global::ModelArts.Resources.ResourcesClient)),
        new("services.openapi.json", typeof(global::ModelArts.Services.ServicesClient)),
        new("service-tasks.openapi.json", typeof(global::ModelArts.ServiceTasks.ServiceTasksClient)),
        new("ai-applications.openapi.json", typeof(global::ModelArts.AiApplications.AiApplicationsClient)),
        new("authorization.openapi.json", typeof(global::ModelArts.Authorization.AuthorizationClient)),
    ];

    /// <summary>Examples the documentation contradicts (<c>spec/example-exceptions.json</c>, written by the extractor): (operationId, example) of this document.</summary>
    public IReadOnlySet<(string OperationId, string Example)> ExceptedExamples => _excepted ??= ReadExceptions();

    private HashSet<(string, string)>? _excepted;

    private HashSet<(string, string)> ReadExceptions()
    {
        var path = Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", "example-exceptions.json");
        return File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path))!.AsArray()
                .Where(e => e!["document"]!.GetValue<string>() == FileName)
                .Select(e => (e!["operationId"]!.GetValue<string>(), e["example"]!.GetValue<string>()))
                .ToHashSet()
            : [];
    }

    public string FileName { get; }

    /// <summary>The client the generator makes of this document (the package props name it).</summary>
    public Type ClientType { get; }

    public JsonObject Document { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static SpecDocument Named(string fileName) => All.Single(d => d.FileName == fileName);

    public SpecOperation Operation(string operationId) =>
        Operations.SingleOrDefault(o => o.OperationId == operationId) ?? throw new InvalidOperationException($"no operation {operationId} in spec/{FileName}");

    /// <summary>The schema a <c>$ref</c> names (followed to the end), with its JSON pointer; other schemas as they are.</summary>
    public (JsonObject Schema, string? Pointer) Resolve(JsonObject schema)
    {
        string? pointer = null;
        for (var hops = 0; schema["$ref"] is JsonValue reference; hops++)
        {
            var text = reference.GetValue<string>();
            if (!text.StartsWith(SchemaRefPrefix, StringComparison.Ordinal) || hops > 32)
            {
                throw new InvalidOperationException($"unsupported or cyclic $ref '{text}'");
            }

            pointer = text;
            schema = Document["components"]!["schemas"]![text[SchemaRefPrefix.Length..]]?.AsObject()
                ?? throw new InvalidOperationException($"$ref '{text}' names no schema");
        }

        return (schema, pointer);
    }

    /// <summary>The node a JSON pointer (<c>#/components/schemas/X/format</c>) names in the document.</summary>
    public JsonNode? At(string pointer)
    {
        JsonNode? node = Document;
        foreach (var token in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonArray array ? array[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] : node?[name];
        }

        return node;
    }

    /// <summary>The schema of the value at <paramref name="segments"/> (property names, and item indexes) under <paramref name="schema"/>.</summary>
    public JsonObject SchemaAt(JsonObject schema, IEnumerable<string> segments)
    {
        foreach (var segment in segments)
        {
            var resolved = Resolve(schema).Schema;
            schema = resolved["items"] is JsonObject items && int.TryParse(segment, out _) ? items : Property(resolved, segment);
        }

        return schema;
    }

    /// <summary>The property schema <paramref name="name"/> of the object schema <paramref name="schema"/>.</summary>
    public JsonObject Property(JsonObject schema, string name) =>
        Resolve(schema).Schema["properties"]?[name]?.AsObject() ?? throw new InvalidOperationException($"no property '{name}' in {schema.ToJsonString()}");

    /// <summary>
    /// The smallest value <paramref name="schema"/> accepts: the first enum value, the required properties only (those
    /// only requests must carry, <c>x-required-in-requests</c>, included),
    /// <c>minItems</c> items, the lowest number in range, the first of a few short strings that fits length and pattern.
    /// </summary>
    public JsonNode Valid(JsonObject schema)
    {
        var (resolved, pointer) = Resolve(schema);
        if (resolved["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        if (resolved["enum"] is JsonArray { Count: > 0 } options)
        {
            return options[0]!.DeepClone();
        }

        if ((resolved["anyOf"] ?? resolved["oneOf"]) is JsonArray { Count: > 0 } alternatives)
        {
            return Valid(alternatives[0]!.AsObject());
        }

        switch (TypeOf(resolved))
        {
            case "object":
                var value = new JsonObject();
                foreach (var required in Strings(resolved["required"]).Concat(Strings(resolved["x-required-in-requests"])).Distinct())
                {
                    value[required] = Valid(Property(resolved, required));
                }

                return value;
            case "array":
                var items = new JsonArray();
                for (var i = 0; i < Integer(resolved["minItems"], 0); i++)
                {
                    items.Add(Valid(resolved["items"]!.AsObject()));
                }

                return items;
            case "integer":
                return JsonValue.Create(LowestInRange(resolved, integer: true));
            case "number":
                return JsonValue.Create(LowestInRange(resolved, integer: false));
            case "boolean":
                return JsonValue.Create(false);
            default:
                string[] candidates =
                [
                    "a", "abc", "a1", "day", "month", "0.5-0.8", "20190101-20190102", "1",
                    "/bucket/dir/", "obs://bucket/dir/", "#3399ff", "127.0.0.1", "2024-01-02T08:00:00", "08:00:00", "2024-01-02",
                ];
                foreach (var candidate in candidates)
                {
                    var padded = candidate.PadRight(Integer(resolved["minLength"], 0), 'a');
                    if (FitsString(resolved, padded))
                    {
                        return JsonValue.Create(padded);
                    }
                }

                throw new InvalidOperationException($"no valid string found for the schema {pointer ?? resolved.ToJsonString()}");
        }
    }

    /// <summary>Whether a string satisfies the length and pattern keywords of <paramref name="schema"/>.</summary>
    public static bool FitsString(JsonObject schema, string value)
    {
        var length = value.EnumerateRunes().Count();
        return length >= Integer(schema["minLength"], 0)
            && length <= Integer(schema["maxLength"], int.MaxValue)
            && (schema["pattern"] is not JsonValue pattern || Regex.IsMatch(value, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    public static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => single.GetValue<string>(),
        JsonArray several => several.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ when schema["properties"] is not null => "object",
        _ => null,
    };

    public static IEnumerable<string> Strings(JsonNode? node) => node is JsonArray array ? array.Select(n => n!.GetValue<string>()) : [];

    public static int Integer(JsonNode? node, int fallback) => node is JsonValue value ? (int)value.GetValue<double>() : fallback;

    public static double? Number(JsonNode? node) => node is JsonValue value ? value.GetValue<double>() : null;

    private static double LowestInRange(JsonObject schema, bool integer)
    {
        var low = Number(schema["minimum"]) ?? Number(schema["exclusiveMinimum"]);
        var high = Number(schema["maximum"]) ?? Number(schema["exclusiveMaximum"]);
        if (!integer && low is { } a && high is { } b)
        {
            return (a + b) / 2;
        }

        if (Number(schema["minimum"]) is { } minimum)
        {
            return minimum;
        }

        if (Number(schema["exclusiveMinimum"]) is { } exclusiveMinimum)
        {
            return integer ? Math.Floor(exclusiveMinimum) + 1 : exclusiveMinimum + 1;
        }

        return high is { } upper ? Math.Min(1, upper - 1) : 1;
    }

    private List<SpecOperation> ReadOperations()
    {
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in Document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                if (method is not ("get" or "put" or "post" or "delete" or "patch"))
                {
                    continue;
                }

                var operation = node!.AsObject();
                var parameters = new List<SpecParameter>();
                foreach (var entry in (item["parameters"]?.AsArray() ?? []).Concat(operation["parameters"]?.AsArray() ?? []))
                {
                    var parameter = entry!.AsObject();
                    if (parameter["$ref"] is JsonValue reference)
                    {
                        parameter = Document["components"]!["parameters"]![reference.GetValue<string>()[ParameterRefPrefix.Length..]]!.AsObject();
                    }

                    parameters.Add(new SpecParameter(
                        parameter["name"]!.GetValue<string>(),
                        parameter["in"]!.GetValue<string>(),
                        parameter["required"]?.GetValue<bool>() ?? false,
                        parameter["schema"]?.AsObject() ?? []));
                }

                // The body's JSON media type: application/json, or one of its kind (application/merge-patch+json).
                var media = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault(m => m.Key.Contains("json", StringComparison.Ordinal));
                var content = media?.Value;
                var examples = new List<SpecExample>();
                if (content?["examples"] is JsonObject named)
                {
                    examples.AddRange(named.Select(e => new SpecExample(e.Key, e.Value!["value"]!)));
                }
                else if (content?["example"] is { } single)
                {
                    examples.Add(new SpecExample("example", single));
                }

                operations.Add(new SpecOperation(
                    this,
                    operation["operationId"]!.GetValue<string>(),
                    method,
                    path,
                    parameters,
                    content?["schema"]?.AsObject(),
                    examples,
                    media?.Key ?? "application/json"));
            }
        }

        return operations;
    }
}
