using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using ModelArts.Generator.Parsing;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// A silent drop is a defect: every construct of every corpus document is either in the generated code (an operation
/// as a method, a parameter as an argument, a body as a typed argument or result, a property in a model) or reported
/// by the generator at its JSON location. The walk knows every OpenAPI and JSON Schema keyword it may meet; a keyword it
/// does not know fails the test, so a document that brings a new construct must say where it goes.
/// </summary>
public sealed class SilentDropTests
{
    /// <summary>Schema keywords the generated types or <c>Validate()</c> carry, and annotations with nothing to carry.</summary>
    private static readonly HashSet<string> CarriedKeywords = new(StringComparer.Ordinal)
    {
        "type", "properties", "items", "required", "enum", "format", "allOf", "$ref", "nullable", "additionalProperties",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
        "description", "title", "default", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs", "xml",
        "$comment", "$id", "$schema", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "contentMediaType", "contentEncoding", "contentSchema", "dependentRequired",
        "discriminator", // only beside oneOf/anyOf, whose report names it
    };

    /// <summary>Keywords <c>Validate()</c> does not check: the document must have the MAG009 that names them.</summary>
    private static readonly HashSet<string> NotedKeywords = new(StringComparer.Ordinal)
    {
        "const", "multipleOf", "uniqueItems", "contains", "minContains", "maxContains", "minProperties", "maxProperties",
    };

    /// <summary>Keywords the generator reads in some shapes (rules, unions, nullable wrappers) and reports in the others.</summary>
    private static readonly HashSet<string> ShapedKeywords = new(StringComparer.Ordinal)
    {
        "oneOf", "anyOf", "not", "if", "then", "else",
    };

    /// <summary>Keywords that are never typed: the generator must report each where it stands.</summary>
    private static readonly HashSet<string> ReportedKeywords = new(StringComparer.Ordinal)
    {
        "prefixItems", "patternProperties", "dependentSchemas", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef",
    };

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static TheoryData<string> Documents() => CorpusTests.Documents();

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_construct_is_generated_or_reported(string name)
    {
        var walk = new Walk(CorpusDocument.Get(name));

        walk.Document();

        Assert.True(walk.Problems.Count == 0, string.Join("\n", walk.Problems));
    }

    [Fact]
    public void The_corpus_has_a_document_for_every_construct_of_the_issue()
    {
        var names = CorpusDocument.Names.ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "locals", "keywords", "case-and-punctuation", "allof", "component-refs", "nullable-30", "nullable-31", "shared-enum",
                "unions", "not", "webhooks", "callbacks", "header-cookie", "form", "multipart", "binary", "text", "unsupported-media",
            },
            names);
    }

    [Fact]
    public void The_walk_fails_on_a_construct_neither_generated_nor_reported()
    {
        // The walk itself: a document whose property the generator would drop is caught (here, a fake drop: a property
        // the compiled model does not have, and a keyword the walk does not know).
        var walk = new Walk(CorpusDocument.Get("allof"));
        walk.Property("/components/schemas/Entity/properties/ghost", "ghost", JsonNode.Parse("""{ "type": "string" }""")!.AsObject());
        walk.Schema("/components/schemas/Entity/properties/id", JsonNode.Parse("""{ "type": "integer", "x-ok": 1, "frobnicate": true }""")!.AsObject());

        Assert.Equal(2, walk.Problems.Count);
        Assert.Contains("ghost", walk.Problems[0], StringComparison.Ordinal);
        Assert.Contains("frobnicate", walk.Problems[1], StringComparison.Ordinal);
    }

    internal sealed class Walk(CorpusDocument document)
    {
        private readonly HashSet<string> _jsonNames = GeneratedJsonNames(document.Assembly);
        private readonly List<(int Start, int End)> _spans = [];

        public List<string> Problems { get; } = [];

        public void Document()
        {
            Assert.True(document.Text.All(c => c < 128), $"{document.Name}: keep corpus documents ASCII (the walk counts bytes as characters)");
            foreach (var (key, value) in document.Root)
            {
                switch (key)
                {
                    case "openapi" or "info" or "tags" or "externalDocs" or "jsonSchemaDialect" or "x-expect":
                        break; // descriptive
                    case "servers" or "security":
                        break; // the client's options: Endpoint and Authenticator
                    case "paths":
                        foreach (var (path, item) in value!.AsObject())
                        {
                            PathItem("/paths/" + Escape(path), path, item!.AsObject());
                        }

                        break;
                    case "webhooks":
                        Reported("/webhooks", "webhooks");
                        break;
                    case "components":
                        Components(value!.AsObject());
                        break;
                    default:
                        if (!key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            Problems.Add($"{document.Name}: top-level '{key}' is not classified");
                        }

                        break;
                }
            }
        }

        private void Components(JsonObject components)
        {
            foreach (var (section, entries) in components)
            {
                foreach (var (name, entry) in entries!.AsObject())
                {
                    var at = $"/components/{section}/{Escape(name)}";
                    switch (section)
                    {
                        case "schemas":
                            if (entry is JsonObject schema && IsObject(schema) && !document.IsReportedAt(at) && document.Type(AmbientTypes.Avoid(Naming.Pascal(name), "Object")) is null)
                            {
                                Problems.Add($"{at}: an object schema with no type named {AmbientTypes.Avoid(Naming.Pascal(name), "Object")} and no diagnostic");
                            }

                            Schema(at, entry!.AsObject());
                            break;
                        case "parameters" or "requestBodies" or "responses" or "headers" or "examples" or "pathItems":
                            break; // checked where they are used
                        case "securitySchemes" or "links" or "callbacks":
                            break; // the Authenticator option; links and callbacks are reported where they are used
                        default:
                            Problems.Add($"{at}: component section '{section}' is not classified");
                            break;
                    }
                }
            }
        }

        private void PathItem(string at, string path, JsonObject item)
        {
            if (item["$ref"] is { } reference)
            {
                var target = reference.GetValue<string>();
                if (document.Resolve(target) is not JsonObject resolved)
                {
                    Reported(at + "/$ref", "an unresolved path item");
                    return;
                }

                at = target.TrimStart('#');
                item = resolved;
            }

            foreach (var (key, value) in item)
            {
                if (Methods.Contains(key))
                {
                    Operation(at + "/" + key, path, key, value!.AsObject());
                }
                else if (key == "servers")
                {
                    OwnServers(at + "/servers", value!, "servers of a path");
                }
                else if (key is not ("parameters" or "summary" or "description" or "$ref") && !key.StartsWith("x-", StringComparison.Ordinal))
                {
                    Problems.Add($"{at}: path item key '{key}' is not classified");
                }
            }
        }

        private void Operation(string at, string path, string method, JsonObject operation)
        {
            if (method == "trace")
            {
                Reported(at, "a TRACE operation");
                return;
            }

            var id = operation["operationId"]?.GetValue<string>() ?? method + " " + path;
            var methodName = (operation["operationId"] is null ? null : document.RenamedAt(at + "/operationId")) ?? Naming.Pascal(id);
            var call = document.Client.GetMethod(methodName + "Async");
            if (call is null)
            {
                Problems.Add($"{at}: operation '{id}' has no method {methodName}Async");
                return;
            }

            var arguments = call.GetParameters().Select(p => p.Name!).ToHashSet(StringComparer.Ordinal);
            var pathItem = at[..at.LastIndexOf('/')];
            var shared = document.Resolve("#" + pathItem)?["parameters"]?.AsArray() ?? [];
            var parameters = shared.Select((p, i) => (At: $"{pathItem}/parameters/{i}", Node: p))
                .Concat((operation["parameters"]?.AsArray() ?? []).Select((p, i) => (At: $"{at}/parameters/{i}", Node: p)));
            foreach (var (parameterAt, node) in parameters)
            {
                Parameter(parameterAt, node!.AsObject(), arguments);
            }

            foreach (var (key, value) in operation)
            {
                switch (key)
                {
                    case "tags" or "summary" or "description" or "externalDocs" or "operationId" or "parameters" or "deprecated" or "security":
                        break;
                    case "requestBody":
                        RequestBody(at + "/requestBody", value!.AsObject(), call);
                        break;
                    case "responses":
                        Responses(at + "/responses", value!.AsObject(), call);
                        break;
                    case "callbacks":
                        Reported(at + "/callbacks", "callbacks");
                        break;
                    case "servers":
                        OwnServers(at + "/servers", value!, "servers of an operation");
                        break;
                    default:
                        if (!key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            Problems.Add($"{at}: operation key '{key}' is not classified");
                        }

                        break;
                }
            }
        }

        private void Parameter(string at, JsonObject parameter, HashSet<string> arguments)
        {
            var resolved = parameter;
            while (resolved["$ref"] is { } reference)
            {
                resolved = document.Resolve(reference.GetValue<string>())!.AsObject();
            }

            var name = resolved["name"]!.GetValue<string>();
            var location = resolved["in"]!.GetValue<string>();
            if (location == "header" && name.ToUpperInvariant() is "ACCEPT" or "CONTENT-TYPE" or "AUTHORIZATION")
            {
                return; // OpenAPI: such a header parameter SHALL be ignored
            }

            if (location == "cookie")
            {
                Reported(at, $"cookie parameter '{name}'");
                return;
            }

            if (!arguments.Contains(Naming.Camel(name).TrimStart('@')) && !document.IsReportedAt(at))
            {
                Problems.Add($"{at}: parameter '{name}' in {location} has no argument {Naming.Camel(name)} and no diagnostic");
            }

            foreach (var key in resolved.Select(p => p.Key))
            {
                if (key is "content")
                {
                    Reported(at + "/content", $"parameter '{name}' described by content");
                }
                else if (key is "style" && !IsWrittenStyle(location, resolved["style"]!.GetValue<string>()))
                {
                    Reported(at + "/style", $"style of parameter '{name}'");
                }
                else if (key is not ("name" or "in" or "description" or "required" or "deprecated" or "allowEmptyValue" or "style" or "explode" or "allowReserved" or "schema" or "example" or "examples" or "content")
                    && !key.StartsWith("x-", StringComparison.Ordinal))
                {
                    Problems.Add($"{at}: parameter key '{key}' is not classified");
                }
            }

            if (resolved["schema"] is JsonObject schema)
            {
                Schema(at + "/schema", schema);
            }
        }

        private static bool IsWrittenStyle(string location, string style) => (location, style) switch
        {
            ("path" or "header", "simple") => true,
            ("query", "form" or "spaceDelimited" or "pipeDelimited" or "deepObject") => true,
            _ => false,
        };

        private void RequestBody(string at, JsonObject body, MethodInfo call)
        {
            if (body["$ref"] is { } reference)
            {
                at = reference.GetValue<string>().TrimStart('#');
                body = document.Resolve(reference.GetValue<string>())!.AsObject();
            }

            var argument = call.GetParameters().FirstOrDefault(p => p.Name == "body");
            Content(at, body["content"]?.AsObject(), argument?.ParameterType, "request body");
        }

        private void Responses(string at, JsonObject responses, MethodInfo call)
        {
            var returned = call.ReturnType.IsGenericType ? call.ReturnType.GetGenericArguments()[0] : null;
            foreach (var (status, response) in responses)
            {
                var responseAt = at + "/" + Escape(status);
                var resolved = response!.AsObject();
                while (resolved["$ref"] is { } reference)
                {
                    responseAt = reference.GetValue<string>().TrimStart('#');
                    resolved = document.Resolve(reference.GetValue<string>())!.AsObject();
                }

                if (!status.StartsWith('2'))
                {
                    continue; // an error answer: ModelArtsApiException with its status and raw body, by design
                }

                foreach (var (key, _) in resolved)
                {
                    // Response headers and links are not returned: a documented limitation (README), not a silent one.
                    if (key is not ("description" or "content" or "headers" or "links") && !key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        Problems.Add($"{responseAt}: response key '{key}' is not classified");
                    }
                }

                Content(responseAt, resolved["content"]?.AsObject(), returned, $"{status} answer");
            }
        }

        /// <summary>A body: its C# type (the argument or the result) is not an untyped JsonElement unless the document gives no type, or it is reported.</summary>
        private void Content(string at, JsonObject? content, Type? type, string what)
        {
            if (content is null || content.Count == 0)
            {
                return;
            }

            if (type is null)
            {
                if (!IsReportedWithin(at))
                {
                    Problems.Add($"{at}: the {what} is neither generated nor reported");
                }
            }
            else if (type == typeof(System.Text.Json.JsonElement) || Nullable.GetUnderlyingType(type) == typeof(System.Text.Json.JsonElement))
            {
                var untyped = content.All(m => m.Value?["schema"] is not JsonObject schema || schema.Count == 0 || IsReportedWithin($"{at}/content/{Escape(m.Key)}")
                    || (schema["$ref"] is { } reference && IsReportedWithin(reference.GetValue<string>().TrimStart('#'))));
                if (!untyped)
                {
                    Problems.Add($"{at}: the {what} is a JsonElement though the document types it, and nothing is reported");
                }
            }

            foreach (var (media, value) in content)
            {
                var mediaAt = $"{at}/content/{Escape(media)}";
                foreach (var (key, node) in value!.AsObject())
                {
                    switch (key)
                    {
                        case "schema":
                            Schema(mediaAt + "/schema", node!.AsObject());
                            break;
                        case "example" or "examples":
                            break; // round-tripped by CorpusTests
                        case "encoding":
                            foreach (var (property, encoding) in node!.AsObject())
                            {
                                if (encoding?["headers"] is JsonObject { Count: > 0 })
                                {
                                    Reported($"{mediaAt}/encoding/{Escape(property)}/headers", "headers of a part");
                                }
                            }

                            break;
                        default:
                            if (!key.StartsWith("x-", StringComparison.Ordinal))
                            {
                                Problems.Add($"{mediaAt}: media type key '{key}' is not classified");
                            }

                            break;
                    }
                }
            }
        }

        /// <summary>Every keyword of a schema is carried, noted (MAG009), read in a supported shape or reported; every property is in a model.</summary>
        public void Schema(string at, JsonObject schema)
        {
            foreach (var (key, value) in schema)
            {
                if (key.StartsWith("x-", StringComparison.Ordinal))
                {
                    continue;
                }

                if (NotedKeywords.Contains(key))
                {
                    Noted(at + "/" + key, $"'{key}'");
                }
                else if (ReportedKeywords.Contains(key))
                {
                    Reported(at + "/" + Escape(key), $"'{key}'");
                }
                else if (ShapedKeywords.Contains(key))
                {
                    if (!IsSupportedShape(key, schema) && !document.IsReportedAt(at + "/" + key))
                    {
                        Problems.Add($"{at}/{key}: '{key}' in a shape the generator does not read, and no diagnostic");
                    }
                }
                else if (!CarriedKeywords.Contains(key))
                {
                    Problems.Add($"{at}: schema keyword '{key}' is not classified (carried, noted, shaped or reported)");
                }

                if (key == "additionalProperties" && value is JsonObject { Count: > 0 } && schema["properties"] is JsonObject { Count: > 0 })
                {
                    Reported(at + "/additionalProperties", "additionalProperties beside properties");
                }
            }

            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
            {
                Property($"{at}/properties/{Escape(name)}", name, property as JsonObject);
            }

            foreach (var keyword in new[] { "items", "additionalProperties", "not", "if", "then", "else", "contains" })
            {
                // A model's rules (not, if/then/else) are read by the rule parser, which reports the shapes it does not read.
                if (schema[keyword] is JsonObject inner && !(keyword is "not" or "if" or "then" or "else" && IsSupportedShape(keyword, schema)))
                {
                    Schema($"{at}/{keyword}", inner);
                }
            }

            foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                var index = 0;
                if (IsOptionList(schema[keyword] as JsonArray))
                {
                    continue; // each alternative is an option (its const, title and description), not a schema to walk
                }

                foreach (var part in schema[keyword]?.AsArray() ?? [])
                {
                    if (part is JsonObject inner)
                    {
                        Schema($"{at}/{keyword}/{index}", inner);
                    }

                    index++;
                }
            }
        }

        public void Property(string at, string jsonName, JsonObject? schema)
        {
            if (!_jsonNames.Contains(jsonName) && !IsReportedWithin(at) && !IsInsideRule(at) && !IsReportedAbove(at))
            {
                Problems.Add($"{at}: property '{jsonName}' is in no generated model and nothing is reported");
            }

            if (schema is not null)
            {
                Schema(at, schema);
            }
        }

        /// <summary>The shapes the generator reads: nullable wrappers, alternatives of required lists, not-required, if/then on a model, rules' own subschemas.</summary>
        private static bool IsSupportedShape(string keyword, JsonObject schema)
        {
            var alternatives = schema[keyword] as JsonArray;
            return keyword switch
            {
                "oneOf" or "anyOf" => alternatives is { Count: 2 } && alternatives.Any(a => a?["type"]?.GetValue<string>() == "null")
                    || IsOptionList(alternatives) || IsOpenOptionList(alternatives)
                    || (alternatives is not null && alternatives.All(a => a is JsonObject o && o.All(k => k.Key is "required" or "description" or "title")) && schema["properties"] is JsonObject),
                "not" => schema["not"] is JsonObject not && not.All(k => k.Key is "required" or "description") && (schema["properties"] is JsonObject || schema["allOf"] is not null),
                "if" or "then" or "else" => schema["properties"] is JsonObject || schema["allOf"] is not null,
                _ => false,
            };
        }

        /// <summary>An <c>enum</c> of strings beside plain strings (and perhaps null): an option type, which keeps unknown values.</summary>
        private static bool IsOpenOptionList(JsonArray? alternatives) =>
            alternatives is not null
            && alternatives.Count(a => a?["enum"] is JsonArray && a["type"]?.GetValue<string>() == "string") == 1
            && alternatives.All(a => a is JsonObject o && o["type"]?.GetValue<string>() is "string" or "null"
                && (o["enum"] is not null || o.All(k => k.Key is "type" or "description" or "title" || k.Key.StartsWith("x-", StringComparison.Ordinal))));

        /// <summary>Alternatives that are each one <c>const</c> of the same kind (string or integer): an option list.</summary>
        private static bool IsOptionList(JsonArray? alternatives) =>
            alternatives is { Count: > 0 }
            && alternatives.All(a => a is JsonObject o && o["const"] is JsonValue && o.All(k => k.Key is "const" or "title" or "description" or "type" or "deprecated" or "$comment" || k.Key.StartsWith("x-", StringComparison.Ordinal)))
            && alternatives.Select(a => a!["const"]!.GetValueKind()).Distinct().Count() == 1
            && alternatives[0]!["const"]!.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number;

        private static bool IsInsideRule(string at) =>
            at.Contains("/if/", StringComparison.Ordinal) || at.Contains("/then/", StringComparison.Ordinal) || at.Contains("/else/", StringComparison.Ordinal)
            || at.Contains("/not/", StringComparison.Ordinal) || at.Contains("/contains/", StringComparison.Ordinal);

        private static bool IsObject(JsonObject schema) =>
            (schema["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && schema["type"]!.GetValue<string>() == "object" || schema["type"] is null)
            && (schema["properties"] is JsonObject { Count: > 0 } || schema["allOf"] is JsonArray);

        private void Reported(string at, string what)
        {
            if (!document.IsReportedAt(at))
            {
                Problems.Add($"{at}: {what} is not generated and not reported");
            }
        }

        /// <summary>Servers of a path or an operation that repeat the document's own change nothing; others are reported.</summary>
        private void OwnServers(string at, JsonNode servers, string what)
        {
            if (!JsonNode.DeepEquals(servers, document.Root["servers"]))
            {
                Reported(at, what);
            }
            else if (document.IsReportedAt(at))
            {
                Problems.Add($"{at}: {what} repeats the document's servers and is reported anyway");
            }
        }

        private void Noted(string at, string what)
        {
            var phrase = what.Trim('\'');
            // Inside a value reported as untyped (a union's alternative, say) nothing is checked, and the MAG003 says so.
            if (!document.GeneratorDiagnostics.Any(d => d.Id == "MAG009" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(phrase, StringComparison.Ordinal))
                && !IsReportedAbove(at))
            {
                Problems.Add($"{at}: {what} is not carried and no MAG009 names it");
            }
        }

        /// <summary>Whether a MAG003 stands at a place that holds <paramref name="at"/> (a body the generator does not type, say).</summary>
        private bool IsReportedAbove(string at)
        {
            for (var end = at.LastIndexOf('/'); end > 0; end = at.LastIndexOf('/', end - 1))
            {
                var above = at[..end];
                var position = document.Locate(above);
                if (document.GeneratorDiagnostics.Any(d => d.Id == "MAG003" && d.Location.GetLineSpan().StartLinePosition == position))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a diagnostic (other than a rename) stands anywhere inside the JSON value at <paramref name="at"/>.</summary>
        private bool IsReportedWithin(string at)
        {
            var (start, end) = document.ValueSpan(at);
            return document.GeneratorDiagnostics.Any(d => d.Id is "MAG002" or "MAG003" && d.Location.SourceSpan.Start >= start && d.Location.SourceSpan.Start < end);
        }

        private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

        /// <summary>Every JSON property name a generated model reads and writes (their <c>s_names</c>).</summary>
        private static HashSet<string> GeneratedJsonNames(Assembly assembly)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in assembly.GetTypes())
            {
                if (type.GetField("s_names", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is ModelArts.Runtime.Json.JsonNames table)
                {
                    for (var i = 0; i < table.Count; i++)
                    {
                        names.Add(table.Name(i));
                    }
                }
            }

            return names;
        }
    }
}
