using Xunit;

namespace ModelArts.Package.Tests;

/// <summary>The tests of the packed package share one pack (and run one after the other: each builds or loads a lot).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackage : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
