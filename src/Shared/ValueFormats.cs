using System.Globalization;

namespace ModelArts.Runtime.Validation;

/// <summary>
/// The documented value formats (<c>format</c> in the spec) that a pattern cannot fully check.
/// One source file compiled into the runtime (generated Validate) and the analyzers (design time),
/// so both judge a value the same way.
/// </summary>
internal static class ValueFormats
{
    /// <summary>"0.10-0.90", "0.0,1.0": two decimals joined by '-' or ',', the first not above the second, both within the bounds.</summary>
    public const string DecimalRange = "decimal-range";

    /// <summary>"20190901-20190915": two yyyyMMdd dates, the first not after the second, spanning at most the given days; other values are left to the pattern.</summary>
    public const string DatePeriod = "date-period";

    /// <summary>Length in Unicode code points, as JSON Schema's minLength and maxLength count it.</summary>
    public static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>
    /// Why <paramref name="value"/> breaks <paramref name="format"/>, or null when it does not. Only the
    /// meaning is judged here; a value of the wrong shape is left to the property's pattern, so one
    /// mistake is reported once.
    /// </summary>
    public static string? Check(string format, string value, double minimum, double maximum, int maxDays)
    {
        switch (format)
        {
            case DecimalRange:
                var parts = value.Split(',');
                parts = parts.Length == 2 ? parts : value.Split('-'); // "0.0,1.0" or "0.10-0.90"
                if (parts.Length != 2
                    || !double.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var low)
                    || !double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var high))
                {
                    return null; // the shape is the pattern's to judge
                }

                if (low > high)
                {
                    return $"the minimum {parts[0]} is above the maximum {parts[1]}";
                }

                if ((!double.IsNaN(minimum) && low < minimum) || (!double.IsNaN(maximum) && high > maximum))
                {
                    return $"'{value}' is outside [{Format(minimum)}, {Format(maximum)}]";
                }

                return null;

            case DatePeriod:
                var dates = value.Split('-');
                if (dates.Length != 2 || dates[0].Length != 8 || dates[1].Length != 8)
                {
                    return null; // "month", "day": the option list's other values
                }

                if (!DateTime.TryParseExact(dates[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                    || !DateTime.TryParseExact(dates[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                {
                    return null; // the shape is the pattern's to judge
                }

                if (start > end)
                {
                    return $"the period starts {dates[0]}, after it ends {dates[1]}";
                }

                var days = (end - start).Days + 1;
                return maxDays > 0 && days > maxDays ? $"the period spans {days} days, more than {maxDays}" : null;

            default:
                return null;
        }
    }

    private static string Format(double value) => double.IsNaN(value) ? "-" : value.ToString(CultureInfo.InvariantCulture);
}
