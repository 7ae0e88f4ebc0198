using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelArts.Benchmarks;

/// <summary>The analyzer options of a project whose only setting the generator reads is its RootNamespace.</summary>
internal sealed class RootNamespaceOptions(string rootNamespace) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(rootNamespace);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    private sealed class Values(string rootNamespace) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = key == "build_property.RootNamespace" ? rootNamespace : string.Empty;
            return value.Length > 0;
        }
    }
}
