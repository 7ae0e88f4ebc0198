using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    private const string ProjectIdParameter = "project_id";

    /// <summary>Headers the authenticator sets (IAM token, AK/SK signature): never a method argument.</summary>
    private static readonly HashSet<string> AuthenticationHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "X-Auth-Token", "Authorization", "X-Sdk-Date", "X-Security-Token", "X-Subject-Token",
    };

    private (List<OperationSpec> Operations, List<string> Matched) ReadOperations(JsonElement root, Selection selection)
    {
        var operations = new List<OperationSpec>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var methodNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Objects(root.TryGetProperty("paths", out var paths) ? paths : default))
        {
            if (path.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var shared = path.Value.TryGetProperty("parameters", out var p) ? p : default;
            foreach (var method in Methods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (!path.Value.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var id = OperationId(operation, method, path.Name);
                if (!selection.IsEmpty)
                {
                    var hits = selection.Matching(id, path.Name, StringList(operation, "tags")).ToList();
                    if (hits.Count == 0)
                    {
                        continue;
                    }

                    matched.UnionWith(hits);
                }

                operations.Add(ReadOperation(path.Name, method, id, operation, shared, methodNames));
            }

            if (path.Value.TryGetProperty("trace", out _))
            {
                Report(Diagnostics.Unsupported, ["paths", path.Name, "trace"], "the TRACE method; no method is generated for it");
            }
        }

        return (operations, matched.ToList());
    }

    private static string OperationId(JsonElement operation, string method, string path) =>
        operation.TryGetProperty("operationId", out var o) && o.ValueKind == JsonValueKind.String && o.GetString()!.Length > 0 ? o.GetString()! : method + " " + path;

    private OperationSpec ReadOperation(string path, string method, string id, JsonElement operation, JsonElement shared, HashSet<string> methodNames)
    {
        var pointer = new[] { "paths", path, method };
        var name = Naming.Pascal(id);
        var unique = Naming.Unique(name, methodNames);
        if (unique != name)
        {
            Report(Diagnostics.NameCollision, Append(pointer, "operationId"), $"operation '{id}'", name, unique);
        }

        var pathParameters = new List<ParameterSpec>();
        var queryParameters = new List<ParameterSpec>();
        var headerParameters = new List<ParameterSpec>();
        var hasProjectId = false;
        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "body", "projectId" };
        foreach (var (parameter, at) in Parameters(shared, operation, pointer))
        {
            var parameterName = parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
            var location = parameter.TryGetProperty("in", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            if (location == "path" && parameterName == ProjectIdParameter)
            {
                hasProjectId = true;
                continue;
            }

            if (location == "header" && (AuthenticationHeaders.Contains(parameterName) || _securityHeaders.Contains(parameterName)))
            {
                continue; // the authenticator sets it from the client's credentials
            }

            if (location is not ("path" or "query" or "header") || parameterName.Length == 0)
            {
                Report(Diagnostics.Unsupported, at, $"parameter '{parameterName}' in '{location}'; only path, query and header parameters are generated, so the method has no argument for it");
                continue;
            }

            var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
            if (schema.ValueKind != JsonValueKind.Object && parameter.TryGetProperty("content", out _))
            {
                Report(Diagnostics.Unsupported, Append(at, "content"), $"parameter '{parameterName}' described by 'content' rather than 'schema'; it is generated as a string");
                schema = default;
            }

            var type = schema.ValueKind == JsonValueKind.Object ? ResolveType(schema, unique, Naming.Pascal(parameterName), Append(at, "schema"), jsonName: parameterName) : new TypeSpec(TypeKind.String);
            if (type.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Json)
            {
                Report(Diagnostics.Unsupported, Append(at, "schema"), $"{location} parameter '{parameterName}' of an object type; it is sent as its JSON text");
            }

            var spec = new ParameterSpec(
                parameterName,
                Naming.Unique(Naming.Camel(parameterName), parameterNames),
                type,
                location == "path" || (parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True),
                Description(parameter),
                Constraints(Resolved(schema)),
                location!);
            (location == "path" ? pathParameters : location == "header" ? headerParameters : queryParameters).Add(spec);
        }

        foreach (var placeholder in Placeholders(path).Where(x => x != ProjectIdParameter && pathParameters.All(p => p.JsonName != x)))
        {
            Report(Diagnostics.Unsupported, pointer, $"path placeholder '{{{placeholder}}}' has no path parameter; it is generated as a string argument");
            pathParameters.Add(new ParameterSpec(placeholder, Naming.Unique(Naming.Camel(placeholder), parameterNames), new TypeSpec(TypeKind.String), true, null, ConstraintSpec.None, "path"));
        }

        if (operation.TryGetProperty("callbacks", out var callbacks) && callbacks.ValueKind == JsonValueKind.Object && callbacks.EnumerateObject().Any())
        {
            Report(Diagnostics.Unsupported, Append(pointer, "callbacks"), "callbacks; no method is generated for them");
        }

        var (bodyType, bodyRequired, bodyMediaType) = ReadBody(operation, unique, pointer);
        var responseType = ReadResponse(operation, unique, pointer);
        var paging = method == "get" ? ReadPaging(queryParameters, responseType) : null;
        var waits = ReadWaits(operation, responseType, queryParameters.Concat(headerParameters).ToList(), pointer);
        return new OperationSpec(
            unique,
            method,
            path,
            operation.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String ? summary.GetString() : null,
            Description(operation),
            pathParameters.ToEquatableArray(),
            queryParameters.ToEquatableArray(),
            hasProjectId,
            bodyType,
            bodyRequired,
            responseType,
            paging,
            waits.ToEquatableArray(),
            Deprecation(operation),
            headerParameters.ToEquatableArray(),
            bodyType is null || bodyMediaType is null || bodyMediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? null : bodyMediaType);
    }

    /// <summary>Why an operation is deprecated, naming its replacement where the document does (<c>x-replaced-by</c>).</summary>
    private static string? Deprecation(JsonElement operation)
    {
        if (!operation.TryGetProperty("deprecated", out var deprecated) || deprecated.ValueKind != JsonValueKind.True)
        {
            return null;
        }

        foreach (var key in new[] { "x-replaced-by", "x-deprecated-by", "x-replacement" })
        {
            if (operation.TryGetProperty(key, out var replacement) && replacement.ValueKind == JsonValueKind.String && replacement.GetString()!.Length > 0)
            {
                return $"Deprecated: use {Naming.Pascal(replacement.GetString()!)}Async instead.";
            }

            // {operationId, page, title}: the current operation the reference documents for the same task.
            if (replacement.ValueKind == JsonValueKind.Object && replacement.TryGetProperty("operationId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 0)
            {
                var title = replacement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? $" (\"{t.GetString()}\")" : string.Empty;
                return $"Deprecated: use {Naming.Pascal(id.GetString()!)}Async instead{title}.";
            }
        }

        return "Deprecated by the API reference.";
    }

    /// <summary>
    /// Whether the offset's description makes it the position of the first item ("Start offset of the records", "Offset
    /// of a data entry", "Start index") rather than the page index ("Start page for pagination display", "Index of the
    /// query page"). Without a description the offset is the page index, as the ModelArts data-management pages say.
    /// </summary>
    private static bool OffsetCountsItems(string? description) =>
        description is not null
        && (ItemWords.IsMatch(description) || !PageWord.IsMatch(description))
        && !PageIndexWords.IsMatch(description);

    private static readonly System.Text.RegularExpressions.Regex ItemWords = new(@"\b(?:records?|entry|entries|position|offset|index)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly System.Text.RegularExpressions.Regex PageWord = new(@"\bpage\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly System.Text.RegularExpressions.Regex PageIndexWords = new(@"\bstart\s+page\b|\bindex\s+of\s+the\s+(?:query\s+)?page\b|\bpage\s+(?:index|number)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Integer <c>offset</c> and <c>limit</c> query parameters and a response with exactly one list: a paged list.</summary>
    private PagingSpec? ReadPaging(List<ParameterSpec> query, string? responseType)
    {
        var offset = query.FirstOrDefault(p => p.JsonName == "offset" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var limit = query.FirstOrDefault(p => p.JsonName == "limit" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        if (offset is null || limit is null || responseType is null || !_modelsByName.TryGetValue(responseType, out var model) || query.Any(p => p.Required))
        {
            return null;
        }

        var lists = model.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        return lists.Count == 1 ? new PagingSpec(lists[0].Name, lists[0].Type.Element!, offset.Name, limit.Name, OffsetCountsItems(offset.Documentation)) : null;
    }

    /// <summary>
    /// The curated <c>x-modelarts-wait</c> of a status operation (one object, or an array when the operation serves
    /// several waits), checked against its response model. The status, error and pending values are properties or
    /// paths of properties from the response root (<c>["status", "phase"]</c>).
    /// </summary>
    private List<WaitSpec> ReadWaits(JsonElement operation, string? responseType, List<ParameterSpec> query, string[] pointer)
    {
        var waits = new List<WaitSpec>();
        if (!operation.TryGetProperty("x-modelarts-wait", out var declared))
        {
            return waits;
        }

        var at = Append(pointer, "x-modelarts-wait");
        var entries = declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().ToList() : [declared];
        for (var i = 0; i < entries.Count; i++)
        {
            var entryPointer = declared.ValueKind == JsonValueKind.Array ? Append(at, Index(i)) : at;
            if (ReadWait(entries[i], responseType, query, entryPointer) is { } wait)
            {
                waits.Add(wait);
            }
        }

        return waits;
    }

    private WaitSpec? ReadWait(JsonElement wait, string? responseType, List<ParameterSpec> query, string[] pointer)
    {
        var name = wait.ValueKind == JsonValueKind.Object && wait.TryGetProperty("method", out var methodName) && methodName.ValueKind == JsonValueKind.String ? methodName.GetString() : null;
        var status = wait.ValueKind == JsonValueKind.Object && wait.TryGetProperty("status", out var s) ? Access(responseType, s) : null;
        if (status is null || name is null || status.Value.Type.Kind is not (TypeKind.Enum or TypeKind.Int32 or TypeKind.Int64 or TypeKind.String) || query.Any(p => p.Required))
        {
            Report(Diagnostics.Unsupported, pointer, "x-modelarts-wait needs 'method' and a 'status' property (or path of properties) of the response that is a string, integer or option list, and no required query or header parameter; no wait method is generated");
            return null;
        }

        string? Text(string key) =>
            wait.TryGetProperty(key, out var p) && Access(responseType, p) is { } access && access.Type.Kind is TypeKind.String or TypeKind.Enum
                ? access.Type.Kind == TypeKind.Enum ? access.Expression + "?.Value" : access.Expression
                : null;

        EquatableArray<string> Values(string key) =>
            (wait.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(v => v.ValueKind is JsonValueKind.Number or JsonValueKind.String).Select(v => v.ValueKind == JsonValueKind.String ? Literal(v.GetString()!) : v.GetRawText())
                : []).ToEquatableArray();

        var pending = new List<string>();
        if (wait.TryGetProperty("pendingWhile", out var lists) && lists.ValueKind == JsonValueKind.Array)
        {
            foreach (var path in lists.EnumerateArray())
            {
                if (Access(responseType, path) is { } list && list.Type.Kind is TypeKind.List or TypeKind.Map)
                {
                    pending.Add($"({list.Expression}?.Count ?? 0) > 0");
                }
                else
                {
                    Report(Diagnostics.Unsupported, Append(pointer, "pendingWhile"), $"pendingWhile entry {path.GetRawText()} is not a list of the response; it is not waited for");
                }
            }
        }

        var value = status.Value.Type.Kind == TypeKind.Enum ? status.Value.Expression + "?.Value" : status.Value.Expression;
        return new WaitSpec(Naming.Pascal(name), value, Values("succeeded"), Values("failed"), Values("stopped"), Text("errorCode"), Text("errorMessage"), pending.ToEquatableArray());
    }

    /// <summary>
    /// A property of the response (its name) or a path of properties from the response root (their names), as a
    /// null-propagating C# expression over <c>status</c> with the type at its end; null when the path names nothing.
    /// </summary>
    private (string Expression, TypeSpec Type)? Access(string? responseType, JsonElement path)
    {
        var names = path.ValueKind == JsonValueKind.String ? [path.GetString()!]
            : path.ValueKind == JsonValueKind.Array && path.EnumerateArray().All(n => n.ValueKind == JsonValueKind.String) ? path.EnumerateArray().Select(n => n.GetString()!).ToList()
            : [];
        if (names.Count == 0 || responseType is null)
        {
            return null;
        }

        var expression = "status";
        var type = new TypeSpec(TypeKind.Model, responseType);
        foreach (var name in names)
        {
            if (type.Kind != TypeKind.Model || !_modelsByName.TryGetValue(type.Name!, out var model) || model.Properties.FirstOrDefault(p => p.JsonName == name) is not { } property)
            {
                return null;
            }

            // Only the response itself is known to be there; every property after it may be missing.
            expression += (expression == "status" ? "." : "?.") + property.Name;
            type = property.Type;
        }

        return (expression, type);
    }

    /// <summary>Path-item parameters overridden by operation parameters of the same name and location; references resolved.</summary>
    private IEnumerable<(JsonElement Parameter, string[] Pointer)> Parameters(JsonElement shared, JsonElement operation, string[] pointer)
    {
        var result = new List<(string Key, JsonElement Parameter, string[] Pointer)>();
        void Add(JsonElement list, string[] at)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var itemPointer = Append(at, Index(index++));
                if (Component(item, "parameters", itemPointer) is not { } parameter)
                {
                    continue;
                }

                var key = (parameter.TryGetProperty("in", out var i) ? i.GetString() : null) + ":" + (parameter.TryGetProperty("name", out var n) ? n.GetString() : null);
                result.RemoveAll(x => x.Key == key);
                result.Add((key, parameter, itemPointer));
            }
        }

        Add(shared, [pointer[0], pointer[1], "parameters"]);
        Add(operation.TryGetProperty("parameters", out var own) ? own : default, Append(pointer, "parameters"));
        return result.Select(x => (x.Parameter, x.Pointer));
    }

    /// <summary>
    /// An object, or the <c>#/components/{section}/...</c> object its <c>$ref</c> names (followed through further refs);
    /// null, reported, when the reference points at nothing.
    /// </summary>
    private JsonElement? Component(JsonElement item, string section, string[] pointer)
    {
        var current = item;
        for (var hops = 0; hops < 8; hops++)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!current.TryGetProperty("$ref", out var reference))
            {
                return current;
            }

            var target = reference.GetString() ?? string.Empty;
            var prefix = "#/components/" + section + "/";
            if (!target.StartsWith(prefix, StringComparison.Ordinal) || _components.ValueKind != JsonValueKind.Object
                || !_components.TryGetProperty(section, out var list) || !list.TryGetProperty(Unescape(target.Substring(prefix.Length)), out current))
            {
                Report(Diagnostics.UnresolvedReference, Append(pointer, "$ref"), target);
                return null;
            }
        }

        return null;
    }

    private (string? Type, bool Required, string? MediaType) ReadBody(JsonElement operation, string operationName, string[] pointer)
    {
        if (!operation.TryGetProperty("requestBody", out var reference) || Component(reference, "requestBodies", Append(pointer, "requestBody")) is not { } body)
        {
            return (null, false, null);
        }

        var required = body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        var type = MediaType(body, operationName + "Request", Append(pointer, "requestBody"), out var mediaType);
        return (type, required, mediaType);
    }

    private string? ReadResponse(JsonElement operation, string operationName, string[] pointer)
    {
        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var candidate in responses.EnumerateObject().Where(r => r.Name.Length == 3 && r.Name[0] == '2').OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var at = Append(pointer, "responses", candidate.Name);
            if (Component(candidate.Value, "responses", at) is { } response && response.TryGetProperty("content", out _))
            {
                if (response.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
                {
                    foreach (var header in headers.EnumerateObject())
                    {
                        Component(header.Value, "headers", Append(at, "headers", header.Name)); // reported when it points at nothing
                    }
                }

                return MediaType(response, operationName + "Response", at, out _);
            }
        }

        return null;
    }

    /// <summary>The model type of a JSON body (<c>application/json</c>, <c>application/merge-patch+json</c>): a referenced or inline object. Anything else is reported.</summary>
    private string? MediaType(JsonElement owner, string inlineName, string[] pointer, out string? mediaType)
    {
        mediaType = null;
        if (!owner.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var json = content.EnumerateObject().FirstOrDefault(m => IsJson(m.Name));
        mediaType = json.Value.ValueKind == JsonValueKind.Object ? json.Name : null;
        if (json.Value.ValueKind != JsonValueKind.Object)
        {
            var first = content.EnumerateObject().FirstOrDefault();
            if (first.Value.ValueKind == JsonValueKind.Object)
            {
                Report(Diagnostics.Unsupported, Append(pointer, "content", first.Name), $"a '{first.Name}' body; the method sends or returns no typed body for it");
            }

            return null;
        }

        if (!json.Value.TryGetProperty("schema", out var schema))
        {
            return null;
        }

        var schemaPointer = Append(pointer, "content", json.Name, "schema");
        var type = ResolveType(schema, inlineName, string.Empty, schemaPointer, jsonName: inlineName);
        if (type.Kind == TypeKind.Model)
        {
            return type.Name;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out _) && type == TypeSpec.Json)
        {
            return null; // already reported as unresolved
        }

        Report(Diagnostics.Unsupported, schemaPointer, "a body that is not an object; the method sends or returns no typed body");
        return null;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.IndexOf("+json", StringComparison.OrdinalIgnoreCase) >= 0)
        || mediaType == "*/*";

    private static IEnumerable<string> Placeholders(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }
}
