using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using FashionMnistSample;
using StaticNet;
using StaticNet.Bench;
using StaticNet.Compare;

var quickOption = new Option<bool>("--quick") { Description = "One short pass, to prove the runner works (CI); targets are read from full runs." };
var passesOption = new Option<int?>("--passes") { Description = "Passes over the peers (default 3; 1 with --quick). Medians are reported." };
var secondsOption = new Option<double?>("--seconds") { Description = "Seconds per timed run (default 1.5; 0.05 with --quick)." };
var dataOption = new Option<DirectoryInfo?>("--data") { Description = "Folder with the four Fashion-MNIST .gz files (default: the Debian package's folder, else the slice in the repository)." };
var root = new RootCommand("Runs StaticNet, TorchSharp-cpu 0.107.0 and ONNX Runtime 1.31.1 side by side on W1, W2 and W3, interleaved, and prints medians and ratios.")
{
    quickOption, passesOption, secondsOption, dataOption,
};
root.SetAction(parsed =>
{
    bool quick = parsed.GetValue(quickOption);
    var settings = new Settings(parsed.GetValue(passesOption) ?? (quick ? 1 : 3), quick ? 0.1 : 0.5, parsed.GetValue(secondsOption) ?? (quick ? 0.05 : 1.5));
    if (settings.Passes < 1 || !(settings.Seconds > 0))
    {
        Console.Error.WriteLine("--passes must be at least 1 and --seconds above 0.");
        return 1;
    }

    string? directory = DataDirectory.Find(parsed.GetValue(dataOption));
    if (directory is null)
    {
        return 1;
    }

    return Run(settings, FashionMnist.LoadTraining(directory), quick);
});
return root.Parse(args).Invoke();

static int Run(Settings settings, Dataset data, bool quick)
{
    const int seed = 1;
    (string family, string model, string name) = ProcessorInfo.Read();
    Console.WriteLine($"Processor: cpu family {family}, model {model}, {name}; {Environment.ProcessorCount} logical cores; .NET {Environment.Version}");
    Console.WriteLine($"Vectors: Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, Vector256 {(Vector256.IsHardwareAccelerated ? "accelerated" : "not accelerated")}; StaticNet's Vector<float> is {System.Numerics.Vector<float>.Count * 32} bits");
    Console.WriteLine($"Peers: StaticNet {typeof(INetwork<>).Assembly.GetName().Version}, TorchSharp-cpu 0.107.0 (libtorch {TorchSharp.torch.__version__}), ONNX Runtime 1.31.1");
    Console.WriteLine($"Data: {data.Count:N0} Fashion-MNIST training images; {settings.Passes} pass(es), warm-up {settings.WarmUpSeconds} s and {settings.Seconds} s per run, peers interleaved; medians");
    if (quick)
    {
        Console.WriteLine("--quick: the runs are too short to measure anything; this proves the runner works. Read figures from a full run.");
    }


    long peakIterations = quick ? 2_000_000 : 50_000_000;
    int widest = Vector512.IsHardwareAccelerated ? 512 : 256;
    double peak1 = FmaPeak.Gflops(1, widest, peakIterations), peak2 = FmaPeak.Gflops(Math.Min(2, Environment.ProcessorCount), widest, peakIterations);
    double peak1Narrow = widest == 512 ? FmaPeak.Gflops(1, 256, peakIterations) : peak1;
    Console.WriteLine($"FMA peak, measured now: {widest}-bit {peak1:F1} GFLOP/s on 1 core, {peak2:F1} on 2; 256-bit {peak1Narrow:F1} on 1 core");
    Console.WriteLine();

    IPeer[] peers =
    [
        new StaticNetPeer(seed),
        new TorchSharpPeer(1, seed), new TorchSharpPeer(2, seed),
        new OnnxRuntimePeer(1, seed), new OnnxRuntimePeer(2, seed),
    ];
    var comparison = new Comparison(settings, peers, data);
    string header = "| workload | unit | " + string.Join(" | ", peers.Select(p => p.Name)) + " | StaticNet / best peer | StaticNet GFLOP/s | % of 1-core peak | % of 2-core peak |";
    Console.WriteLine(header);
    Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---:|", peers.Length + 4)));
    var total = Stopwatch.StartNew();
    foreach (Workload workload in Workload.All())
    {
        Result result = comparison.Run(workload);
        double staticNet = result.Peers[0].Seconds!.Value;
        double bestPeer = result.Peers.Skip(1).Where(p => p.Seconds is not null).Min(p => p.Seconds!.Value);
        double gflops = workload.FlopsPerSample * (double)workload.BatchSize / staticNet / 1e9;
        string cells = string.Join(" | ", result.Peers.Select(p => p.Seconds is double s ? Format(workload.Speed(s)) : "–"));
        Console.WriteLine($"| {workload.Name} | {workload.UnitLabel} | {cells} | {bestPeer / staticNet:F2}× | {gflops:F1} | {100 * gflops / peak1:F0}% | {100 * gflops / peak2:F0}% |");
    }

    Console.WriteLine();
    Console.WriteLine($"All peers' probabilities agreed within {Comparison.ProbabilityTolerance} before timing. Total {total.Elapsed.TotalSeconds:F0} s.");
    Console.WriteLine("StaticNet / best peer: the best other peer's time per call over StaticNet's (above 1: StaticNet is faster).");
    return 0;
}

static string Format(double value) => value >= 100 ? value.ToString("N0") : value.ToString("F1");
