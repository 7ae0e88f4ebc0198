using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    private const string ProjectIdParameter = "project_id";

    /// <summary>
    /// Header parameters OpenAPI says to ignore (Accept and Authorization: the client sets them) and those the
    /// authenticator sets (IAM token, AK/SK signature). A Content-Type parameter is kept: documents use it to choose
    /// the answer's form, and the pipeline sends it as the body's media type.
    /// </summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Authorization", "X-Auth-Token", "X-Sdk-Date", "X-Security-Token", "X-Subject-Token",
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

            // A path item may be a reference (3.1: to components/pathItems); its operations are read where it stands.
            string[] itemPointer = ["paths", path.Name];
            var item = path.Value;
            if (item.TryGetProperty("$ref", out var itemReference))
            {
                if (Component(item, "pathItems", itemPointer) is not { } resolved)
                {
                    continue; // reported
                }

                item = resolved;
                itemPointer = ["components", "pathItems", Unescape((itemReference.GetString() ?? string.Empty).Substring("#/components/pathItems/".Length))];
            }

            if (item.TryGetProperty("servers", out var pathServers) && OtherServers(pathServers))
            {
                Report(Diagnostics.Unsupported, Append(itemPointer, "servers"), "servers of a path other than the document's; its calls go to the client's endpoint");
            }

            var shared = item.TryGetProperty("parameters", out var p) ? p : default;
            foreach (var method in Methods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (!item.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object)
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

                operations.Add(ReadOperation(path.Name, Append(itemPointer, method), method, id, operation, shared, methodNames));
            }

            if (item.TryGetProperty("trace", out _))
            {
                Report(Diagnostics.Unsupported, Append(itemPointer, "trace"), "the TRACE method; no method is generated for it");
            }
        }

        return (operations, matched.ToList());
    }

    /// <summary>
    /// Whether servers of a path or an operation differ from the document's root <c>servers</c>: repeating the one base
    /// address on every path, as some documents do, changes nothing.
    /// </summary>
    private bool OtherServers(JsonElement servers) =>
        servers.ValueKind == JsonValueKind.Array && servers.GetArrayLength() > 0 && ServerUrls(servers) != _baseServers;

    private static string ServerUrls(JsonElement servers) =>
        string.Join(" ", servers.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("url", out var url) ? url.GetString() : null).OrderBy(u => u, StringComparer.Ordinal));

    private static string OperationId(JsonElement operation, string method, string path) =>
        operation.TryGetProperty("operationId", out var o) && o.ValueKind == JsonValueKind.String && o.GetString()!.Length > 0 ? o.GetString()! : method + " " + path;

    private OperationSpec ReadOperation(string path, string[] pointer, string method, string id, JsonElement operation, JsonElement shared, HashSet<string> methodNames)
    {
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

            if (location == "header" && (ReservedHeaders.Contains(parameterName) || _securityHeaders.Contains(parameterName)))
            {
                continue; // the client or its authenticator sets it
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
            var style = parameter.TryGetProperty("style", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : null;
            var explode = parameter.TryGetProperty("explode", out var ex) ? ex.ValueKind == JsonValueKind.True : style is null or "form";
            if (!IsSupportedStyle(location!, style, type))
            {
                Report(Diagnostics.Unsupported, Append(at, "style"), $"{location} parameter '{parameterName}' in style '{style}'; it is sent in the default style of its location");
                style = null;
                explode = location == "query";
            }

            if (type.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Json && location != "query")
            {
                Report(Diagnostics.Unsupported, Append(at, "schema"), $"{location} parameter '{parameterName}' of an object type; it is sent as its JSON text");
            }

            if (type.Kind == TypeKind.File || (type.Kind == TypeKind.List && !IsScalar(type.Element!) && type.Element!.Kind != TypeKind.Json))
            {
                Report(Diagnostics.Unsupported, Append(at, "schema"), $"{location} parameter '{parameterName}' of binary content or of a list of objects; it is sent as its JSON text");
                type = TypeSpec.Json;
            }

            var camel = Naming.Camel(parameterName);
            var csharpName = Naming.Unique(camel, parameterNames);
            if (csharpName != camel)
            {
                Report(Diagnostics.NameCollision, at, $"parameter '{parameterName}' of {unique}", camel, csharpName);
            }

            var spec = new ParameterSpec(
                parameterName,
                csharpName,
                type,
                location == "path" || (parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True),
                Description(parameter),
                Constraints(TypingSchema(schema)),
                location!,
                style,
                explode);
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

        if (operation.TryGetProperty("servers", out var servers) && OtherServers(servers))
        {
            Report(Diagnostics.Unsupported, Append(pointer, "servers"), "servers of an operation other than the document's; the call goes to the client's endpoint");
        }

        var (body, bodyRequired) = ReadBody(operation, unique, pointer);
        var response = ReadResponse(operation, unique, pointer);
        var responseModel = response is { Kind: BodyKind.Json, Type: { Kind: TypeKind.Model, Name: var model } } ? model : null;
        var paging = method == "get" && !headerParameters.Any(p => p.Required) ? ReadPaging(queryParameters, responseModel, unique, methodNames) : null;
        var waits = ReadWaits(operation, responseModel, queryParameters.Concat(headerParameters).ToList(), pointer);
        return new OperationSpec(
            unique,
            method,
            path,
            operation.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String ? summary.GetString() : null,
            Description(operation),
            pathParameters.ToEquatableArray(),
            queryParameters.ToEquatableArray(),
            hasProjectId,
            body,
            bodyRequired,
            response,
            paging,
            waits.ToEquatableArray(),
            Deprecation(operation),
            headerParameters.ToEquatableArray());
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
    /// query page"). Without a description it counts items, as offsets usually do.
    /// </summary>
    private static bool OffsetCountsItems(string? description) =>
        description is null
        || ((ItemWords.IsMatch(description) || !PageWord.IsMatch(description)) && !PageIndexWords.IsMatch(description));

    private static readonly System.Text.RegularExpressions.Regex ItemWords = new(@"\b(?:records?|entry|entries|position|offset|index)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly System.Text.RegularExpressions.Regex PageWord = new(@"\bpages?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static readonly System.Text.RegularExpressions.Regex PageIndexWords = new(@"\bstart\s+page\b|\bindex\s+of\s+the\s+(?:query\s+)?page\b|\bpage\s+(?:index|number)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>
    /// Integer <c>offset</c> and <c>limit</c> query parameters and a response with exactly one list: a paged list. The
    /// offset is a page index when its description says so (ModelArts: "Start page for pagination display"), else an item count.
    /// </summary>
    private PagingSpec? ReadPaging(List<ParameterSpec> query, string? responseType, string operationName, HashSet<string> methodNames)
    {
        var offset = query.FirstOrDefault(p => p.JsonName == "offset" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var limit = query.FirstOrDefault(p => p.JsonName == "limit" && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        if (offset is null || limit is null || responseType is null || !_modelsByName.TryGetValue(responseType, out var model) || query.Any(p => p.Required))
        {
            return null;
        }

        var lists = model.Properties.Where(p => p.Type.Kind == TypeKind.List).ToList();
        return lists.Count == 1 ? new PagingSpec(lists[0].Name, lists[0].Type.Element!, offset.Name, limit.Name, Naming.Unique(operationName + "Items", methodNames), !OffsetCountsItems(offset.Documentation)) : null;
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

        Add(shared, Append(pointer.Take(pointer.Length - 1).ToArray(), "parameters"));
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

    private (BodySpec? Body, bool Required) ReadBody(JsonElement operation, string operationName, string[] pointer)
    {
        if (!operation.TryGetProperty("requestBody", out var reference) || Component(reference, "requestBodies", Append(pointer, "requestBody")) is not { } body)
        {
            return (null, false);
        }

        var required = body.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        var at = Append(pointer, "requestBody");
        if (reference.TryGetProperty("$ref", out var target) && (target.GetString() ?? string.Empty).StartsWith("#/components/requestBodies/", StringComparison.Ordinal))
        {
            at = ["components", "requestBodies", Unescape(target.GetString()!.Substring("#/components/requestBodies/".Length))];
        }

        return (ReadContent(body, operationName + "Request", at, request: true), required);
    }

    /// <summary>
    /// The answer of the first success status (2xx, then 2XX) that has a body. Later successes with another body are
    /// reported: the method reads every success as the first one's type.
    /// </summary>
    private BodySpec? ReadResponse(JsonElement operation, string operationName, string[] pointer)
    {
        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        BodySpec? result = null;
        string? resultStatus = null;
        foreach (var candidate in responses.EnumerateObject().Where(r => IsSuccess(r.Name)).OrderBy(r => r.Name.ToUpperInvariant(), StringComparer.Ordinal))
        {
            var at = Append(pointer, "responses", candidate.Name);
            if (Component(candidate.Value, "responses", at) is not { } response)
            {
                continue;
            }

            if (candidate.Value.TryGetProperty("$ref", out var target) && (target.GetString() ?? string.Empty).StartsWith("#/components/responses/", StringComparison.Ordinal))
            {
                at = ["components", "responses", Unescape(target.GetString()!.Substring("#/components/responses/".Length))];
            }

            // Response headers and links are not returned (README: a DelegatingHandler reads headers); a header that points at nothing is still reported.
            if (response.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
            {
                foreach (var header in headers.EnumerateObject())
                {
                    Component(header.Value, "headers", Append(at, "headers", header.Name));
                }
            }

            if (!response.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object || !content.EnumerateObject().Any())
            {
                continue;
            }

            if (result is null)
            {
                result = ReadContent(response, operationName + "Response", at, request: false);
                resultStatus = candidate.Name;
                if (result is null)
                {
                    return null; // reported
                }

                continue;
            }

            var other = ChooseMedia(content);
            if (other is null || !SameBody(content, other.Value, result))
            {
                Report(Diagnostics.Unsupported, Append(at, "content"), $"a '{candidate.Name}' answer whose body differs from the '{resultStatus}' answer's; the method reads every success as the '{resultStatus}' body");
            }
        }

        return result;
    }

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2' && (status.Substring(1).All(char.IsDigit) || string.Equals(status.Substring(1), "XX", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether another answer's body is the chosen one: the same media kind and the same schema text (or <c>$ref</c>).</summary>
    private static bool SameBody(JsonElement content, JsonProperty media, BodySpec chosen)
    {
        if (Classify(media.Name, media.Value) != chosen.Kind)
        {
            return false;
        }

        var chosenMedia = content.TryGetProperty(chosen.MediaType, out var m) ? m : default;
        var a = media.Value.TryGetProperty("schema", out var sa) ? sa.GetRawText() : string.Empty;
        var b = chosenMedia.ValueKind == JsonValueKind.Object && chosenMedia.TryGetProperty("schema", out var sb) ? sb.GetRawText() : a;
        return chosen.Kind is BodyKind.Binary or BodyKind.Text || a == b;
    }

    /// <summary>
    /// The body of a request or response: the first media type the generator can type, in the order JSON, form,
    /// multipart, text, binary (the others are alternatives the service also takes). A body with none of these is reported.
    /// </summary>
    private BodySpec? ReadContent(JsonElement owner, string inlineName, string[] pointer, bool request)
    {
        if (!owner.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object || !content.EnumerateObject().Any())
        {
            return null;
        }

        if (ChooseMedia(content) is not { } media)
        {
            var first = content.EnumerateObject().First();
            Report(Diagnostics.Unsupported, Append(pointer, "content", first.Name), $"a '{first.Name}' body{(content.EnumerateObject().Count() > 1 ? " (and the other media types given)" : string.Empty)}; only JSON, form, multipart, text and binary bodies are generated, so the method {(request ? "sends no body" : "returns no body")}");
            return null;
        }

        var kind = Classify(media.Name, media.Value)!.Value;
        var at = Append(pointer, "content", media.Name);
        // An answer may come in any of the media types of its kind the document lists: the call accepts them all.
        var mediaType = request || kind is not (BodyKind.Binary or BodyKind.Text)
            ? media.Name
            : string.Join(", ", content.EnumerateObject().Where(m => Classify(m.Name, m.Value) == kind).Select(m => m.Name));

        var hasSchema = media.Value.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object;
        switch (kind)
        {
            case BodyKind.Binary:
                return new BodySpec(kind, mediaType, new TypeSpec(TypeKind.File), EquatableArray<EncodingSpec>.Empty);
            case BodyKind.Text:
                if (IsXml(media.Name) && hasSchema && SingleType(Resolved(schema)) is not ("string" or "integer" or "number" or "boolean"))
                {
                    Report(Diagnostics.Unsupported, Append(at, "schema"), $"an XML body ('{media.Name}'); it is {(request ? "sent" : "returned")} as its text, a string");
                }

                return new BodySpec(kind, mediaType, new TypeSpec(TypeKind.String), EquatableArray<EncodingSpec>.Empty);
            case BodyKind.Json:
                if (!hasSchema)
                {
                    return new BodySpec(kind, media.Name, TypeSpec.Json, EquatableArray<EncodingSpec>.Empty);
                }

                var type = ResolveType(schema, inlineName, string.Empty, Append(at, "schema"), jsonName: inlineName);
                return new BodySpec(kind, media.Name, type, EquatableArray<EncodingSpec>.Empty);
            default:
                // Form and multipart: a model whose properties are the fields.
                var formType = hasSchema ? ResolveType(schema, inlineName, string.Empty, Append(at, "schema"), jsonName: inlineName) : TypeSpec.Json;
                if (formType.Kind != TypeKind.Model)
                {
                    if (!(hasSchema && schema.TryGetProperty("$ref", out _) && formType == TypeSpec.Json))
                    {
                        Report(Diagnostics.Unsupported, hasSchema ? Append(at, "schema") : at, $"a '{media.Name}' body {(hasSchema ? "whose schema is not an object with properties" : "without a schema")}; the method {(request ? "sends no body" : "returns no body")}");
                    }

                    return null;
                }

                if (!request)
                {
                    // An answer in a form media type is rare; its text is what there is to read.
                    Report(Diagnostics.Unsupported, at, $"a '{media.Name}' answer; it is returned as {(kind == BodyKind.Form ? "its text, a string" : "a Stream of the whole body")}");
                    return kind == BodyKind.Form
                        ? new BodySpec(BodyKind.Text, media.Name, new TypeSpec(TypeKind.String), EquatableArray<EncodingSpec>.Empty)
                        : new BodySpec(BodyKind.Binary, media.Name, new TypeSpec(TypeKind.File), EquatableArray<EncodingSpec>.Empty);
                }

                return new BodySpec(kind, media.Name, formType, ReadEncoding(media.Value, formType.Name!, at));
        }
    }

    /// <summary>The first media type of a content map the generator can type, in the order JSON, form, multipart, text, binary.</summary>
    private static JsonProperty? ChooseMedia(JsonElement content)
    {
        var medias = content.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object).ToList();
        foreach (var kind in new[] { BodyKind.Json, BodyKind.Form, BodyKind.Multipart, BodyKind.Text, BodyKind.Binary })
        {
            foreach (var media in medias)
            {
                if (Classify(media.Name, media.Value) == kind)
                {
                    return media;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What a media type becomes; null when the generator has no typed form for it (an object in YAML, MessagePack,
    /// a multipart other than form-data, ...). Any media type whose schema is binary, a string or absent is binary content.
    /// </summary>
    private static BodyKind? Classify(string mediaType, JsonElement media)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        var schema = media.ValueKind == JsonValueKind.Object && media.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var textual = schema.ValueKind != JsonValueKind.Object || (SingleType(schema) == "string" && !schema.TryGetProperty("$ref", out _)) || (!schema.EnumerateObject().Any());
        switch (type)
        {
            case "application/x-www-form-urlencoded":
                return BodyKind.Form;
            case "multipart/form-data":
                return BodyKind.Multipart;
            case "*/*" or "application/*":
                return textual ? BodyKind.Binary : BodyKind.Json;
        }

        if (type.StartsWith("application/json", StringComparison.Ordinal) || type.EndsWith("+json", StringComparison.Ordinal) || type == "text/json")
        {
            return BodyKind.Json;
        }

        if (type.StartsWith("text/", StringComparison.Ordinal) || IsXml(type))
        {
            return BodyKind.Text;
        }

        if (type.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return null;
        }

        return textual || type is "application/octet-stream" or "application/pdf" or "application/zip" || type.StartsWith("image/", StringComparison.Ordinal)
            || type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal) || type.StartsWith("font/", StringComparison.Ordinal)
            ? BodyKind.Binary
            : null;
    }

    private static bool IsXml(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is "application/xml" or "text/xml" || type.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>
    /// The <c>encoding</c> of a form or multipart body: <c>contentType</c>, <c>style</c> and <c>explode</c> per property.
    /// <c>allowReserved</c> needs nothing (percent-encoding a reserved character sends the same value); per-part
    /// <c>headers</c> are reported.
    /// </summary>
    private EquatableArray<EncodingSpec> ReadEncoding(JsonElement media, string modelName, string[] pointer)
    {
        if (!media.TryGetProperty("encoding", out var encoding) || encoding.ValueKind != JsonValueKind.Object)
        {
            return EquatableArray<EncodingSpec>.Empty;
        }

        var model = _modelsByName.TryGetValue(modelName, out var m) ? m : null;
        var result = new List<EncodingSpec>();
        foreach (var entry in encoding.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object))
        {
            var at = Append(pointer, "encoding", entry.Name);
            if (model is not null && !model.Names.ContainsKey(entry.Name))
            {
                Report(Diagnostics.Unsupported, at, $"the encoding of '{entry.Name}', which the body's schema does not have; it is not used");
                continue;
            }

            if (entry.Value.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object && headers.EnumerateObject().Any())
            {
                Report(Diagnostics.Unsupported, Append(at, "headers"), $"headers of the part '{entry.Name}'; they are not sent");
            }

            string? Text(string key) => entry.Value.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            bool? explode = entry.Value.TryGetProperty("explode", out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.ValueKind == JsonValueKind.True : null;
            if (Text("contentType") is null && Text("style") is null && explode is null)
            {
                continue;
            }

            result.Add(new EncodingSpec(entry.Name, Text("contentType"), Text("style"), explode));
        }

        return result.ToEquatableArray();
    }

    private static bool IsScalar(TypeSpec type) => type.Kind is TypeKind.String or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Boolean or TypeKind.Enum;

    /// <summary>
    /// The styles the client writes: path <c>simple</c>; query <c>form</c> (lists exploded or joined by commas),
    /// <c>spaceDelimited</c> and <c>pipeDelimited</c> lists, <c>deepObject</c> objects; header <c>simple</c>.
    /// </summary>
    private static bool IsSupportedStyle(string location, string? style, TypeSpec type) => style is null || (location, style) switch
    {
        ("path", "simple") or ("header", "simple") => true,
        ("query", "form") => true,
        ("query", "spaceDelimited" or "pipeDelimited") => type.Kind == TypeKind.List,
        ("query", "deepObject") => type.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Json,
        _ => false,
    };

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
