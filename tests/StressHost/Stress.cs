using System;
using System.Collections.Generic;
using System.Threading;

namespace StaticNet.StressHost;

/// <summary>Per-thread data for one network: inputs, targets and labels for the largest batch, and output buffers.</summary>
internal sealed class Buffers
{
    public required float[] Inputs { get; init; }
    public required float[] Targets { get; init; }
    public required int[] Labels { get; init; }
    public required float[] Outputs { get; init; }
    public required float[] Output { get; init; }
    public required Random Random { get; init; }
}

/// <summary>What one network saw: calls by outcome, and the first unexpected message of each kind for the report.</summary>
internal sealed class Counters
{
    public long Calls;
    public long Completed;
    public long InvalidOperation;
    public long Argument;
    public long Misnamed;
    public long NonFiniteLoss;
    public long Instances;
    public string? FirstArgument;
    public string? FirstMisnamed;
}

/// <summary>One network under stress: the instance every thread shares, and the calls they make on it.</summary>
internal abstract class Stress
{
    public Counters Counters { get; } = new();

    /// <summary>The network's full name, which the guard's message must contain.</summary>
    public abstract string Name { get; }

    /// <summary>Replaces the shared instance by a fresh one, so that its workspaces grow again under contention.</summary>
    public abstract void Renew(int seed);

    public abstract Buffers CreateBuffers(Random random);

    /// <summary>One random call on the shared instance with a batch of <paramref name="batchSize"/>; returns its name.</summary>
    public abstract string CallOnce(Buffers buffers, int batchSize);

    /// <summary>Completed calls by name.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, long>> Completed { get; }

    /// <summary>Single-threaded use of the last instance after the storm: throws or returns a description of the losses.</summary>
    public abstract string CheckStillWorks();
}

/// <summary>
/// The calls every network has (<see cref="INetwork{TSelf}"/>), plus the ones a subclass adds. Each call reads the shared
/// instance once, so a <see cref="Renew"/> between calls is seen by the next call only.
/// </summary>
internal class NetworkStress<TNetwork> : Stress where TNetwork : class, INetwork<TNetwork>
{
    private const int FinalBatch = 16;

    private readonly List<(string Name, Func<TNetwork, Buffers, int, float> Run)> _operations = new();
    private readonly long[] _completed = new long[32];
    private readonly Action<TNetwork, Random> _writeHyperParameters;
    private TNetwork _instance;

    public NetworkStress(Action<TNetwork, Random> writeHyperParameters)
    {
        _writeHyperParameters = writeHyperParameters;
        _instance = TNetwork.Create(0);
        Add("TrainStep(targets)", (n, b, batch) => n.TrainStep(Inputs(b, batch), Targets(b, batch), batch));
        Add("ComputeGradients(targets)", (n, b, batch) => n.ComputeGradients(Inputs(b, batch), Targets(b, batch), batch));
        Add("ApplyGradients", (n, b, batch) =>
        {
            n.ApplyGradients();
            return 0f;
        });
        Add("Predict(one)", (n, b, batch) =>
        {
            // A random sample of the batch, so that single predictions do not always read the first row.
            int row = b.Random.Next(batch);
            n.Predict(b.Inputs.AsSpan(row * TNetwork.InputSize, TNetwork.InputSize), b.Output);
            return b.Output[0];
        });
        Add("Predict(batch)", (n, b, batch) =>
        {
            n.Predict(Inputs(b, batch), b.Outputs.AsSpan(0, batch * TNetwork.OutputSize), batch);
            return b.Outputs[0];
        });
        Add("ComputeLoss(targets)", (n, b, batch) => n.ComputeLoss(Inputs(b, batch), Targets(b, batch), batch));
        Add("RegularizationLoss", (n, b, batch) => n.RegularizationLoss());
        Add("hyper-parameters", (n, b, batch) =>
        {
            // Unguarded setters racing with running calls: each is one float store, so any interleaving is harmless.
            n.LearningRate = (float)(1e-4 + (2e-3 * b.Random.NextDouble()));
            _writeHyperParameters(n, b.Random);
            return 0f;
        });
    }

    public sealed override string Name => typeof(TNetwork).FullName!;

    public sealed override IReadOnlyList<KeyValuePair<string, long>> Completed
    {
        get
        {
            var completed = new List<KeyValuePair<string, long>>();
            for (int i = 0; i < _operations.Count; i++)
            {
                completed.Add(new(_operations[i].Name, Interlocked.Read(ref _completed[i])));
            }

            return completed;
        }
    }

    protected TNetwork Instance => Volatile.Read(ref _instance);

    public sealed override void Renew(int seed)
    {
        Volatile.Write(ref _instance, TNetwork.Create(seed));
        Interlocked.Increment(ref Counters.Instances);
    }

    public override Buffers CreateBuffers(Random random)
    {
        var labels = new int[Program.MaxBatch];
        int classes = TNetwork.OutputSize == 1 ? 2 : TNetwork.OutputSize;
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = random.Next(classes);
        }

        return new Buffers
        {
            Inputs = Uniform(random, Program.MaxBatch * TNetwork.InputSize),
            Targets = CreateTargets(random, labels),
            Labels = labels,
            Outputs = new float[Program.MaxBatch * TNetwork.OutputSize],
            Output = new float[TNetwork.OutputSize],
            Random = random,
        };
    }

    public sealed override string CallOnce(Buffers buffers, int batchSize)
    {
        int index = buffers.Random.Next(_operations.Count);
        (string name, Func<TNetwork, Buffers, int, float> run) = _operations[index];
        float value = run(Instance, buffers, batchSize);
        Interlocked.Increment(ref _completed[index]);
        if (!float.IsFinite(value))
        {
            Interlocked.Increment(ref Counters.NonFiniteLoss);
        }

        return name;
    }

    public override string CheckStillWorks()
    {
        TNetwork network = Instance;
        Buffers buffers = CreateBuffers(new Random(12345));
        float train = network.TrainStep(Inputs(buffers, FinalBatch), Targets(buffers, FinalBatch), FinalBatch);
        float loss = network.ComputeLoss(Inputs(buffers, FinalBatch), Targets(buffers, FinalBatch), FinalBatch);
        Span<float> outputs = buffers.Outputs.AsSpan(0, FinalBatch * TNetwork.OutputSize);
        network.Predict(Inputs(buffers, FinalBatch), outputs, FinalBatch);
        network.Predict(buffers.Inputs.AsSpan(0, TNetwork.InputSize), buffers.Output);
        RequireFinite("TrainStep(targets)", train);
        RequireFinite("ComputeLoss(targets)", loss);
        RequireFinite("Predict(batch)", outputs);
        RequireFinite("Predict(one)", buffers.Output);
        return $"TrainStep(targets) {train:G6}, ComputeLoss {loss:G6}, step {network.StepCount}";
    }

    /// <summary>Targets valid for the loss: one-hot rows for the classifiers (0/1 for a single Sigmoid), uniform in [-1, 1) otherwise.</summary>
    protected virtual float[] CreateTargets(Random random, int[] labels) =>
        Uniform(random, Program.MaxBatch * TNetwork.OutputSize, -1, 1);

    protected void Add(string name, Func<TNetwork, Buffers, int, float> run)
    {
        if (_operations.Count == _completed.Length)
        {
            throw new InvalidOperationException("Too many operations for the counters.");
        }

        _operations.Add((name, run));
    }

    protected static ReadOnlySpan<float> Inputs(Buffers buffers, int batchSize) => buffers.Inputs.AsSpan(0, batchSize * TNetwork.InputSize);

    protected static ReadOnlySpan<float> Targets(Buffers buffers, int batchSize) => buffers.Targets.AsSpan(0, batchSize * TNetwork.OutputSize);

    protected static ReadOnlySpan<int> Labels(Buffers buffers, int batchSize) => buffers.Labels.AsSpan(0, batchSize);

    protected static float[] OneHot(int[] labels)
    {
        var targets = new float[labels.Length * TNetwork.OutputSize];
        for (int i = 0; i < labels.Length; i++)
        {
            // A single Sigmoid output holds the probability of class 1: its target is the label itself.
            targets[(i * TNetwork.OutputSize) + (TNetwork.OutputSize == 1 ? 0 : labels[i])] = TNetwork.OutputSize == 1 ? labels[i] : 1f;
        }

        return targets;
    }

    protected static void RequireFinite(string what, float value)
    {
        if (!float.IsFinite(value))
        {
            throw new InvalidOperationException($"{what} returned {value} after the stress.");
        }
    }

    protected static void RequireFinite(string what, ReadOnlySpan<float> values)
    {
        foreach (float value in values)
        {
            RequireFinite(what, value);
        }
    }

    private static float[] Uniform(Random random, int count, double low = 0, double high = 1)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(low + ((high - low) * random.NextDouble()));
        }

        return values;
    }
}

/// <summary>A classifier adds the label overloads of <see cref="IClassifier{TSelf}"/>.</summary>
internal class ClassifierStress<TNetwork> : NetworkStress<TNetwork> where TNetwork : class, IClassifier<TNetwork>
{
    public ClassifierStress(Action<TNetwork, Random> writeHyperParameters)
        : base(writeHyperParameters)
    {
        Add("TrainStep(labels)", (n, b, batch) => n.TrainStep(Inputs(b, batch), Labels(b, batch), batch));
        Add("ComputeGradients(labels)", (n, b, batch) => n.ComputeGradients(Inputs(b, batch), Labels(b, batch), batch));
        Add("ComputeLoss(labels)", (n, b, batch) => n.ComputeLoss(Inputs(b, batch), Labels(b, batch), batch));
        Add("ComputeLoss(labels, outputs)", (n, b, batch) =>
            n.ComputeLoss(Inputs(b, batch), Labels(b, batch), b.Outputs.AsSpan(0, batch * TNetwork.OutputSize), batch));
    }

    public override string CheckStillWorks()
    {
        string targets = base.CheckStillWorks();
        Buffers buffers = CreateBuffers(new Random(54321));
        float train = Instance.TrainStep(buffers.Inputs.AsSpan(0, 8 * TNetwork.InputSize), buffers.Labels.AsSpan(0, 8), 8);
        RequireFinite("TrainStep(labels)", train);
        return $"{targets}, TrainStep(labels) {train:G6}";
    }

    protected override float[] CreateTargets(Random random, int[] labels) => OneHot(labels);
}
