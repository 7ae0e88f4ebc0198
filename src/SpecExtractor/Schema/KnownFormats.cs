namespace ModelArts.SpecExtractor.Schema;

/// <summary>
/// The value formats the documentation states in prose. Each is a <c>pattern</c> (checked by every JSON Schema
/// validator, Prism included) and, where the format has a name, a <c>format</c> annotation naming it for messages.
/// </summary>
internal static class KnownFormats
{
    public const string ObsPath = "obs-path";

    /// <summary>"/bucket/dir/file", "obs://bucket/dir/", "s3://bucket/x.manifest": a bucket name, then an optional object path.</summary>
    public const string ObsPathPattern = "^(?:(?:obs|s3)://|/)[^/\\s]+(?:/.*)?$";

    /// <summary>An OBS URL may also be the bucket's https address.</summary>
    public const string ObsUrlPattern = "^(?:(?:obs|s3|https?)://|/)[^/\\s]+(?:/.*)?$";

    /// <summary>"A bucket cannot be directly used as a path": something after the bucket name.</summary>
    public const string ObsObjectPattern = "^(?:(?:obs|s3)://|/)[^/\\s]+/[^/]";

    /// <summary>"0.10-0.90", "0.0,1.0": two decimals joined by a separator, the first not above the second.</summary>
    public const string DecimalRange = "decimal-range";

    public const string Colour = "color";

    public const string ColourPattern = "^#[0-9A-Fa-f]{6}$";

    public const string IpAddress = "ip-address";

    /// <summary>IPv4 dotted quad, or IPv6 in its hexadecimal and colon form.</summary>
    public const string IpAddressPattern = "^(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)$";
}
