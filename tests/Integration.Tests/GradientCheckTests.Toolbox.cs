using System;
using System.Linq;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// The toolbox by central finite differences, as the checks in GradientCheckTests.cs (same networks' shape, parameters
/// and tolerances): each new activation on the hidden layer and on the output layer, MeanAbsoluteError, Huber on both
/// branches, CrossEntropy with label smoothing, Dropout with reseeded masks, and L1/L2 on the biases too.
/// Before each check Predict is compared with <see cref="ReferenceNetwork"/> (independent, double precision), and the
/// new losses' values with the formulas of <see cref="LossFunction"/>, so the gradient is checked against the right objective.
/// Piecewise activations are kept away from their kinks: |z| ≥ 0.03 for LeakyReLU and ELU (a step moves z by at most
/// 0.01), |z ∓ 3| ≥ 0.05 for HardSigmoid and HardSwish, whose inputs are in ±3 (steps move z by up to 0.03) so that
/// all three pieces are visited.
/// </summary>
public sealed partial class GradientCheckTests
{
    // Forward values: the network computes in float, the reference in double; both on the same float parameters.
    private const double ForwardTolerance = 1e-6;

    // Loss values: |loss - reference| <= 1e-6 · max(1, |reference|).
    private const double LossTolerance = 1e-6;

    // ---- Each new activation on the hidden layer, Softmax + CrossEntropy from class labels ----

    [Fact]
    public void HiddenLeakyReLU_CrossEntropy_Labels() => CheckHidden(new CheckHiddenLeakyReLU(1), Activation.LeakyReLU, double.NaN, seed: 60);

    [Fact]
    public void HiddenLeakyReLU_CustomSlope_CrossEntropy_Labels() => CheckHidden(new CheckHiddenLeakyReLUSlope(1), Activation.LeakyReLU, 0.2f, seed: 61);

    [Fact]
    public void HiddenELU_CrossEntropy_Labels() => CheckHidden(new CheckHiddenELU(1), Activation.ELU, double.NaN, seed: 62);

    [Fact]
    public void HiddenELU_CustomAlpha_CrossEntropy_Labels() => CheckHidden(new CheckHiddenELUAlpha(1), Activation.ELU, 0.4f, seed: 63);

    [Fact]
    public void HiddenGELU_CrossEntropy_Labels() => CheckHidden(new CheckHiddenGELU(1), Activation.GELU, double.NaN, seed: 64);

    [Fact]
    public void HiddenGELUTanh_CrossEntropy_Labels() => CheckHidden(new CheckHiddenGELUTanh(1), Activation.GELUTanh, double.NaN, seed: 65);

    [Fact]
    public void HiddenSiLU_CrossEntropy_Labels() => CheckHidden(new CheckHiddenSiLU(1), Activation.SiLU, double.NaN, seed: 66);

    [Fact]
    public void HiddenSoftplus_CrossEntropy_Labels() => CheckHidden(new CheckHiddenSoftplus(1), Activation.Softplus, double.NaN, seed: 67);

    [Fact]
    public void HiddenSoftsign_CrossEntropy_Labels() => CheckHidden(new CheckHiddenSoftsign(1), Activation.Softsign, double.NaN, seed: 68);

    [Fact]
    public void HiddenHardSigmoid_CrossEntropy_Labels() => CheckHidden(new CheckHiddenHardSigmoid(1), Activation.HardSigmoid, double.NaN, seed: 69, inputScale: 3, margin: 0.05);

    [Fact]
    public void HiddenHardSwish_CrossEntropy_Labels() => CheckHidden(new CheckHiddenHardSwish(1), Activation.HardSwish, double.NaN, seed: 70, inputScale: 3, margin: 0.05);

    // ---- Each new activation on the output layer, MeanSquaredError ----

    [Fact]
    public void MeanSquaredError_LeakyReLUOutput_CustomSlope() => CheckOutput(new CheckMseLeakyReLU(1), Activation.LeakyReLU, 0.1f, seed: 80);

    [Fact]
    public void MeanSquaredError_ELUOutput_CustomAlpha() => CheckOutput(new CheckMseELU(1), Activation.ELU, 0.6f, seed: 81);

    [Fact]
    public void MeanSquaredError_GELUOutput() => CheckOutput(new CheckMseGELU(1), Activation.GELU, double.NaN, seed: 82);

    [Fact]
    public void MeanSquaredError_GELUTanhOutput() => CheckOutput(new CheckMseGELUTanh(1), Activation.GELUTanh, double.NaN, seed: 83);

    [Fact]
    public void MeanSquaredError_SiLUOutput() => CheckOutput(new CheckMseSiLU(1), Activation.SiLU, double.NaN, seed: 84);

    [Fact]
    public void MeanSquaredError_SoftplusOutput() => CheckOutput(new CheckMseSoftplus(1), Activation.Softplus, double.NaN, seed: 85);

    [Fact]
    public void MeanSquaredError_SoftsignOutput() => CheckOutput(new CheckMseSoftsign(1), Activation.Softsign, double.NaN, seed: 86);

    [Fact]
    public void MeanSquaredError_HardSigmoidOutput() => CheckOutput(new CheckMseHardSigmoid(1), Activation.HardSigmoid, double.NaN, seed: 87);

    [Fact]
    public void MeanSquaredError_HardSwishOutput() => CheckOutput(new CheckMseHardSwish(1), Activation.HardSwish, double.NaN, seed: 88);

    // ---- MeanAbsoluteError and Huber: targets placed at chosen differences d = a - y from the outputs ----

    [Fact]
    public void MeanAbsoluteError_TanhOutput()
    {
        var network = new CheckMae(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Sigmoid), (3, Activation.Tanh));
        CheckElementwiseLoss(network, reference, seed: 90, (random, i) => Magnitude(random, 0.05, 0.5), (a, y) => Math.Abs(a - y));
    }

    [Fact]
    public void MeanAbsoluteError_IdentityOutput()
    {
        var network = new CheckMaeIdentity(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Identity));
        CheckElementwiseLoss(network, reference, seed: 91, (random, i) => Magnitude(random, 0.05, 1.5), (a, y) => Math.Abs(a - y));
    }

    [Fact]
    public void Huber_BothBranches_CustomDelta()
    {
        var network = new CheckHuber(1);
        Assert.Equal(0.5f, network.HuberDelta);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Identity));

        // Alternately |d| in [0.05, 0.4] (quadratic, ½d²) and in [0.6, 1.5] (linear, δ(|d| - δ/2)): 8 and 7 of the 15.
        CheckElementwiseLoss(network, reference, seed: 92, HuberDifference(0.5), (a, y) => Huber(a - y, 0.5));
    }

    [Fact]
    public void Huber_BothBranches_SoftplusOutput()
    {
        var network = new CheckHuberSoftplus(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softplus));
        CheckElementwiseLoss(network, reference, seed: 93, HuberDifference(0.5), (a, y) => Huber(a - y, 0.5));
    }

    [Fact]
    public void Huber_BothBranches_DefaultDelta()
    {
        var network = new CheckHuberDefault(1);
        Assert.Equal(1f, network.HuberDelta);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Identity));
        CheckElementwiseLoss(network, reference, seed: 94, HuberDifference(1.0), (a, y) => Huber(a - y, 1.0));

        // δ is a run-time hyper-parameter: with δ = 0.25 every |d| of 0.3 or more is on the linear branch.
        network.HuberDelta = 0.25f;
        CheckElementwiseLoss(network, reference, seed: 95, HuberDifference(0.25), (a, y) => Huber(a - y, 0.25));
    }

    // ---- CrossEntropy with label smoothing ε = 0.2: y' = (1 - ε)·y + ε/3 ----

    [Fact]
    public void LabelSmoothing_Labels()
    {
        var network = new CheckLabelSmoothing(1);
        Assert.Equal(0.2f, network.LabelSmoothing);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax));
        var random = new Random(100);
        float[] inputs = Prepare(network, reference, random, Batch);
        int[] labels = TestData.Labels(random, Batch, 3);
        AssertLoss(ReferenceCrossEntropy(reference, network.Parameters, inputs, TestData.OneHotRows(labels, 3), 0.2), network.ComputeLoss(inputs, labels, Batch));
        Check(network, n => n.ComputeGradients(inputs, labels, Batch), n => n.ComputeLoss(inputs, labels, Batch));
    }

    [Fact]
    public void LabelSmoothing_OneHotTargets_SameAsLabels()
    {
        var network = new CheckLabelSmoothing(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax));
        var random = new Random(101);
        float[] inputs = Prepare(network, reference, random, Batch);
        int[] labels = TestData.Labels(random, Batch, 3);
        float[] targets = TestData.OneHotRows(labels, 3);
        AssertLoss(ReferenceCrossEntropy(reference, network.Parameters, inputs, targets, 0.2), network.ComputeLoss(inputs, targets, Batch));
        Check(network, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));

        float fromRows = network.ComputeGradients(inputs, targets, Batch);
        float[] gradientsFromRows = network.Gradients.ToArray();
        float fromLabels = network.ComputeGradients(inputs, labels, Batch);
        Assert.Equal(fromLabels, fromRows, 6);
        for (int i = 0; i < gradientsFromRows.Length; i++)
        {
            Assert.Equal(network.Gradients[i], gradientsFromRows[i], 6);
        }
    }

    [Fact]
    public void LabelSmoothing_SoftTargets()
    {
        var network = new CheckLabelSmoothing(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax));
        var random = new Random(102);
        float[] inputs = Prepare(network, reference, random, Batch);
        float[] targets = TestData.ProbabilityRows(random, Batch, 3);
        AssertLoss(ReferenceCrossEntropy(reference, network.Parameters, inputs, targets, 0.2), network.ComputeLoss(inputs, targets, Batch));
        Check(network, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));
    }

    [Fact]
    public void LabelSmoothing_Zero_IsPlainCrossEntropy()
    {
        var smoothed = new CheckLabelSmoothing(1);
        var plain = new CheckHiddenTanh(1);
        var random = new Random(103);
        float[] inputs = Prepare(smoothed, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax)), random, Batch);
        smoothed.Parameters.CopyTo(plain.Parameters);
        int[] labels = TestData.Labels(random, Batch, 3);
        float[] targets = TestData.ProbabilityRows(random, Batch, 3);

        // With smoothing the loss is different; with ε set to 0 at run time it is CrossEntropy's.
        Assert.NotEqual(plain.ComputeLoss(inputs, labels, Batch), smoothed.ComputeLoss(inputs, labels, Batch));
        smoothed.LabelSmoothing = 0f;
        Assert.Equal(plain.ComputeGradients(inputs, labels, Batch), smoothed.ComputeGradients(inputs, labels, Batch), 6);
        AssertClose(plain.Gradients, smoothed.Gradients, 1e-6);
        Assert.Equal(plain.ComputeGradients(inputs, targets, Batch), smoothed.ComputeGradients(inputs, targets, Batch), 6);
        AssertClose(plain.Gradients, smoothed.Gradients, 1e-6);
    }

    // ---- Dropout: the same masks for the gradients and for every loss evaluation, by reseeding ----

    [Fact]
    public void Dropout_TwoHiddenLayers_CrossEntropy_Labels()
    {
        const int maskSeed = 1234;
        var network = new CheckDropout(1);
        var reference = new ReferenceNetwork(5, (6, Activation.Tanh), (5, Activation.SiLU), (3, Activation.Softmax));
        var random = new Random(110);
        float[] inputs = Prepare(network, reference, random, Batch);
        int[] labels = TestData.Labels(random, Batch, 3);

        float TrainingLoss(CheckDropout n)
        {
            n.SeedDropout(maskSeed);
            return n.ComputeLoss(inputs, labels, Batch, training: true);
        }

        // The masks change the loss (inference is the reference forward pass), and reseeding repeats them.
        AssertLoss(ReferenceCrossEntropy(reference, network.Parameters, inputs, TestData.OneHotRows(labels, 3), 0), network.ComputeLoss(inputs, labels, Batch));
        Assert.NotEqual(network.ComputeLoss(inputs, labels, Batch), TrainingLoss(network));
        Assert.Equal(TrainingLoss(network), TrainingLoss(network));

        // The training loss is the reference's with the masks of DropoutMask drawn in layer order from the same seed.
        ulong state = DropoutMask.Seed(maskSeed);
        var mask0 = new float[Batch * 6];
        var mask1 = new float[Batch * 5];
        DropoutMask.Fill(mask0, 0.3f, ref state);
        DropoutMask.Fill(mask1, 0.5f, ref state);
        var training = reference.WithDropoutMasks(mask0, mask1, null);
        AssertLoss(ReferenceCrossEntropy(training, network.Parameters, inputs, TestData.OneHotRows(labels, 3), 0), TrainingLoss(network));

        Check(network, n =>
        {
            n.SeedDropout(maskSeed);
            return n.ComputeGradients(inputs, labels, Batch);
        }, TrainingLoss);
    }

    [Fact]
    public void Dropout_OneHotTargets()
    {
        const int maskSeed = 77;
        var network = new CheckDropout(1);
        var random = new Random(111);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (6, Activation.Tanh), (5, Activation.SiLU), (3, Activation.Softmax)), random, Batch);
        float[] targets = TestData.OneHotRows(TestData.Labels(random, Batch, 3), 3);
        Check(network, n =>
        {
            n.SeedDropout(maskSeed);
            return n.ComputeGradients(inputs, targets, Batch);
        }, n =>
        {
            n.SeedDropout(maskSeed);
            return n.ComputeLoss(inputs, targets, Batch, training: true);
        });
    }

    [Fact]
    public void Dropout_TwoHiddenLayersWideEnoughForVectorTiles_LabelSmoothing()
    {
        const int batch = 6;
        const int maskSeed = 5;
        var network = new CheckDeepToolbox(1);

        // The masks the network draws after SeedDropout(maskSeed), reproduced with the runtime's DropoutMask (the
        // documented generator, one draw per element of [batch x 19]), so that the reference runs the training forward
        // pass and the kink margins hold for the pre-activations the network actually sees in training.
        ulong state = DropoutMask.Seed(maskSeed);
        var mask = new float[batch * 19];
        DropoutMask.Fill(mask, 0.2f, ref state);
        Assert.Contains(0f, mask);
        var reference = new ReferenceNetwork(7, (19, Activation.HardSwish, double.NaN), (10, Activation.ELU, 0.7f), (9, Activation.Softmax, double.NaN))
            .WithDropoutMasks(mask, null, null);
        var random = new Random(112);

        // Inputs in ±2 so that some HardSwish pre-activations pass ±3. A step h ≤ 0.01 moves a layer-0 pre-activation by
        // at most 0.02 and a layer-1 one by at most 0.01·max|dropout(a0)| (checked below), both under the margin of 0.1.
        float[] inputs = Prepare(network, reference, random, batch, inputScale: 2, margin: 0.1);
        double[][] training = reference.Run(network.Parameters, inputs, batch).Activations;
        Assert.True(0.01 * training[0].Select((a, i) => Math.Abs(a * mask[i])).Max() < 0.1);
        AssertVisitsEveryPiece(reference, network.Parameters, inputs, layer: 0, Activation.HardSwish, batch);
        AssertVisitsEveryPiece(reference, network.Parameters, inputs, layer: 1, Activation.ELU, batch);
        int[] labels = TestData.Labels(random, batch, 9);

        float TrainingLoss(CheckDeepToolbox n)
        {
            n.SeedDropout(maskSeed);
            return n.ComputeLoss(inputs, labels, batch, training: true);
        }

        AssertLoss(ReferenceCrossEntropy(reference, network.Parameters, inputs, TestData.OneHotRows(labels, 9), 0.1, batch), TrainingLoss(network));
        Check(network, n =>
        {
            n.SeedDropout(maskSeed);
            return n.ComputeGradients(inputs, labels, batch);
        }, TrainingLoss);
    }

    // ---- L1 and L2 on the biases too ----

    [Fact]
    public void L1AndL2_PenalizeBiases_EffectiveGradient()
    {
        var network = new CheckL1L2Biases(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Sigmoid), (3, Activation.Softmax));
        var random = new Random(120);

        // Biases too are kept at least 0.1 from L1's kink at 0.
        float[] inputs = Prepare(network, reference, random, Batch, biasesAwayFromZero: true);
        int[] labels = TestData.Labels(random, Batch, 3);
        CheckRegularized(network, reference, network.L1Strength, network.L2Strength, n => n.ComputeGradients(inputs, labels, Batch), n => n.ComputeLoss(inputs, labels, Batch), penalizeBiases: true);
    }

    // ---- Helpers ----

    private void CheckHidden<TNetwork>(TNetwork network, Activation activation, double parameter, int seed, double inputScale = 1, double margin = KinkMargin)
        where TNetwork : IClassifier<TNetwork>
    {
        var reference = new ReferenceNetwork(5, (4, activation, parameter), (3, Activation.Softmax, double.NaN));
        var random = new Random(seed);
        float[] inputs = Prepare(network, reference, random, Batch, inputScale, margin);
        AssertVisitsEveryPiece(reference, network.Parameters, inputs, layer: 0, activation);
        AssertPredictMatchesReference(network, reference, inputs);
        int[] labels = TestData.Labels(random, Batch, 3);
        AssertLoss(ReferenceCrossEntropy(reference, network.Parameters, inputs, TestData.OneHotRows(labels, 3), 0), network.ComputeLoss(inputs, labels, Batch));
        Check(network, n => n.ComputeGradients(inputs, labels, Batch), n => n.ComputeLoss(inputs, labels, Batch));
    }

    private void CheckOutput<TNetwork>(TNetwork network, Activation activation, double parameter, int seed)
        where TNetwork : INetwork<TNetwork>
    {
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh, double.NaN), (3, activation, parameter));
        var random = new Random(seed);
        float[] inputs = Prepare(network, reference, random, Batch);
        if (activation is Activation.LeakyReLU or Activation.ELU)
        {
            AssertVisitsEveryPiece(reference, network.Parameters, inputs, layer: 1, activation);
        }

        AssertPredictMatchesReference(network, reference, inputs);
        float[] targets = TestData.Uniform(random, Batch * 3, -1, 1);
        double[] outputs = reference.Predict(network.Parameters, inputs, Batch);
        AssertLoss(Enumerable.Range(0, outputs.Length).Average(i => (outputs[i] - targets[i]) * (outputs[i] - targets[i])), network.ComputeLoss(inputs, targets, Batch));
        CheckTargets(network, inputs, targets);
    }

    /// <summary>
    /// An element-wise loss (MeanAbsoluteError, Huber) with targets <c>y = a - d</c>, <c>|d|</c> from
    /// <paramref name="magnitude"/> with a random sign, so that no step makes a difference cross 0 or ±δ.
    /// </summary>
    private void CheckElementwiseLoss<TNetwork>(TNetwork network, ReferenceNetwork reference, int seed, Func<Random, int, double> magnitude, Func<double, double, double> loss)
        where TNetwork : INetwork<TNetwork>
    {
        var random = new Random(seed);
        float[] inputs = Prepare(network, reference, random, Batch);
        AssertPredictMatchesReference(network, reference, inputs);
        double[] outputs = reference.Predict(network.Parameters, inputs, Batch);
        float[] targets = new float[outputs.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            double d = magnitude(random, i) * (random.Next(2) == 0 ? -1 : 1);
            targets[i] = (float)(outputs[i] - d);
        }

        AssertLoss(Enumerable.Range(0, outputs.Length).Average(i => loss(outputs[i], targets[i])), network.ComputeLoss(inputs, targets, Batch));
        CheckTargets(network, inputs, targets);
    }

    private static double Magnitude(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    /// <summary>|d| alternately in [0.1δ, 0.8δ] (quadratic branch) and [1.2δ, 3δ] (linear branch).</summary>
    private static Func<Random, int, double> HuberDifference(double delta) =>
        (random, i) => i % 2 == 0 ? Magnitude(random, 0.1 * delta, 0.8 * delta) : Magnitude(random, 1.2 * delta, 3 * delta);

    /// <summary>Huber's element loss (PyTorch HuberLoss): ½d² for |d| ≤ δ, δ·(|d| - ½δ) above.</summary>
    private static double Huber(double d, double delta) => Math.Abs(d) <= delta ? 0.5 * d * d : delta * (Math.Abs(d) - 0.5 * delta);

    /// <summary>-1/B Σ_b Σ_k y'_bk log p_bk with y' = (1 - ε)·y + ε/K and log p from the reference logits (log-sum-exp).</summary>
    private static double ReferenceCrossEntropy(ReferenceNetwork reference, ReadOnlySpan<float> parameters, float[] inputs, float[] targets, double smoothing, int batch = Batch)
    {
        double[] logits = reference.Run(parameters, inputs, batch).PreActivations[^1];
        int classes = logits.Length / batch;
        double total = 0;
        for (int b = 0; b < batch; b++)
        {
            double max = Enumerable.Range(0, classes).Max(k => logits[b * classes + k]);
            double logSum = max + Math.Log(Enumerable.Range(0, classes).Sum(k => Math.Exp(logits[b * classes + k] - max)));
            for (int k = 0; k < classes; k++)
            {
                double y = (1 - smoothing) * targets[b * classes + k] + smoothing / classes;
                total -= y * (logits[b * classes + k] - logSum);
            }
        }

        return total / batch;
    }

    private static void AssertLoss(double expected, float actual) =>
        Assert.True(Math.Abs(actual - expected) <= LossTolerance * Math.Max(1, Math.Abs(expected)), $"loss {actual:R}, reference {expected:R}");

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, actual {actual[i]:R}");
        }
    }

    /// <summary>Predict (a batch, and the first sample alone) against the reference forward pass.</summary>
    private void AssertPredictMatchesReference<TNetwork>(TNetwork network, ReferenceNetwork reference, float[] inputs)
        where TNetwork : INetwork<TNetwork>
    {
        double[] expected = reference.Predict(network.Parameters, inputs, Batch);
        var outputs = new float[Batch * TNetwork.OutputSize];
        network.Predict(inputs, outputs, Batch);
        var single = new float[TNetwork.OutputSize];
        network.Predict(inputs.AsSpan(0, TNetwork.InputSize), single);
        double worst = 0;
        for (int i = 0; i < outputs.Length + single.Length; i++)
        {
            // The single sample is checked against the reference too, not bit for bit against the batch: vectorised
            // math over a longer span may round differently from its scalar tail.
            float actual = i < outputs.Length ? outputs[i] : single[i - outputs.Length];
            double wanted = expected[i < outputs.Length ? i : i - outputs.Length];
            double error = Math.Abs(actual - wanted) / Math.Max(1, Math.Abs(wanted));
            worst = Math.Max(worst, error);
            Assert.True(error <= ForwardTolerance, $"output {i}: network {actual:R}, reference {wanted:R}");
        }

        output.WriteLine($"Predict vs reference: worst |a - a_ref| / max(1, |a_ref|) = {worst:G3}");
    }

    /// <summary>The pre-activations of <paramref name="layer"/> fall on every piece of a piecewise activation.</summary>
    private static void AssertVisitsEveryPiece(ReferenceNetwork reference, ReadOnlySpan<float> parameters, float[] inputs, int layer, Activation activation, int batch = Batch)
    {
        double[] kinks = activation switch
        {
            Activation.LeakyReLU or Activation.ELU => [0],
            Activation.HardSigmoid or Activation.HardSwish => [-3, 3],
            _ => [],
        };
        double[] z = reference.Run(parameters, inputs, batch).PreActivations[layer];
        for (int piece = 0; piece <= kinks.Length; piece++)
        {
            double low = piece == 0 ? double.NegativeInfinity : kinks[piece - 1];
            double high = piece == kinks.Length ? double.PositiveInfinity : kinks[piece];
            int count = z.Count(v => v > low && v < high);
            Assert.True(count > 0, $"no pre-activation of layer {layer} in ({low}, {high}): the {activation} piece is not exercised; change the seed");
        }
    }
}
