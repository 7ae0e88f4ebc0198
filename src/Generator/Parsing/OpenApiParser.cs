using System.Globalization;
using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

/// <summary>
/// Reads one OpenAPI 3.x document into specs. Everything it cannot use becomes a diagnostic located
/// in the document, and the rest is still generated; no exception escapes <see cref="Parse"/>.
/// </summary>
internal sealed partial class OpenApiParser
{
    private const string SchemaPrefix = "#/components/schemas/";
    private const string ParameterPrefix = "#/components/parameters/";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "AdditionalProperties", "WriteJson", "ReadJson", "FromJson", "ToJson", "Validate", "Equals", "GetHashCode", "ToString", "GetType",
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
    };

    private readonly SourceDocument _source;
    private readonly string _stem;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly List<ModelSpec> _models = [];
    private readonly List<EnumSpec> _enums = [];
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _componentTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _propertyNames = new(StringComparer.Ordinal);
    private JsonElement _schemas;
    private JsonElement _parameters;

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
            parser.Report(Diagnostics.GeneratorFailure, [], e.GetType().Name + ": " + e.Message);
            return new DocumentSpec(source.Path, EquatableArray<ModelSpec>.Empty, EquatableArray<EnumSpec>.Empty, null, parser._diagnostics.ToEquatableArray());
        }
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
            return Result(null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("openapi", out var version) || version.ValueKind != JsonValueKind.String || !(version.GetString() ?? string.Empty).StartsWith("3.", StringComparison.Ordinal))
            {
                Report(Diagnostics.NotOpenApi, ["openapi"]);
                return Result(null);
            }

            if (root.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Object)
            {
                components.TryGetProperty("schemas", out _schemas);
                components.TryGetProperty("parameters", out _parameters);
            }

            var clientName = _source.ClientName.Length > 0 ? _source.ClientName : ClientNameFromTitle(root);
            _typeNames.Add(clientName);
            NameComponents();
            foreach (var component in Objects(_schemas))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (_componentTypes.TryGetValue(component.Name, out var typeName))
                {
                    BuildModel(typeName, component.Value, ["components", "schemas", component.Name], component.Name);
                }
            }

            var operations = ReadOperations(root);
            var title = root.TryGetProperty("info", out var info) && info.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return Result(new ClientSpec(_source.Namespace, _stem, clientName, title, operations.ToEquatableArray()));
        }
    }

    private DocumentSpec Result(ClientSpec? client) =>
        new(_source.Path, _models.ToEquatableArray(), _enums.ToEquatableArray(), client, _diagnostics.ToEquatableArray());

    /// <summary>Object-shaped component schemas become classes named after the schema; a second schema with the same C# name is renamed and reported.</summary>
    private void NameComponents()
    {
        foreach (var component in Objects(_schemas))
        {
            if (!IsObjectSchema(component.Value))
            {
                continue;
            }

            var name = Naming.Pascal(component.Name);
            var unique = Naming.Unique(name, _typeNames);
            if (unique != name)
            {
                Report(Diagnostics.NameCollision, ["components", "schemas", component.Name], $"schema '{component.Name}'", name, unique);
            }

            _componentTypes[component.Name] = unique;
        }
    }

    private void BuildModel(string typeName, JsonElement schema, string[] pointer, string? componentKey)
    {
        var names = PropertyNames(schema, typeName, pointer);
        if (componentKey is not null)
        {
            _propertyNames[componentKey] = names;
        }

        var required = StringSet(schema, "required");
        var properties = new List<PropertySpec>();
        foreach (var property in Objects(schema.TryGetProperty("properties", out var p) ? p : default))
        {
            var propertyPointer = Append(pointer, "properties", property.Name);
            var name = names[property.Name];
            var type = ResolveType(property.Value, typeName, name, propertyPointer);
            var items = type.Kind == TypeKind.List && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("items", out var itemSchema)
                ? Constraints(itemSchema)
                : ConstraintSpec.None;
            properties.Add(new PropertySpec(
                property.Name,
                name,
                type,
                required.Contains(property.Name),
                Description(property.Value),
                Constraints(property.Value),
                items,
                property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("default", out var d) ? d.GetRawText() : null));
        }

        var exclusive = ReadExclusive(schema, names, pointer);
        var counts = new List<CountConditionSpec>();
        var conditionals = ReadConditionals(schema, names, pointer, counts);
        _models.Add(new ModelSpec(_source.Namespace, _stem, typeName, Description(schema), properties.ToEquatableArray(), exclusive.ToEquatableArray(), conditionals.ToEquatableArray(), counts.ToEquatableArray(), ReadRequiredGroups(schema, names).ToEquatableArray()));
    }

    /// <summary>
    /// An object whose <c>anyOf</c> alternatives only list required properties of its own ("name or id"): a model
    /// with a presence rule, not a union. (A <c>oneOf</c> stays a union, kept as JSON.)
    /// </summary>
    private static bool IsRequiredGroupOnly(JsonElement schema)
    {
        if (!HasProperties(schema) || schema.TryGetProperty("oneOf", out _)
            || !schema.TryGetProperty("anyOf", out var alternatives) || alternatives.ValueKind != JsonValueKind.Array || alternatives.GetArrayLength() == 0)
        {
            return false;
        }

        var properties = schema.GetProperty("properties");
        return alternatives.EnumerateArray().All(alternative =>
            alternative.ValueKind == JsonValueKind.Object
            && alternative.EnumerateObject().All(k => k.Name is "required" or "description" or "title" || k.Name.StartsWith("x-", StringComparison.Ordinal))
            && StringList(alternative, "required") is { Count: > 0 } names
            && names.All(n => properties.TryGetProperty(n, out _)));
    }

    private static List<RequiredGroupSpec> ReadRequiredGroups(JsonElement schema, Dictionary<string, string> names)
    {
        var groups = new List<RequiredGroupSpec>();
        if (schema.ValueKind != JsonValueKind.Object || !IsRequiredGroupOnly(schema))
        {
            return groups;
        }

        var list = schema.GetProperty("anyOf").EnumerateArray()
            .Select(a => StringList(a, "required"))
            .Select(json => new RequiredAlternativeSpec(json.Select(n => names[n]).ToEquatableArray(), json.ToEquatableArray()))
            .ToList();
        groups.Add(new RequiredGroupSpec(list.ToEquatableArray()));
        return groups;
    }

    /// <summary>JSON name → C# property name for one schema; collisions are renamed and reported.</summary>
    private Dictionary<string, string> PropertyNames(JsonElement schema, string typeName, string[] pointer)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { typeName };
        foreach (var property in Objects(schema.TryGetProperty("properties", out var p) ? p : default))
        {
            var name = Naming.Pascal(property.Name);
            var unique = Naming.Unique(name, taken);
            if (unique != name)
            {
                Report(Diagnostics.NameCollision, Append(pointer, "properties", property.Name), $"property '{property.Name}' of {typeName}", name, unique);
            }

            names[property.Name] = unique;
        }

        return names;
    }

    private TypeSpec ResolveType(JsonElement schema, string owner, string member, string[] pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return TypeSpec.Json;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return ResolveReference(reference.GetString() ?? string.Empty, Append(pointer, "$ref"));
        }

        if ((schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("oneOf", out _)) && !IsRequiredGroupOnly(schema))
        {
            return TypeSpec.Json; // documented: a union is kept as JSON
        }

        var type = SingleType(schema);
        if (type is "string" or "integer" && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return BuildEnum(schema, values, type, owner + member, pointer);
        }

        switch (type)
        {
            case "string":
                return new TypeSpec(TypeKind.String);
            case "integer":
                return new TypeSpec(Format(schema) == "int32" ? TypeKind.Int32 : TypeKind.Int64);
            case "number":
                return new TypeSpec(Format(schema) == "float" ? TypeKind.Single : TypeKind.Double);
            case "boolean":
                return new TypeSpec(TypeKind.Boolean);
            case "array":
                var items = schema.TryGetProperty("items", out var itemSchema) ? ResolveType(itemSchema, owner, member + "Item", Append(pointer, "items")) : TypeSpec.Json;
                return new TypeSpec(TypeKind.List, Element: items);
            case "object" or null:
                if (HasProperties(schema))
                {
                    var name = Naming.Unique(owner + member, _typeNames);
                    BuildModel(name, schema, pointer, null);
                    return new TypeSpec(TypeKind.Model, name);
                }

                if (schema.TryGetProperty("additionalProperties", out var valueSchema) && valueSchema.ValueKind == JsonValueKind.Object)
                {
                    return new TypeSpec(TypeKind.Map, Element: ResolveType(valueSchema, owner, member + "Value", Append(pointer, "additionalProperties")));
                }

                return TypeSpec.Json; // a free-form object
            default:
                return TypeSpec.Json; // a list of types (a widened union) or "null"
        }
    }

    private TypeSpec ResolveReference(string reference, string[] pointer)
    {
        if (reference.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            var key = Unescape(reference.Substring(SchemaPrefix.Length));
            if (_componentTypes.TryGetValue(key, out var typeName))
            {
                return new TypeSpec(TypeKind.Model, typeName);
            }

            if (_schemas.ValueKind == JsonValueKind.Object && _schemas.TryGetProperty(key, out var target))
            {
                return ResolveType(target, Naming.Pascal(key), string.Empty, ["components", "schemas", key]);
            }
        }

        Report(Diagnostics.UnresolvedReference, pointer, reference);
        return TypeSpec.Json;
    }

    private TypeSpec BuildEnum(JsonElement schema, JsonElement values, string type, string desiredName, string[] pointer)
    {
        var kind = type == "string" ? TypeKind.String : Format(schema) == "int32" ? TypeKind.Int32 : TypeKind.Int64;
        var raw = new List<string>();
        foreach (var value in values.EnumerateArray())
        {
            var fits = kind == TypeKind.String ? value.ValueKind == JsonValueKind.String : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
            if (!fits)
            {
                Report(Diagnostics.Unsupported, Append(pointer, "enum"), $"enum value {value.GetRawText()} is not a {type}; the member is a plain {type}");
                return new TypeSpec(kind == TypeKind.String ? TypeKind.String : kind);
            }

            raw.Add(kind == TypeKind.String ? value.GetString()! : value.GetRawText());
        }

        if (raw.Count == 0)
        {
            return new TypeSpec(kind);
        }

        var name = Naming.Unique(desiredName, _typeNames);
        var docs = OptionDocs(Description(schema));
        var members = new List<EnumMemberSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType" };
        foreach (var value in raw)
        {
            docs.TryGetValue(value, out var doc);
            var memberName = kind == TypeKind.String ? (value.Length == 0 ? "Empty" : Naming.Pascal(value)) : NumberMemberName(value, doc);
            var literal = kind == TypeKind.String ? Literal(value) : kind == TypeKind.Int64 ? value + "L" : value;
            members.Add(new EnumMemberSpec(Naming.Unique(memberName, taken), literal, doc));
        }

        _enums.Add(new EnumSpec(_source.Namespace, _stem, name, kind, Description(schema), members.ToEquatableArray()));
        return new TypeSpec(TypeKind.Enum, name, new TypeSpec(kind));
    }

    /// <summary>An integer option is named by its meaning when that is short ("0: labeling personnel" → LabelingPersonnel), else by its value.</summary>
    private static string NumberMemberName(string value, string? doc)
    {
        if (doc is not null)
        {
            var text = doc.Split('(')[0].Split('.')[0].Split(',')[0].Trim();
            var words = text.Split([' '], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is > 0 and <= 4 && words.All(w => w.All(c => char.IsLetter(c) && c < 128)))
            {
                return Naming.Pascal(text);
            }
        }

        return value.StartsWith("-", StringComparison.Ordinal) ? "ValueMinus" + value.Substring(1) : "Value" + value;
    }

    /// <summary>"- value: meaning" lines of a description, by value.</summary>
    private static Dictionary<string, string> OptionDocs(string? description)
    {
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (description ?? string.Empty).Split('\n'))
        {
            if (!line.StartsWith("- ", StringComparison.Ordinal))
            {
                continue;
            }

            var body = line.Substring(2);
            var colon = body.IndexOfAny([':', '：']);
            var paren = body.IndexOfAny(['(', '（']);
            var end = colon >= 0 && (paren < 0 || colon < paren) ? colon : paren;
            var value = (end >= 0 ? body.Substring(0, end) : body).Trim();
            var meaning = end >= 0 ? body.Substring(end + 1).Trim().TrimEnd(')', '）') : string.Empty;
            if (value.Length > 0 && !docs.ContainsKey(value))
            {
                docs[value] = meaning;
            }
        }

        return docs;
    }

    private List<ExclusiveSpec> ReadExclusive(JsonElement schema, Dictionary<string, string> names, string[] pointer)
    {
        var result = new List<ExclusiveSpec>();
        void Read(JsonElement not, string[] at)
        {
            var pair = StringList(not, "required");
            if (pair.Count != 2 || !names.TryGetValue(pair[0], out var first) || !names.TryGetValue(pair[1], out var second))
            {
                Report(Diagnostics.Unsupported, at, "'not' other than 'not: {required: [a, b]}' over two properties of the schema; it is not checked");
                return;
            }

            var source = not.TryGetProperty("x-doc-source", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0 && s[0].TryGetProperty("sentence", out var sentence) ? sentence.GetString() : null;
            result.Add(new ExclusiveSpec(first, pair[0], second, pair[1], source));
        }

        if (schema.TryGetProperty("not", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            Read(single, Append(pointer, "not"));
        }

        if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in all.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("not", out var not))
                {
                    Read(not, Append(pointer, "allOf", i.ToString(CultureInfo.InvariantCulture), "not"));
                }

                i++;
            }
        }

        return result;
    }

    /// <summary>
    /// The supported <c>if</c>/<c>then</c> shape: <c>if</c> requires one property equal to a constant,
    /// <c>then</c> narrows one (possibly nested) property to an <c>enum</c>.
    /// </summary>
    private List<ConditionalSpec> ReadConditionals(JsonElement schema, Dictionary<string, string> names, string[] pointer, List<CountConditionSpec> counts)
    {
        var result = new List<ConditionalSpec>();
        if (!schema.TryGetProperty("if", out var condition))
        {
            return result;
        }

        if (schema.TryGetProperty("then", out var then) && TryReadCountCondition(schema, condition, then, names) is { } count)
        {
            counts.Add(count);
            return result;
        }

        if (!schema.TryGetProperty("then", out var consequence) || !TryReadCondition(condition, names, out var ifName, out var ifJson, out var ifValue)
            || !TryReadConsequence(consequence, schema, names, out var thenPath, out var thenJsonPath, out var allowed, out var isString))
        {
            Report(Diagnostics.Unsupported, Append(pointer, "if"), "'if'/'then' other than 'property equals a constant, then a property is one of an enum'; it is not checked");
            return result;
        }

        var message = schema.TryGetProperty("x-doc-conditions", out var docs) && docs.ValueKind == JsonValueKind.Array && docs.GetArrayLength() > 0
            && docs[0].TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()!
            : $"{string.Join(".", thenJsonPath)} must be one of {string.Join(", ", allowed)} when {ifJson} is {ifValue}";
        result.Add(new ConditionalSpec(
            new[] { ifName }.ToEquatableArray(),
            new[] { ifJson }.ToEquatableArray(),
            ifValue,
            thenPath.ToEquatableArray(),
            thenJsonPath.ToEquatableArray(),
            isString,
            allowed.ToEquatableArray(),
            message));
        return result;
    }

    /// <summary>The second supported shape: <c>if</c> a list has at least N items, <c>then</c> another property is required.</summary>
    private static CountConditionSpec? TryReadCountCondition(JsonElement schema, JsonElement condition, JsonElement then, Dictionary<string, string> names)
    {
        if (condition.ValueKind != JsonValueKind.Object || !condition.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var list = properties.EnumerateObject().ToList();
        var required = StringList(then, "required");
        if (list.Count != 1 || !list[0].Value.TryGetProperty("minItems", out var minItems) || !minItems.TryGetInt32(out var minimum)
            || !StringSet(condition, "required").Contains(list[0].Name) || required.Count != 1
            || !names.TryGetValue(list[0].Name, out var countName) || !names.TryGetValue(required[0], out var requiredName))
        {
            return null;
        }

        var message = schema.TryGetProperty("x-doc-conditions", out var docs) && docs.ValueKind == JsonValueKind.Array && docs.GetArrayLength() > 0
            && docs[0].TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()!
            : $"{required[0]} is required when {list[0].Name} has {minimum} or more items";
        return new CountConditionSpec(countName, list[0].Name, minimum, requiredName, required[0], message);
    }

    private static bool TryReadCondition(JsonElement condition, Dictionary<string, string> names, out string name, out string json, out string literal)
    {
        name = json = literal = string.Empty;
        if (condition.ValueKind != JsonValueKind.Object || !condition.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var list = properties.EnumerateObject().ToList();
        if (list.Count != 1 || !list[0].Value.TryGetProperty("const", out var constant) || !names.TryGetValue(list[0].Name, out var csName)
            || !StringSet(condition, "required").Contains(list[0].Name))
        {
            return false;
        }

        name = csName;
        json = list[0].Name;
        literal = constant.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => Literal(constant.GetString()!),
            JsonValueKind.Number => constant.GetRawText(),
            _ => string.Empty,
        };
        return literal.Length > 0;
    }

    private bool TryReadConsequence(JsonElement consequence, JsonElement owner, Dictionary<string, string> names, out List<string> path, out List<string> jsonPath, out List<string> allowed, out bool isString)
    {
        path = [];
        jsonPath = [];
        allowed = [];
        isString = false;
        var current = consequence;
        var currentOwner = owner;
        var currentNames = names;
        while (true)
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (current.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                isString = values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String);
                allowed = values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
                return path.Count > 0 && allowed.Count > 0;
            }

            if (!current.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var list = properties.EnumerateObject().ToList();
            if (list.Count != 1 || currentNames is null || !currentNames.TryGetValue(list[0].Name, out var csName))
            {
                return false;
            }

            path.Add(csName);
            jsonPath.Add(list[0].Name);

            // Step into the schema of that property in the model, to name the next segment.
            currentNames = null;
            if (currentOwner.TryGetProperty("properties", out var ownerProperties) && ownerProperties.TryGetProperty(list[0].Name, out var propertySchema))
            {
                if (propertySchema.TryGetProperty("$ref", out var reference) && (reference.GetString() ?? string.Empty).StartsWith(SchemaPrefix, StringComparison.Ordinal))
                {
                    var key = Unescape(reference.GetString()!.Substring(SchemaPrefix.Length));
                    if (_schemas.ValueKind == JsonValueKind.Object && _schemas.TryGetProperty(key, out var target))
                    {
                        currentOwner = target;
                        currentNames = _propertyNames.TryGetValue(key, out var known) ? known : PropertyNames(target, Naming.Pascal(key), ["components", "schemas", key]);
                    }
                }
                else
                {
                    currentOwner = propertySchema;
                    currentNames = PropertyNamesQuiet(propertySchema);
                }
            }

            current = list[0].Value;
        }
    }

    private static Dictionary<string, string> PropertyNamesQuiet(JsonElement schema)
    {
        var taken = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal);
        return Objects(schema.TryGetProperty("properties", out var p) ? p : default)
            .ToDictionary(x => x.Name, x => Naming.Unique(Naming.Pascal(x.Name), taken), StringComparer.Ordinal);
    }

    private static ConstraintSpec Constraints(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return ConstraintSpec.None;
        }

        var patterns = new List<string>();
        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            patterns.Add(pattern.GetString()!);
        }

        if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array)
        {
            patterns.AddRange(all.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String)
                .Select(item => item.GetProperty("pattern").GetString()!));
        }

        var allowed = schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList()
            : [];
        var format = schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String && f.GetString() is "decimal-range" or "date-period" ? f.GetString() : null;
        var bounds = schema.TryGetProperty("x-format-bounds", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var spec = new ConstraintSpec(
            Int(schema, "minLength"),
            Int(schema, "maxLength"),
            patterns.ToEquatableArray(),
            Number(schema, "minimum"),
            Number(schema, "maximum"),
            Number(schema, "exclusiveMinimum"),
            Number(schema, "exclusiveMaximum"),
            allowed.ToEquatableArray(),
            format,
            format is null || bounds.ValueKind != JsonValueKind.Object ? null : Number(bounds, "minimum"),
            format is null || bounds.ValueKind != JsonValueKind.Object ? null : Number(bounds, "maximum"),
            format is null ? null : Int(schema, "x-format-max-days"),
            values.ValueKind == JsonValueKind.Array && values.EnumerateArray().All(v => v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)) ? "[" + string.Join(",", values.EnumerateArray().Select(Canonical)) + "]" : null,
            Format(schema) switch { "int32" => 32, "int64" => 64, _ => null },
            Int(schema, "minItems"),
            Int(schema, "maxItems"));
        return spec == ConstraintSpec.None ? ConstraintSpec.None : spec;
    }

    /// <summary>A scalar as compact JSON: strings re-escaped, numbers and literals as written.</summary>
    private static string Canonical(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Literal(value.GetString()!) : value.GetRawText();

    private static int? Int(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Number(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? SingleType(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            var types = type.EnumerateArray().Select(t => t.GetString()).Where(t => t != "null").ToList();
            return types.Count == 1 ? types[0] : "union";
        }

        return null;
    }

    private static string? Format(JsonElement schema) =>
        schema.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;

    private static bool HasProperties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.EnumerateObject().Any();

    /// <summary>A schema generated as a class: an object with properties.</summary>
    private static bool IsObjectSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && (SingleType(schema) is "object" or null) && !schema.TryGetProperty("$ref", out _)
        && (HasProperties(schema) || (SingleType(schema) == "object" && !schema.TryGetProperty("additionalProperties", out _)));

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

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string[] pointer, params string[] arguments)
    {
        var (start, length) = JsonLocator.Find(_source.Text, pointer);
        ReportAt(descriptor, start, length, arguments);
    }

    private void ReportAt(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, int start, int length, params string[] arguments)
    {
        var (line, column) = JsonLocator.LineColumn(_source.Text, start);
        var (endLine, endColumn) = JsonLocator.LineColumn(_source.Text, start + length);
        _diagnostics.Add(new DiagnosticInfo(descriptor.Id, _source.Path, start, length, line, column, endLine, endColumn, arguments.ToEquatableArray()));
    }
}
