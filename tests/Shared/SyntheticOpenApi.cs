using System.Globalization;
using System.Text;

namespace ModelArts.Testing;

/// <summary>
/// An OpenAPI 3.0 document of any number of operations, assembled from patterns of public SaaS APIs: resources with
/// list (offset/limit paging, filters, a shared enum), create (JSON, <c>allOf</c> of a shared base and the resource's
/// fields, required lists), get, update (<c>application/x-www-form-urlencoded</c> with <c>deepObject</c> metadata, as
/// payment APIs do) and delete; every third resource uploads a file (multipart) and downloads one (binary), every
/// fifth exports CSV (text); nullable required fields (<c>deleted_at</c>), an <c>If-Match</c> header, a shared error
/// answer, and inline list envelopes repeated in every list answer as such documents repeat them.
/// Used by the consumer test (tests/Generator.Tests) and the scale benchmark (bench/Benchmarks).
/// </summary>
internal static class SyntheticOpenApi
{
    private static readonly string[] Nouns =
    [
        "customer", "invoice", "payment", "refund", "product", "price", "coupon", "subscription", "charge", "dispute",
        "payout", "transfer", "account", "card", "bank_account", "order", "shipment", "return", "review", "tax_rate",
        "webhook_endpoint", "file", "report", "quote", "credit_note", "plan", "promotion_code", "session", "balance", "topup",
    ];

    /// <summary>A resource's names: its wire name, its schema name, its operations' stem.</summary>
    public sealed record Resource(string Wire, string Schema, string Path, bool Files, bool Csv);

    /// <summary>The resources a document of <paramref name="operations"/> operations has, in order.</summary>
    public static List<Resource> Resources(int operations)
    {
        var resources = new List<Resource>();
        for (var count = 0; count < operations; )
        {
            var i = resources.Count;
            var wire = Nouns[i % Nouns.Length] + (i < Nouns.Length ? string.Empty : "_" + (i / Nouns.Length).ToString(CultureInfo.InvariantCulture));
            var resource = new Resource(wire, Pascal(wire), "/v1/" + wire + "s", i % 3 == 0, i % 5 == 0);
            resources.Add(resource);
            count += OperationsOf(resource);
        }

        return resources;
    }

    private static int OperationsOf(Resource resource) => 5 + (resource.Files ? 2 : 0) + (resource.Csv ? 1 : 0);

    /// <summary>A resource's operations: path, method and the operation object.</summary>
    private static IEnumerable<(string Path, string Method, string Operation)> Operations(Resource r)
    {
        const string Id = """{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 64 } }""";
        yield return (r.Path, "get", $$"""
            {
                    "operationId": "List{{r.Schema}}s", "tags": ["{{r.Wire}}"], "summary": "List {{r.Wire}}s",
                    "parameters": [
                      { "$ref": "#/components/parameters/Offset" }, { "$ref": "#/components/parameters/Limit" },
                      { "name": "status", "in": "query", "schema": { "$ref": "#/components/schemas/Status" } },
                      { "name": "created_after", "in": "query", "schema": { "type": "string", "format": "date-time" } },
                      { "name": "expand", "in": "query", "schema": { "type": "array", "items": { "type": "string" } } }
                    ],
                    "responses": {
                      "200": { "description": "A page", "content": { "application/json": { "schema": {
                        "type": "object", "required": ["data", "has_more"],
                        "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/{{r.Schema}}" } }, "has_more": { "type": "boolean" }, "total_count": { "type": "integer", "nullable": true } } } } } },
                      "default": { "$ref": "#/components/responses/Error" }
                    }
                  }
            """);
        yield return (r.Path, "post", $$"""
            {
                    "operationId": "Create{{r.Schema}}", "tags": ["{{r.Wire}}"], "summary": "Create a {{r.Wire}}",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/New{{r.Schema}}" } } } },
                    "responses": { "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{r.Schema}}" } } } }, "default": { "$ref": "#/components/responses/Error" } }
                  }
            """);
        yield return (r.Path + "/{id}", "get", $$"""
            {
                    "operationId": "Get{{r.Schema}}", "tags": ["{{r.Wire}}"],
                    "parameters": [ {{Id}} ],
                    "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{r.Schema}}" } } } }, "404": { "$ref": "#/components/responses/Error" } }
                  }
            """);
        yield return (r.Path + "/{id}", "post", $$"""
            {
                    "operationId": "Update{{r.Schema}}", "tags": ["{{r.Wire}}"],
                    "parameters": [ {{Id}}, { "$ref": "#/components/parameters/IfMatch" } ],
                    "requestBody": { "content": { "application/x-www-form-urlencoded": {
                      "schema": { "type": "object", "properties": {
                        "description": { "type": "string", "maxLength": 500 },
                        "status": { "$ref": "#/components/schemas/Status" },
                        "metadata": { "type": "object", "additionalProperties": { "type": "string" } },
                        "tags": { "type": "array", "items": { "type": "string" } } } },
                      "encoding": { "metadata": { "style": "deepObject", "explode": true } } } } },
                    "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{r.Schema}}" } } } }, "default": { "$ref": "#/components/responses/Error" } }
                  }
            """);
        yield return (r.Path + "/{id}", "delete", $$"""
            {
                    "operationId": "Delete{{r.Schema}}", "tags": ["{{r.Wire}}"],
                    "parameters": [ {{Id}} ],
                    "responses": { "200": { "description": "Deleted", "content": { "application/json": { "schema": {
                      "type": "object", "required": ["id", "deleted"], "properties": { "id": { "type": "string" }, "deleted": { "type": "boolean" } } } } } } }
                  }
            """);
        if (r.Files)
        {
            yield return (r.Path + "/{id}/files", "post", $$"""
                {
                        "operationId": "Upload{{r.Schema}}File", "tags": ["{{r.Wire}}"],
                        "parameters": [ {{Id}} ],
                        "requestBody": { "required": true, "content": { "multipart/form-data": {
                          "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" }, "purpose": { "$ref": "#/components/schemas/Purpose" }, "title": { "type": "string" } } },
                          "encoding": { "file": { "contentType": "application/pdf, image/png" } } } } },
                        "responses": { "201": { "description": "Stored", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FileRef" } } } } }
                      }
                """);
            yield return (r.Path + "/{id}/files/{file_id}", "get", $$"""
                {
                        "operationId": "Download{{r.Schema}}File", "tags": ["{{r.Wire}}"],
                        "parameters": [ {{Id}}, { "name": "file_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
                        "responses": { "200": { "description": "The file", "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } } }
                      }
                """);
        }

        if (r.Csv)
        {
            yield return (r.Path + "/export", "get", $$"""
                {
                        "operationId": "Export{{r.Schema}}s", "tags": ["{{r.Wire}}"],
                        "parameters": [ { "name": "status", "in": "query", "schema": { "$ref": "#/components/schemas/Status" } } ],
                        "responses": { "200": { "description": "CSV", "content": { "text/csv": { "schema": { "type": "string" } } } } }
                      }
                """);
        }
    }

    /// <param name="operations">How many operations.</param>
    /// <param name="unions">Give every resource and every list answer an <c>anyOf</c> of a string and an object (an expandable
    /// field, as payment APIs have): each a MAG003, for runs with many reports.</param>
    public static string Build(int operations, bool unions = false)
    {
        var resources = Resources(operations);
        var all = resources.SelectMany(Operations).Take(operations).ToList();
        const string Expandable = "\"expandable\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/FileRef\" } ] }, ";
        var json = new StringBuilder();
        json.Append("{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"Synthetic Commerce API\", \"version\": \"1\" },\n  \"servers\": [ { \"url\": \"https://api.example.com\" } ],\n  \"paths\": {\n");
        var paths = all.GroupBy(o => o.Path).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            json.Append("    \"").Append(paths[i].Key).Append("\": {\n      ");
            json.Append(string.Join(",\n      ", paths[i].Select(o => "\"" + o.Method + "\": " + (unions ? o.Operation.Replace("\"has_more\": {", Expandable + "\"has_more\": {", StringComparison.Ordinal) : o.Operation))));
            json.Append(i + 1 < paths.Count ? "\n    },\n" : "\n    }\n");
        }

        json.Append("  },\n  \"components\": {\n");
        json.Append("""
                "parameters": {
                  "Offset": { "name": "offset", "in": "query", "schema": { "type": "integer", "format": "int32", "minimum": 0 } },
                  "Limit": { "name": "limit", "in": "query", "schema": { "type": "integer", "format": "int32", "minimum": 1, "maximum": 100 } },
                  "IfMatch": { "name": "If-Match", "in": "header", "schema": { "type": "string" } }
                },
                "responses": {
                  "Error": { "description": "An error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                },
                "schemas": {
                  "Status": { "type": "string", "enum": ["active", "inactive", "archived", "pending"] },
                  "Purpose": { "type": "string", "enum": ["identity_document", "receipt", "invoice", "other"] },
                  "Error": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" }, "param": { "type": "string", "nullable": true } } },
                  "FileRef": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "size": { "type": "integer", "format": "int64" }, "url": { "type": "string", "nullable": true } } },
                  "Entity": { "type": "object", "required": ["id", "created_at", "deleted_at"], "properties": {
                    "id": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" },
                    "deleted_at": { "type": "string", "format": "date-time", "nullable": true }, "livemode": { "type": "boolean" } } }
            """);
        foreach (var r in resources)
        {
            json.Append(",\n").Append(CultureInfo.InvariantCulture, $$"""
                      "{{r.Schema}}Fields": { "type": "object", "required": ["name", "status"], "properties": { {{(unions ? Expandable : string.Empty)}}
                        "name": { "type": "string", "minLength": 1, "maxLength": 200 },
                        "description": { "type": "string", "nullable": true },
                        "status": { "$ref": "#/components/schemas/Status" },
                        "amount": { "type": "integer", "format": "int64", "minimum": 0 },
                        "currency": { "type": "string", "pattern": "^[a-z]{3}$" },
                        "metadata": { "type": "object", "additionalProperties": { "type": "string" } },
                        "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 20 },
                        "address": { "type": "object", "nullable": true, "properties": { "line1": { "type": "string" }, "city": { "type": "string" }, "country": { "type": "string", "maxLength": 2 } } } } },
                      "{{r.Schema}}": { "allOf": [ { "$ref": "#/components/schemas/Entity" }, { "$ref": "#/components/schemas/{{r.Schema}}Fields" }, { "type": "object", "properties": { "object": { "type": "string", "enum": ["{{r.Wire}}"] } } } ] },
                      "New{{r.Schema}}": { "allOf": [ { "$ref": "#/components/schemas/{{r.Schema}}Fields" }, { "type": "object", "properties": { "idempotency_note": { "type": "string" } } } ] }
                """);
        }

        json.Append("\n    }\n  }\n}\n");
        return json.ToString();
    }

    public static string Pascal(string wire) =>
        string.Concat(wire.Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
