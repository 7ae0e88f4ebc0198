namespace ModelArts.SpecExtractor.Pages;

/// <summary>
/// What a format parser produces: the page as a flat sequence of blocks. The format-specific
/// work ends here; <see cref="PageAssembler"/> gives the blocks their API meaning for every format.
/// </summary>
internal abstract record Block(int Line);

internal sealed record HeadingBlock(string Text, int Line) : Block(Line);

/// <param name="Text">Normalized text; a bullet item starts with "- ".</param>
internal sealed record ParagraphBlock(string Text, int Line) : Block(Line);

internal sealed record CodeBlock(string Text, int Line) : Block(Line);

/// <param name="Caption">The caption without its "Table N" prefix, or null for an uncaptioned table.</param>
/// <param name="Header">Header cells, normalized.</param>
/// <param name="Number">The N of the caption's "Table N", which old-style pages cite in descriptions ("see Table 3").</param>
/// <param name="Anchor">The label the page puts on the table (<c>.. _label:</c>), which links in Type cells point to.</param>
internal sealed record TableBlock(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows, int Line, int? Number = null, string? Anchor = null) : Block(Line);

/// <param name="Cells">Normalized cell texts; multi-paragraph cells are joined by new lines, bullets start with "- ".</param>
/// <param name="Links">Per cell, the links it holds (<c>:ref:`Text &lt;label&gt;`</c>), in order.</param>
internal sealed record RawRow(IReadOnlyList<string> Cells, int Line, IReadOnlyList<IReadOnlyList<DocLink>>? Links = null);

/// <summary>A cross-reference in a cell: its visible text ("Table 3", "Source") and the label it points to.</summary>
internal sealed record DocLink(string Text, string Label);

/// <summary>A parsed page before interpretation.</summary>
/// <param name="OperationId">The operation name the page declares about itself, if any.</param>
internal sealed record ParsedPage(string File, string? Title, string? OperationId, int OperationIdLine, IReadOnlyList<Block> Blocks);
