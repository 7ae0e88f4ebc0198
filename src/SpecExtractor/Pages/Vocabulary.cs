using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.Pages;

internal enum SectionKind
{
    Other,
    Function,
    Uri,
    RequestParameters,
    ResponseParameters,
    ExampleRequests,
    ExampleResponses,
    StatusCodes,
    ErrorCodes,
}

/// <summary>
/// The words the documentation uses for its fixed page structure, in English and Chinese.
/// Every parser and the assembler read them from here, so a new wording is one line.
/// </summary>
internal static partial class Vocabulary
{
    private static readonly Dictionary<string, SectionKind> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Function"] = SectionKind.Function,
        ["功能介绍"] = SectionKind.Function,
        ["URI"] = SectionKind.Uri,
        ["Request Parameters"] = SectionKind.RequestParameters,
        ["Request Parameter"] = SectionKind.RequestParameters,
        ["Request Body"] = SectionKind.RequestParameters,
        ["请求参数"] = SectionKind.RequestParameters,
        ["Response Parameters"] = SectionKind.ResponseParameters,
        ["Response Parameter"] = SectionKind.ResponseParameters,
        ["Response Body"] = SectionKind.ResponseParameters,
        ["响应参数"] = SectionKind.ResponseParameters,
        ["Example Requests"] = SectionKind.ExampleRequests,
        ["Example Request"] = SectionKind.ExampleRequests,
        ["Request Example"] = SectionKind.ExampleRequests,
        ["Request Examples"] = SectionKind.ExampleRequests,
        ["Sample Request"] = SectionKind.ExampleRequests,
        ["Sample Requests"] = SectionKind.ExampleRequests,
        ["请求示例"] = SectionKind.ExampleRequests,
        ["Example Responses"] = SectionKind.ExampleResponses,
        ["Example Response"] = SectionKind.ExampleResponses,
        ["Response Example"] = SectionKind.ExampleResponses,
        ["Response Examples"] = SectionKind.ExampleResponses,
        ["Sample Response"] = SectionKind.ExampleResponses,
        ["Sample Responses"] = SectionKind.ExampleResponses,
        ["响应示例"] = SectionKind.ExampleResponses,
        ["Status Codes"] = SectionKind.StatusCodes,
        ["Status Code"] = SectionKind.StatusCodes,
        ["状态码"] = SectionKind.StatusCodes,
        ["Error Codes"] = SectionKind.ErrorCodes,
        ["Error Code"] = SectionKind.ErrorCodes,
        ["错误码"] = SectionKind.ErrorCodes,
        ["Debugging"] = SectionKind.Other,
    };

    private static readonly Dictionary<string, string> HeaderColumns = new(StringComparer.Ordinal)
    {
        ["Parameter"] = Columns.Name,
        ["Name"] = Columns.Name,
        ["参数"] = Columns.Name,
        ["参数名"] = Columns.Name,
        ["Mandatory"] = Columns.Mandatory,
        ["Required"] = Columns.Mandatory,
        ["是否必选"] = Columns.Mandatory,
        ["Type"] = Columns.Type,
        ["参数类型"] = Columns.Type,
        ["类型"] = Columns.Type,
        ["Description"] = Columns.Description,
        ["描述"] = Columns.Description,
        ["说明"] = Columns.Description,
        ["Status Code"] = Columns.StatusCode,
        ["状态码"] = Columns.StatusCode,
    };

    public static class Columns
    {
        public const string Name = "name";
        public const string Mandatory = "mandatory";
        public const string Type = "type";
        public const string Description = "description";
        public const string StatusCode = "status";
    }

    public static SectionKind? Section(string heading) =>
        Sections.TryGetValue(heading.Trim(), out var kind) ? kind : null;

    /// <summary>The column a header cell names, or null for a column the extractor does not read.</summary>
    public static string? Column(string header) =>
        HeaderColumns.TryGetValue(header.Trim(), out var column) ? column : null;

    public static bool? Mandatory(string cell) => cell.Trim() switch
    {
        "Yes" or "yes" or "是" or "true" => true,
        "No" or "no" or "否" or "false" => false,
        _ => null,
    };

    /// <summary>"Status code: 200", "**Status code**: **200**", "状态码： 200".</summary>
    public static int? StatusHeading(string text)
    {
        var match = StatusHeadingPattern().Match(text.Replace("*", string.Empty, StringComparison.Ordinal));
        return match.Success ? int.Parse(match.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A three-digit HTTP status code (100-599).</summary>
    public static bool IsStatusCode(string text) => StatusCodePattern().IsMatch(text);

    /// <summary>"POST /v2/{project_id}/datasets" or "GET https://{endpoint}/v2/...?limit=1".</summary>
    public static Match RequestLine(string text) => RequestLinePattern().Match(text.Trim());

    /// <summary>Classifies a parameter table by its caption and the section it stands in.</summary>
    public static TableRole TableRole(string? caption, SectionKind section)
    {
        var c = caption ?? string.Empty;
        if (section == SectionKind.StatusCodes)
        {
            return Pages.TableRole.StatusCodes;
        }

        // Whole words only: "host_path parameters" is a nested object, not the path parameters.
        if (CaptionPhrase(c, "path param") || CaptionPhrase(c, "URI param") || c.Contains("路径参数", StringComparison.Ordinal))
        {
            return Pages.TableRole.PathParameters;
        }

        if (CaptionPhrase(c, "query param") || c.Contains("Query参数", StringComparison.OrdinalIgnoreCase))
        {
            return Pages.TableRole.QueryParameters;
        }

        if (CaptionPhrase(c, "header param") || c.Contains("Header参数", StringComparison.OrdinalIgnoreCase))
        {
            return section == SectionKind.ResponseParameters ? Pages.TableRole.Other : Pages.TableRole.HeaderParameters;
        }

        return section switch
        {
            SectionKind.RequestParameters when IsBodyCaption(c) => Pages.TableRole.RequestBody,
            SectionKind.ResponseParameters when IsBodyCaption(c) => Pages.TableRole.ResponseBody,
            SectionKind.RequestParameters or SectionKind.ResponseParameters when caption is not null => Pages.TableRole.Object,

            // Old-style pages list path (and query) parameters under "URI" in a table captioned "Parameters".
            SectionKind.Uri when caption is not null && Schema.SchemaNames.IsGeneric(caption) => Pages.TableRole.PathParameters,
            _ => Pages.TableRole.Other,
        };
    }

    private static bool CaptionPhrase(string caption, string phrase)
    {
        var at = caption.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return at >= 0 && (at == 0 || !char.IsLetterOrDigit(caption[at - 1]) && caption[at - 1] != '_');
    }

    /// <summary>"Request body parameters", "Response parameters"; not a type named "CreateResponseBody".</summary>
    private static bool IsBodyCaption(string caption) =>
        BodyWord().IsMatch(caption) || Contains(caption, "Request parameters") || Contains(caption, "Response parameters");

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\s*(?:Status\s*code|状态码)\s*[:：]\s*(?<code>[1-5]\d\d)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusHeadingPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])body(?![A-Za-z0-9_])", RegexOptions.IgnoreCase)]
    private static partial Regex BodyWord();

    [GeneratedRegex(@"^[1-5]\d\d$")]
    private static partial Regex StatusCodePattern();

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|DELETE|PATCH|HEAD)\s+(?:https?://(?<host>[^/\s]+))?(?<path>/[^\s?#]*)\s*(?<query>\?.*)?$")]
    private static partial Regex RequestLinePattern();
}
