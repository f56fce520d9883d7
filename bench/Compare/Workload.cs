namespace StaticNet.Compare;

/// <summary>What a workload runs: a training step (forward, backward, Adam) or an inference batch (forward, Softmax).</summary>
internal enum WorkloadKind
{
    /// <summary>One optimizer step on a batch.</summary>
    Training,

    /// <summary>Class probabilities for a batch.</summary>
    Inference,
}

/// <summary>How a workload's speed is printed.</summary>
internal enum SpeedUnit
{
    /// <summary>Samples per second (batch size / seconds per call).</summary>
    SamplesPerSecond,

    /// <summary>Training steps per second (1 / seconds per call).</summary>
    StepsPerSecond,

    /// <summary>Microseconds per call (latency).</summary>
    Microseconds,
}

/// <summary>One line of the comparison: a network, what is done with it, the batch size and how it is reported.</summary>
/// <param name="Name">The label printed, e.g. "W2 training, batch 32".</param>
/// <param name="Network">The network's layers (W1 or W2).</param>
/// <param name="Kind">Training or inference.</param>
/// <param name="BatchSize">Samples per call.</param>
/// <param name="Unit">How the speed is printed.</param>
internal sealed record Workload(string Name, MlpShape Network, WorkloadKind Kind, int BatchSize, SpeedUnit Unit)
{
    /// <summary>
    /// Floating-point operations per sample: forward 2·in·out per layer; training adds the weight gradients (2·in·out per
    /// layer) and the input gradients of every layer but the first (2·in·out). Element-wise work is not counted.
    /// </summary>
    public long FlopsPerSample => Kind == WorkloadKind.Training ? Network.TrainingFlopsPerSample : Network.ForwardFlopsPerSample;

    /// <summary>The speed in <see cref="Unit"/> for a call that took <paramref name="seconds"/>.</summary>
    public double Speed(double seconds) => Unit switch
    {
        SpeedUnit.SamplesPerSecond => BatchSize / seconds,
        SpeedUnit.StepsPerSecond => 1 / seconds,
        _ => seconds * 1e6,
    };

    /// <summary>The unit's label.</summary>
    public string UnitLabel => Unit switch
    {
        SpeedUnit.SamplesPerSecond => "samples/s",
        SpeedUnit.StepsPerSecond => "steps/s",
        _ => "µs",
    };

    /// <summary>The workloads of the speed issue: W1 and W2 training, W3 (W2's forward pass) inference.</summary>
    public static Workload[] All() =>
    [
        new("W1 training, batch 64", MlpShape.W1, WorkloadKind.Training, 64, SpeedUnit.SamplesPerSecond),
        new("W2 training, batch 1", MlpShape.W2, WorkloadKind.Training, 1, SpeedUnit.StepsPerSecond),
        new("W2 training, batch 32", MlpShape.W2, WorkloadKind.Training, 32, SpeedUnit.SamplesPerSecond),
        new("W2 training, batch 256", MlpShape.W2, WorkloadKind.Training, 256, SpeedUnit.SamplesPerSecond),
        new("W3 inference, batch 1", MlpShape.W2, WorkloadKind.Inference, 1, SpeedUnit.Microseconds),
        new("W3 inference, batch 1,000", MlpShape.W2, WorkloadKind.Inference, 1000, SpeedUnit.SamplesPerSecond),
    ];
}
