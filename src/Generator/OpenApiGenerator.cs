using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelArts.Generator.Emitting;
using ModelArts.Generator.Model;
using ModelArts.Generator.Parsing;

namespace ModelArts.Generator;

/// <summary>
/// Turns every <c>*.openapi.json</c> AdditionalFiles item into models, option types and a client.
/// Reads nothing from disk: the documents come in as additional texts and leave as AddSource.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiGenerator : IIncrementalGenerator
{
    private const string Extension = ".openapi.json";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var documents = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Documents);

        var specs = documents
            .Select(static (document, cancellationToken) => OpenApiParser.Parse(document, cancellationToken))
            .WithTrackingName(TrackingNames.Specs);

        var features = context.CompilationProvider
            .Select(static (compilation, _) => Features(compilation))
            .WithTrackingName(TrackingNames.Features);

        var models = specs
            .SelectMany(static (spec, _) => spec.Models)
            .Combine(features)
            .WithTrackingName(TrackingNames.Models);

        var enums = specs
            .SelectMany(static (spec, _) => spec.Enums)
            .WithTrackingName(TrackingNames.Enums);

        var clients = specs
            .Where(static spec => spec.Client is not null)
            .Select(static (spec, _) => spec.Client!)
            .Combine(features)
            .WithTrackingName(TrackingNames.Clients);

        var diagnostics = specs
            .SelectMany(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(models, static (output, pair) =>
            output.AddSource($"{pair.Left.FileStem}.{pair.Left.Name}.g.cs", SourceText.From(ModelEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(enums, static (output, spec) =>
            output.AddSource($"{spec.FileStem}.{spec.Name}.g.cs", SourceText.From(EnumEmitter.Emit(spec), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(clients, static (output, pair) =>
            output.AddSource($"{pair.Left.FileStem}.{pair.Left.Name}.g.cs", SourceText.From(ClientEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(diagnostics, static (output, info) => output.ReportDiagnostic(ToDiagnostic(info)));
    }

    private static SourceDocument Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(file);
        var ns = Option(fileOptions, "build_metadata.AdditionalFiles.ModelArtsNamespace")
            ?? Option(options.GlobalOptions, "build_property.RootNamespace")
            ?? "ModelArts";
        var client = Option(fileOptions, "build_metadata.AdditionalFiles.ModelArtsClientName") ?? string.Empty;
        return new SourceDocument(file.Path, text, ns, client);
    }

    private static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static LanguageFeatures Features(Compilation compilation) => new(
        compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 }
        && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null,
        compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions") is not null);

    private static Diagnostic ToDiagnostic(DiagnosticInfo info) => Diagnostic.Create(
        Diagnostics.ById(info.Id),
        Location.Create(info.Path, new TextSpan(info.Start, info.Length), new LinePositionSpan(new LinePosition(info.Line, info.Column), new LinePosition(info.EndLine, info.EndColumn))),
        info.Arguments.Select(a => (object?)a).ToArray());
}

/// <summary>Names of the pipeline steps, for incrementality tests and benchmarks.</summary>
public static class TrackingNames
{
    public const string Documents = nameof(Documents);
    public const string Specs = nameof(Specs);
    public const string Features = nameof(Features);
    public const string Models = nameof(Models);
    public const string Enums = nameof(Enums);
    public const string Clients = nameof(Clients);
    public const string Diagnostics = nameof(Diagnostics);
}
