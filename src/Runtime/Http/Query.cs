using System.Globalization;

namespace ModelArts.Runtime.Http;

/// <summary>The query parameters of one call, added by generated client methods; unset values are left out.</summary>
public struct Query
{
    private List<KeyValuePair<string, string>>? _items;

    /// <summary>The parameters added so far, or null when none.</summary>
    public readonly IReadOnlyList<KeyValuePair<string, string>>? Items => _items;

    /// <summary>Adds a string parameter when it is set.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            (_items ??= []).Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Adds a boolean parameter when it is set (<c>true</c>/<c>false</c>).</summary>
    public void Add(string name, bool? value)
    {
        if (value is { } v)
        {
            Add(name, v ? "true" : "false");
        }
    }

    /// <summary>Adds a number or option parameter when it is set, in the invariant culture.</summary>
    public void Add<T>(string name, T? value)
        where T : struct
    {
        if (value is { } v)
        {
            Add(name, v is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : v.ToString());
        }
    }

    /// <summary>Adds a required number or option parameter, in the invariant culture.</summary>
    public void Add<T>(string name, T value)
        where T : struct => Add(name, (T?)value);

    /// <summary>Adds a repeated parameter, once per item.</summary>
    public void AddEach<T>(string name, IEnumerable<T>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            Add(name, value switch
            {
                null => null,
                bool b => b ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
        }
    }
}
