using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelArts.Generator.Tests;

/// <summary>
/// The shipped documents compiled into a library (ModelArts.Api, what the package references by default): the library
/// carries no IHttpClientFactory registration (<c>ModelArtsClientRegistration=false</c>), and a consumer's build writes it
/// for the clients the package lists (<c>ModelArtsCompiledClients</c>) when the consumer has IHttpClientFactory.
/// </summary>
public sealed class CompiledClientTests
{
    private static readonly Lazy<PortableExecutableReference> Api = new(CompileApi);

    private static ImmutableArray<MetadataReference> WithoutHttp { get; } =
        [.. GeneratorHarness.ConsumerReferences.Where(r => !Path.GetFileName(r.Display ?? string.Empty).StartsWith("Microsoft.Extensions.Http", StringComparison.Ordinal))];

    private static PortableExecutableReference CompileApi()
    {
        var (texts, perFile) = GeneratorHarness.ShippedSpec();
        var options = new TestOptionsProvider(perFile.PerFile, new() { ["build_property.ModelArtsClientRegistration"] = "false" });
        var (output, diagnostics, _) = GeneratorHarness.Run(texts, options, GeneratorHarness.Compilation([], GeneratorHarness.ConsumerReferences).WithAssemblyName("ModelArts.Api"));
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(10)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static (List<string> Files, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Consume(ImmutableArray<MetadataReference> references, string compiledClients)
    {
        var options = new TestOptionsProvider([], new() { ["build_property.ModelArtsCompiledClients"] = compiledClients });
        var (output, diagnostics, _) = GeneratorHarness.Run([], options, GeneratorHarness.Compilation(["public static class Uses { public static object Client => typeof(ModelArts.ModelArtsClient); }"], references));
        var files = output.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath)).Where(f => f.EndsWith(".g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return (files, output, diagnostics);
    }

    [Fact]
    public void The_compiled_library_has_no_registration_even_where_IHttpClientFactory_is_referenced()
    {
        var consumer = GeneratorHarness.Compilation([], [.. GeneratorHarness.ConsumerReferences, Api.Value]);

        Assert.NotNull(consumer.GetTypeByMetadataName("ModelArts.ModelArtsClient"));
        Assert.NotNull(consumer.GetTypeByMetadataName("ModelArts.Iam.IamClient"));
        Assert.Null(consumer.GetTypeByMetadataName("ModelArts.ModelArtsClientServiceCollectionExtensions"));
    }

    [Fact]
    public void A_consumer_with_IHttpClientFactory_gets_the_registration_of_each_listed_client_it_references()
    {
        var (files, output, diagnostics) = Consume([.. GeneratorHarness.ConsumerReferences, Api.Value], "ModelArts.ModelArtsClient, ModelArts.Iam.IamClient,ModelArts.NoSuchClient,not a name;");

        Assert.Empty(diagnostics);
        Assert.Equal(["ModelArts.Iam.IamClient.Registration.g.cs", "ModelArts.ModelArtsClient.Registration.g.cs"], files);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var registration = output.GetTypeByMetadataName("ModelArts.ModelArtsClientServiceCollectionExtensions");
        Assert.NotNull(registration);
        Assert.Contains(registration.GetMembers(), m => m.Name == "AddModelArtsClient");
        Assert.NotNull(output.GetTypeByMetadataName("ModelArts.Iam.IamClientServiceCollectionExtensions"));
    }

    [Fact]
    public void Without_IHttpClientFactory_or_without_a_list_nothing_is_written()
    {
        Assert.Empty(Consume([.. WithoutHttp, Api.Value], "ModelArts.ModelArtsClient,ModelArts.Iam.IamClient").Files);
        Assert.Empty(Consume([.. GeneratorHarness.ConsumerReferences, Api.Value], string.Empty).Files);
    }
}
