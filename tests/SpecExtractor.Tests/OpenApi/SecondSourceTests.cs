using System.Text.Json.Nodes;
using ModelArts.SpecExtractor.OpenApi;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.OpenApi;

/// <summary>
/// The Chinese edition as a second source (issue 10, requirement 4), error answers (requirement 5) and enum
/// hygiene with the exceptions it leads to (requirement 3).
/// </summary>
public sealed class SecondSourceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("second-source-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_second_edition_adds_what_the_first_leaves_out_and_the_first_decides_where_they_differ()
    {
        var english = Write("en", PageWriter.Operation("ListThings", "POST /v2/{project_id}/things",
            new Table("Request body parameters", "request",
                new Row("locale", "No", "String", "Language."),
                new Row("task_type", "No", "String", "Task type. Options:\n- auto-label: active learning\n- pre-label: pre-labeling"),
                new Row("name", "Yes", "String", "Name. The value contains a maximum of 64 characters."),
                new Row("note", "No", "String", "Note."))));
        var chinese = Write("zh", PageWriter.Operation("ListThings", "POST /v2/{project_id}/things",
            new Table("Request body parameters", "request",
                new Row("locale", "No", "String", "语言。可选值如下：\n- en-us：英文（默认值）\n- zh-cn：中文"),
                new Row("task_type", "No", "String", "任务类型。可选值如下：\n- auto-label：主动学习\n- pre-label：预标注\n- auto-deploy：一键上线"),
                new Row("name", "No", "String", "名称，长度为1-32位。"),
                new Row("note", "No", "String", "备注。"),
                new Row("legacy", "No", "String", "旧字段。"))));

        var result = Extraction.Run(new ExtractionRequest([english], [], Extract.Info) { Supplements = [chinese] });

        var locale = result.Document.Property("ListThingsRequest", "locale");
        Assert.Equal(["en-us", "zh-cn"], locale["enum"].Strings());
        Assert.Equal("en-us", locale["default"]!.GetValue<string>());
        Assert.EndsWith(".md", locale["x-doc-source"]![0]!["page"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("zh", locale["x-doc-source"]![0]!["page"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(["auto-label", "pre-label", "auto-deploy"], result.Document.Property("ListThingsRequest", "task_type")["enum"].Strings());
        Assert.Contains(result.Warnings, w => w.Message.Contains("\"auto-deploy\" the primary edition does not; they join the enum", StringComparison.Ordinal));

        var name = result.Document.Property("ListThingsRequest", "name");
        Assert.Equal(64, name["maxLength"]!.GetValue<long>());
        Assert.Equal(1, name["minLength"]!.GetValue<long>());
        Assert.Contains(result.Warnings, w => w.Message.Contains("maxLength is 64 in the primary edition and 32 in the second; the primary edition decides", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Message.Contains("name is mandatory in the primary edition and optional in the second", StringComparison.Ordinal));
        Assert.Equal(["name"], result.Document.Schema("ListThingsRequest")["required"].Strings());

        Assert.Null(result.Document.Schema("ListThingsRequest")["properties"]!["legacy"]);
        Assert.Contains(result.Warnings, w => w.Message.Contains("legacy is listed only by the second edition; it is not added", StringComparison.Ordinal));
    }

    [Fact]
    public void An_option_list_of_another_table_or_edition_does_not_narrow_a_stated_list_form()
    {
        // One page: a hyphen-joined list of reason IDs, whose options are its items; the others (and the second edition): the options alone.
        const string List = "Reasons. Use a hyphen (-) to separate every two reason IDs, for example, 3-20. Options:\n- 3: low confidence\n- 20: other";
        const string Options = "Reason. Options:\n- 3: low confidence\n- 20: other";
        var english = Write("en", PageWriter.Operation("AddThings", "PUT /v2/{project_id}/things",
            [new Table("Request body parameters", "request", new Row("label", "No", "Label object", "Label.")), new Table("Label", "request", new Row("reasons", "No", "String", List))],
            requestExample: null, statuses: ["200"]));
        Write("en", PageWriter.Operation("CreateThings", "POST /v2/{project_id}/things",
            [new Table("Request body parameters", "request", new Row("label", "No", "Label object", "Label.")), new Table("Label", "request", new Row("reasons", "No", "String", Options))],
            requestExample: null, statuses: ["200"]));
        var chinese = Write("zh", PageWriter.Operation("AddThings", "PUT /v2/{project_id}/things",
            [new Table("Request body parameters", "request", new Row("label", "No", "Label object", "Label.")), new Table("Label", "request", new Row("reasons", "No", "String", "原因。可选值如下：\n- 3：低置信度\n- 20：其他"))],
            requestExample: null, statuses: ["200"]));

        var result = Extraction.Run(new ExtractionRequest([english], [], Extract.Info) { Supplements = [chinese] });

        var reasons = result.Document.Property("Label", "reasons");
        Assert.Null(reasons["enum"]);
        Assert.Matches(reasons["pattern"]!.GetValue<string>(), "3-20");
        Assert.Contains(result.Warnings, w => w.Message.Contains("does not narrow the value form the primary edition states", StringComparison.Ordinal));
    }

    [Fact]
    public void The_error_body_the_pages_show_once_is_the_body_of_every_documented_error_answer()
    {
        var operation = PageWriter.Operation("GetThing", "GET /v2/{project_id}/things", [], requestExample: null, statuses: ["200", "401", "404", "500"]);
        var response = Write("calling", ("response.md", """
            # Response<a name="modelarts_03_0003"></a>

            ## Response Body

            If an error occurs during API calling, an error code and a message will be displayed. The following shows an error response body.

            ```
            {
                "error_msg": "The format of message is error",
                "error_code": "AS.0001"
            }
            ```

            In the error response body, error_code is an error code, and error_msg provides information about the error.
            """));

        var result = Extraction.Run(new ExtractionRequest([Write("en", operation), response], [], Extract.Info));

        var error = result.Document.Schema("ErrorResponse");
        Assert.Equal(["error_msg", "error_code"], error["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("An error code.", error["properties"]!["error_code"]!["description"]!.GetValue<string>());
        Assert.Equal("Information about the error.", error["properties"]!["error_msg"]!["description"]!.GetValue<string>());
        var responses = result.Document["paths"]!["/v2/{project_id}/things"]!["get"]!["responses"]!.AsObject();
        foreach (var status in new[] { "401", "404", "500" })
        {
            Assert.Equal("#/components/schemas/ErrorResponse", responses[status]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        }

        Assert.Null(responses["200"]!["content"]);
    }

    [Fact]
    public void A_pages_own_error_table_of_the_same_fields_is_the_one_error_body_and_one_that_documents_more_stays()
    {
        // New-style pages document their error answers with a table of their own, under "Status code: 400".
        static (string File, string Text) WithErrorTable(string id, params Row[] rows)
        {
            var page = PageWriter.Operation(id, $"GET /v2/{{project_id}}/{id.ToLowerInvariant()}", new Table("Response body parameters", "response", new Row("name", "", "String", "Name.")));
            var error = PageWriter.Operation("X", "GET /x", new Table("Response body parameters", "response", rows)).Text;
            var table = error[error.IndexOf("**Table", StringComparison.Ordinal)..error.IndexOf("## Status Codes", StringComparison.Ordinal)].Replace("**Table 1**", "**Table 2**", StringComparison.Ordinal);
            var text = page.Text.Replace("## Status Codes", "**Status code: 400**\n\n" + table + "## Status Codes", StringComparison.Ordinal)
                .Replace("<tr><td><p>200</p></td><td><p>Status 200</p></td></tr>", "<tr><td><p>200</p></td><td><p>Status 200</p></td></tr>\n<tr><td><p>400</p></td><td><p>Bad request</p></td></tr>", StringComparison.Ordinal);
            return (page.File, text);
        }

        var same = Write("en", WithErrorTable("ShowThings", new Row("error_code", "", "String", "Error code."), new Row("error_msg", "", "String", "Error message.")));
        Write("en", WithErrorTable("ShowOthers", new Row("error_code", "", "String", "Error code."), new Row("error_msg", "", "String", "Error message."), new Row("error_solution", "", "String", "Solution.")));
        var response = Write("calling", ("response.md", """
            # Response<a name="modelarts_03_0003"></a>

            The following shows an error response body.

            ```
            { "error_msg": "The format of message is error", "error_code": "AS.0001" }
            ```
            """));

        var result = Extraction.Run(new ExtractionRequest([same, response], [], Extract.Info));

        Schema(result, "/v2/{project_id}/showthings", "#/components/schemas/ErrorResponse");
        Schema(result, "/v2/{project_id}/showothers", "#/components/schemas/ShowOthersResponse400");
        Assert.False(result.Document["components"]!["schemas"]!.AsObject().ContainsKey("ShowThingsResponse400"));
        Assert.Contains(result.Document.Schema("ErrorResponse")["x-doc-tables"]!.AsArray(), t => t!.GetValue<string>().Contains("showthings.md", StringComparison.Ordinal));

        static void Schema(ExtractionResult result, string path, string expected) =>
            Assert.Equal(expected, result.Document["paths"]![path]!["get"]!["responses"]!["400"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void An_example_value_outside_the_options_widens_a_response_enum_but_not_one_requests_use()
    {
        var statusRow = new Row("status", "No", "String", "Status. Options:\n- running: running\n- done: done");
        var create = PageWriter.Operation("CreateThing", "POST /v2/{project_id}/things",
            [new Table("Request body parameters", "request", new Row("spec", "No", "Spec object", "Spec.")), new Table("Spec", "request", statusRow)],
            requestExample: """{ "spec": { "status": "paused" } }""", statuses: ["200"]);
        var list = PageWriter.Operation("ListThings", "GET /v2/{project_id}/things",
            [new Table("Response body parameters", "response", new Row("state", "", "String", "State. Options:\n- new: new\n- old: old"))],
            requestExample: null, statuses: ["200"]);
        var listPage = list.Text.Replace("## Status Codes", "## Example Responses\n\n**Status code: 200**\n\n```\n{ \"state\": \"archived\" }\n```\n\n## Status Codes", StringComparison.Ordinal);

        var (document, coverage, warnings) = Extract.Pages(create, (list.File, listPage));

        Assert.Equal(["running", "done"], document.Property("Spec", "status")["enum"].Strings());
        var exception = Assert.Single(coverage.ExampleExceptions);
        Assert.Equal(("CreateThing", "example1"), (exception.OperationId, exception.Example));
        Assert.Contains("\"paused\" at $.spec.status", exception.Reason, StringComparison.Ordinal);
        Assert.Equal(["new", "old", "archived"], document.Property("ListThingsResponse", "state")["enum"].Strings());
        Assert.Contains(warnings, w => w.Message.Contains("example-exceptions.json", StringComparison.Ordinal));
    }

    [Fact]
    public void An_example_outside_the_stated_format_drops_a_response_pattern_but_not_one_requests_use()
    {
        var pathRow = new Row("path", "No", "String", "OBS path of the output.");
        var create = PageWriter.Operation("CreateThing", "POST /v2/{project_id}/things",
            [new Table("Request body parameters", "request", new Row("spec", "No", "Spec object", "Spec.")), new Table("Spec", "request", pathRow)],
            requestExample: """{ "spec": { "path": "" } }""", statuses: ["200"]);
        var show = PageWriter.Operation("ShowThing", "GET /v2/{project_id}/things",
            [new Table("Response body parameters", "response", new Row("location", "", "String", "OBS path where the model is located or the template address of the SWR image."))],
            requestExample: null, statuses: ["200"]);
        var showPage = show.Text.Replace("## Status Codes", "## Example Responses\n\n**Status code: 200**\n\n```\n{ \"location\": \"https://models.obs.example.com/mnist\" }\n```\n\n## Status Codes", StringComparison.Ordinal);

        var (document, coverage, warnings) = Extract.Pages(create, (show.File, showPage));

        Assert.Equal("obs-path", document.Property("Spec", "path")["format"]!.GetValue<string>());
        var exception = Assert.Single(coverage.ExampleExceptions);
        Assert.Equal(("CreateThing", "example1"), (exception.OperationId, exception.Example));
        Assert.Contains("\"\" at $.spec.path, which does not match the documented format", exception.Reason, StringComparison.Ordinal);
        var location = document.Property("ShowThingResponse", "location");
        Assert.Null(location["pattern"]);
        Assert.Null(location["format"]);
        Assert.Null(location["x-doc-source"]);
        Assert.Contains(warnings, w => w.Message.Contains("the response shows other values, so the pattern is not extracted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_example_without_what_only_requests_must_carry_is_an_exception_and_a_response_one_is_not()
    {
        // Spec is both the request's and the answer's: only the request table marks name Mandatory (x-required-in-requests).
        var create = PageWriter.Operation("PatchThing", "PATCH /v2/{project_id}/things",
            [new Table("Request body parameters", "request", new Row("spec", "No", "Spec object", "Spec.")), new Table("Spec", "request", new Row("name", "Yes", "String", "Name."), new Row("size", "No", "Integer", "Size."))],
            requestExample: """{ "spec": { "size": 2 } }""", statuses: ["200"]);
        var show = PageWriter.Operation("ShowThing", "GET /v2/{project_id}/things",
            [new Table("Response body parameters", "response", new Row("spec", "", "Spec object", "Spec.")), new Table("Spec", "response", new Row("name", "", "String", "Name."), new Row("size", "", "Integer", "Size."))],
            requestExample: null, statuses: ["200"]);
        var showPage = show.Text.Replace("## Status Codes", "## Example Responses\n\n**Status code: 200**\n\n```\n{ \"spec\": { \"size\": 3 } }\n```\n\n## Status Codes", StringComparison.Ordinal);

        var (document, coverage, _) = Extract.Pages(create, (show.File, showPage));

        Assert.Equal(["name"], document.Schema("Spec")["x-required-in-requests"].Strings());
        var exception = Assert.Single(coverage.ExampleExceptions);
        Assert.Equal(("PatchThing", "example1"), (exception.OperationId, exception.Example));
        Assert.Contains("no 'name' at $.spec, which the request table marks Mandatory", exception.Reason, StringComparison.Ordinal);
    }

    private string Write(string folder, (string File, string Text) page)
    {
        var directory = Path.Combine(_root, folder);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, page.File), page.Text);
        return directory;
    }
}
