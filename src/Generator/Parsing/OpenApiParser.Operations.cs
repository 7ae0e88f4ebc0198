using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    private const string ProjectIdParameter = "project_id";

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

            if (location is not ("path" or "query") || parameterName.Length == 0)
            {
                Report(Diagnostics.Unsupported, at, $"parameter '{parameterName}' in '{location}'; only path and query parameters are generated, so the method has no argument for it");
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
            (location == "path" ? pathParameters : queryParameters).Add(spec);
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

        var (bodyType, bodyRequired) = ReadBody(operation, unique, pointer);
        var responseType = ReadResponse(operation, unique, pointer);
        var paging = method == "get" ? ReadPaging(queryParameters, responseType) : null;
        var wait = ReadWait(operation, responseType, queryParameters, pointer);
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
            wait,
            Deprecation(operation));
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
        }

        return "Deprecated by the API reference.";
    }

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
        return lists.Count == 1 ? new PagingSpec(lists[0].Name, lists[0].Type.Element!, offset.Name, limit.Name) : null;
    }

    /// <summary>The curated <c>x-modelarts-wait</c> of a status operation, checked against its response model.</summary>
    private WaitSpec? ReadWait(JsonElement operation, string? responseType, List<ParameterSpec> query, string[] pointer)
    {
        if (!operation.TryGetProperty("x-modelarts-wait", out var wait) || wait.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var model = responseType is not null && _modelsByName.TryGetValue(responseType, out var m) ? m : null;
        var statusJson = wait.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var status = model?.Properties.FirstOrDefault(p => p.JsonName == statusJson);
        var name = wait.TryGetProperty("method", out var methodName) && methodName.ValueKind == JsonValueKind.String ? methodName.GetString() : null;
        if (status is null || name is null || status.Type.Kind is not (TypeKind.Enum or TypeKind.Int32 or TypeKind.Int64 or TypeKind.String) || query.Any(p => p.Required))
        {
            Report(Diagnostics.Unsupported, Append(pointer, "x-modelarts-wait"), "x-modelarts-wait needs 'method' and a 'status' property of the response, and no required query parameter; no wait method is generated");
            return null;
        }

        string? Property(string key) =>
            wait.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String ? model!.Properties.FirstOrDefault(x => x.JsonName == p.GetString() && x.Type.Kind == TypeKind.String)?.Name : null;

        EquatableArray<string> Values(string key) =>
            (wait.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Where(v => v.ValueKind is JsonValueKind.Number or JsonValueKind.String).Select(v => v.GetRawText()) : []).ToEquatableArray();

        return new WaitSpec(Naming.Pascal(name), status.Name, status.Type.Kind == TypeKind.Enum, Values("succeeded"), Values("failed"), Values("stopped"), Property("errorCode"), Property("errorMessage"));
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

    private (string? Type, bool Required) ReadBody(JsonElement operation, string operationName, string[] pointer)
    {
        if (!operation.TryGetProperty("requestBody", out var reference) || Component(reference, "requestBodies", Append(pointer, "requestBody")) is not { } body)
        {
            return (null, false);
        }

        var required = body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        var type = MediaType(body, operationName + "Request", Append(pointer, "requestBody"));
        return (type, required);
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

                return MediaType(response, operationName + "Response", at);
            }
        }

        return null;
    }

    /// <summary>The model type of an application/json body: a referenced or inline object. Anything else is reported.</summary>
    private string? MediaType(JsonElement owner, string inlineName, string[] pointer)
    {
        if (!owner.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var json = content.EnumerateObject().FirstOrDefault(m => IsJson(m.Name));
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
