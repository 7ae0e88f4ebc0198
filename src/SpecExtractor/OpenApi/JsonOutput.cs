using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelArts.SpecExtractor.OpenApi;

/// <summary>Writes a document byte-identically on every run: two-space indent, '\n' line ends, readable characters.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode document) => document.ToJsonString(Options) + "\n";

    public static byte[] Bytes(JsonNode document) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Write(document));
}
