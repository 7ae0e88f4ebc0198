using System.Text.Json;

namespace ModelArts.Runtime.Json;

/// <summary>A generated model: it writes itself and checks its documented constraints, without reflection.</summary>
public interface IJsonModel : IJsonValue
{
    /// <summary>Adds every violated constraint of this model and the models it holds, with JSON paths under <paramref name="path"/>.</summary>
    void Validate(ICollection<Validation.ModelArtsViolation> violations, string path);
}

/// <summary>Reads one value at the reader's current token.</summary>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);
