using System.Text.Json;
using ModelArts.Generator.Model;

namespace ModelArts.Generator.Parsing;

internal sealed partial class OpenApiParser
{
    /// <summary>The type of <c>#/components/schemas/{key}</c>, built the first time something reaches it.</summary>
    private TypeSpec ResolveComponent(string key, string[] pointer)
    {
        if (_builtComponents.TryGetValue(key, out var built))
        {
            return built;
        }

        if (_schemas.ValueKind != JsonValueKind.Object || !_schemas.TryGetProperty(key, out var schema))
        {
            Report(Diagnostics.UnresolvedReference, pointer, SchemaPrefix + key);
            return TypeSpec.Json;
        }

        var componentPointer = new[] { "components", "schemas", key };
        if (_componentTypes.TryGetValue(key, out var typeName))
        {
            var model = new TypeSpec(TypeKind.Model, typeName);
            _builtComponents[key] = model; // before its properties: a schema may refer to itself
            BuildModel(typeName, schema, componentPointer);
            return model;
        }

        if (!_building.Add(key))
        {
            Report(Diagnostics.Unsupported, componentPointer, $"schema '{key}' refers to itself without an object in between; it is generated as JsonElement");
            return TypeSpec.Json;
        }

        var ownName = AmbientTypes.Avoid(Naming.Pascal(key), IsEnumSchema(schema) ? "Option" : "Object");
        var type = ResolveType(schema, Naming.Pascal(key), string.Empty, componentPointer, jsonName: key, componentName: ownName);
        _building.Remove(key);
        _builtComponents[key] = type;
        return type;
    }

    private void BuildModel(string typeName, JsonElement schema, string[] pointer) =>
        BuildModel(typeName, Description(schema), ObjectParts(schema, pointer).ToList());

    /// <summary>A class of the properties and required lists of <paramref name="parts"/> (an object's <c>allOf</c> parts and itself).</summary>
    private void BuildModel(string typeName, string? description, List<(JsonElement Part, string[] Pointer)> parts)
    {
        var builder = new ModelBuilder(typeName, description);
        _models.Add(builder);
        _modelsByName[typeName] = builder;

        var pointer = parts.Count > 0 ? parts[parts.Count - 1].Pointer : []; // the schema itself comes last
        var properties = new List<(JsonProperty Property, string[] Pointer)>();
        var definitions = new Dictionary<string, List<(JsonElement Schema, string[] Pointer)>>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var requiredInRequests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, partPointer) in parts)
        {
            foreach (var property in Objects(part.TryGetProperty("properties", out var p) ? p : default))
            {
                var propertyPointer = Append(partPointer, "properties", property.Name);
                if (!definitions.TryGetValue(property.Name, out var list))
                {
                    definitions[property.Name] = list = [];
                    properties.Add((property, propertyPointer));
                }

                list.Add((property.Value, propertyPointer));
            }

            required.UnionWith(StringList(part, "required"));
            requiredInRequests.UnionWith(StringList(part, "x-required-in-requests"));
        }

        builder.Names = PropertyNames(properties.Select(p => (p.Property.Name, p.Pointer)), typeName);
        foreach (var (property, propertyPointer) in properties)
        {
            var name = builder.Names[property.Name];
            // An inline type of a part another component holds is that component's (one type, named after it, for every model composing it).
            var owner = propertyPointer is ["components", "schemas", var component, ..] && propertyPointer.Length > 3 && component != pointer.ElementAtOrDefault(2)
                ? (_componentTypes.TryGetValue(component, out var ownerType) ? ownerType : Naming.Pascal(component))
                : typeName;
            var member = owner == typeName ? name : Naming.Pascal(property.Name);
            var type = ComposedProperty(definitions[property.Name], owner, member) ?? ResolveType(property.Value, owner, member, propertyPointer, jsonName: property.Name);
            var value = TypingSchema(property.Value);
            var items = type.Kind == TypeKind.List && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("items", out var itemSchema)
                ? Constraints(TypingSchema(itemSchema))
                : ConstraintSpec.None;
            builder.Properties.Add(new PropertySpec(
                property.Name,
                name,
                type,
                required.Contains(property.Name),
                Description(property.Value) ?? Description(value),
                Constraints(value),
                items,
                (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("default", out var d)) || (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("default", out d)) ? CompactJson(d) : null,
                IsNullable(property.Value),
                !required.Contains(property.Name) && requiredInRequests.Contains(property.Name)));
        }

        foreach (var (part, partPointer) in parts)
        {
            NoteUnchecked(part, partPointer, isModel: true);
            ReadRules(builder, part, partPointer);
        }
    }

    /// <summary>
    /// A property several parts of <c>allOf</c> define differently: all apply. Objects are composed into one class of
    /// all their properties; values of one kind keep the first definition's type; values of different kinds are
    /// reported (MAG003) and typed by the first. Null when the property has one definition (or repeats it).
    /// </summary>
    private TypeSpec? ComposedProperty(List<(JsonElement Schema, string[] Pointer)> definitions, string owner, string member)
    {
        var distinct = definitions.Where(d => !IsAnnotationOnly(d.Schema)).GroupBy(d => d.Schema.GetRawText(), StringComparer.Ordinal).Select(g => g.First()).ToList();
        if (distinct.Count < 2)
        {
            return null;
        }

        if (distinct.All(d => IsObjectLike(TypingSchema(d.Schema))))
        {
            var key = string.Join("/", distinct[0].Pointer) + "+";
            if (_inlineModels.TryGetValue(key, out var known))
            {
                return known;
            }

            var name = Naming.Unique(AmbientTypes.Avoid(owner + member, "Object"), _typeNames);
            var model = new TypeSpec(TypeKind.Model, name);
            _inlineModels[key] = model;
            var parts = distinct.SelectMany(d => LocalSchema(d.Schema.TryGetProperty("$ref", out var r) ? r.GetString() ?? string.Empty : string.Empty) is { } target
                ? ObjectParts(target.Schema, target.Pointer)
                : ObjectParts(d.Schema, d.Pointer)).ToList();
            BuildModel(name, Description(distinct[0].Schema), parts);
            return model;
        }

        var kinds = distinct.Select(d => TypingSchema(d.Schema)).Select(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("$ref", out _) ? "$ref" : SingleType(t) ?? "any").Distinct().ToList();
        if (kinds.Count > 1)
        {
            Report(Diagnostics.Unsupported, distinct[1].Pointer, $"property '{distinct[1].Pointer[distinct[1].Pointer.Length - 1]}' defined by several parts of allOf as values of different kinds; the first definition types it");
        }

        return null;
    }

    private bool IsObjectLike(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && (HasProperties(schema) || HasObjectParts(schema) || SingleType(schema) == "object");

    /// <summary>
    /// The parts that make one object: through <c>allOf</c>, every part and every object a <c>$ref</c> part names, then
    /// the schema itself. The class is flattened: it holds the properties and required lists of all parts and
    /// does not derive from the referenced ones (a schema may compose several, which C# classes cannot).
    /// </summary>
    private IEnumerable<(JsonElement Part, string[] Pointer)> ObjectParts(JsonElement schema, string[] pointer, int depth = 0)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 16)
        {
            yield break;
        }

        if (!schema.TryGetProperty("allOf", out var all) || all.ValueKind != JsonValueKind.Array)
        {
            yield return (schema, pointer);
            yield break;
        }

        var index = 0;
        foreach (var item in all.EnumerateArray())
        {
            var itemPointer = Append(pointer, "allOf", Index(index++));
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("$ref", out var reference))
            {
                var target = reference.GetString() ?? string.Empty;
                if (LocalSchema(target) is { } referenced)
                {
                    foreach (var part in ObjectParts(referenced.Schema, referenced.Pointer, depth + 1))
                    {
                        yield return part;
                    }
                }
                else
                {
                    Report(Diagnostics.UnresolvedReference, Append(itemPointer, "$ref"), target);
                }

                continue;
            }

            foreach (var part in ObjectParts(item, itemPointer, depth + 1))
            {
                yield return part;
            }
        }

        yield return (schema, pointer); // its own properties after the composed ones, as a derived class's follow its base's
    }

    /// <summary>
    /// The schema that says what a value is (to read its constraints): through <c>$ref</c>, the one alternative beside
    /// <c>{type: null}</c>, and the one <c>allOf</c> part the others only annotate.
    /// </summary>
    private JsonElement TypingSchema(JsonElement schema)
    {
        for (var hops = 0; hops < 8; hops++)
        {
            schema = Resolved(schema);
            if (SoleAlternative(schema) is { } alternative)
            {
                schema = schema.GetProperty(alternative.Keyword)[alternative.Index];
            }
            else if (SoleAllOfPart(schema) is { } part)
            {
                schema = schema.GetProperty("allOf")[part];
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    /// <summary>A schema through its <c>$ref</c> (to read constraints and defaults); itself when it has none.</summary>
    private JsonElement Resolved(JsonElement schema)
    {
        for (var hops = 0; hops < 8 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            if (LocalSchema(reference.GetString() ?? string.Empty) is not { } target)
            {
                return default;
            }

            schema = target.Schema;
        }

        return schema;
    }

    /// <summary>JSON name → C# property name for one schema; a name the class or a generated member has gets "Property"; collisions are renamed and reported.</summary>
    private Dictionary<string, string> PropertyNames(IEnumerable<(string JsonName, string[] Pointer)> properties, string typeName)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { typeName };
        foreach (var (jsonName, pointer) in properties)
        {
            var name = Naming.Pascal(jsonName);
            if (name == typeName || ReservedMemberNames.Contains(name))
            {
                // C# has no member named like its class, and the generated members keep theirs: a rule, not a collision
                // (Specification.specification is SpecificationProperty, additional_properties is AdditionalPropertiesProperty).
                name += "Property";
            }

            var unique = Naming.Unique(name, taken);
            if (unique != name)
            {
                Report(Diagnostics.NameCollision, pointer, $"property '{jsonName}' of {typeName}", name, unique);
            }

            names[jsonName] = unique;
        }

        return names;
    }

    /// <summary>
    /// The C# type of a schema. <paramref name="owner"/> and <paramref name="member"/> name an inline object
    /// (<c>OwnerMember</c>); <paramref name="jsonName"/> names an inline option list; a component's own name
    /// comes in <paramref name="componentName"/>.
    /// </summary>
    private TypeSpec ResolveType(JsonElement schema, string owner, string member, string[] pointer, string jsonName, string? componentName = null)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return TypeSpec.Json;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return ResolveReference(reference.GetString() ?? string.Empty, Append(pointer, "$ref"));
        }

        if (SoleAllOfPart(schema) is { } sole)
        {
            var part = schema.GetProperty("allOf")[sole];
            if (part.TryGetProperty("$ref", out var only))
            {
                // allOf: [$ref] with a description beside it, or parts that only annotate it: the referenced type itself.
                return ResolveReference(only.GetString() ?? string.Empty, Append(pointer, "allOf", Index(sole), "$ref"));
            }

            if (!HasObjectParts(schema))
            {
                // allOf: [{type: array, ...}, {}]: the one part that says what the value is.
                return ResolveType(part, owner, member, Append(pointer, "allOf", Index(sole)), jsonName, componentName);
            }
        }

        if (SoleAlternative(schema) is { } alternative)
        {
            // anyOf: [X, {type: null}] is X, nullable; [an enum of strings, {type: string}] is the option type (it keeps unknown values).
            var part = schema.GetProperty(alternative.Keyword)[alternative.Index];
            var at = Append(pointer, alternative.Keyword, Index(alternative.Index));
            return part.TryGetProperty("$ref", out var wrapped)
                ? ResolveReference(wrapped.GetString() ?? string.Empty, Append(at, "$ref"))
                : ResolveType(part, owner, member, at, jsonName, componentName);
        }

        if ((schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("oneOf", out _)) && !IsRequiredGroupOnly(schema) && !HasProperties(schema)
            && OptionListOf(schema) is null)
        {
            ReportUnion(schema, pointer, schema.TryGetProperty("oneOf", out _) ? "oneOf" : "anyOf");
            return TypeSpec.Json;
        }

        var type = SingleType(schema);
        if (!(type is "object" or null && (HasProperties(schema) || HasObjectParts(schema))))
        {
            NoteUnchecked(schema, pointer, isModel: false); // a model's parts are looked at when it is built
        }

        if (OptionListOf(schema) is { } options)
        {
            return BuildEnum(schema, options, owner + member, jsonName, pointer, componentName);
        }

        switch (type)
        {
            case "string" when IsBinary(schema):
                return new TypeSpec(TypeKind.File);
            case "string":
                return new TypeSpec(TypeKind.String);
            case "integer":
                return new TypeSpec(Format(schema) == "int32" ? TypeKind.Int32 : TypeKind.Int64);
            case "number":
                return new TypeSpec(Format(schema) == "float" ? TypeKind.Single : TypeKind.Double);
            case "boolean":
                return new TypeSpec(TypeKind.Boolean);
            case "array":
                var items = schema.TryGetProperty("items", out var itemSchema) ? ResolveType(itemSchema, owner, member + "Item", Append(pointer, "items"), jsonName) : TypeSpec.Json;
                return new TypeSpec(TypeKind.List, Element: items);
            case "object" or null:
                if (HasProperties(schema) || HasObjectParts(schema))
                {
                    // One schema, one type: a part composed into several models (allOf) or a parameter shared by a path's operations.
                    var key = componentName is null ? string.Join("/", pointer) : null;
                    if (key is not null && _inlineModels.TryGetValue(key, out var known))
                    {
                        return known;
                    }

                    var name = componentName ?? Naming.Unique(AmbientTypes.Avoid(owner + member, "Object"), _typeNames);
                    var model = new TypeSpec(TypeKind.Model, name);
                    if (key is not null)
                    {
                        _inlineModels[key] = model;
                    }

                    BuildModel(name, schema, pointer);
                    return model;
                }

                if (schema.TryGetProperty("additionalProperties", out var valueSchema) && valueSchema.ValueKind == JsonValueKind.Object)
                {
                    return new TypeSpec(TypeKind.Map, Element: ResolveType(valueSchema, owner, member + "Value", Append(pointer, "additionalProperties"), jsonName));
                }

                if (schema.TryGetProperty("allOf", out var parts) && parts.ValueKind == JsonValueKind.Array && parts.EnumerateArray().Any(p => !IsAnnotationOnly(p)))
                {
                    Report(Diagnostics.Unsupported, Append(pointer, "allOf"), "'allOf' of parts that are not objects with properties; the value is generated as JsonElement");
                }

                return TypeSpec.Json; // a free-form object
            case "union":
                ReportUnion(schema, pointer, "type");
                return TypeSpec.Json;
            default:
                return TypeSpec.Json; // "null" alone
        }
    }

    /// <summary>
    /// Keywords of a value's schema that neither its C# type nor <c>Validate()</c> carries. Rules (<c>not</c>, <c>if</c>,
    /// tuples) are MAG003 where they stand; plain validation keywords are counted for one MAG009 per keyword. A model's
    /// own rules are read (and reported) with the model.
    /// </summary>
    private void NoteUnchecked(JsonElement schema, string[] pointer, bool isModel)
    {
        if (!isModel)
        {
            foreach (var keyword in new[] { "not", "if", "prefixItems", "patternProperties", "dependentSchemas", "propertyNames", "unevaluatedProperties", "unevaluatedItems" })
            {
                if (schema.TryGetProperty(keyword, out _))
                {
                    Report(Diagnostics.Unsupported, Append(pointer, keyword), $"'{keyword}' on a value that is not an object with properties; it is not checked");
                }
            }
        }
        else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object && additional.EnumerateObject().Any())
        {
            // Beside properties, the other properties are kept, untyped, in AdditionalProperties.
            Report(Diagnostics.Unsupported, Append(pointer, "additionalProperties"), "a schema for the properties an object does not name; they are kept as JsonElement in AdditionalProperties");
        }

        foreach (var keyword in new[] { "$dynamicRef", "$recursiveRef" })
        {
            if (schema.TryGetProperty(keyword, out _))
            {
                Report(Diagnostics.Unsupported, Append(pointer, keyword), $"'{keyword}'; the value is generated as JsonElement");
            }
        }

        if (!isModel && SingleType(schema) is "string" or "integer" or "number" or "boolean" or "array" && HasProperties(schema))
        {
            // JSON Schema applies properties to objects only: on a string they check nothing.
            Report(Diagnostics.Unsupported, Append(pointer, "properties"), $"'properties' on a value of type {SingleType(schema)}; they apply to objects only and are not generated");
        }

        foreach (var keyword in UncheckedKeywords)
        {
            // A model's minProperties/maxProperties are read (and reported) with its rules.
            if (schema.TryGetProperty(keyword, out _) && !(isModel && keyword is "minProperties" or "maxProperties"))
            {
                Note($"'{keyword}' is not checked by Validate()", Append(pointer, keyword));
            }
        }
    }

    /// <summary>
    /// Raw bytes: 3.0 <c>format: binary</c>, or a 3.1 <c>contentMediaType</c> without <c>contentEncoding</c> (with one,
    /// such as base64, the value is text and stays a string).
    /// </summary>
    private static bool IsBinary(JsonElement schema) =>
        Format(schema) == "binary" || (schema.TryGetProperty("contentMediaType", out _) && !schema.TryGetProperty("contentEncoding", out _));

    /// <summary>
    /// A union is kept as JsonElement. The extractor's own reconciliations (<c>x-doc-type-conflict</c>: the table
    /// and an example disagree) are that by design; any other is reported, so nothing is lost silently.
    /// </summary>
    private void ReportUnion(JsonElement schema, string[] pointer, string keyword)
    {
        if (!schema.TryGetProperty("x-doc-type-conflict", out _))
        {
            var discriminator = schema.TryGetProperty("discriminator", out _) ? " with a discriminator" : string.Empty;
            Report(Diagnostics.Unsupported, Append(pointer, keyword), $"'{keyword}'{discriminator} of several types; the value is generated as JsonElement");
        }
    }

    /// <summary>
    /// The index of the one part of <c>allOf</c> that says what the value is, when the schema itself and every other
    /// part only annotate it (description, nullable: false, an empty schema); null otherwise.
    /// </summary>
    private static int? SoleAllOfPart(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("allOf", out var all) || all.ValueKind != JsonValueKind.Array
            || !schema.EnumerateObject().All(k => k.Name is "allOf" or "type" || IsAnnotation(k.Name)))
        {
            return null;
        }

        int? sole = null;
        var index = 0;
        foreach (var part in all.EnumerateArray())
        {
            if (!IsAnnotationOnly(part))
            {
                if (sole is not null || part.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                sole = index;
            }

            index++;
        }

        return sole;
    }

    /// <summary>A schema that constrains nothing: only annotations (an empty schema among them).</summary>
    private static bool IsAnnotationOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.EnumerateObject().All(k => IsAnnotation(k.Name));

    private static bool IsAnnotation(string keyword) =>
        keyword is "description" or "title" or "default" or "example" or "examples" or "deprecated" or "readOnly" or "writeOnly"
            or "externalDocs" or "xml" or "nullable" or "$comment"
        || keyword.StartsWith("x-", StringComparison.Ordinal);

    private bool HasObjectParts(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array
        && all.EnumerateArray().Any(part => HasProperties(part) || HasObjectParts(part) || (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("$ref", out var r)
            && LocalSchema(r.GetString() ?? string.Empty) is { } target
            && (target.Pointer is ["components", "schemas", var name] ? _componentTypes.ContainsKey(name) : HasProperties(target.Schema))));

    /// <summary>
    /// The one alternative of <c>anyOf</c>/<c>oneOf</c> that says what the value is, when the others are <c>{type: null}</c>
    /// (the value may be null) or plain strings beside an <c>enum</c> of strings (an open option list); null otherwise.
    /// </summary>
    private static (string Keyword, int Index)? SoleAlternative(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || (schema.TryGetProperty("anyOf", out _) && schema.TryGetProperty("oneOf", out _)))
        {
            return null;
        }

        var keyword = schema.TryGetProperty("oneOf", out _) ? "oneOf" : "anyOf";
        if (!schema.TryGetProperty(keyword, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = list.EnumerateArray().ToList();
        var hasStringEnum = items.Any(i => i.ValueKind == JsonValueKind.Object && SingleType(i) == "string" && i.TryGetProperty("enum", out _));
        var kept = Enumerable.Range(0, items.Count)
            .Where(i => !IsNullSchema(items[i]) && !(hasStringEnum && IsPlainString(items[i])))
            .ToList();
        return kept.Count == 1 && items.Count > 1 && items[kept[0]].ValueKind == JsonValueKind.Object ? (keyword, kept[0]) : null;
    }

    private static bool IsNullSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    /// <summary>A string with nothing that narrows it (<c>{type: string, description: ...}</c>).</summary>
    private static bool IsPlainString(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && SingleType(schema) == "string" && schema.EnumerateObject().All(k => k.Name == "type" || IsAnnotation(k.Name));

    /// <summary>Whether a value may be null: 3.0 <c>nullable: true</c>, a 3.1 type list with "null", or a union with <c>{type: null}</c>.</summary>
    private static bool IsNullable(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
        {
            return true;
        }

        // allOf: [X, {nullable: true}]: a part that only annotates the one that types the value.
        return (SoleAlternative(schema) is { } alternative && schema.GetProperty(alternative.Keyword).EnumerateArray().Any(IsNullSchema))
            || (SoleAllOfPart(schema) is not null && schema.GetProperty("allOf").EnumerateArray().Any(p => IsAnnotationOnly(p) && IsNullable(p)));
    }

    private TypeSpec ResolveReference(string reference, string[] pointer)
    {
        if (reference.StartsWith(SchemaPrefix, StringComparison.Ordinal) && reference.IndexOf('/', SchemaPrefix.Length) < 0)
        {
            return ResolveComponent(Unescape(reference.Substring(SchemaPrefix.Length)), pointer);
        }

        if (LocalSchema(reference) is not { } target)
        {
            Report(Diagnostics.UnresolvedReference, pointer, reference);
            return TypeSpec.Json;
        }

        // A schema inside another (#/components/schemas/Tag/properties/name): its type where it stands, one type for both places.
        var key = "#" + string.Join("/", target.Pointer);
        if (!_building.Add(key))
        {
            Report(Diagnostics.Unsupported, pointer, $"'{reference}' refers to itself without an object in between; it is generated as JsonElement");
            return TypeSpec.Json;
        }

        var (owner, member, jsonName) = PlaceName(target.Pointer);
        var type = ResolveType(target.Schema, owner, member, target.Pointer, jsonName);
        _building.Remove(key);
        return type;
    }

    /// <summary>
    /// The schema a local reference names: a component, or any JSON pointer into the document (a property, an
    /// <c>allOf</c> part, an item of another schema); null when it names nothing.
    /// </summary>
    private (JsonElement Schema, string[] Pointer)? LocalSchema(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal) || _root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var pointer = reference.Substring(2).Split('/').Select(segment => Unescape(Uri.UnescapeDataString(segment))).ToArray();
        var current = _root;
        foreach (var segment in pointer)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Object ? (current, pointer) : null;
    }

    /// <summary>How an inline schema is named from where it stands: its component, then its properties (items as Item, map values as Value).</summary>
    private (string Owner, string Member, string JsonName) PlaceName(string[] pointer)
    {
        var start = pointer is ["components", "schemas", ..] ? 3 : 0;
        var component = start == 3 ? pointer[2] : string.Empty;
        var owner = start == 3 ? (_componentTypes.TryGetValue(component, out var typeName) ? typeName : Naming.Pascal(component)) : string.Empty;
        var member = new System.Text.StringBuilder();
        var jsonName = component;
        for (var i = start; i < pointer.Length; i++)
        {
            switch (pointer[i])
            {
                case "properties" when i + 1 < pointer.Length:
                    jsonName = pointer[++i];
                    member.Append(Naming.Pascal(jsonName));
                    break;
                case "items":
                    member.Append("Item");
                    break;
                case "additionalProperties":
                    member.Append("Value");
                    break;
                default:
                    if (start == 0 && pointer[i].Length > 0 && !char.IsDigit(pointer[i][0])
                        && pointer[i] is not ("paths" or "components" or "parameters" or "requestBodies" or "responses" or "headers" or "content" or "schema" or "allOf" or "anyOf" or "oneOf"))
                    {
                        member.Append(Naming.Pascal(pointer[i])); // outside components: the path's words
                    }

                    break;
            }
        }

        return (owner, owner.Length + member.Length == 0 ? "Schema" : member.ToString(), jsonName.Length > 0 ? jsonName : pointer[pointer.Length - 1]);
    }

    /// <summary>
    /// An option list. The same values (of the same type) are one type wherever they appear: a component's own
    /// name, else the property's name when it has two words or more and is free (<c>sample_status</c> →
    /// <c>SampleStatus</c>), else owner and member (<c>TemplateParamId</c>).
    /// </summary>
    private TypeSpec BuildEnum(JsonElement schema, OptionList options, string ownerMember, string jsonName, string[] pointer, string? componentName)
    {
        var type = options.Type;
        var kind = type == "string" ? TypeKind.String : Format(schema) == "int32" ? TypeKind.Int32 : TypeKind.Int64;
        var raw = new List<string>();
        foreach (var value in options.Values)
        {
            var fits = kind == TypeKind.String ? value.ValueKind == JsonValueKind.String : value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
            if (!fits)
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue; // a nullable option list lists null among its values
                }

                Report(Diagnostics.Unsupported, Append(pointer, "enum"), $"enum value {value.GetRawText()} is not a {type}; the member is a plain {type}");
                return new TypeSpec(kind);
            }

            raw.Add(kind == TypeKind.String ? value.GetString()! : value.GetRawText());
        }

        if (raw.Count == 0)
        {
            return new TypeSpec(kind);
        }

        var key = EnumKey(kind, raw, options);
        if (componentName is null && _canonicalEnumKeys.TryGetValue(key, out var canonical))
        {
            key = canonical;
            options = OptionListOf(_plannedEnumSchemas[canonical]) ?? options; // docs and member names from the list's first appearance, whatever is selected
            schema = _plannedEnumSchemas[canonical];
        }

        var docs = options.Docs;
        if (_enumsByValues.TryGetValue(key, out var existing) && componentName is null)
        {
            return new TypeSpec(TypeKind.Enum, existing, new TypeSpec(kind));
        }

        var desired = componentName ?? AmbientTypes.Avoid(_plannedEnumNames.TryGetValue(key, out var planned) ? planned : EnumName(jsonName, ownerMember), "Option");
        var name = Naming.Unique(desired, _typeNames);
        if (componentName is not null && name != componentName)
        {
            Report(Diagnostics.NameCollision, pointer, $"schema '{jsonName}'", componentName, name);
        }

        _enumsByValues[key] = name;
        var members = new List<EnumMemberSpec>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "ReadJson", "WriteJson" };
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in raw)
        {
            docs.TryGetValue(value, out var doc);
            var memberName = options.Titles is not null && options.Titles.TryGetValue(value, out var title) ? Naming.Pascal(title)
                : kind == TypeKind.String ? StringMemberName(value) : NumberMemberName(value, doc);
            var literal = kind == TypeKind.String ? Literal(value) : kind == TypeKind.Int64 ? value + "L" : value;
            if (kind == TypeKind.String && spellings.TryGetValue(memberName, out var earlier) && string.Equals(earlier, value, StringComparison.OrdinalIgnoreCase))
            {
                // "x86_64" beside "X86_64" (a response example's spelling): the same name, so one member; the other spelling is known too.
                members.Add(new EnumMemberSpec(memberName, literal, doc, Named: false));
                continue;
            }

            spellings[memberName] = value;
            var unique = Naming.Unique(memberName, taken);
            if (unique != memberName)
            {
                Report(Diagnostics.NameCollision, Append(pointer, options.Keyword), $"option {literal} of {name}", memberName, unique);
            }

            members.Add(new EnumMemberSpec(unique, literal, doc));
        }

        _enums.Add(new EnumSpec(_source.Namespace, _stem, name, kind, Description(schema), members.ToEquatableArray(), _converterName));
        return new TypeSpec(TypeKind.Enum, name, new TypeSpec(kind));
    }

    /// <summary>
    /// What makes two option lists the same list: the same values, and for numbers the same names of their meanings
    /// ("0: labeled" is not "0: OBS"); string values carry their meaning themselves.
    /// </summary>
    private static string EnumKey(TypeKind kind, IEnumerable<string> values, OptionList options) =>
        kind + ":" + string.Join("\u0001", values.Select(v =>
            options.Titles is not null ? v + "#" + (options.Titles.TryGetValue(v, out var title) ? title : string.Empty)
            : kind == TypeKind.String ? v : v + "=" + NumberMemberName(v, options.Docs.TryGetValue(v, out var doc) ? doc : null)));

    /// <summary>
    /// The values of an option list and what documents them: <c>enum</c> (meanings from "- value: meaning" lines of the
    /// description), or <c>oneOf</c>/<c>anyOf</c> of <c>const</c> alternatives, each named by its <c>title</c> and
    /// documented by its <c>description</c> (JSON Schema's way to name options). Null when the schema is neither.
    /// </summary>
    private static OptionList? OptionListOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = SingleType(schema);
        if (type is "string" or "integer" && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return new OptionList("enum", type, values.EnumerateArray().ToList(), null, OptionDocs(Description(schema)));
        }

        if (HasProperties(schema) || schema.TryGetProperty("enum", out _) || (schema.TryGetProperty("oneOf", out _) && schema.TryGetProperty("anyOf", out _)))
        {
            return null;
        }

        var keyword = schema.TryGetProperty("oneOf", out _) ? "oneOf" : "anyOf";
        var alternatives = schema.TryGetProperty(keyword, out var list) ? list : default;
        if (alternatives.ValueKind != JsonValueKind.Array || alternatives.GetArrayLength() == 0
            || !alternatives.EnumerateArray().All(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("const", out _)
                && a.EnumerateObject().All(k => k.Name is "const" or "title" or "description" or "type" or "deprecated" or "$comment" || k.Name.StartsWith("x-", StringComparison.Ordinal))))
        {
            return null;
        }

        var consts = alternatives.EnumerateArray().Select(a => a.GetProperty("const")).ToList();
        type ??= consts.All(c => c.ValueKind == JsonValueKind.String) ? "string" : "integer";
        var fits = type == "string" ? consts.All(c => c.ValueKind == JsonValueKind.String) : type == "integer" && consts.All(c => c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out _));
        if (!fits)
        {
            return null;
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var docs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alternative in alternatives.EnumerateArray())
        {
            var value = alternative.GetProperty("const");
            var raw = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (alternative.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String && !titles.ContainsKey(raw))
            {
                titles[raw] = title.GetString()!;
            }

            if ((Description(alternative) ?? (titles.TryGetValue(raw, out var named) ? named : null)) is { } doc && !docs.ContainsKey(raw))
            {
                docs[raw] = doc;
            }
        }

        return new OptionList(keyword, type, consts, titles, docs);
    }

    /// <summary>An option list: the keyword that holds it, its type (string or integer), values, names (null: named by value) and meanings.</summary>
    private sealed record OptionList(string Keyword, string Type, List<JsonElement> Values, Dictionary<string, string>? Titles, Dictionary<string, string> Docs);

    /// <summary>The property's name when it has two words or more and is free; else owner and member.</summary>
    private string EnumName(string jsonName, string ownerMember) =>
        Naming.WordCount(jsonName) >= 2 && !_typeNames.Contains(Naming.Pascal(jsonName)) ? Naming.Pascal(jsonName) : ownerMember;

    /// <summary>
    /// Names every option list by where it first appears in the document (components in order, then operations), before
    /// anything is built: a type's name does not depend on which operations a project selects.
    /// </summary>
    private void PlanEnumNames(JsonElement root)
    {
        var lists = new List<PlannedList>();
        PlanAll(root, lists);

        // Lists with the same values under the same property name are one list even when their meanings are worded
        // differently ("0: unsynchronization", "0: not to be synchronized"); the first in document order gives the docs.
        var groupOfAlias = new Dictionary<string, string>(StringComparer.Ordinal);
        var group = new Dictionary<string, string>(StringComparer.Ordinal);
        string Root(string key)
        {
            while (group.TryGetValue(key, out var parent) && parent != key)
            {
                key = parent;
            }

            return key;
        }

        foreach (var list in lists)
        {
            if (!group.ContainsKey(list.Key))
            {
                group[list.Key] = list.Key;
            }

            if (groupOfAlias.TryGetValue(list.Alias, out var other) && Root(other) != Root(list.Key))
            {
                group[Root(list.Key)] = Root(other);
            }

            if (!groupOfAlias.ContainsKey(list.Alias))
            {
                groupOfAlias[list.Alias] = list.Key;
            }
        }

        var firsts = new List<PlannedList>();
        foreach (var list in lists)
        {
            var canonical = Root(list.Key);
            _canonicalEnumKeys[list.Key] = canonical;
            if (!_plannedEnumSchemas.ContainsKey(canonical))
            {
                _plannedEnumSchemas[canonical] = list.Schema;
                firsts.Add(list);
            }
        }

        // A property's own name is used when no other list and no owner-member name wants it, so names do not depend on order.
        var shortNames = firsts.Where(l => Naming.WordCount(l.JsonName) >= 2).GroupBy(l => Naming.Pascal(l.JsonName)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var ownerMembers = new HashSet<string>(firsts.Select(l => l.OwnerMember), StringComparer.Ordinal);
        foreach (var list in firsts)
        {
            var own = Naming.Pascal(list.JsonName);
            _plannedEnumNames[Root(list.Key)] = Naming.WordCount(list.JsonName) >= 2 && shortNames[own] == 1 && !ownerMembers.Contains(own) && !_typeNames.Contains(own)
                ? own
                : list.OwnerMember;
        }
    }

    /// <summary>One option list where it appears: its identity, the property it types and the schema that documents it.</summary>
    private readonly record struct PlannedList(string Key, string Alias, string JsonName, string OwnerMember, JsonElement Schema);

    private void PlanAll(JsonElement root, List<PlannedList> lists)
    {
        foreach (var component in Objects(_schemas))
        {
            var owner = _componentTypes.TryGetValue(component.Name, out var typeName) ? typeName : Naming.Pascal(component.Name);
            PlanSchema(component.Value, owner, string.Empty, component.Name, 0, lists);
        }

        foreach (var path in Objects(root.TryGetProperty("paths", out var paths) ? paths : default))
        {
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var name = Naming.Pascal(OperationId(operation, method, path.Name));
                foreach (var parameter in (operation.TryGetProperty("parameters", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Empty<JsonElement>()))
                {
                    if (parameter.ValueKind == JsonValueKind.Object && parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && parameter.TryGetProperty("schema", out var schema))
                    {
                        PlanSchema(schema, name, Naming.Pascal(n.GetString()!), n.GetString()!, 0, lists);
                    }
                }
            }
        }
    }

    private static void PlanSchema(JsonElement schema, string owner, string member, string jsonName, int depth, List<PlannedList> lists)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 12 || schema.TryGetProperty("$ref", out _))
        {
            return;
        }

        if (OptionListOf(schema) is { } options)
        {
            var kind = options.Type == "string" ? TypeKind.String : Format(schema) == "int32" ? TypeKind.Int32 : TypeKind.Int64;
            var raw = options.Values.Where(v => v.ValueKind != JsonValueKind.Null).Select(v => kind == TypeKind.String && v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
            if (member.Length > 0)
            {
                lists.Add(new PlannedList(EnumKey(kind, raw, options), kind + ":" + string.Join("\u0001", raw) + "@" + jsonName, jsonName, owner + member, schema));
            }

            return;
        }

        if (schema.TryGetProperty("items", out var items))
        {
            PlanSchema(items, owner, member + "Item", jsonName, depth + 1, lists);
        }

        if (schema.TryGetProperty("additionalProperties", out var additional))
        {
            PlanSchema(additional, owner, member + "Value", jsonName, depth + 1, lists);
        }

        foreach (var property in Objects(schema.TryGetProperty("properties", out var p) ? p : default))
        {
            var inline = member.Length == 0 ? owner : owner + member;
            PlanSchema(property.Value, inline, Naming.Pascal(property.Name), property.Name, depth + 1, lists);
        }
    }

    /// <summary>A string option by its value: <c>sys_data_analyse</c> → SysDataAnalyse; a number ("-1", "+1", "1", "1.5") as ValueMinus1, ValuePlus1, Value1, Value1_5.</summary>
    private static string StringMemberName(string value)
    {
        if (value.Length == 0)
        {
            return "Empty";
        }

        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            var sign = value[0] == '-' ? "Minus" : value[0] == '+' ? "Plus" : string.Empty;
            var digits = value.TrimStart('-', '+').Replace('.', '_');
            return "Value" + sign + (digits.All(c => char.IsLetterOrDigit(c) || c == '_') ? digits : Naming.Pascal(digits));
        }

        return Naming.Pascal(value);
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
    internal static Dictionary<string, string> OptionDocs(string? description)
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

    /// <summary>
    /// An object whose <c>anyOf</c>/<c>oneOf</c> alternatives only list required properties of its own ("name or id"):
    /// a model with a presence rule, not a union.
    /// </summary>
    private static bool IsRequiredGroupOnly(JsonElement schema)
    {
        if (!HasProperties(schema))
        {
            return false;
        }

        var properties = schema.GetProperty("properties");
        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var alternatives) && !RequiredAlternatives(alternatives, properties))
            {
                return false;
            }
        }

        return schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("oneOf", out _);
    }

    private static bool RequiredAlternatives(JsonElement alternatives, JsonElement properties) =>
        alternatives.ValueKind == JsonValueKind.Array && alternatives.GetArrayLength() > 0
        && alternatives.EnumerateArray().All(alternative =>
            alternative.ValueKind == JsonValueKind.Object
            && alternative.EnumerateObject().All(k => k.Name is "required" or "description" or "title" || k.Name.StartsWith("x-", StringComparison.Ordinal))
            && StringList(alternative, "required") is { Count: > 0 } names
            && (properties.ValueKind != JsonValueKind.Object || names.All(n => properties.TryGetProperty(n, out _))));

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
            ? values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList()
            : [];
        var named = Format(schema);
        var format = named is "decimal-range" or "date-period" ? named : null;
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
            named switch { "int32" => 32, "int64" => 64, _ => null },
            Int(schema, "minItems"),
            Int(schema, "maxItems"),
            format is null && patterns.Count > 0 && named is not null && named is not ("int32" or "int64" or "float" or "double") ? named : null);
        return spec == ConstraintSpec.None ? ConstraintSpec.None : spec;
    }

    /// <summary>A value's JSON text on one line: the document's whitespace between tokens dropped (a default written over several lines goes into one doc comment line).</summary>
    private static string CompactJson(JsonElement value)
    {
        var raw = value.GetRawText();
        if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return raw;
        }

        var builder = new System.Text.StringBuilder(raw.Length);
        var inString = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < raw.Length)
                {
                    builder.Append(raw[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A scalar as compact JSON: strings re-escaped, numbers and literals as written.</summary>
    private static string Canonical(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Literal(value.GetString()!) : value.GetRawText();

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
            return types.Count == 1 ? types[0] : types.Count == 0 ? "null" : "union";
        }

        return null;
    }

    /// <summary>A schema generated as a class: an object with properties, or composed of objects through <c>allOf</c>.</summary>
    private static bool IsObjectSchema(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && (SingleType(schema) is "object" or null) && !schema.TryGetProperty("$ref", out _)
        && !schema.TryGetProperty("enum", out _)
        && (HasProperties(schema) || HasObjectPartsByShape(schema) || (SingleType(schema) == "object" && !schema.TryGetProperty("additionalProperties", out _) && !schema.TryGetProperty("anyOf", out _) && !schema.TryGetProperty("oneOf", out _)));

    /// <summary>allOf with a part that has properties or names another schema (before component names exist).</summary>
    private static bool HasObjectPartsByShape(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array
        && all.EnumerateArray().Any(part => HasProperties(part) || HasObjectPartsByShape(part) || (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("$ref", out _)))
        && !(all.GetArrayLength() == 1 && all[0].ValueKind == JsonValueKind.Object && all[0].TryGetProperty("$ref", out _) && !HasProperties(schema));
}
