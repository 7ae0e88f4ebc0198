namespace ModelArts.Runtime.Validation;

/// <summary>
/// The shape most documented patterns have, <c>^[allowed]*$</c> or <c>^[^forbidden]*$</c> (with <c>*</c>, <c>+</c> or
/// <c>{m,n}</c>), matched by a table lookup per character instead of a regular expression: a valid request pays for
/// its patterns on every call. Only ASCII members, ranges and escapes are read; anything else is left to the regex.
/// As in JSON Schema (ECMA-262), <c>$</c> is the end of the text: a trailing line break is not allowed before it.
/// </summary>
internal sealed class CharacterClassPattern
{
    private readonly bool[] _inClass = new bool[128];
    private readonly bool _negated;
    private readonly int _minimum;
    private readonly int _maximum;

    private CharacterClassPattern(bool negated, int minimum, int maximum)
    {
        _negated = negated;
        _minimum = minimum;
        _maximum = maximum;
    }

    public bool IsMatch(string value)
    {
        if (value.Length < _minimum || value.Length > _maximum)
        {
            return false;
        }

        foreach (var c in value)
        {
            // A class of ASCII members: a non-ASCII UTF-16 unit is never one of them.
            var member = c < 128 && _inClass[c];
            if (member == _negated)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The matcher of <paramref name="pattern"/>, or null when it is not one whole-text character class.</summary>
    public static CharacterClassPattern? TryParse(string pattern)
    {
        if (pattern.Length < 5 || pattern[0] != '^' || pattern[1] != '[' || pattern[pattern.Length - 1] != '$')
        {
            return null;
        }

        var i = 2;
        var negated = pattern[i] == '^';
        if (negated)
        {
            i++;
        }

        var members = new List<(char From, char To)>();
        while (i < pattern.Length && pattern[i] != ']')
        {
            if (!TryMember(pattern, ref i, members, out var single))
            {
                return null;
            }

            // A range a-z: the '-' is neither the class's first nor its last character.
            if (single is { } from && i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                var rangeStart = members.Count;
                if (!TryMember(pattern, ref i, members, out var to) || to is not { } end || end < from)
                {
                    return null;
                }

                members.RemoveRange(rangeStart - 1, members.Count - rangeStart + 1);
                members.Add((from, end));
            }
        }

        if (members.Count == 0 || i >= pattern.Length || pattern[i] != ']' || !TryQuantifier(pattern.Substring(i + 1, pattern.Length - i - 2), out var minimum, out var maximum))
        {
            return null;
        }

        var matcher = new CharacterClassPattern(negated, minimum, maximum);
        foreach (var (from, to) in members)
        {
            for (var c = from; c <= to; c++)
            {
                matcher._inClass[c] = true;
            }
        }

        return matcher;
    }

    /// <summary>One member at <paramref name="i"/>: an ASCII character, an escaped punctuation character, <c>\d</c> or <c>\w</c>.</summary>
    private static bool TryMember(string pattern, ref int i, List<(char From, char To)> members, out char? single)
    {
        single = null;
        var c = pattern[i];
        if (c == '\\')
        {
            if (i + 1 >= pattern.Length)
            {
                return false;
            }

            var escaped = pattern[i + 1];
            i += 2;
            switch (escaped)
            {
                case 'd':
                    members.Add(('0', '9'));
                    return true;
                case 'w':
                    members.Add(('0', '9'));
                    members.Add(('A', 'Z'));
                    members.Add(('a', 'z'));
                    members.Add(('_', '_'));
                    return true;
                default:
                    if (escaped >= 128 || char.IsLetterOrDigit(escaped) || char.IsWhiteSpace(escaped))
                    {
                        return false; // \s, \b, \u0041, \n ...: the regex reads them
                    }

                    single = escaped;
                    members.Add((escaped, escaped));
                    return true;
            }
        }

        if (c >= 128 || c == '[')
        {
            return false;
        }

        single = c;
        members.Add((c, c));
        i++;
        return true;
    }

    /// <summary><c>*</c>, <c>+</c>, <c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c>.</summary>
    private static bool TryQuantifier(string text, out int minimum, out int maximum)
    {
        (minimum, maximum) = (0, int.MaxValue);
        switch (text)
        {
            case "*":
                return true;
            case "+":
                minimum = 1;
                return true;
        }

        if (text.Length < 3 || text[0] != '{' || text[text.Length - 1] != '}')
        {
            return false;
        }

        var bounds = text.Substring(1, text.Length - 2).Split(',');
        if (bounds.Length > 2 || !int.TryParse(bounds[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minimum))
        {
            return false;
        }

        if (bounds.Length == 1)
        {
            maximum = minimum;
            return true;
        }

        if (bounds[1].Length == 0)
        {
            return true;
        }

        return int.TryParse(bounds[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maximum) && maximum >= minimum;
    }
}
