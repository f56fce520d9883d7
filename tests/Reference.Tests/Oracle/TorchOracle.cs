using System;
using System.Globalization;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>
/// The checks of a StaticNet network against the torch oracle. Each takes the network type and reads everything
/// else from its declaration, so a new case is one line:
/// <code>[Fact] public void HiddenGelu() => Log(TorchOracle.GradientsFromLabels&lt;GradHiddenGelu&gt;());</code>
/// Tolerances: <see cref="Tolerance"/>.
/// </summary>
public static class TorchOracle
{
    static TorchOracle()
    {
        // The tensors are tiny; one intra-op thread is fastest and keeps the test classes (run in parallel) from
        // oversubscribing the cores.
        set_num_threads(1);
    }

    /// <summary>
    /// One batch through a fresh network (weights from <paramref name="seed"/>) and its torch copy: the outputs of
    /// <c>Predict</c>, the loss returned by <c>ComputeGradients</c> and every gradient must agree.
    /// </summary>
    public static string Gradients<TNetwork>(Targets targets, int seed = 1, int batchSize = 11) where TNetwork : INetwork<TNetwork>
    {
        if (targets == Targets.ClassLabels)
        {
            throw new ArgumentException($"Class labels go through {nameof(GradientsFromLabels)}.", nameof(targets));
        }
        return GradientsCore<TNetwork>(targets, seed, batchSize, static (n, b) => n.ComputeGradients(b.Inputs, b.Rows, b.Size));
    }

    /// <summary>Like <see cref="Gradients"/> with class labels (the <c>ReadOnlySpan&lt;int&gt;</c> overloads).</summary>
    public static string GradientsFromLabels<TNetwork>(int seed = 1, int batchSize = 11) where TNetwork : IClassifier<TNetwork> =>
        GradientsCore<TNetwork>(Targets.ClassLabels, seed, batchSize, static (n, b) => n.ComputeGradients(b.Inputs, b.Labels, b.Size));

    /// <summary>
    /// <paramref name="steps"/> <c>TrainStep</c>s on seeded mini-batches of <paramref name="batchSize"/>, the same
    /// initial weights and batches in torch with the equivalent optimizer (<see cref="TorchOptimizer"/>): after every
    /// step the loss, every parameter and the regularization penalty must agree. Also checks that the comparison is not
    /// vacuous: the parameters move, and (with L1/L2) a torch run without the regularization ends measurably elsewhere.
    /// </summary>
    /// <param name="learningRate">Optional schedule: the learning rate to set on both sides before step k (1-based).</param>
    public static string Training<TNetwork>(Targets targets, int seed = 1, int steps = 20, int batchSize = 8, Func<int, float>? learningRate = null)
        where TNetwork : INetwork<TNetwork>
    {
        if (targets == Targets.ClassLabels)
        {
            throw new ArgumentException($"Class labels go through {nameof(TrainingFromLabels)}.", nameof(targets));
        }
        return TrainingCore<TNetwork>(targets, seed, steps, batchSize, learningRate, static (n, b) => n.TrainStep(b.Inputs, b.Rows, b.Size));
    }

    /// <summary>Like <see cref="Training"/> with class labels.</summary>
    public static string TrainingFromLabels<TNetwork>(int seed = 1, int steps = 20, int batchSize = 8, Func<int, float>? learningRate = null)
        where TNetwork : IClassifier<TNetwork> =>
        TrainingCore<TNetwork>(Targets.ClassLabels, seed, steps, batchSize, learningRate, static (n, b) => n.TrainStep(b.Inputs, b.Labels, b.Size));

    private static string GradientsCore<TNetwork>(Targets targets, int seed, int batchSize, Func<TNetwork, Batch, float> computeGradients)
        where TNetwork : INetwork<TNetwork>
    {
        NetworkSpec spec = NetworkSpec.Of<TNetwork>();
        TNetwork network = TNetwork.Create(seed);
        Batch batch = Batch.Draw(new Random(seed + 1000), targets, batchSize, TNetwork.InputSize, TNetwork.OutputSize);

        float[] outputs = new float[batchSize * TNetwork.OutputSize];
        network.Predict(batch.Inputs, outputs, batchSize);
        float loss = computeGradients(network, batch);

        using var model = new TorchMlp(spec, network.Parameters);
        using var scope = NewDisposeScope();
        Tensor inputs = batch.InputTensor();
        double torchLoss = model.Backward(inputs, batch.TargetTensor(spec.Loss));

        Tensor torchOutputs = model.Forward(inputs);
        if (TorchMlp.IsFusedWithLoss(spec))
        {
            torchOutputs = TorchMlp.Activate(torchOutputs, spec.Output.Activation);
        }
        double[] expectedOutputs = torchOutputs.detach().data<double>().ToArray();
        for (int i = 0; i < outputs.Length; i++)
        {
            Tolerance.Check($"{spec.Name} Predict output [sample {i / TNetwork.OutputSize}, {i % TNetwork.OutputSize}]", outputs[i], expectedOutputs[i]);
        }

        Tolerance.Check($"{spec.Name} loss", loss, torchLoss);
        double[] expected = model.Gradients();
        double worst = Tolerance.CheckAll("Gradients after ComputeGradients", spec, network.Gradients, expected);

        double largest = 0;
        foreach (int i in Tolerance.Positions(spec))
        {
            largest = Math.Max(largest, Math.Abs(expected[i]));
        }
        if (largest < 100 * Tolerance.AbsoluteFloor)
        {
            throw new XunitException($"{spec.Name}: the largest gradient is {largest:G3}, too close to the absolute floor for the comparison to mean anything.");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name} ({targets}, batch {batchSize}): loss {loss:G8} (torch {torchLoss:G8}); largest |gradient| {largest:G3}; worst gradient error {worst:P1} of the allowed error");
    }

    private static string TrainingCore<TNetwork>(Targets targets, int seed, int steps, int batchSize, Func<int, float>? learningRate, Func<TNetwork, Batch, float> trainStep)
        where TNetwork : INetwork<TNetwork>
    {
        NetworkSpec spec = NetworkSpec.Of<TNetwork>();
        TNetwork network = TNetwork.Create(seed);
        bool regularized = spec.HasL1 || spec.HasL2;
        double l1 = spec.HasL1 ? NetworkSpec.HyperParameter(network, "L1Strength") : 0;
        double l2 = spec.HasL2 ? NetworkSpec.HyperParameter(network, "L2Strength") : 0;
        float[] initial = network.Parameters.ToArray();

        using var model = new TorchMlp(spec, initial);
        using var optimizer = new TorchOptimizer(model, network, network.LearningRate);
        // The same run without L1/L2, to show that the comparison would notice them missing.
        using var unregularized = regularized ? new TorchMlp(spec, initial) : null;
        using var unregularizedOptimizer = unregularized is null ? null : new TorchOptimizer(unregularized, network, network.LearningRate, regularize: false);

        var random = new Random(seed + 2000);
        double worst = 0;
        for (int step = 1; step <= steps; step++)
        {
            if (learningRate is not null)
            {
                float lr = learningRate(step);
                network.LearningRate = lr;
                optimizer.SetLearningRate(lr);
                unregularizedOptimizer?.SetLearningRate(lr);
            }
            Batch batch = Batch.Draw(random, targets, batchSize, TNetwork.InputSize, TNetwork.OutputSize);
            using var scope = NewDisposeScope();
            Tensor inputs = batch.InputTensor(), targetTensor = batch.TargetTensor(spec.Loss);

            float loss = trainStep(network, batch);
            double torchLoss = model.Backward(inputs, targetTensor);
            optimizer.Step();
            if (unregularized is not null)
            {
                unregularized.Backward(inputs, targetTensor);
                unregularizedOptimizer!.Step();
            }

            Tolerance.Check($"{spec.Name} step {step}: loss returned by TrainStep", loss, torchLoss);
            worst = Math.Max(worst, Tolerance.CheckAll($"Parameters after step {step} ({spec.Optimizer}{(spec.HasL1 ? " + L1" : "")}{(spec.HasL2 ? " + L2" : "")})", spec, network.Parameters, model.Parameters()));
            if (regularized)
            {
                Tolerance.Check($"{spec.Name} step {step}: RegularizationLoss()", network.RegularizationLoss(), model.RegularizationLoss(l1, l2));
            }
        }
        if (network.StepCount != steps)
        {
            throw new XunitException($"{spec.Name}: StepCount is {network.StepCount} after {steps} steps.");
        }

        double moved = Tolerance.MaxAbsoluteDifference(spec, network.Parameters, initial);
        if (moved < 1000 * Tolerance.AbsoluteFloor)
        {
            throw new XunitException($"{spec.Name}: the parameters moved by at most {moved:G3} in {steps} steps, too little for the comparison to mean anything.");
        }
        string report = string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name} ({spec.Optimizer}, {targets}, {steps} steps of {batchSize}): largest parameter change {moved:G3}; worst parameter error {worst:P1} of the allowed error");
        if (unregularized is not null)
        {
            double effect = Tolerance.MaxAbsoluteDifference(spec, network.Parameters, unregularized.Parameters());
            if (effect < 100 * Tolerance.AbsoluteFloor)
            {
                throw new XunitException($"{spec.Name}: without L1/L2 torch ends at most {effect:G3} away, too close for the comparison to check the regularization; use larger strengths.");
            }
            report += string.Create(CultureInfo.InvariantCulture, $"; L1/L2 move the parameters by up to {effect:G3}");
        }
        return report;
    }
}
