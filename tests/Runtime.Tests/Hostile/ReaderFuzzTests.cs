using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelArts.Runtime.Json;
using Xunit;

namespace ModelArts.Runtime.Tests.Hostile;

/// <summary>
/// The generated readers over mutated documented answers (14 response types, a fixed seed and a bounded count, so it runs
/// in about a second): only <see cref="ModelArtsJsonException"/> escapes, <c>FromJson</c> accepts nothing
/// <see cref="JsonDocument"/> rejects, and what it accepts it writes back and reads again.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int MutationsPerType = 400;

    private static readonly JsonObject Spec = JsonNode.Parse(File.ReadAllText(Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", "modelarts.openapi.json")))!.AsObject();

    /// <summary>Response types whose documented answers are the seeds, with their generated readers.</summary>
    private static readonly (string Path, string Method, Func<byte[], IJsonValue> Read)[] Readers =
    [
        ("/v2/{project_id}/datasets", "get", b => ListDatasetsResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}", "get", b => DescDatasetResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/auto-annotations/samples", "get", b => ListAutoAnnotationSamplesResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/data-annotations/samples", "get", b => ListSamplesResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/data-annotations/labels", "get", b => ListLabelsResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/data-annotations/stats", "get", b => GetDatasetStatsResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/export-tasks", "get", b => GetExportTasksStatusOfDatasetResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/tasks", "get", b => ListTasksResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}", "get", b => AutoAnnotationProgressResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/versions", "get", b => ListDatasetVersionsResponse.FromJson(b)),
        ("/v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}", "get", b => DescWorkforceTaskResponse.FromJson(b)),
        ("/v2/{project_id}/processor-tasks", "get", b => ListProcessorTasksResponse.FromJson(b)),
        ("/v2/{project_id}/processor-tasks/{task_id}/versions/{version_id}/results", "get", b => ListProcessorTaskVersionResultsResponse.FromJson(b)),
        ("/v2/{project_id}/workforces/worker-tasks", "get", b => ListWorkerTasksResponse.FromJson(b)),
    ];

    /// <summary>What a hostile or broken server sends: out-of-range numbers, undecodable strings, comments, stray structure.</summary>
    private static readonly byte[][] Insertions =
    [
        .. new[] { "1e400", "-1e400", "3.5e38", "2147483648", "9223372036854775808", "-0", "1.5", "null", "true", "{}", "[]", "\"\"",
            "/* c */", "// c\n", "\"\\ud800\"", "\"\\udfff\"", "\"\\ud83d\\ude00\"", "\"x\":", ",", ":", "{", "}", "[", "]", "\"", "\\" }
            .Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F],
    ];

    [Fact]
    public void Mutated_documented_answers_fail_only_as_modelarts_json_exceptions_and_accepted_ones_round_trip()
    {
        var random = new Random(20261123);
        var (rejected, accepted) = (0, 0);
        foreach (var (path, method, read) in Readers)
        {
            var seed = Encoding.UTF8.GetBytes(Spec["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!["example1"]!["value"]!.ToJsonString());
            Assert.NotNull(read(seed)); // the documented answer itself reads

            for (var i = 0; i < MutationsPerType; i++)
            {
                var mutated = Mutate(seed, random);
                IJsonValue model;
                try
                {
                    model = read(mutated);
                }
                catch (ModelArtsJsonException e)
                {
                    Assert.StartsWith("$", e.JsonPath, StringComparison.Ordinal);
                    rejected++;
                    continue;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{path}: {e.GetType().Name} escaped the reader: {e.Message}\n{Show(mutated)}");
                    throw;
                }

                accepted++;
                try
                {
                    using var document = JsonDocument.Parse(mutated);
                }
                catch (JsonException e)
                {
                    Assert.Fail($"{path}: FromJson accepted what JsonDocument rejects ({e.Message}):\n{Show(mutated)}");
                }

                var written = JsonWrite.ToUtf8Bytes(model); // never throws on what the reader produced
                Assert.Equal(written, JsonWrite.ToUtf8Bytes(read(written)));
            }
        }

        // Both outcomes are exercised, so neither assertion above holds vacuously.
        Assert.True(rejected > 1_000 && accepted > 500, $"rejected {rejected}, accepted {accepted}");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = seed.ToList();
        for (var round = random.Next(1, 4); round > 0; round--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at));
                    break;
                case 1:
                    bytes.InsertRange(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 2:
                    // A value replaced: after a ':' the next value becomes another token.
                    var colon = bytes.IndexOf((byte)':', at);
                    if (colon >= 0)
                    {
                        var end = colon + 1;
                        while (end < bytes.Count && bytes[end] is not ((byte)',' or (byte)'}' or (byte)']'))
                        {
                            end++;
                        }

                        bytes.RemoveRange(colon + 1, end - colon - 1);
                        bytes.InsertRange(colon + 1, Insertions[random.Next(Insertions.Length - 4)]);
                    }

                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 60), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    var other = random.Next(bytes.Count);
                    (bytes[at], bytes[other]) = (bytes[other], bytes[at]);
                    break;
            }
        }

        return [.. bytes];
    }

    private static string Show(byte[] json) => Encoding.UTF8.GetString(json);
}
