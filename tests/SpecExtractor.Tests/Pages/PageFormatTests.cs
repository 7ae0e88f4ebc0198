using ModelArts.SpecExtractor.Pages;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Pages;

/// <summary>The three parsers fill the same page model from the same operation written three ways.</summary>
public sealed class PageFormatTests
{
    public static TheoryData<string, string> Formats => new()
    {
        { "create_thing.rst", TestPages.Rst },
        { "创建事物.md", TestPages.Markdown },
        { "create_thing.txt", TestPages.PlainText },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_yields_the_operation_its_tables_and_examples(string file, string text)
    {
        var warnings = new WarningSink();
        var page = Extract.Page(file, text, warnings);

        Assert.Empty(warnings.Warnings);
        Assert.Equal("CreateThing", page.OperationId);
        var endpoint = Assert.Single(page.Endpoints);
        Assert.Equal(("POST", "/v2/{project_id}/things/{group_id}"), (endpoint.Method, endpoint.Path));

        var path = Assert.Single(page.Tables, t => t.Role == TableRole.PathParameters);
        Assert.Equal(["project_id", "group_id"], path.Rows.Select(r => r.Name));
        Assert.All(path.Rows, r => Assert.True(r.Mandatory));

        var body = Assert.Single(page.Tables, t => t.Role == TableRole.RequestBody);
        Assert.Equal(["name", "mode", "source", "sources"], body.Rows.Take(4).Select(r => r.Name));
        Assert.Equal([true, false, false, false], body.Rows.Take(4).Select(r => r.Mandatory ?? false));
        Assert.Contains(body.Rows, r => r.Name == "sources" && r.Type.Replace(" ", string.Empty, StringComparison.Ordinal) == "ArrayofSourceobjects");

        var source = Assert.Single(page.Tables, t => t.Role == TableRole.Object);
        Assert.Equal("Source", source.Caption);

        var response = Assert.Single(page.Tables, t => t.Role == TableRole.ResponseBody);
        Assert.Equal(201, response.Status);
        Assert.Null(response.Rows[0].Mandatory);

        Assert.Contains(page.Examples, e => e.Kind == ExampleKind.Request && e.Text.Contains("\"t-1\"", StringComparison.Ordinal));
        Assert.Contains(page.Examples, e => e.Kind == ExampleKind.Response && e.Status == 201);
        Assert.Contains(page.StatusCodes, s => s.Code == 201);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Option_bullets_keep_their_structure_in_the_description(string file, string text)
    {
        var page = Extract.Page(file, text);
        var mode = page.Tables.Single(t => t.Role == TableRole.RequestBody).Rows.Single(r => r.Name == "mode");

        var lines = mode.Description.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("- fast", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("- slow", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Rst_grid_cells_join_their_lines_and_strip_inline_markup()
    {
        var page = Extract.Page("p.rst", TestPages.Rst);
        var rows = page.Tables.Single(t => t.Role == TableRole.RequestBody).Rows;

        Assert.Equal("Source object", rows.Single(r => r.Name == "source").Type);
        Assert.Equal("Name. The value contains 1 to 64 characters. Only letters, digits, underscores (_), and hyphens (-) are allowed.", rows.Single(r => r.Name == "name").Description);
        Assert.Equal("Sources. Either this parameter or source is used.", rows.Single(r => r.Name == "sources").Description);
    }

    [Fact]
    public void Rst_simple_table_rows_continue_on_lines_with_an_empty_first_column()
    {
        var page = Extract.Page("p.rst", TestPages.Rst);
        var count = page.Tables.Single(t => t.Role == TableRole.ResponseBody).Rows.Single(r => r.Name == "count");

        Assert.Equal("Long", count.Type);
        Assert.Equal("Number of things, counted twice.", count.Description);
    }

    [Fact]
    public void Both_status_heading_styles_are_read()
    {
        var page = Extract.Page("p.rst", TestPages.Rst);

        Assert.Equal(201, page.Tables.Single(t => t.Role == TableRole.ResponseBody).Status); // **Status code**: **201**
        Assert.Equal(201, page.Examples.Single(e => e.Kind == ExampleKind.Response).Status); // **Status code: 201**
    }

    [Fact]
    public void Example_titles_come_from_the_sentence_before_the_code_block()
    {
        var page = Extract.Page("p.rst", TestPages.Rst);

        Assert.Equal("Creating a fast thing", page.Examples.Single(e => e.Kind == ExampleKind.Request).Title);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_a_warning_with_its_line()
    {
        var text = TestPages.Markdown.Replace("<td><p>组ID。</p></td>", string.Empty, StringComparison.Ordinal);
        var warnings = new WarningSink();
        var page = Extract.Page("x.md", text, warnings);

        var warning = Assert.Single(warnings.Warnings);
        Assert.Equal("x.md", warning.File);
        Assert.Equal(16, warning.Line);
        Assert.Contains("3 cells, the header has 4", warning.Message, StringComparison.Ordinal);
        Assert.Single(page.Tables.Single(t => t.Role == TableRole.PathParameters).Rows);
        Assert.Equal(page.Tables.Sum(t => t.Rows.Count) + 1, page.RowsSeen);
    }
}
