using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

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
    private static readonly Dictionary<string, Regex> Matchers = new(StringComparer.Ordinal);

    public static void Track(ISecretHolder holder)
    {
        lock (Holders)
        {
            Holders.RemoveAll(h => !h.TryGetTarget(out _));
            Holders.Add(new WeakReference<ISecretHolder>(holder));
        }
    }

    /// <summary>
    /// <paramref name="text"/> with every known secret replaced by <c>***</c>, however it is written: as it is, JSON-escaped
    /// (<c>\u0022</c> or <c>\"</c>, either case of hex), or percent-encoded; and a secret the text was cut inside of.
    /// </summary>
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
            if (text.Contains(secret))
            {
                text = Replace(text, secret);
            }

            text = Matcher(secret).Replace(text, Mask);
            text = MaskCutPrefix(text, secret);
        }

        return text;
    }

    /// <summary>Redacts when not null.</summary>
    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>
    /// A pattern for the secret where each character may also appear as a JSON escape (escaped again when an echoed JSON
    /// body is itself put in a JSON string: any run of backslashes) or as percent-encoded UTF-8.
    /// </summary>
    private static Regex Matcher(string secret)
    {
        lock (Matchers)
        {
            if (Matchers.TryGetValue(secret, out var known))
            {
                return known;
            }
        }

        var pattern = new StringBuilder();
        for (var i = 0; i < secret.Length; i++)
        {
            var length = char.IsHighSurrogate(secret[i]) && i + 1 < secret.Length && char.IsLowSurrogate(secret[i + 1]) ? 2 : 1;
            var character = secret.Substring(i, length);
            i += length - 1;
            var forms = new List<string>
            {
                Regex.Escape(character),
                string.Concat(character.Select(unit => @"\\+u" + AnyCase(((int)unit).ToString("X4", CultureInfo.InvariantCulture)))),
                string.Concat(Encoding.UTF8.GetBytes(character).Select(b => "%" + AnyCase(b.ToString("X2", CultureInfo.InvariantCulture)))),
            };
            switch (character)
            {
                case "\"":
                    forms.Add(@"\\+""");
                    break;
                case "\\":
                    forms.Add(@"\\+");
                    break;
                case "/":
                    forms.Add(@"\\+/");
                    break;
                case " ":
                    forms.Add(@"\+");
                    break;
            }

            pattern.Append("(?:").Append(string.Join("|", forms)).Append(')');
        }

        var matcher = new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
        lock (Matchers)
        {
            if (Matchers.Count > 256)
            {
                Matchers.Clear();
            }

            Matchers[secret] = matcher;
        }

        return matcher;

        static string AnyCase(string hex) => string.Concat(hex.Select(c => char.IsLetter(c) ? $"[{c}{char.ToLowerInvariant(c)}]" : c.ToString()));
    }

    /// <summary>A text cut to a length (an error body capped at 64 KB) can end inside a secret: mask that beginning too.</summary>
    private static string MaskCutPrefix(string text, string secret)
    {
        for (var length = Math.Min(secret.Length - 1, text.Length); length >= 3; length--)
        {
            if (string.CompareOrdinal(text, text.Length - length, secret, 0, length) == 0)
            {
                return text.Substring(0, text.Length - length) + Mask;
            }
        }

        return text;
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
