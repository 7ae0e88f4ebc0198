using System.Collections.Immutable;
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
    private const string SelectionProperty = "build_property.ModelArtsOperationList";
    private const string CompiledClientsProperty = "build_property.ModelArtsCompiledClients";
    private const string RegistrationProperty = "build_property.ModelArtsClientRegistration";
    private const string RequiredMembersProperty = "build_property.ModelArtsRequiredMembers";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var documents = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Documents);

        var features = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
                (Registration: Option(options.GlobalOptions, RegistrationProperty) != "false", RequiredMembers: Option(options.GlobalOptions, RequiredMembersProperty) != "false")))
            .Select(static (pair, _) => Features(pair.Left, pair.Right.Registration, pair.Right.RequiredMembers))
            .WithTrackingName(TrackingNames.Features);

        var specs = documents
            .Combine(features)
            .Select(static (pair, cancellationToken) => pair.Right.LanguageVersion < 9 ? Unsupported(pair.Left) : OpenApiParser.Parse(pair.Left, cancellationToken))
            .WithTrackingName(TrackingNames.Specs);

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

        var converters = specs
            .Where(static spec => spec.Converters is not null)
            .Select(static (spec, _) => spec.Converters!)
            .WithTrackingName(TrackingNames.Converters);

        var diagnostics = specs
            .SelectMany(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        // Entries of the selection that match no operation of any document (a typo, or a document not added).
        var unmatched = specs
            .Select(static (spec, _) => spec.Selectors)
            .Collect()
            .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => Option(options.GlobalOptions, SelectionProperty) ?? string.Empty))
            .Select(static (pair, _) => Selection.Parse(pair.Right).Entries.Where(e => !pair.Left.Any(matched => matched.Contains(e))).ToEquatableArray())
            .WithTrackingName(TrackingNames.Selection);

        context.RegisterSourceOutput(models, static (output, pair) =>
            output.AddSource($"{pair.Left.FileStem}.{pair.Left.Name}.g.cs", SourceText.From(ModelEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(enums, static (output, spec) =>
            output.AddSource($"{spec.FileStem}.{spec.Name}.g.cs", SourceText.From(EnumEmitter.Emit(spec), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(clients, static (output, pair) =>
            output.AddSource($"{pair.Left.FileStem}.{pair.Left.Name}.g.cs", SourceText.From(ClientEmitter.Emit(pair.Left, pair.Right), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(converters, static (output, spec) =>
            output.AddSource($"{spec.FileStem}.{spec.Name}.g.cs", SourceText.From(SupportEmitter.Converters(spec), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(diagnostics, static (output, info) => output.ReportDiagnostic(ToDiagnostic(info)));
        context.RegisterSourceOutput(unmatched, static (output, entries) =>
        {
            foreach (var entry in entries)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.UnmatchedSelection, Location.None, entry));
            }
        });
        // Clients the package ships compiled (ModelArtsCompiledClients): their IHttpClientFactory registration is written
        // here, where the project's own references decide whether it can exist.
        var compiledClients = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => (Option(options.GlobalOptions, CompiledClientsProperty) ?? string.Empty)
                .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(IsQualifiedName).Distinct(StringComparer.Ordinal).ToEquatableArray())
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => CompiledClients(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.CompiledClients);
        context.RegisterSourceOutput(compiledClients, static (output, clients) =>
        {
            foreach (var client in clients)
            {
                output.AddSource($"{client}.Registration.g.cs", SourceText.From(ClientEmitter.Registration(client), System.Text.Encoding.UTF8));
            }
        });

        // Whether the project has a document at all: a whitespace edit to one leaves this cached.
        var anyDocument = documents.Collect().Select(static (all, _) => !all.IsEmpty).WithTrackingName(TrackingNames.AnyDocument);
        context.RegisterSourceOutput(features.Combine(anyDocument), static (output, pair) =>
        {
            if (!pair.Right)
            {
                return;
            }

            if (pair.Left.LanguageVersion < 9)
            {
                output.ReportDiagnostic(Diagnostic.Create(Diagnostics.LanguageVersion, Location.None, pair.Left.LanguageName));
            }
        });
    }

    private static DocumentSpec Unsupported(SourceDocument document) =>
        new(document.Path, EquatableArray<ModelSpec>.Empty, EquatableArray<EnumSpec>.Empty, null, EquatableArray<DiagnosticInfo>.Empty, EquatableArray<string>.Empty);

    private static SourceDocument Read(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        var fileOptions = options.GetOptions(file);
        var ns = Option(fileOptions, "build_metadata.AdditionalFiles.ModelArtsNamespace")
            ?? Option(options.GlobalOptions, "build_property.RootNamespace")
            ?? "ModelArts";
        var client = Option(fileOptions, "build_metadata.AdditionalFiles.ModelArtsClientName") ?? string.Empty;
        var selection = Option(fileOptions, "build_metadata.AdditionalFiles.ModelArtsOperationList") ?? Option(options.GlobalOptions, SelectionProperty) ?? string.Empty;
        var chapter = Option(fileOptions, "build_metadata.AdditionalFiles.ModelArtsChapter") ?? ChapterOf(file.Path);
        return new SourceDocument(file.Path, text, ns, client, selection, chapter);
    }

    /// <summary>A document's chapter when its item names none: the file name without <c>.openapi.json</c> (<c>training</c>).</summary>
    private static string ChapterOf(string path)
    {
        var file = System.IO.Path.GetFileName(path);
        return file.Substring(0, file.Length - Extension.Length);
    }

    /// <summary>The listed clients the project can register: it has IHttpClientFactory and C# 9, and references each client.</summary>
    private static EquatableArray<string> CompiledClients(EquatableArray<string> listed, Compilation compilation)
    {
        var features = Features(compilation, registration: true, requiredMembers: true);
        return listed.Length == 0 || !features.HttpClientFactory || features.LanguageVersion < 9
            ? EquatableArray<string>.Empty
            : listed.AsImmutableArray().Where(name => compilation.GetTypeByMetadataName(name) is { } type && type.ContainingAssembly is { } assembly && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)).ToEquatableArray();
    }

    /// <summary>A dotted name of C# identifiers ("ModelArts.Iam.IamClient"); anything else is not a client name and is ignored.</summary>
    private static bool IsQualifiedName(string name) =>
        name.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part));

    private static string? Option(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <param name="registration">False (ModelArtsClientRegistration=false) when the project builds clients for others to register, as ModelArts.Api does.</param>
    /// <param name="requiredMembers">False (ModelArtsRequiredMembers=false) for models every C# version can construct, as ModelArts.Api's are.</param>
    private static LanguageFeatures Features(Compilation compilation, bool registration, bool requiredMembers)
    {
        var version = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : LanguageVersion.CSharp12;
        return new LanguageFeatures(
            requiredMembers && version >= LanguageVersion.CSharp11 && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is not null,
            registration && compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions") is not null,
            Number(version),
            version.ToDisplayString());
    }

    /// <summary>The language version as its major number (C# 7.3 is 7).</summary>
    private static int Number(LanguageVersion version) => version switch
    {
        LanguageVersion.CSharp1 => 1,
        LanguageVersion.CSharp2 => 2,
        LanguageVersion.CSharp3 => 3,
        LanguageVersion.CSharp4 => 4,
        LanguageVersion.CSharp5 => 5,
        LanguageVersion.CSharp6 => 6,
        LanguageVersion.CSharp7 or LanguageVersion.CSharp7_1 or LanguageVersion.CSharp7_2 or LanguageVersion.CSharp7_3 => 7,
        LanguageVersion.CSharp8 => 8,
        _ => 9 + Math.Max(0, (int)version - (int)LanguageVersion.CSharp9) / 100,
    };

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
    public const string Converters = nameof(Converters);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Selection = nameof(Selection);
    public const string AnyDocument = nameof(AnyDocument);
    public const string CompiledClients = nameof(CompiledClients);
}
