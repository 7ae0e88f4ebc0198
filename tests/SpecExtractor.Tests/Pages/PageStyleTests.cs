using ModelArts.SpecExtractor.Pages;
using Xunit;

namespace ModelArts.SpecExtractor.Tests.Pages;

/// <summary>The page model of each page style beyond the data-management chapter (<see cref="StylePages"/>).</summary>
public sealed class PageStyleTests
{
    [Fact]
    public void Old_style_sections_give_the_body_tables_the_examples_and_the_request_line_query()
    {
        var warnings = new WarningSink();
        var page = Extract.Page("old.rst", StylePages.OldVersion, warnings);

        Assert.Empty(warnings.Warnings);
        Assert.Equal("modelarts_03_0999", page.OperationId);
        var endpoint = Assert.Single(page.Endpoints);
        Assert.Equal(("POST", "/v1/{project_id}/widget-jobs"), (endpoint.Method, endpoint.Path));
        Assert.Equal(["dry_run"], endpoint.Query!);

        // "Parameters" under URI holds the path and query parameters; under Request/Response Body it is the body.
        Assert.Equal(TableRole.PathParameters, page.Tables.Single(t => t.Number == 1).Role);
        Assert.Equal(TableRole.RequestBody, page.Tables.Single(t => t.Number == 2).Role);
        Assert.Equal(TableRole.ResponseBody, page.Tables.Single(t => t.Number == 6).Role);
        Assert.Equal(TableRole.Object, page.Tables.Single(t => t.Number == 3).Role);

        Assert.Single(page.Examples, e => e.Kind == ExampleKind.Request && e.Title == "The following shows how to create job TestJob.");
        Assert.Single(page.Examples, e => e.Kind == ExampleKind.Response);
        Assert.Empty(page.StatusCodes);
    }

    [Fact]
    public void Object_rows_that_cite_a_table_get_its_type()
    {
        var page = Extract.Page("old.rst", StylePages.OldVersion);
        var body = page.Tables.Single(t => t.Role == TableRole.RequestBody).Rows;

        Assert.Equal("Config object", body.Single(r => r.Name == "config").Type); // "see Table 3": the link's label is on this page
        Assert.Equal("Array of Parameter objects", body.Single(r => r.Name == "parameter").Type); // Array<Object>
        Assert.Equal("Profile object", body.Single(r => r.Name == "profile").Type); // "Table 9" links to another page; the row's own table wins
    }

    [Fact]
    public void A_link_whose_text_is_not_the_caption_of_its_table_takes_the_caption()
    {
        var text = StylePages.CurrentVersion.Replace("Array of :ref:`Parameter <p>` objects ", "Array of :ref:`ParamResp <p>` objects ", StringComparison.Ordinal);
        var page = Extract.Page("current.rst", text);

        Assert.Equal("Array of Parameter objects", page.Tables.Single(t => t.Role == TableRole.RequestBody).Rows.Single(r => r.Name == "parameters").Type);
    }

    [Fact]
    public void A_caption_that_contains_path_parameters_inside_a_word_is_an_object()
    {
        var text = StylePages.OldVersion.Replace("**Table 4** **parameter** parameters", "**Table 4** **host_path** parameters", StringComparison.Ordinal);
        var page = Extract.Page("old.rst", text);

        Assert.Equal(TableRole.Object, page.Tables.Single(t => t.Number == 4).Role);
    }

    [Fact]
    public void A_response_table_without_a_status_line_belongs_to_the_pages_only_success_status()
    {
        var page = Extract.Page("nested.rst", StylePages.Nested);

        Assert.Equal(201, page.Tables.Single(t => t.Role == TableRole.ResponseBody).Status);
        Assert.Equal(201, Assert.Single(page.Examples, e => e.Kind == ExampleKind.Response).Status);
    }

    [Fact]
    public void Request_header_tables_and_property_names_with_slashes_and_dots_are_read()
    {
        var page = Extract.Page("nested.rst", StylePages.Nested);

        Assert.Equal(["X-Auth-Token", "Content-Type", "X-Language"], page.Tables.Single(t => t.Role == TableRole.HeaderParameters).Rows.Select(r => r.Name));
        Assert.Equal(["os.modelarts/name", "os.modelarts/node.prefix"], page.Tables.Single(t => t.Caption == "PoolMeta").Rows.Select(r => r.Name));
    }
}
