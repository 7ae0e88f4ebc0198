using System.Text;
using System.Text.Encodings.Web;

namespace ModelArts.Runtime.Http;

/// <summary>Something that holds credentials the SDK must never show: a password, a token, a secret key.</summary>
internal interface ISecretHolder
{
    /// <summary>Adds the secrets held now (a token that was replaced a moment ago included).</summary>
    void AddSecretsTo(List<string> secrets);
}

/// <summary>
/// Every credential a live authenticator of this process knows, so that no exception message, error body or
/// log line the SDK builds can carry one, even when a service or proxy echoes the request back. Authenticators
/// register themselves (weakly: a collected authenticator's secrets are forgotten); redaction runs only when
/// an error is built, never on the success path.
/// </summary>
internal static class Secrets
{
    public const string Mask = "***";

    private static readonly List<WeakReference<ISecretHolder>> Holders = [];

    public static void Track(ISecretHolder holder)
    {
        lock (Holders)
        {
            Holders.RemoveAll(h => !h.TryGetTarget(out _));
            Holders.Add(new WeakReference<ISecretHolder>(holder));
        }
    }

    /// <summary><paramref name="text"/> with every known secret, raw, JSON-escaped or percent-encoded, replaced by <c>***</c>.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var secrets = new List<string>();
        lock (Holders)
        {
            foreach (var reference in Holders)
            {
                if (reference.TryGetTarget(out var holder))
                {
                    holder.AddSecretsTo(secrets);
                }
            }
        }

        // Longest first, so that a secret containing another is masked whole.
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            foreach (var form in Forms(secret))
            {
                if (text.Contains(form))
                {
                    text = Replace(text, form);
                }

                text = MaskCutPrefix(text, form);
            }
        }

        return text;
    }

    /// <summary>A text cut to a length (an error body capped at 64 KB) can end inside a secret: mask that beginning too.</summary>
    private static string MaskCutPrefix(string text, string form)
    {
        for (var length = Math.Min(form.Length - 1, text.Length); length >= 3; length--)
        {
            if (string.CompareOrdinal(text, text.Length - length, form, 0, length) == 0)
            {
                return text.Substring(0, text.Length - length) + Mask;
            }
        }

        return text;
    }

    /// <summary>Redacts when not null.</summary>
    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>How a secret can appear in an echoed body: as it is, inside a JSON string (either escaping style), or in a URL.</summary>
    private static IEnumerable<string> Forms(string secret)
    {
        yield return secret;
        var json = JavaScriptEncoder.Default.Encode(secret);
        if (json != secret)
        {
            yield return json;
        }

        var relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret);
        if (relaxed != secret && relaxed != json)
        {
            yield return relaxed;
        }

        var url = Uri.EscapeDataString(secret);
        if (url != secret)
        {
            yield return url;
        }
    }

    private static string Replace(string text, string secret)
    {
        var builder = new StringBuilder(text.Length);
        var start = 0;
        for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = text.IndexOf(secret, start, StringComparison.Ordinal))
        {
            builder.Append(text, start, at - start).Append(Mask);
            start = at + secret.Length;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }
}
