using System.Security.Cryptography;
using System.Text.Json;
using ModelArts.Runtime.Json;

namespace ModelArts.Runtime.Http;

/// <summary>
/// Makes a generated <c>...ItemsAsync</c> end even when the server misbehaves: a page the server sent before (it ignores
/// <c>offset</c>), or a page that still has items when all the items of the total the answer reports (<c>total_count</c>,
/// <c>total_number</c>, <c>total</c>, <c>count</c>, <c>sample_count</c>) were already returned, stops the listing with a
/// <see cref="ModelArtsPagingException"/> instead of looping until cancelled.
/// </summary>
public sealed class ModelArtsPageGuard
{
    private static readonly byte[][] TotalNames = ["total_count"u8.ToArray(), "total_number"u8.ToArray(), "total"u8.ToArray(), "count"u8.ToArray(), "sample_count"u8.ToArray()];

    private readonly string _operation;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private long _items;
    private long? _total;
    private int _page;

    /// <param name="operation">The list operation, for the error message.</param>
    public ModelArtsPageGuard(string operation) => _operation = operation ?? throw new ArgumentNullException(nameof(operation));

    /// <summary>Checks a non-empty page before its <paramref name="count"/> items are handed out.</summary>
    public void Next(IJsonValue page, int count)
    {
        if (page is null)
        {
            throw new ArgumentNullException(nameof(page));
        }

        var json = JsonWrite.ToUtf8Bytes(page);
        string digest;
        using (var sha = SHA256.Create())
        {
            digest = Convert.ToBase64String(sha.ComputeHash(json));
        }

        if (_seen.TryGetValue(digest, out var earlier))
        {
            throw new ModelArtsPagingException(_operation, _page, $"the server sent page {earlier} again, so it ignores offset");
        }

        if (Total(json) is { } total && (_total is null || total > _total))
        {
            _total = total;
        }

        if (_total is { } reported && _items >= reported)
        {
            throw new ModelArtsPagingException(_operation, _page, $"the server reported {reported} items in all and sent them, yet this page has {count} more");
        }

        _seen[digest] = _page;
        _items += count;
        _page++;
    }

    /// <summary>The first top-level integer named like a total, if any.</summary>
    private static long? Total(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        long? found = null;
        var rank = int.MaxValue;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = -1;
            for (var i = 0; i < TotalNames.Length && name < 0; i++)
            {
                name = reader.ValueTextEquals(TotalNames[i]) ? i : -1;
            }

            reader.Read();
            if (name >= 0 && name < rank && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
            {
                (found, rank) = (value, name);
            }

            reader.Skip();
        }

        return found;
    }
}
