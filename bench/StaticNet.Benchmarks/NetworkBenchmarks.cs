using BenchmarkDotNet.Attributes;
using StaticNet.Bench;

namespace StaticNet.Benchmarks;

/// <summary>
/// TrainStep and batch Predict of <see cref="W1"/> (784-128-10) and <see cref="W2"/> (784-256-128-10) at batch sizes
/// 1, 64 and 256. Reported time is per call, that is per batch; Allocated must be 0 B.
/// </summary>
/// <typeparam name="TNetwork">The generated network.</typeparam>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
[GenericTypeArguments(typeof(W1))]
[GenericTypeArguments(typeof(W2))]
public class NetworkBenchmarks<TNetwork>
    where TNetwork : class, IClassifier<TNetwork>
{
    private TNetwork network = null!;
    private float[] inputs = null!;
    private int[] labels = null!;
    private float[] outputs = null!;

    /// <summary>Samples per call. Batch 1 goes through the batch overloads too.</summary>
    [Params(1, 64, 256)]
    public int BatchSize { get; set; }

    /// <summary>
    /// Builds the network and the inputs once, then runs each benchmarked method once so that the workspaces for
    /// this batch size are allocated before BenchmarkDotNet measures anything.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        network = TNetwork.Create(BenchmarkInputs.Seed);
        inputs = BenchmarkInputs.Inputs(BatchSize, TNetwork.InputSize);
        labels = BenchmarkInputs.Labels(BatchSize);
        outputs = new float[BatchSize * TNetwork.OutputSize];
        network.TrainStep(inputs, labels, BatchSize);
        network.Predict(inputs, outputs, BatchSize);
    }

    /// <summary>One optimizer step: forward, CrossEntropy gradient, backward, Adam over all parameters.</summary>
    /// <returns>The mean batch loss, returned so the call cannot be optimised away.</returns>
    [Benchmark]
    public float TrainStep() => network.TrainStep(inputs, labels, BatchSize);

    /// <summary>Inference on the batch: forward pass and Softmax into <c>outputs</c>.</summary>
    [Benchmark]
    public void Predict() => network.Predict(inputs, outputs, BatchSize);
}
