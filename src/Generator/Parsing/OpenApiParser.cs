using System.Globalization;
using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

/// <summary>
/// Reads one OpenAPI 3.x document into specs. Everything it cannot use becomes a diagnostic located
/// in the document, and the rest is still generated; no exception escapes <see cref="Parse"/>.
/// <para>
/// Types are built on demand from what the operations reach, so a project that selects a few operations
/// pays for those; without a selection every component schema is generated too.
/// </para>
/// </summary>
internal sealed partial class OpenApiParser
{
    private const string SchemaPrefix = "#/components/schemas/";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>Validation keywords <c>Validate()</c> does not check: reported once per document (MAG009), not per place.</summary>
    private static readonly string[] UncheckedKeywords = ["const", "multipleOf", "uniqueItems", "contains", "minContains", "maxContains", "minProperties", "maxProperties"];

    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "WriteJson", "ReadJson", "WriteForm", "FromJson", "ToJson", "Validate", "Equals", "GetHashCode", "ToString", "GetType",
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
    };

    private readonly SourceDocument _source;
    private readonly string _stem;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<ModelBuilder> _models = [];
    private readonly Dictionary<string, ModelBuilder> _modelsByName = new(StringComparer.Ordinal);
    private readonly List<EnumSpec> _enums = [];
    private readonly Dictionary<string, string> _enumsByValues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _plannedEnumNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _canonicalEnumKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _plannedEnumSchemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeSpec> _builtComponents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeSpec> _inlineModels = new(StringComparer.Ordinal);
    private readonly HashSet<(string Id, int Start, string Message)> _reported = [];
    private readonly List<(Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor, string[] Pointer, string[] Arguments)> _pending = [];
    private JsonLocator.Lines? _lines;

    /// <summary>The document's root server URLs, for telling a path's or an operation's own servers apart.</summary>
    private string? _baseServers;

    /// <summary>What the generated code does not carry, by what it is (MAG009, once per kind): the first place and how many.</summary>
    private readonly Dictionary<string, (string[] First, int Count)> _unchecked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _securityHeaders = new(StringComparer.OrdinalIgnoreCase);
    private string _converterName = "JsonConverters";
    private JsonElement _root;
    private JsonElement _schemas;
    private JsonElement _components;

    private OpenApiParser(SourceDocument source, CancellationToken cancellationToken)
    {
        _source = source;
        _cancellationToken = cancellationToken;
        _stem = FileStem(source.Path);
    }

    public static DocumentSpec Parse(SourceDocument source, CancellationToken cancellationToken)
    {
        var parser = new OpenApiParser(source, cancellationToken);
        try
        {
            return parser.Run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A bug, not a bad document: say so at the document and generate nothing for it.
            try
            {
                parser.LocateReports(); // what was found before the failure is still told
            }
            catch (Exception)
            {
                parser._pending.Clear();
            }

            parser.ReportAt(Diagnostics.GeneratorFailure, 0, 0, e.GetType().Name + ": " + e.Message);
            return new DocumentSpec(source.Path, EquatableArray<ModelSpec>.Empty, EquatableArray<EnumSpec>.Empty, null, parser._diagnostics.ToEquatableArray(), EquatableArray<string>.Empty);
        }
    }

    /// <summary>A model while it is being read: its usage is known only once every operation has been read.</summary>
    private sealed class ModelBuilder(string name, string? documentation)
    {
        public string Name { get; } = name;

        public string? Documentation { get; } = documentation;

        public List<PropertySpec> Properties { get; } = [];

        public List<RuleSpec> Rules { get; } = [];

        public Dictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);

        public Usage Usage { get; set; }
    }

    private DocumentSpec Run()
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_source.Text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var offset = JsonLocator.Offset(_source.Text, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            ReportAt(Diagnostics.InvalidJson, offset, 1, e.Message);
            return Result(null, []);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("openapi", out var version) || version.ValueKind != JsonValueKind.String || !(version.GetString() ?? string.Empty).StartsWith("3.", StringComparison.Ordinal))
            {
                Report(Diagnostics.NotOpenApi, ["openapi"]);
                return Result(null, []);
            }

            _root = root;
            if (root.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Object)
            {
                _components = components;
                components.TryGetProperty("schemas", out _schemas);

                // Header parameters that are an apiKey scheme of the document are the authentication, not arguments.
                foreach (var scheme in Objects(components.TryGetProperty("securitySchemes", out var schemes) ? schemes : default))
                {
                    if (scheme.Value.ValueKind == JsonValueKind.Object && scheme.Value.TryGetProperty("in", out var place) && place.ValueKind == JsonValueKind.String && place.GetString() == "header"
                        && scheme.Value.TryGetProperty("name", out var header) && header.ValueKind == JsonValueKind.String)
                    {
                        _securityHeaders.Add(header.GetString()!);
                    }
                }
            }

            var clientName = _source.ClientName.Length > 0 ? _source.ClientName : ClientNameFromTitle(root);
            _typeNames.Add(clientName);
            _converterName = Naming.Unique(clientName + "JsonConverter", _typeNames);
            NameComponents();
            PlanEnumNames(root);
            ReportUnsupportedTopLevel(root);

            // Option lists that are components keep their own names wherever the same values appear inline.
            foreach (var component in Objects(_schemas).Where(c => IsEnumSchema(c.Value)))
            {
                ResolveComponent(component.Name, ["components", "schemas", component.Name]);
            }

            if (root.TryGetProperty("servers", out var servers) && servers.ValueKind == JsonValueKind.Array && servers.GetArrayLength() > 0)
            {
                _baseServers = ServerUrls(servers);
            }

            var selection = Selection.Parse(_source.Selection);
            var chapter = selection.WholeChapter(_source.Chapter);
            if (chapter is not null)
            {
                selection = Selection.Parse(string.Empty);
            }

            var (operations, matched) = ReadOperations(root, selection);
            if (chapter is not null)
            {
                matched.Add(chapter);
            }

            if (selection.IsEmpty)
            {
                // Without a selection every component is generated, used by an operation or not (webhook payloads, shared types).
                foreach (var component in Objects(_schemas))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    ResolveComponent(component.Name, ["components", "schemas", component.Name]);
                }
            }

            MarkUsage(operations);
            foreach (var note in _unchecked.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Report(Diagnostics.Unchecked, note.Value.First, note.Key, note.Value.Count.ToString(CultureInfo.InvariantCulture));
            }

            var title = root.TryGetProperty("info", out var info) && info.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var client = operations.Count == 0 && !selection.IsEmpty ? null : new ClientSpec(_source.Namespace, _stem, clientName, title, operations.ToEquatableArray());
            return Result(client, matched);
        }
    }

    private DocumentSpec Result(ClientSpec? client, IEnumerable<string> matchedSelectors)
    {
        LocateReports();
        var models = _models.Where(m => (m.Usage & (Usage.Request | Usage.Response)) != Usage.None)
            .Select(m => new ModelSpec(_source.Namespace, _stem, m.Name, m.Documentation, m.Properties.ToEquatableArray(), m.Rules.ToEquatableArray(), m.Usage, _converterName))
            .ToList();
        var usedEnums = new HashSet<string>(models.SelectMany(m => m.Properties).Select(p => EnumName(p.Type)).Where(n => n is not null)!, StringComparer.Ordinal);
        foreach (var operation in client?.Operations ?? EquatableArray<OperationSpec>.Empty)
        {
            usedEnums.UnionWith(operation.PathParameters.Concat(operation.QueryParameters).Concat(operation.HeaderParameters).Select(p => p.Type)
                .Concat(new[] { operation.Body?.Type, operation.Response?.Type }.Where(t => t is not null)!)
                .Select(t => EnumName(t!)).Where(n => n is not null)!);
        }

        var enums = _enums.Where(e => usedEnums.Contains(e.Name)).ToList();
        var converters = models.Count + enums.Count == 0
            ? null
            : new ConvertersSpec(_source.Namespace, _stem, _converterName, models.Select(m => m.Name).ToEquatableArray(), enums.Select(e => e.Name).ToEquatableArray());
        return new DocumentSpec(_source.Path, models.ToEquatableArray(), enums.ToEquatableArray(), client, _diagnostics.ToEquatableArray(), matchedSelectors.ToEquatableArray(), converters);
    }

    private static string? EnumName(TypeSpec type) => type.Kind switch
    {
        TypeKind.Enum => type.Name,
        TypeKind.List or TypeKind.Map => EnumName(type.Element!),
        _ => null,
    };

    /// <summary>
    /// Usage by reachability: a model a request body reaches gets <c>Validate()</c> and the analyzers' attributes;
    /// one only responses reach needs neither. A component no operation reaches is treated as both.
    /// </summary>
    private void MarkUsage(List<OperationSpec> operations)
    {
        foreach (var operation in operations)
        {
            if (operation.Body is { } body)
            {
                MarkType(body.Type, Usage.Request);
                if (body.Kind is BodyKind.Form or BodyKind.Multipart && _modelsByName.TryGetValue(body.Type.Name!, out var form))
                {
                    form.Usage |= Usage.Form;
                }
            }

            if (operation.Response is { } response)
            {
                MarkType(response.Type, Usage.Response);
            }
        }

        foreach (var model in _models.Where(m => m.Usage == Usage.None))
        {
            Mark(model.Name, Usage.Request | Usage.Response);
        }
    }

    private void Mark(string modelName, Usage usage)
    {
        if (!_modelsByName.TryGetValue(modelName, out var model) || (model.Usage & usage) == usage)
        {
            return;
        }

        model.Usage |= usage;
        foreach (var property in model.Properties)
        {
            MarkType(property.Type, usage);
        }
    }

    /// <summary>Marks the model a type is or holds (items and map values included).</summary>
    private void MarkType(TypeSpec? type, Usage usage)
    {
        for (; type is not null; type = type.Element)
        {
            if (type.Kind == TypeKind.Model)
            {
                Mark(type.Name!, usage);
            }
        }
    }

    /// <summary>Object-shaped component schemas become classes named after the schema; a second schema with the same C# name is renamed and reported.</summary>
    private void NameComponents()
    {
        foreach (var component in Objects(_schemas))
        {
            if (!IsObjectSchema(component.Value))
            {
                continue;
            }

            var name = AmbientTypes.Avoid(Naming.Pascal(component.Name), "Object");
            var unique = Naming.Unique(name, _typeNames);
            if (unique != name)
            {
                Report(Diagnostics.NameCollision, ["components", "schemas", component.Name], $"schema '{component.Name}'", name, unique);
            }

            _componentTypes[component.Name] = unique;
        }
    }

    /// <summary>Constructs the document does not turn into code, named where they are.</summary>
    private void ReportUnsupportedTopLevel(JsonElement root)
    {
        if (root.TryGetProperty("webhooks", out var webhooks) && webhooks.ValueKind == JsonValueKind.Object && webhooks.EnumerateObject().Any())
        {
            Report(Diagnostics.Unsupported, ["webhooks"], "webhooks; no method is generated for them (their payload schemas in components are generated as models)");
        }
    }

    private static bool IsEnumSchema(JsonElement schema) => OptionListOf(schema) is not null;

    private static int? Int(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Number(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;

    private static bool HasProperties(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.EnumerateObject().Any();

    private static string? Description(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

    private static HashSet<string> StringSet(JsonElement schema, string name) => new(StringList(schema, name), StringComparer.Ordinal);

    private static List<string> StringList(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static IEnumerable<JsonProperty> Objects(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];

    private static string[] Append(string[] pointer, params string[] segments)
    {
        var result = new string[pointer.Length + segments.Length];
        pointer.CopyTo(result, 0);
        segments.CopyTo(result, pointer.Length);
        return result;
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Unescape(string pointerSegment) => pointerSegment.Replace("~1", "/").Replace("~0", "~");

    internal static string Literal(string value)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static string FileStem(string path)
    {
        var file = System.IO.Path.GetFileName(path);
        var stem = file.EndsWith(".openapi.json", StringComparison.OrdinalIgnoreCase) ? file.Substring(0, file.Length - ".openapi.json".Length) : file;
        return Naming.Pascal(stem);
    }

    private static string ClientNameFromTitle(JsonElement root) =>
        root.TryGetProperty("info", out var info) && info.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
            ? Naming.Pascal((title.GetString() ?? "Api").Replace(" API", string.Empty)) + "Client"
            : "ApiClient";

    /// <summary>A diagnostic at a JSON pointer; located with all the others in one pass over the document (<see cref="LocateReports"/>).</summary>
    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string[] pointer, params string[] arguments) =>
        _pending.Add((descriptor, pointer, arguments));

    /// <summary>Locates the reports made so far, in the order they were made.</summary>
    private void LocateReports()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var spans = JsonLocator.FindAll(_source.Text, _pending.Select(p => (IReadOnlyList<string>)p.Pointer).ToList());
        for (var i = 0; i < _pending.Count; i++)
        {
            ReportAt(_pending[i].Descriptor, spans[i].Start, spans[i].Length, _pending[i].Arguments);
        }

        _pending.Clear();
    }

    /// <summary>Counts one more place of something the generated code does not carry, for one MAG009 per kind.</summary>
    private void Note(string what, string[] pointer) =>
        _unchecked[what] = _unchecked.TryGetValue(what, out var seen) ? (seen.First, seen.Count + 1) : (pointer, 1);

    private void ReportAt(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int length, params string[] arguments)
    {
        // A part several models compose is read with each: its report is made once.
        if (!_reported.Add((descriptor.Id, start, string.Join("\u0001", arguments))))
        {
            return;
        }

        _lines ??= new JsonLocator.Lines(_source.Text);
        var (line, column) = _lines.Of(start);
        var (endLine, endColumn) = _lines.Of(start + length);
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, _source.Path, start, length, line, column, endLine, endColumn, arguments.ToEquatableArray()));
    }
}
