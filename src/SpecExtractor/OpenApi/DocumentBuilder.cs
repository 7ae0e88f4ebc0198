using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelArts.SpecExtractor.Pages;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>Counts behind the coverage line, and the request-side statements and unencoded rules behind the constraint coverage.</summary>
/// <param name="ProseOperations">Of the operations, those shown only by a request example (no page of their own), such as the IAM token call.</param>
internal sealed record Coverage(int OperationsFound, int OperationsExtracted, int RowsFound, int RowsExtracted, int ProseOperations = 0)
{
    public IReadOnlyList<RowStatements> Statements { get; init; } = [];

    public IReadOnlyList<UnencodedRule> Unencoded { get; init; } = [];

    /// <summary>Examples that contradict the documented options of a schema requests use (written to example-exceptions.json).</summary>
    public IReadOnlyList<ExampleException> ExampleExceptions { get; init; } = [];
}

/// <summary>A documented example that breaks its schema because the documentation contradicts itself, and why.</summary>
internal sealed record ExampleException(string OperationId, string Example, string Reason);

/// <summary>Document-level settings that do not come from the pages.</summary>
/// <param name="Conflicts">How a table and an example (or two tables) that disagree on a type are settled.</param>
internal sealed record DocumentInfo(string Title, string Version, string Description, TypeConflicts Conflicts = TypeConflicts.Typed);

/// <summary>
/// The one OpenAPI writer: page models in, an OpenAPI 3.1 document out. Operations are keyed on
/// method and path; schemas are keyed on table captions; nothing depends on a page's file name.
/// </summary>
internal sealed partial class DocumentBuilder(WarningSink warnings)
{
    private static readonly string[] MethodOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly JsonDocumentOptions LenientJson = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly List<UnencodedRule> _parameterRules = [];

    private readonly List<ExampleException> _exceptions = [];

    private sealed class Operation(DocPage page, DocEndpoint endpoint, string name, bool declared)
    {
        public DocPage Page { get; } = page;

        public DocEndpoint Endpoint { get; } = endpoint;

        /// <summary>The name the page gives (declared) or the one derived from its title or request line.</summary>
        public string Name { get; } = name;

        public bool Declared { get; } = declared;

        /// <summary>The operationId: <see cref="Name"/>, made unique in the document.</summary>
        public string Id { get; set; } = name;

        /// <summary>For an operation of a historical page, the current one the reference documents for the same task.</summary>
        public Operation? ReplacedBy { get; set; }

        public List<(DocExample Example, DocPage Page)> Examples { get; } = [];

        public string Key => Endpoint.Method + " " + Endpoint.Path;
    }

    public (JsonObject Document, Coverage Coverage) Build(IReadOnlyList<DocPage> pages, DocumentInfo info)
    {
        var operations = CollectOperations(pages, out var operationsFound);
        LinkReplacements(operations);
        var operationByPage = operations.Where(o => !o.Endpoint.FromProse).ToDictionary(o => o.Page);

        // Schemas: named tables by caption, body tables by operation.
        var sources = new Dictionary<string, List<TableSource>>(StringComparer.Ordinal);
        var schemaOrder = new List<string>();
        var renamed = HistoricalSchemas.Rename(pages, page => operationByPage.GetValueOrDefault(page)?.Endpoint.Path);
        if (info.Conflicts == TypeConflicts.Typed)
        {
            renamed = UnrelatedTables.Separate(pages, page => operationByPage.GetValueOrDefault(page)?.Id, renamed, warnings);
        }

        foreach (var page in pages)
        {
            foreach (var table in page.Tables.Where(t => t.Role == TableRole.Object))
            {
                var name = SchemaBuilder.SchemaName(table.Caption);
                AddSource(renamed.GetValueOrDefault((page, name), name), new TableSource(table, page));
            }
        }

        var knownNames = sources.Keys.ToHashSet(StringComparer.Ordinal);
        var responseNames = new Dictionary<(Operation, int), string>();
        foreach (var page in pages)
        {
            var bodies = page.Tables.Where(t => t.Role is TableRole.RequestBody or TableRole.ResponseBody).ToList();
            if (bodies.Count == 0)
            {
                continue;
            }

            if (!operationByPage.TryGetValue(page, out var operation))
            {
                warnings.Add(page.File, bodies[0].Line, $"body table '{bodies[0].Caption}' stands on a page with no operation (no URI request line); it is not extracted");
                continue;
            }

            var primaryStatus = bodies.Where(t => t.Role == TableRole.ResponseBody).Select(t => t.Status ?? 200).DefaultIfEmpty(200).Min();
            foreach (var body in bodies)
            {
                var name = body.Role == TableRole.RequestBody
                    ? operation.Id + "Request"
                    : ResponseSchemaName(operation.Id, body.Status ?? 200, primaryStatus);
                if (body.Role == TableRole.ResponseBody)
                {
                    responseNames[(operation, body.Status ?? 200)] = name;
                }

                if (knownNames.Contains(name))
                {
                    warnings.Add(page.File, body.Line, $"body table of {operation.Id} would be named '{name}', which a table caption already uses; the two are merged");
                }

                AddSource(name, new TableSource(body, page));
            }
        }

        knownNames = sources.Keys.ToHashSet(StringComparer.Ordinal);
        var builder = new SchemaBuilder(knownNames, warnings);
        var schemas = new JsonObject();
        foreach (var name in schemaOrder.Order(StringComparer.Ordinal))
        {
            var schema = builder.BuildObject(name, sources[name]);
            if (info.Conflicts == TypeConflicts.Typed)
            {
                RequiredInRequestsOnly(schema, sources[name]);
            }

            schemas[name] = schema;
        }

        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var requestRoots = operations.Select(o => o.Id + "Request").Where(n => schemas[n] is not null).Select(n => new JsonObject { ["$ref"] = SchemaBuilder.ComponentPrefix + n });
        var reconciler = new ExampleReconciler(schemas, warnings, Reached(requestRoots, schemas), info.Conflicts);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        var primaryHost = operations.GroupBy(o => o.Endpoint.Host ?? "endpoint").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? "endpoint";

        foreach (var operation in operations)
        {
            var pathItem = paths.TryGetValue(operation.Endpoint.Path, out var existing) ? existing : paths[operation.Endpoint.Path] = [];
            var tag = TagOf(operation.Endpoint.Path);
            tags.Add(tag);
            var op = BuildOperation(operation, tag, builder, schemas, responseNames, reconciler);
            pathItem[operation.Endpoint.Method.ToLowerInvariant()] = op;

            var host = operation.Endpoint.Host ?? primaryHost;
            if (host != primaryHost)
            {
                pathItem["servers"] = Servers(host);
            }
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = info.Title,
                ["version"] = info.Version,
                ["description"] = info.Description,
            },
            ["servers"] = Servers(primaryHost),
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)new JsonObject
            {
                ["name"] = t,
                ["description"] = $"Operations on {t.Replace('/', ' ')}.",
            }).ToArray()),
            ["paths"] = SortPaths(paths),
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };

        AddErrorResponses(pages, schemas, document["paths"]!.AsObject());

        var resolver = new RuleResolver(schemas, RequestSchemas(document["paths"]!.AsObject().Select(p => p.Value!.AsObject()), schemas));
        resolver.Resolve(builder.Rules);
        var unencoded = resolver.Unencoded.Concat(_parameterRules).ToList();

        var rowsFound = pages.Sum(p => p.RowsSeen);
        return (document, new Coverage(operationsFound, operations.Count, rowsFound, builder.RowsExtracted, operations.Count(o => o.Endpoint.FromProse))
        {
            Statements = builder.RequestStatements,
            Unencoded = unencoded,
            ExampleExceptions = _exceptions,
        });

        void AddSource(string name, TableSource source)
        {
            if (!sources.TryGetValue(name, out var list))
            {
                sources[name] = list = [];
                schemaOrder.Add(name);
            }

            list.Add(source);
        }
    }

    public const string ErrorSchemaName = "ErrorResponse";

    /// <summary>
    /// The error body the pages show once for the whole API ("The following shows an error response body.") becomes
    /// one schema, the body of every documented 4xx and 5xx answer of every operation. Its fields are described by the
    /// prose that follows it ("error_code is an error code").
    /// </summary>
    private void AddErrorResponses(IReadOnlyList<DocPage> pages, JsonObject schemas, JsonObject paths)
    {
        var source = pages.SelectMany(p => p.ErrorBodies.Select(b => (Page: p, Body: b))).FirstOrDefault();
        if (source.Body is null)
        {
            return;
        }

        JsonNode? example;
        try
        {
            example = JsonNode.Parse(source.Body.Text, documentOptions: LenientJson);
        }
        catch (JsonException e)
        {
            warnings.Add(source.Page.File, source.Body.Line, $"the error response body is not valid JSON ({e.Message.Split(" LineNumber", 2)[0]}); error answers have no schema");
            return;
        }

        if (example is not JsonObject body || body.Count == 0)
        {
            warnings.Add(source.Page.File, source.Body.Line, "the error response body is not a JSON object; error answers have no schema");
            return;
        }

        var schema = SchemaTypes.Infer(body);
        foreach (var (name, property) in schema["properties"]!.AsObject())
        {
            var described = source.Body.Explanation is { } explanation ? FieldExplanation(name).Match(explanation) : Match.Empty;
            property!["x-doc-source"] = $"{source.Page.SourceId}:{source.Body.Line}";
            if (described.Success)
            {
                var text = described.Groups["text"].Value.Trim();
                property["description"] = char.ToUpperInvariant(text[0]) + text[1..] + ".";
            }
        }

        schema["description"] = "The body of an error answer.";
        schema["x-doc-tables"] = new JsonArray($"{source.Page.SourceId}:{source.Body.Line}");
        schema["examples"] = new JsonArray(body.DeepClone());
        schemas[ErrorSchemaName] = schema;

        var replaced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, item) in paths)
        {
            foreach (var (_, operation) in item as JsonObject ?? [])
            {
                foreach (var (status, response) in (operation as JsonObject)?["responses"] as JsonObject ?? [])
                {
                    if (status.Length != 3 || status[0] is not ('4' or '5') || response is not JsonObject answer)
                    {
                        continue;
                    }

                    if (answer["content"] is null)
                    {
                        answer["content"] = new JsonObject
                        {
                            ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaBuilder.ComponentPrefix + ErrorSchemaName } },
                        };
                    }
                    else if (answer["content"]?["application/json"]?["schema"] is JsonObject own && own["$ref"]?.GetValue<string>() is { } reference
                        && reference.StartsWith(SchemaBuilder.ComponentPrefix, StringComparison.Ordinal)
                        && IsErrorBody(schemas[reference[SchemaBuilder.ComponentPrefix.Length..]] as JsonObject, schema))
                    {
                        // A page's own error table of the same fields is the one error body (its examples stay).
                        replaced.Add(reference[SchemaBuilder.ComponentPrefix.Length..]);
                        own["$ref"] = SchemaBuilder.ComponentPrefix + ErrorSchemaName;
                    }
                }
            }
        }

        // The pages' error tables that are now the one schema: their tables are cited by it, and the schemas go
        // unless something else still uses them.
        var document = paths.ToJsonString() + schemas.ToJsonString();
        foreach (var name in replaced)
        {
            foreach (var table in schemas[name]?["x-doc-tables"] as JsonArray ?? [])
            {
                schema["x-doc-tables"]!.AsArray().Add(table!.DeepClone());
            }

            if (!document.Contains("\"" + SchemaBuilder.ComponentPrefix + name + "\"", StringComparison.Ordinal))
            {
                schemas.Remove(name);
            }
        }
    }

    /// <summary>An object schema whose properties are some of the error body's, each of the same type.</summary>
    private static bool IsErrorBody(JsonObject? candidate, JsonObject error) =>
        candidate?["properties"] is JsonObject { Count: > 0 } properties && error["properties"] is JsonObject known
        && properties.All(p => known[p.Key] is JsonObject field && JsonNode.DeepEquals(field["type"], (p.Value as JsonObject)?["type"]));

    /// <summary>"error_code is an error code", "error_msg provides information about the error".</summary>
    private static Regex FieldExplanation(string name) =>
        new(@"\b" + Regex.Escape(name) + @"\b\**\s+(?:is|provides|indicates|describes|means)\s+(?<text>[^,;.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The schemas a request body reaches; rules between fields are placed only there.</summary>
    private static HashSet<string> RequestSchemas(IEnumerable<JsonObject> pathItems, JsonObject schemas) =>
        Reached(pathItems.SelectMany(item => item.Select(o => (o.Value as JsonObject)?["requestBody"])), schemas);

    /// <summary>The component schemas the given nodes reach through <c>$ref</c>, transitively.</summary>
    private static HashSet<string> Reached(IEnumerable<JsonNode?> roots, JsonObject schemas)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>(roots);

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith(SchemaBuilder.ComponentPrefix, StringComparison.Ordinal)
                            && reached.Add(reference[SchemaBuilder.ComponentPrefix.Length..]))
                        {
                            pending.Push(schemas[reference[SchemaBuilder.ComponentPrefix.Length..]]);
                        }
                        else if (!key.StartsWith("x-", StringComparison.Ordinal) && key is not ("examples" or "example"))
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var value in array)
                    {
                        pending.Push(value);
                    }

                    break;
            }
        }

        return reached;
    }

    /// <summary>
    /// The typed policy for a schema that both request and response tables make: only request tables
    /// have a Mandatory column, and a response need not carry what a request must, so the request-side
    /// requirements move to <c>x-required-in-requests</c> instead of <c>required</c>.
    /// </summary>
    private static void RequiredInRequestsOnly(JsonObject schema, List<TableSource> sources)
    {
        if (schema["required"] is JsonArray required && sources.Any(s => s.Table.Side == ApiSide.Response) && sources.Any(s => s.Table.Side == ApiSide.Request))
        {
            schema.Remove("required");
            schema["x-required-in-requests"] = required;
        }
    }

    private List<Operation> CollectOperations(IReadOnlyList<DocPage> pages, out int found)
    {
        var byKey = new Dictionary<string, Operation>(StringComparer.Ordinal);
        var order = new List<Operation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var keysFound = new HashSet<string>(StringComparer.Ordinal);

        foreach (var page in pages)
        {
            var uri = page.Endpoints.Where(e => !e.FromProse).ToList();
            foreach (var extra in uri.Skip(1).Where(e => e.Method + e.Path != uri[0].Method + uri[0].Path))
            {
                warnings.Add(page.File, extra.Line, $"the URI section has a second request line '{extra.Method} {extra.Path}'; only the first is extracted");
                keysFound.Add(extra.Method + " " + extra.Path);
            }

            if (uri.Count > 0)
            {
                var endpoint = uri[0];
                var key = endpoint.Method + " " + endpoint.Path;
                keysFound.Add(key);
                if (byKey.TryGetValue(key, out var previous))
                {
                    warnings.Add(page.File, endpoint.Line, $"{key} is also documented by {previous.Page.File}; the first page is extracted");
                    continue;
                }

                var (name, declared) = OperationIdOf(page, endpoint);
                var operation = new Operation(page, endpoint, name, declared);
                operation.Examples.AddRange(page.Examples.Select(e => (e, page)));
                byKey[key] = operation;
                order.Add(operation);
            }
            else if (page.Tables.Any(t => t.Role is TableRole.RequestBody or TableRole.ResponseBody or TableRole.PathParameters) && page.Endpoints.Count == 0)
            {
                warnings.Add(page.File, page.Tables[0].Line, "the page has parameter tables but no request line in a URI section; it is not extracted");
            }

            foreach (var endpoint in page.Endpoints.Where(e => e.FromProse))
            {
                var key = endpoint.Method + " " + endpoint.Path;
                keysFound.Add(key);
                var examples = page.Examples.Where(e => e.Line == endpoint.Line).Select(e => (e, page));
                if (byKey.TryGetValue(key, out var previous))
                {
                    previous.Examples.AddRange(examples.Where(e => !previous.Examples.Any(p => p.Example.Text == e.e.Text)));
                    continue;
                }

                var operation = new Operation(page, endpoint, IdFromRequestLine(endpoint), declared: false);
                operation.Examples.AddRange(examples);
                byKey[key] = operation;
                order.Add(operation);
            }
        }

        // Names the pages declare are taken first, so a derived name never displaces one.
        foreach (var operation in order.Where(o => o.Declared).Concat(order.Where(o => !o.Declared)))
        {
            operation.Id = UniqueId(operation, ids);
        }

        found = keysFound.Count;
        return order;
    }

    /// <summary>
    /// A historical operation is replaced by the current operation of the document whose page has the
    /// same title: the reference documents the same task again ("Creating a Training Job" under
    /// training management replaces the old version's). Without exactly one such page, no replacement.
    /// </summary>
    private static void LinkReplacements(List<Operation> operations)
    {
        var current = operations
            .Where(o => !o.Page.Historical && !o.Endpoint.FromProse && o.Page.Title is not null)
            .GroupBy(o => InlineText.Collapse(o.Page.Title!), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);
        foreach (var old in operations.Where(o => o.Page.Historical && o.Page.Title is not null))
        {
            old.ReplacedBy = current.GetValueOrDefault(InlineText.Collapse(old.Page.Title!));
        }
    }

    /// <summary>
    /// The page's own name; for a page without one, or with a documentation topic id instead
    /// (<c>modelarts_03_0149</c>), a name derived from its title (<see cref="OperationNames.FromTitle"/>).
    /// </summary>
    private (string Name, bool Declared) OperationIdOf(DocPage page, DocEndpoint endpoint)
    {
        if (page.OperationId is { } declared && OperationName().IsMatch(declared) && !OperationNames.IsTopicId(declared))
        {
            return (declared, true);
        }

        if (page.OperationId is { } topic && OperationNames.IsTopicId(topic) && page.Title is { Length: > 0 } topicTitle)
        {
            return (OperationNames.FromTitle(topicTitle), false);
        }

        var derived = page.Title is { Length: > 0 } title ? OperationNames.FromTitle(title) : IdFromRequestLine(endpoint);
        warnings.Add(page.File, endpoint.Line, $"the page names no operation (no :original_name:, anchor or .html source); operationId '{derived}' is derived from its {(page.Title is null ? "request line" : "title")}");
        return (derived, false);
    }

    /// <summary>
    /// The operation's name, unique in the document. A derived name that is taken gets its path's
    /// version (<c>CreateTrainingJobV1</c> beside the current <c>CreateTrainingJob</c>); any name still
    /// taken gets 2, 3, ...
    /// </summary>
    private string UniqueId(Operation operation, HashSet<string> ids)
    {
        var id = operation.Name;
        if (!operation.Declared && ids.Contains(id) && HistoricalSchemas.Version(operation.Endpoint.Path) is { } version && ids.Add(id + version))
        {
            return id + version;
        }

        var unique = id;
        for (var n = 2; !ids.Add(unique); n++)
        {
            unique = id + n.ToString(CultureInfo.InvariantCulture);
        }

        if (unique != id)
        {
            warnings.Add(operation.Page.File, operation.Endpoint.Line, $"operationId '{id}' is already used by another page; this operation is '{unique}'");
        }

        return unique;
    }

    private static string IdFromRequestLine(DocEndpoint endpoint) =>
        Pascal(endpoint.Method.ToLowerInvariant() + " " + string.Join(' ', endpoint.Path.Split('/').Where(s => s.Length > 0 && s[0] != '{')));

    private static string Pascal(string text)
    {
        var builder = new StringBuilder();
        foreach (var word in Words().Matches(text).Select(m => m.Value))
        {
            builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return builder.Length > 0 && char.IsDigit(builder[0]) ? "Op" + builder : builder.ToString();
    }

    private static string ResponseSchemaName(string operationId, int status, int primaryStatus) =>
        status == primaryStatus ? operationId + "Response" : operationId + "Response" + status.ToString(CultureInfo.InvariantCulture);

    private JsonObject BuildOperation(Operation operation, string tag, SchemaBuilder builder, JsonObject schemas, Dictionary<(Operation, int), string> responseNames, ExampleReconciler reconciler)
    {
        var page = operation.Page;
        var op = new JsonObject
        {
            ["operationId"] = operation.Id,
            ["summary"] = page.Title is { } title && !operation.Endpoint.FromProse ? title : operation.Id,
        };
        if (page.Description is { } description && !operation.Endpoint.FromProse)
        {
            op["description"] = description;
        }

        op["tags"] = new JsonArray(tag);
        if (page.Historical)
        {
            op["deprecated"] = true;
            if (operation.ReplacedBy is { } current)
            {
                op["x-replaced-by"] = new JsonObject
                {
                    ["operationId"] = current.Id,
                    ["page"] = current.Page.SourceId,
                    ["title"] = current.Page.Title,
                };
            }
        }

        // Request body: the body table, or the example when the page has no table for it.
        var requestExamples = ParseExamples(operation, ExampleKind.Request);
        var requestName = operation.Id + "Request";
        if (!schemas.ContainsKey(requestName) && requestExamples.Count > 0)
        {
            var first = requestExamples[0];
            warnings.Add(first.Page.File, first.Example.Line, $"{operation.Id} documents its request body only by example; the schema '{requestName}' is inferred from it");
            schemas[requestName] = SchemaTypes.Infer(first.Value);
        }

        var bodyAsQuery = BodyTableAsQuery(operation, schemas, requestName);
        var hasBody = schemas[requestName] is JsonObject;
        var (parameters, mediaType) = operation.Endpoint.FromProse ? ([], null) : BuildParameters(operation, builder, hasBody);
        foreach (var parameter in bodyAsQuery.Where(q => !parameters.Any(p => p!["name"]!.GetValue<string>() == q["name"]!.GetValue<string>())))
        {
            parameters.Add(parameter);
        }

        if (parameters.Count > 0)
        {
            op["parameters"] = parameters;
        }

        if (schemas[requestName] is JsonObject requestSchema)
        {
            var media = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaBuilder.ComponentPrefix + requestName } };
            AddExamples(media, requestExamples, reconciler, operation.Id);
            op["requestBody"] = new JsonObject
            {
                ["required"] = requestSchema["required"] is JsonArray { Count: > 0 },
                ["content"] = new JsonObject { [mediaType ?? "application/json"] = media },
            };
        }

        op["responses"] = BuildResponses(operation, schemas, responseNames, reconciler);
        return op;
    }

    /// <summary>
    /// A GET or HEAD carries no body: a "Request Body" table on such a page lists query parameters (the old-style
    /// pages that do this show the names in the sample request's query string), so its rows become query parameters
    /// and the table no schema.
    /// </summary>
    private List<JsonObject> BodyTableAsQuery(Operation operation, JsonObject schemas, string requestName)
    {
        if (operation.Endpoint.Method is not ("GET" or "HEAD") || schemas[requestName] is not JsonObject body || body["properties"] is not JsonObject properties)
        {
            return [];
        }

        var table = operation.Page.Tables.FirstOrDefault(t => t.Role == TableRole.RequestBody);
        warnings.Add(operation.Page.File, table?.Line ?? operation.Endpoint.Line, $"{operation.Endpoint.Method} carries no body: the request body table of {operation.Id} lists query parameters, and is extracted as such");
        var required = body["required"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
        var query = new List<JsonObject>();
        foreach (var (name, property) in properties)
        {
            var schema = property!.DeepClone().AsObject();
            var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = required.Contains(name) };
            if (schema["description"] is { } description)
            {
                schema.Remove("description");
                parameter["description"] = description.DeepClone();
            }

            parameter["schema"] = schema;
            query.Add(parameter);
        }

        schemas.Remove(requestName);
        return query;
    }

    /// <summary>
    /// Path, query and header parameters. A request header table's <c>Content-Type</c> row on an
    /// operation with a body names the body's media type (<c>application/merge-patch+json</c>)
    /// instead of being a parameter, as OpenAPI describes a body's type.
    /// </summary>
    private (JsonArray Parameters, string? MediaType) BuildParameters(Operation operation, SchemaBuilder builder, bool hasBody)
    {
        string? mediaType = null;
        var page = operation.Page;
        var parameters = new JsonArray();
        var seen = new Dictionary<string, DocRow>(StringComparer.Ordinal);
        var placeholders = Placeholder().Matches(operation.Endpoint.Path).Select(m => m.Groups["name"].Value).ToList();

        foreach (var table in page.Tables.Where(t => t.Role is TableRole.PathParameters or TableRole.QueryParameters or TableRole.HeaderParameters))
        {
            var location = table.Role switch
            {
                TableRole.PathParameters => "path",
                TableRole.QueryParameters => "query",
                _ => "header",
            };

            foreach (var row in table.Rows)
            {
                if (location == "header" && hasBody && row.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    if (MediaType().Match(row.Description) is { Success: true } media)
                    {
                        mediaType = WhitespaceRun().Replace(media.Value, string.Empty).TrimEnd('.').ToLowerInvariant();
                        builder.CountRow();
                        continue;
                    }

                    warnings.Add(page.File, row.Line, $"Content-Type row names no media type ('{row.Description}'); the body is application/json and the row is a header parameter");
                }

                var rowLocation = location;
                if (location == "path" && !placeholders.Contains(row.Name))
                {
                    // Old-style pages list the query template's names with the path parameters.
                    if (operation.Endpoint.Query?.Contains(row.Name) != true)
                    {
                        warnings.Add(page.File, row.Line, $"path parameter '{row.Name}' is not in the path {operation.Endpoint.Path}; it is extracted as a query parameter");
                    }

                    rowLocation = "query";
                }

                if (seen.TryGetValue(rowLocation + ":" + row.Name, out var first))
                {
                    if ((first.Mandatory, first.Type, first.Description) == (row.Mandatory, row.Type, row.Description))
                    {
                        // A repeated identical row loses nothing: it is the same parameter.
                        warnings.Add(page.File, row.Line, $"parameter '{row.Name}' is listed twice with the same type and description; it is one parameter");
                        builder.CountRow();
                    }
                    else
                    {
                        warnings.Add(page.File, row.Line, $"parameter '{row.Name}' is listed twice and the rows differ; the first row (line {first.Line}) is kept");
                    }

                    continue;
                }

                seen[rowLocation + ":" + row.Name] = row;

                if (rowLocation == "path" && row.Mandatory == false)
                {
                    warnings.Add(page.File, row.Line, $"path parameter '{row.Name}' is marked optional; path parameters are always required");
                }

                var (schema, facts) = builder.BuildProperty(row, page);
                builder.CountRow();
                builder.AddParameterStatements(row, page, facts, schema);
                _parameterRules.AddRange(facts.Rules.Select(r => new UnencodedRule(page.File, r.Source, row.Name, "a rule between parameters, which OpenAPI cannot state")));
                var parameter = new JsonObject
                {
                    ["name"] = row.Name,
                    ["in"] = rowLocation,
                    ["required"] = rowLocation == "path" || row.Mandatory == true,
                };
                if (schema["description"] is { } description)
                {
                    schema.Remove("description");
                    parameter["description"] = description;
                }

                parameter["schema"] = schema;
                parameters.Add(parameter);
            }
        }

        foreach (var missing in placeholders.Where(p => !seen.ContainsKey("path:" + p)))
        {
            warnings.Add(page.File, operation.Endpoint.Line, $"path parameter '{missing}' has no row in a path parameter table; it is extracted as a string");
            parameters.Add(new JsonObject
            {
                ["name"] = missing,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        return (parameters, mediaType);
    }

    private JsonObject BuildResponses(Operation operation, JsonObject schemas, Dictionary<(Operation, int), string> responseNames, ExampleReconciler reconciler)
    {
        var page = operation.Page;
        var examples = ParseExamples(operation, ExampleKind.Response);
        var statuses = new SortedSet<int>(page.StatusCodes.Select(s => s.Code));
        statuses.UnionWith(responseNames.Keys.Where(k => k.Item1 == operation).Select(k => k.Item2));
        statuses.UnionWith(examples.Select(e => e.Example.Status ?? 200));

        // An example with no body ("", null) still documents its status.
        statuses.UnionWith(operation.Examples.Where(e => e.Example.Kind == ExampleKind.Response && e.Example.Status is not null).Select(e => e.Example.Status!.Value));
        if (statuses.Count == 0)
        {
            statuses.Add(200);
        }

        var primary = responseNames.Keys.Where(k => k.Item1 == operation).Select(k => k.Item2).DefaultIfEmpty(statuses.Where(s => s < 300).DefaultIfEmpty(statuses.Min).Min()).Min();
        var responses = new JsonObject();
        foreach (var status in statuses)
        {
            var response = new JsonObject
            {
                ["description"] = page.StatusCodes.FirstOrDefault(s => s.Code == status)?.Description is { Length: > 0 } d ? d : ReasonPhrase(status),
            };

            var forStatus = examples.Where(e => (e.Example.Status ?? 200) == status).ToList();
            if (status == 204 && !responseNames.ContainsKey((operation, status)))
            {
                // No Content without a response table: the pages show "{ }" there; anything else is a contradiction worth a warning.
                foreach (var example in forStatus.Where(e => e.Value is not JsonObject { Count: 0 }))
                {
                    warnings.Add(example.Page.File, example.Example.Line, $"{operation.Id} shows a body for 204 No Content; it is not extracted");
                }

                responses[status.ToString(CultureInfo.InvariantCulture)] = response;
                continue;
            }

            if (!responseNames.TryGetValue((operation, status), out var schemaName) && forStatus.Count > 0)
            {
                schemaName = ResponseSchemaName(operation.Id, status, primary);
                if (forStatus.Any(e => e.Value is not JsonObject { Count: 0 }))
                {
                    warnings.Add(forStatus[0].Page.File, forStatus[0].Example.Line, $"{operation.Id} documents its {status} response body only by example; the schema '{schemaName}' is inferred from it");
                }

                schemas[schemaName] = SchemaTypes.Infer(forStatus[0].Value);
            }

            if (schemaName is not null)
            {
                var media = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = SchemaBuilder.ComponentPrefix + schemaName } };
                AddExamples(media, forStatus, reconciler, operation.Id);
                response["content"] = new JsonObject { ["application/json"] = media };
            }

            responses[status.ToString(CultureInfo.InvariantCulture)] = response;
        }

        return responses;
    }

    private sealed record ParsedExample(DocExample Example, DocPage Page, JsonNode? Value);

    /// <summary>The JSON examples of one kind; a request line alone (GET, DELETE) is not a body and is passed over.</summary>
    private List<ParsedExample> ParseExamples(Operation operation, ExampleKind kind)
    {
        var parsed = new List<ParsedExample>();
        foreach (var (example, page) in operation.Examples.Where(e => e.Example.Kind == kind))
        {
            var lines = example.Text.Split('\n');
            var bodyStart = Array.FindIndex(lines, l => l.TrimStart().StartsWith('{') || l.TrimStart().StartsWith('['));
            if (bodyStart < 0)
            {
                // A request line (with or without its method) or an empty string ("") shows no body.
                if (lines.Length > 0 && (Vocabulary.RequestLine(lines[0]).Success || BareRequestTarget().IsMatch(lines[0].Trim())))
                {
                    continue;
                }

                if (example.Text.Trim() is "\"\"" or "''" or "null")
                {
                    continue;
                }

                if (example.Text.Trim().Length > 0)
                {
                    warnings.Add(page.File, example.Line, $"{kind.ToString().ToLowerInvariant()} example of {operation.Id} is not JSON; it is not extracted");
                }

                continue;
            }

            try
            {
                var value = JsonNode.Parse(string.Join('\n', lines[bodyStart..]), documentOptions: LenientJson);
                Materialize(value);
                if (DropElisions(value) is > 0 and var elided)
                {
                    warnings.Add(page.File, example.Line, $"{(kind == ExampleKind.Request ? "request" : "response")} example of {operation.Id} marks {elided} omission(s) with \"......\" among list items; they are not example values and are left out");
                }

                if (kind == ExampleKind.Request && (operation.Endpoint.Method is "GET" or "HEAD" || (operation.Endpoint.Method == "DELETE" && value is JsonObject { Count: 0 })))
                {
                    // GET and HEAD carry no body, and "{ }" under a DELETE request line says it has none.
                    if (value is not JsonObject { Count: 0 })
                    {
                        warnings.Add(page.File, example.Line, $"request example of {operation.Id} shows a body for {operation.Endpoint.Method}, which carries none; it is not extracted");
                    }

                    continue;
                }

                parsed.Add(new ParsedExample(example, page, value));
            }
            catch (ArgumentException e)
            {
                // JsonObject builds its dictionary lazily; a repeated key surfaces here.
                warnings.Add(page.File, example.Line, $"{kind.ToString().ToLowerInvariant()} example of {operation.Id} repeats a property name ({e.Message.Split(" (Parameter", 2)[0]}); it is not extracted");
            }
            catch (JsonException e)
            {
                warnings.Add(page.File, example.Line + bodyStart + (int)(e.LineNumber ?? 0), $"{kind.ToString().ToLowerInvariant()} example of {operation.Id} is not valid JSON ({e.Message.Split(" LineNumber", 2)[0]}); it is not extracted");
            }
        }

        return parsed;
    }

    /// <summary>
    /// Removes list items that are only an ellipsis (<c>"......"</c>, <c>"…"</c>): the pages write them between items to
    /// say "more of the same", not as values. Returns how many it removed.
    /// </summary>
    private static int DropElisions(JsonNode? node)
    {
        var removed = 0;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    removed += DropElisions(child);
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String && Elision().IsMatch(value.GetValue<string>()))
                    {
                        array.RemoveAt(i);
                        removed++;
                    }
                    else
                    {
                        removed += DropElisions(array[i]);
                    }
                }

                break;
        }

        return removed;
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
        }
    }

    private void AddExamples(JsonObject media, List<ParsedExample> examples, ExampleReconciler reconciler, string operationId)
    {
        if (examples.Count == 0)
        {
            return;
        }

        var map = new JsonObject();
        var n = 0;
        foreach (var example in examples)
        {
            var findings = reconciler.Reconcile(media, "schema", example.Value, example.Page.File, example.Example.Line, example.Page.SourceId, example.Example.Kind == ExampleKind.Request);
            var adjustments = findings.Adjustments;
            var key = "example" + (n + 1).ToString(CultureInfo.InvariantCulture);
            if (findings.Undocumented.Count > 0)
            {
                _exceptions.Add(new ExampleException(operationId, key,
                    $"{example.Page.SourceId}:{example.Example.Line} shows {string.Join("; ", findings.Undocumented)}; a schema requests use keeps only documented values and formats (spec/README.md, rule 4)"));
            }

            var entry = new JsonObject();
            if (example.Example.Title is { Length: > 0 } title)
            {
                entry["summary"] = title;
            }

            entry["value"] = example.Value?.DeepClone();
            entry["x-doc-source"] = $"{example.Page.SourceId}:{example.Example.Line}";
            if (adjustments.Count > 0)
            {
                entry["x-doc-adjusted"] = new JsonArray(adjustments.Select(a => (JsonNode?)new JsonObject
                {
                    ["at"] = a.At,
                    ["shown"] = a.Shown,
                    ["documented"] = a.Documented,
                }).ToArray());
            }
            map["example" + (++n).ToString(CultureInfo.InvariantCulture)] = entry;
        }

        media["examples"] = map;
    }

    /// <summary>
    /// The area an operation belongs to: its first collection, plus the first collection nested
    /// under an id ("/v2/{project_id}/datasets/{dataset_id}/versions" is "datasets/versions").
    /// </summary>
    private static string TagOf(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var literals = new List<string>();
        var afterParameter = false;
        foreach (var segment in segments.SkipWhile(s => VersionSegment().IsMatch(s) || s.StartsWith('{')))
        {
            if (segment.StartsWith('{'))
            {
                afterParameter = true;
                continue;
            }

            if (literals.Count == 0 || afterParameter)
            {
                literals.Add(segment);
                afterParameter = false;
                if (literals.Count == 2)
                {
                    break;
                }
            }
        }

        return literals.Count == 0 ? "default" : string.Join('/', literals);
    }

    private static JsonArray Servers(string host) => new(new JsonObject
    {
        ["url"] = "https://{" + host + "}",
        ["variables"] = new JsonObject
        {
            [host] = new JsonObject
            {
                ["default"] = host,
                ["description"] = $"The {host} of the region, as the documentation's request lines write it.",
            },
        },
    });

    private static JsonObject SortPaths(SortedDictionary<string, JsonObject> paths)
    {
        var result = new JsonObject();
        foreach (var (path, item) in paths)
        {
            var sorted = new JsonObject();
            if (item["servers"] is { } servers)
            {
                item.Remove("servers");
                sorted["servers"] = servers;
            }

            foreach (var method in MethodOrder)
            {
                if (item[method] is { } operation)
                {
                    item.Remove(method);
                    sorted[method] = operation;
                }
            }

            result[path] = sorted;
        }

        return result;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status " + status.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex OperationName();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\{(?<name>[^}]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>"...", "......", "…": an omission, not a value.</summary>
    [GeneratedRegex(@"^\s*(?:\.{3,}|…+)\s*$")]
    private static partial Regex Elision();

    /// <summary>"application/json", "Application/merge-patch + JSON" (spaces removed after the match).</summary>
    [GeneratedRegex(@"\b[A-Za-z]+/[A-Za-z0-9.\-]+(?:\s*\+\s*[A-Za-z0-9.\-]+)?")]
    private static partial Regex MediaType();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    /// <summary>A request target written alone: "https://{endpoint}/v1/..." or "/v1/{project_id}/...".</summary>
    [GeneratedRegex(@"^(?:https?://\S+|/\S+)$")]
    private static partial Regex BareRequestTarget();

    [GeneratedRegex(@"^v\d+(?:\.\d+)?$")]
    private static partial Regex VersionSegment();
}
