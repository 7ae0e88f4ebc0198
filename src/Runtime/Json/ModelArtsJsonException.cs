using System.Text.Json;

namespace ModelArts.Runtime.Json;

/// <summary>A JSON payload that does not fit the model; <see cref="JsonPath"/> says where.</summary>
public sealed class ModelArtsJsonException : JsonException
{
    private readonly string _reason;

    /// <summary>Creates the error for a value at the current position.</summary>
    public ModelArtsJsonException(string reason)
        : this(reason, "$", null)
    {
    }

    private ModelArtsJsonException(string reason, string path, Exception? inner)
        : base(Http.Secrets.Redact($"{path}: {reason}"), path, null, null, inner)
    {
        _reason = reason;
        JsonPath = path;
    }

    /// <summary>The error at a JSON path found another way (a walk of the document).</summary>
    internal static ModelArtsJsonException At(string path, string reason, Exception? inner) => new(reason, path, inner);

    /// <summary>JSON path of the offending value, such as <c>$.samples[0].metadata['@modelarts:hard']</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The same error one level further out: <paramref name="segment"/> is <c>.name</c>, <c>['odd name']</c> or <c>[3]</c>.</summary>
    public ModelArtsJsonException Within(string segment) => new(_reason, "$" + segment + JsonPath.Remove(0, 1), InnerException);

    /// <summary>Wraps any JSON error raised while reading the value at <paramref name="segment"/>.</summary>
    public static ModelArtsJsonException Within(string segment, Exception error) => error switch
    {
        ModelArtsJsonException known => known.Within(segment),
        _ => new ModelArtsJsonException(error.Message, "$" + segment, error),
    };

    /// <summary>The path segment for a property name: <c>.name</c> when it is a plain identifier, else <c>['name']</c>.</summary>
    public static string Segment(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return "['" + name.Replace("'", "\\'") + "']";
            }
        }

        return "." + name;
    }
}
