using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Benchmarks -- --filter '*'      (BenchmarkDotNet: generator and analyzer)
// dotnet run -c Release --project bench/Benchmarks -- analyzer-share   (time inside the analyzer / compile time)
if (args is ["analyzer-share"])
{
    ModelArts.Benchmarks.AnalyzerShare.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ModelArts.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
