using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Benchmarks -- --filter '*'      (BenchmarkDotNet: generator and analyzer)
// dotnet run -c Release --project bench/Benchmarks -- analyzer-share   (time inside the analyzer / compile time)
// dotnet run -c Release --project bench/Benchmarks -- scale-sizes      (input and output sizes of the scale benchmark's documents)
if (args is ["analyzer-share"])
{
    ModelArts.Benchmarks.AnalyzerShare.Run();
    return;
}

if (args is ["scale-dump", var count, var folder])
{
    var result = ModelArts.Benchmarks.GeneratorScaleBenchmarks.Run(ModelArts.Benchmarks.GeneratorScaleBenchmarks.Document(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture))).GetRunResult();
    Directory.CreateDirectory(folder);
    foreach (var tree in result.GeneratedTrees)
    {
        File.WriteAllText(Path.Combine(folder, Path.GetFileName(tree.FilePath)), tree.ToString());
    }

    return;
}

if (args is ["scale-sizes"])
{
    foreach (var (operations, unions) in new[] { (100, false), (500, false), (1000, false), (2000, false), (2000, true) })
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (input, files, output, reports) = ModelArts.Benchmarks.GeneratorScaleBenchmarks.Measure(operations, unions);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{operations,5} operations, {reports,4} reports: input {input,10:N0} chars, {files,5:N0} files, output {output,12:N0} chars ({(double)output / input:0.00}x input), {allocated / 1048576.0,8:N0} MB allocated (this thread)");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ModelArts.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
