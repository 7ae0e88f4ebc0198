using Microsoft.CodeAnalysis;

namespace ModelArts.Analyzers;

/// <summary>The rules; ids are stable and tracked in AnalyzerReleases.*.md, each with a page under docs/rules/.</summary>
internal static class Descriptors
{
    /// <summary>Where the rule pages are published; the pages themselves live in docs/rules/ of the repository.</summary>
    public const string HelpBase = "https://github.com/modelarts-sdk/modelarts-sdk/blob/main/docs/rules/";

    private const string Category = "ModelArts.Usage";

    public static readonly DiagnosticDescriptor MutuallyExclusive = Create(
        "MA0001", "Mutually exclusive properties are both set", "'{0}' and '{1}' cannot both be set{2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor Conditional = Create(
        "MA0002", "A conditional constraint is violated", "{0} (here {1} is {2})", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownValue = Create(
        "MA0003", "Not a documented option value", "{0} is not a documented value of {1}{2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor StringRule = Create(
        "MA0004", "String breaks the documented length or characters", "{0} {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OutOfRange = Create(
        "MA0005", "Number outside the documented range", "{0} is {1}; the documented range is {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RequiredMissing = Create(
        "MA0006", "Required property not set", "Required property '{0}' of {1} is never set", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ValueFormat = Create(
        "MA0007", "Value breaks a documented format", "{0}: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RequiredWhen = Create(
        "MA0008", "A property the documentation requires in this case is not set", "'{0}' of {1} must be set here: {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ForbiddenWhen = Create(
        "MA0009", "A property the documentation allows only in other cases is set", "'{0}' must not be set here: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FormatWhen = Create(
        "MA0010", "A value breaks the format the documentation requires in this case", "'{0}' is {1}, which breaks the documented format here: {2}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AtLeastOne = Create(
        "MA0011", "None of the properties the documentation asks for is set", "{0}: {1}", DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}

/// <summary>Keys of the properties a diagnostic carries for its code fix.</summary>
internal static class FixData
{
    public const string First = nameof(First);
    public const string Second = nameof(Second);
    public const string Suggestion = nameof(Suggestion);
    public const string SuggestionMember = nameof(SuggestionMember);
    public const string Cleaned = nameof(Cleaned);
    public const string ConditionValue = nameof(ConditionValue);
    public const string Forbidden = nameof(Forbidden);
}
