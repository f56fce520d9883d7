using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    /// <c>Predict</c> and the loss of <c>ComputeLoss</c> (eval mode: dropout off), the loss returned by
    /// <c>ComputeGradients</c> and every gradient (training mode: StaticNet's dropout masks, replayed from the seed, applied
    /// in torch as <c>nn.Dropout</c> applies its own) must agree.
    /// </summary>
    /// <param name="configure">Optional change to the network's run-time hyper-parameters before the comparison (e.g. a new <c>HuberDelta</c>).</param>
    /// <param name="inputScale">Inputs are uniform in <c>[-inputScale, inputScale]</c>: large values drive the pre-activations into the tails and flat parts of the activations.</param>
    public static string Gradients<TNetwork>(Targets targets, int seed = 1, int batchSize = 11, Action<TNetwork>? configure = null, float inputScale = 1)
        where TNetwork : INetwork<TNetwork>
    {
        if (targets == Targets.ClassLabels)
        {
            throw new ArgumentException($"Class labels go through {nameof(GradientsFromLabels)}.", nameof(targets));
        }
        return GradientsCore(targets, seed, batchSize, configure, inputScale,
            static (n, b) => n.ComputeLoss(b.Inputs, b.Rows, b.Size), static (n, b) => n.ComputeGradients(b.Inputs, b.Rows, b.Size));
    }

    /// <summary>Like <see cref="Gradients"/> with class labels (the <c>ReadOnlySpan&lt;int&gt;</c> overloads).</summary>
    public static string GradientsFromLabels<TNetwork>(int seed = 1, int batchSize = 11, Action<TNetwork>? configure = null, float inputScale = 1)
        where TNetwork : IClassifier<TNetwork> =>
        GradientsCore(Targets.ClassLabels, seed, batchSize, configure, inputScale,
            static (n, b) => n.ComputeLoss(b.Inputs, b.Labels, b.Size), static (n, b) => n.ComputeGradients(b.Inputs, b.Labels, b.Size));

    /// <summary>
    /// <paramref name="steps"/> <c>TrainStep</c>s on seeded mini-batches of <paramref name="batchSize"/>, the same
    /// initial weights and batches in torch with the equivalent optimizer (<see cref="TorchOptimizer"/>): after every
    /// step the loss, every parameter and the regularization penalty must agree. Also checks that the comparison is not
    /// vacuous: the parameters move, and (with L1/L2) a torch run without the regularization ends measurably elsewhere.
    /// </summary>
    /// <param name="learningRate">Optional schedule: the learning rate to set on both sides before step k (1-based).</param>
    /// <param name="configure">Optional change to the network's run-time hyper-parameters before the first step.</param>
    public static string Training<TNetwork>(Targets targets, int seed = 1, int steps = 20, int batchSize = 8, Func<int, float>? learningRate = null, Action<TNetwork>? configure = null)
        where TNetwork : INetwork<TNetwork>
    {
        if (targets == Targets.ClassLabels)
        {
            throw new ArgumentException($"Class labels go through {nameof(TrainingFromLabels)}.", nameof(targets));
        }
        return TrainingCore(targets, seed, steps, batchSize, learningRate, configure, static (n, b) => n.TrainStep(b.Inputs, b.Rows, b.Size));
    }

    /// <summary>Like <see cref="Training"/> with class labels.</summary>
    public static string TrainingFromLabels<TNetwork>(int seed = 1, int steps = 20, int batchSize = 8, Func<int, float>? learningRate = null, Action<TNetwork>? configure = null)
        where TNetwork : IClassifier<TNetwork> =>
        TrainingCore(Targets.ClassLabels, seed, steps, batchSize, learningRate, configure, static (n, b) => n.TrainStep(b.Inputs, b.Labels, b.Size));

    /// <summary>
    /// The dropout keep patterns StaticNet draws in its training-mode forward passes, replayed: the generated code seeds
    /// <see cref="DropoutMask.Seed"/> with the network's seed (or <c>SeedDropout</c>'s) and fills one mask per dropout layer,
    /// in layer order, for each training-mode forward pass; this draws the same masks with the runtime's
    /// <see cref="DropoutMask.Fill"/> and hands torch where they are non-zero (the scale is torch's own, <c>1/(1 - p)</c>).
    /// </summary>
    public sealed class DropoutReplay(NetworkSpec spec, object network, int seed)
    {
        private ulong _state = DropoutMask.Seed(seed);

        /// <summary>Keep patterns (float64 0/1, <c>[batchSize, units]</c>) for the next training-mode forward pass, null for layers without dropout.</summary>
        public Tensor?[] Next(int batchSize)
        {
            var keep = new Tensor?[spec.Layers.Count];
            foreach (LayerSpec layer in spec.DropoutLayers)
            {
                float rate = (float)NetworkSpec.HyperParameter(network, layer.DropoutRateProperty);
                float[] mask = new float[batchSize * layer.Units];
                DropoutMask.Fill(mask, rate, ref _state);
                keep[layer.Index] = tensor(Array.ConvertAll(mask, m => m != 0 ? 1.0 : 0.0), new long[] { batchSize, layer.Units }, ScalarType.Float64);
            }
            return keep;
        }
    }

    private static string GradientsCore<TNetwork>(
        Targets targets, int seed, int batchSize, Action<TNetwork>? configure, float inputScale,
        Func<TNetwork, Batch, float> computeLoss, Func<TNetwork, Batch, float> computeGradients)
        where TNetwork : INetwork<TNetwork>
    {
        NetworkSpec spec = NetworkSpec.Of<TNetwork>();
        TNetwork network = TNetwork.Create(seed);
        configure?.Invoke(network);
        Batch batch = Batch.Draw(new Random(seed + 1000), targets, batchSize, TNetwork.InputSize, TNetwork.OutputSize, inputScale);

        float[] outputs = new float[batchSize * TNetwork.OutputSize];
        network.Predict(batch.Inputs, outputs, batchSize);
        float evalLoss = computeLoss(network, batch);
        float loss = computeGradients(network, batch);

        using var model = new TorchMlp(spec, network.Parameters, network);
        using var scope = NewDisposeScope();
        Tensor inputs = batch.InputTensor();
        Tensor targetTensor = batch.TargetTensor(spec.Loss);
        double torchEvalLoss;
        using (no_grad())
        {
            torchEvalLoss = model.Loss(inputs, targetTensor).item<double>();
        }
        Tensor?[]? keep = spec.HasDropout ? new DropoutReplay(spec, network, seed).Next(batchSize) : null;
        double torchLoss = model.Backward(inputs, targetTensor, keep);

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

        Tolerance.Check($"{spec.Name} loss of ComputeLoss (eval mode)", evalLoss, torchEvalLoss);
        Tolerance.Check($"{spec.Name} loss returned by ComputeGradients", loss, torchLoss);
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

        string ranges = "";
        if (inputScale != 1 || configure is not null)
        {
            ranges = "; hidden pre-activations in " + string.Join(", ", model.PreActivationRanges(inputs).SkipLast(1).Select(r => string.Create(CultureInfo.InvariantCulture, $"[{r.Min:G3}, {r.Max:G3}]")));
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"{spec.Name} ({targets}, batch {batchSize}{(inputScale != 1 ? $", inputs ×{inputScale}" : "")}{(spec.HasDropout ? ", dropout masks replayed" : "")}): loss {loss:G8} (torch {torchLoss:G8}); largest |gradient| {largest:G3}; worst gradient error {worst:P1} of the allowed error{ranges}");
    }

    private static string TrainingCore<TNetwork>(
        Targets targets, int seed, int steps, int batchSize, Func<int, float>? learningRate, Action<TNetwork>? configure, Func<TNetwork, Batch, float> trainStep)
        where TNetwork : INetwork<TNetwork>
    {
        NetworkSpec spec = NetworkSpec.Of<TNetwork>();
        TNetwork network = TNetwork.Create(seed);
        configure?.Invoke(network);
        TorchTraining config = TorchTraining.Of(spec, network);
        float[] initial = network.Parameters.ToArray();

        using var model = new TorchMlp(spec, initial, network);
        using var optimizer = new TorchOptimizer(model, config);
        optimizer.SetLearningRate(network.LearningRate);
        var replay = spec.HasDropout ? new DropoutReplay(spec, network, seed) : null;

        // The same run without each option in turn (and without dropout), to show that the comparison would notice it missing.
        var ablations = new List<(string Without, TorchMlp Model, TorchOptimizer Optimizer, bool Dropout)>();
        foreach ((string without, TorchTraining ablated) in config.Ablations())
        {
            var m = new TorchMlp(spec, initial, network);
            ablations.Add((without, m, new TorchOptimizer(m, ablated), spec.HasDropout));
        }
        if (spec.HasDropout)
        {
            var m = new TorchMlp(spec, initial, network);
            ablations.Add(("dropout", m, new TorchOptimizer(m, config), false));
        }
        foreach (var a in ablations)
        {
            a.Optimizer.SetLearningRate(network.LearningRate);
        }

        try
        {
            var random = new Random(seed + 2000);
            double worst = 0;
            for (int step = 1; step <= steps; step++)
            {
                if (learningRate is not null)
                {
                    float lr = learningRate(step);
                    network.LearningRate = lr;
                    optimizer.SetLearningRate(lr);
                    foreach (var a in ablations)
                    {
                        a.Optimizer.SetLearningRate(lr);
                    }
                }
                Batch batch = Batch.Draw(random, targets, batchSize, TNetwork.InputSize, TNetwork.OutputSize);
                using var scope = NewDisposeScope();
                Tensor inputs = batch.InputTensor(), targetTensor = batch.TargetTensor(spec.Loss);
                Tensor?[]? keep = replay?.Next(batchSize);

                float loss = trainStep(network, batch);
                double torchLoss = model.Backward(inputs, targetTensor, keep);
                optimizer.Step();
                foreach (var a in ablations)
                {
                    a.Model.Backward(inputs, targetTensor, a.Dropout ? keep : null);
                    a.Optimizer.Step();
                }

                Tolerance.Check($"{spec.Name} step {step}: loss returned by TrainStep", loss, torchLoss);
                worst = Math.Max(worst, Tolerance.CheckAll($"Parameters after step {step} ({config})", spec, network.Parameters, model.Parameters()));
                if (config.L1 != 0 || config.L2 != 0)
                {
                    Tolerance.Check($"{spec.Name} step {step}: RegularizationLoss()", network.RegularizationLoss(), model.RegularizationLoss(config.L1, config.L2, config.PenalizeBiases));
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
                $"{spec.Name} ({config}{(spec.HasDropout ? " + dropout" : "")}, {targets}, {steps} steps of {batchSize}): largest parameter change {moved:G3}; worst parameter error {worst:P1} of the allowed error");
            foreach (var a in ablations)
            {
                double effect = Tolerance.MaxAbsoluteDifference(spec, network.Parameters, a.Model.Parameters());
                if (effect < 100 * Tolerance.AbsoluteFloor)
                {
                    throw new XunitException($"{spec.Name}: without {a.Without} torch ends at most {effect:G3} away, too close for the comparison to check it; use a larger setting.");
                }
                report += string.Create(CultureInfo.InvariantCulture, $"; without {a.Without} torch ends {effect:G3} away");
            }
            if (config.ClipNorm != 0)
            {
                report += string.Create(CultureInfo.InvariantCulture,
                    $"; norm clipping at {config.ClipNorm:G3} active in {optimizer.NormClippedSteps} of {steps} steps (gradient norms {optimizer.GradientNormRange.Min:G3} to {optimizer.GradientNormRange.Max:G3})");
            }
            if (config.ClipValue != 0)
            {
                report += $"; value clipping changed {optimizer.ValueClippedElements} gradient elements";
            }
            return report;
        }
        finally
        {
            foreach (var a in ablations)
            {
                a.Optimizer.Dispose();
                a.Model.Dispose();
            }
        }
    }
}
