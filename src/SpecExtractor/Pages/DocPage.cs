namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// One documentation page, whatever its source format. Every parser fills this model and the
/// OpenAPI writer reads only this model, so a new format is one new parser.
/// </summary>
internal sealed class DocPage(string file)
{
    /// <summary>Path of the page as given on the command line, used in warnings and <c>x-doc-source</c>.</summary>
    public string File { get; } = file;

    /// <summary>The page's path relative to the documentation root, as cited in <c>x-doc-source</c>.</summary>
    public string SourceId { get; set; } = file;

    public string? OperationId { get; set; }

    /// <summary>True for a page the reference keeps as an old version (a historical input of the manifest).</summary>
    public bool Historical { get; set; }

    public string? Title { get; set; }

    /// <summary>The "Function" section: what the operation does.</summary>
    public string? Description { get; set; }

    public List<DocEndpoint> Endpoints { get; } = [];

    public List<DocTable> Tables { get; } = [];

    public List<DocExample> Examples { get; } = [];

    public List<DocStatus> StatusCodes { get; } = [];

    /// <summary>An error response body a page shows outside any operation ("The following shows an error response body."), with the prose that explains it.</summary>
    public List<DocErrorBody> ErrorBodies { get; } = [];

    /// <summary>Rows seen in parameter tables, including rows that could not be read (for the coverage line).</summary>
    public int RowsSeen { get; set; }
}

/// <param name="Host">The host placeholder of the request line (<c>endpoint</c>, <c>iam-endpoint</c>), or null when the URI gives only a path.</param>
/// <param name="FromProse">True when the operation is only described by a request line in a code block (no URI section).</param>
/// <param name="Query">The names of the request line's query template (<c>?limit={limit}</c>), which old-style pages list with the path parameters.</param>
internal sealed record DocEndpoint(string Method, string Path, string? Host, int Line, bool FromProse = false, IReadOnlyList<string>? Query = null);

internal enum TableRole
{
    PathParameters,
    QueryParameters,
    HeaderParameters,
    RequestBody,
    ResponseBody,

    /// <summary>A named object table (ProcessorDataSource, Worker, ...) referenced from a Type cell.</summary>
    Object,

    StatusCodes,

    /// <summary>A table the extractor does not turn into API elements (for example, a list of HTTP methods).</summary>
    Other,
}

/// <param name="Caption">The caption without its "Table N" prefix.</param>
/// <param name="Status">The status code of the "Status code" heading above a response table.</param>
/// <param name="Side">Whether the table sits under the request or the response parameters.</param>
/// <param name="Number">The N of "Table N", by which old-style pages cite the table in a description.</param>
/// <param name="Anchor">The label links point to the table by (<c>.. _label:</c>), if the page gives one.</param>
internal sealed record DocTable(string Caption, TableRole Role, int? Status, ApiSide Side, int Line, IReadOnlyList<DocRow> Rows, int? Number = null, string? Anchor = null);

internal enum ApiSide
{
    None,
    Request,
    Response,
}

/// <param name="Mandatory">Null when the table has no Mandatory column (response tables).</param>
/// <param name="Description">Normalized text: paragraphs separated by new lines, bullet items start with "- ".</param>
/// <param name="TypeLink">The label the Type cell's link points to, if it has one.</param>
/// <param name="DescriptionLinks">The links of the Description cell ("see Table 3" and where it points).</param>
internal sealed record DocRow(string Name, bool? Mandatory, string Type, string Description, int Line, string? TypeLink = null, IReadOnlyList<DocLink>? DescriptionLinks = null);

internal enum ExampleKind
{
    Request,
    Response,
}

/// <param name="Title">The sentence that introduces the example, if any.</param>
/// <param name="Text">The code block as written.</param>
internal sealed record DocExample(ExampleKind Kind, int? Status, string? Title, string Text, int Line);

internal sealed record DocStatus(int Code, string Description, int Line);

/// <param name="Explanation">The paragraph after the body, which says what its fields are.</param>
internal sealed record DocErrorBody(string Text, int Line, string? Explanation);
