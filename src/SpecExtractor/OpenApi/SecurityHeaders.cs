using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>
/// Some pages list the authentication header (<c>X-Auth-Token</c>) among the request headers. Once the
/// overlays have declared the document's security schemes, such a row is that scheme, not a parameter:
/// a client sets it from its credentials, never per call. Run after the overlays.
/// </summary>
internal static class SecurityHeaders
{
    public static void Fold(JsonObject document)
    {
        if (document["components"]?["securitySchemes"] is not JsonObject schemes || document["paths"] is not JsonObject paths)
        {
            return;
        }

        var headers = schemes
            .Select(s => s.Value)
            .OfType<JsonObject>()
            .Where(s => s["type"]?.GetValue<string>() == "apiKey" && s["in"]?.GetValue<string>() == "header" && s["name"] is not null)
            .Select(s => s["name"]!.GetValue<string>())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (headers.Count == 0)
        {
            return;
        }

        foreach (var operation in paths.Select(p => p.Value).OfType<JsonObject>().SelectMany(item => item.Select(m => m.Value).OfType<JsonObject>()))
        {
            if (operation["parameters"] is not JsonArray parameters)
            {
                continue;
            }

            for (var i = parameters.Count - 1; i >= 0; i--)
            {
                if (parameters[i] is JsonObject { } p && p["in"]?.GetValue<string>() == "header" && headers.Contains(p["name"]?.GetValue<string>() ?? string.Empty))
                {
                    parameters.RemoveAt(i);
                }
            }

            if (parameters.Count == 0)
            {
                operation.Remove("parameters");
            }
        }
    }
}
