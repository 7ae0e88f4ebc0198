using System.Text;
using System.Text.RegularExpressions;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Operation names for pages that declare none usable. Some pages name themselves by a topic id
/// (<c>:original_name: modelarts_03_0149.html</c>) rather than an operation; their name comes from
/// the title: the leading gerund becomes the verb, articles go ("Querying Training Job Logs" is
/// <c>QueryTrainingJobLogs</c>, "Creating a Training Job" is <c>CreateTrainingJob</c>).
/// </summary>
internal static partial class OperationNames
{
    /// <summary>The -ing forms of the reference's titles whose verb is not the -ing form minus "ing".</summary>
    private static readonly Dictionary<string, string> Gerunds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Creating"] = "Create",
        ["Deleting"] = "Delete",
        ["Updating"] = "Update",
        ["Managing"] = "Manage",
        ["Configuring"] = "Configure",
        ["Releasing"] = "Release",
        ["Removing"] = "Remove",
        ["Renaming"] = "Rename",
        ["Enabling"] = "Enable",
        ["Disabling"] = "Disable",
        ["Executing"] = "Execute",
        ["Saving"] = "Save",
        ["Using"] = "Use",
        ["Changing"] = "Change",
        ["Synchronizing"] = "Synchronize",
        ["Prolonging"] = "Prolong",
        ["Stopping"] = "Stop",
        ["Running"] = "Run",
        ["Setting"] = "Set",
        ["Getting"] = "Get",
        ["Resetting"] = "Reset",
        ["Submitting"] = "Submit",
        ["Mapping"] = "Map",
        ["Tagging"] = "Tag",
        ["Locking"] = "Lock",
        ["Unlocking"] = "Unlock",
    };

    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };

    /// <summary>
    /// A declared name that is a documentation topic id, not an operation: lower-case words and digit
    /// groups joined by '_' or '-', at least one group all digits (<c>modelarts_03_0149</c>, <c>en-us_topic_0000001</c>).
    /// </summary>
    public static bool IsTopicId(string name) => TopicId().IsMatch(name);

    /// <summary>"Querying the Details About a Training Job Version" → <c>QueryDetailsAboutTrainingJobVersion</c>.</summary>
    public static string FromTitle(string title)
    {
        var words = Words().Matches(title).Select(m => m.Value).ToList();
        if (words.Count > 0)
        {
            words[0] = Verb(words[0]);
        }

        var name = new StringBuilder();
        foreach (var word in words.Where(w => !Articles.Contains(w)))
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return name.Length > 0 && char.IsDigit(name[0]) ? "Op" + name : name.ToString();
    }

    /// <summary>"Querying" → "Query", "Obtaining" → "Obtain", "Creating" → "Create"; any other word as it is.</summary>
    private static string Verb(string word)
    {
        if (Gerunds.TryGetValue(word, out var verb))
        {
            return verb;
        }

        return word.Length > 5 && word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) ? word[..^3] : word;
    }

    [GeneratedRegex(@"^(?=.*[_-]\d+(?:[_-]|$))[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+$")]
    private static partial Regex TopicId();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Words();
}
