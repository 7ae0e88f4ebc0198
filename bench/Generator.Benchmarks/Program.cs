using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Generator.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(ModelArts.Generator.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
