using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Serialization -- --filter '*'   (results in docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(ModelArts.Serialization.Benchmarks.SerializationBenchmarks).Assembly).Run(args);
