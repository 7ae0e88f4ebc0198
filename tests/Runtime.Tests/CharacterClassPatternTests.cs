using System.Text.RegularExpressions;
using ModelArts.Runtime.Validation;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>
/// Whole-text character classes (<c>^[...]*$</c>, the shape of most documented patterns) are matched by a table, and
/// must say what the regular expression says for every text, except that <c>$</c> is the end of the text (JSON Schema).
/// </summary>
public sealed class CharacterClassPatternTests
{
    public static TheoryData<string> Patterns() =>
    [
        @"^[^\^!<>=&""']*$",
        @"^[0-9A-Za-z_\-]*$",
        @"^[0-9A-Za-z_\-]+$",
        @"^[a-z0-9-]{1,64}$",
        @"^[\w.]{3,}$",
        @"^[^-a]*$",
        @"^[a-]{2}$",
        @"^[\d]+$",
        @"^[^\\/:*?""<>|]*$",
    ];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_table_agrees_with_the_regex_on_every_text(string pattern)
    {
        var table = CharacterClassPattern.TryParse(pattern);
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        Assert.NotNull(table);

        // Every text of up to three characters over an alphabet of members, edges and non-members (ASCII and not).
        char[] alphabet = ['a', 'z', 'A', '0', '9', '_', '-', '.', '^', '!', '<', '"', '\'', '\\', '/', ' ', 'é', '中', '\uD83D', '٣'];
        var checkedTexts = 0;
        foreach (var text in Texts(alphabet, 3).Append(new string('a', 64)).Append(new string('a', 65)))
        {
            // .NET's \d and \w also take other scripts' digits and letters; JSON Schema's (ECMA-262) take ASCII only, as the table does.
            if ((pattern.Contains(@"\d", StringComparison.Ordinal) || pattern.Contains(@"\w", StringComparison.Ordinal)) && text.Any(c => c >= 128))
            {
                continue;
            }

            Assert.True(regex.IsMatch(text) == table.IsMatch(text), $"{pattern} on \"{text}\": regex {regex.IsMatch(text)}, table {table.IsMatch(text)}");
            checkedTexts++;
        }

        Assert.True(checkedTexts > 1000, $"{checkedTexts} texts");
    }

    [Fact]
    public void A_trailing_line_break_does_not_match_as_in_json_schema()
    {
        Assert.False(Check.Matches("abc\n", @"^[a-z]*$"));
        Assert.Matches(new Regex("^[a-z]*$"), "abc\n"); // .NET's $ also matches before a final line break
        Assert.True(Check.Matches("abc", @"^[a-z]*$"));
    }

    [Theory]
    [InlineData(@"^[a-z]*")]
    [InlineData(@"[a-z]*$")]
    [InlineData(@"^[a-z]*x$")]
    [InlineData(@"^[\s]*$")]
    [InlineData(@"^[\u4e00-\u9fa5]*$")]
    [InlineData(@"^[中文]*$")]
    [InlineData(@"^[z-a]*$")]
    [InlineData(@"^[]*$")]
    [InlineData(@"^[a-z]{3,2}$")]
    [InlineData(@"^[a-z]?$")]
    [InlineData(@"^(?:[a-z])*$")]
    public void Other_shapes_are_left_to_the_regex(string pattern)
    {
        Assert.Null(CharacterClassPattern.TryParse(pattern));
    }

    [Fact]
    public void Check_matches_through_either_path()
    {
        Assert.True(Check.Matches("team co", @"^[^\^!<>=&""']*$"));
        Assert.False(Check.Matches("team & co", @"^[^\^!<>=&""']*$"));
        Assert.True(Check.Matches("/bucket/dir/", @"^(?:(?:obs|s3)://|/)[^/\s]+(?:/.*)?$"));
        Assert.False(Check.Matches("bucket", @"^(?:(?:obs|s3)://|/)[^/\s]+(?:/.*)?$"));
    }

    private static IEnumerable<string> Texts(char[] alphabet, int maxLength)
    {
        yield return string.Empty;
        var level = new List<string> { string.Empty };
        for (var length = 1; length <= maxLength; length++)
        {
            level = [.. level.SelectMany(prefix => alphabet.Select(c => prefix + c))];
            foreach (var text in level)
            {
                yield return text;
            }
        }
    }
}
