using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Backpropagation checked against central finite differences of the loss for every parameter of small networks:
/// each hidden activation, each loss with each kind of target, and L1/L2 (tolerances in <see cref="GradientChecker"/>).
/// Parameters are set by hand (weights of magnitude 0.1 to 0.9, so none is within a step of L1's kink at 0; biases in
/// ±0.5) and the inputs are drawn until every ReLU pre-activation is at least 0.03 from the kink at 0 (a step moves it
/// by at most 0.01), so no perturbation crosses a kink.
/// </summary>
public sealed partial class GradientCheckTests(ITestOutputHelper output)
{
    private const int Batch = 5; // one row tile of 4 samples and a tail of 1
    private const double KinkMargin = 0.03;

    // ---- Each hidden activation, with Softmax + CrossEntropy from class labels ----

    [Fact]
    public void HiddenIdentity_CrossEntropy_Labels() =>
        CheckLabels(new CheckHiddenIdentity(1), new ReferenceNetwork(5, (4, Activation.Identity), (3, Activation.Softmax)), seed: 10);

    [Fact]
    public void HiddenReLU_CrossEntropy_Labels() =>
        CheckLabels(new CheckHiddenReLU(1), new ReferenceNetwork(5, (4, Activation.ReLU), (3, Activation.Softmax)), seed: 11);

    [Fact]
    public void HiddenSigmoid_CrossEntropy_Labels() =>
        CheckLabels(new CheckHiddenSigmoid(1), new ReferenceNetwork(5, (4, Activation.Sigmoid), (3, Activation.Softmax)), seed: 12);

    [Fact]
    public void HiddenTanh_CrossEntropy_Labels() =>
        CheckLabels(new CheckHiddenTanh(1), new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax)), seed: 13);

    [Fact]
    public void TwoHiddenLayers_WideEnoughForVectorTiles_CrossEntropy_Labels() =>
        CheckLabels(new CheckDeep(1), new ReferenceNetwork(7, (19, Activation.ReLU), (10, Activation.Tanh), (9, Activation.Softmax)), seed: 14, batch: 6);

    [Fact]
    public void NoHiddenLayer_CrossEntropy_Labels() =>
        CheckLabels(new CheckSingleLayer(1), new ReferenceNetwork(5, (3, Activation.Softmax)), seed: 15);

    // ---- CrossEntropy from target rows ----

    [Fact]
    public void CrossEntropy_OneHotTargets()
    {
        var network = new CheckHiddenTanh(1);
        var random = new Random(20);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax)), random, Batch);
        float[] targets = TestData.OneHotRows(TestData.Labels(random, Batch, 3), 3);
        Check(network, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));
    }

    [Fact]
    public void CrossEntropy_SoftTargets()
    {
        var network = new CheckHiddenTanh(1);
        var random = new Random(21);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax)), random, Batch);
        float[] targets = TestData.ProbabilityRows(random, Batch, 3);
        Check(network, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));
    }

    [Fact]
    public void CrossEntropy_LabelsAndOneHotRows_GiveTheSameLossAndGradients()
    {
        var network = new CheckHiddenTanh(1);
        var random = new Random(22);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax)), random, Batch);
        int[] labels = TestData.Labels(random, Batch, 3);
        float fromLabels = network.ComputeGradients(inputs, labels, Batch);
        float[] gradientsFromLabels = network.Gradients.ToArray();
        float fromRows = network.ComputeGradients(inputs, TestData.OneHotRows(labels, 3), Batch);
        Assert.Equal(fromLabels, fromRows, 6);
        for (int i = 0; i < gradientsFromLabels.Length; i++)
        {
            Assert.Equal(gradientsFromLabels[i], network.Gradients[i], 6);
        }
    }

    // ---- MeanSquaredError on each output activation ----

    [Fact]
    public void MeanSquaredError_IdentityOutput()
    {
        var network = new CheckMseIdentity(1);
        var random = new Random(30);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Identity)), random, Batch);
        CheckTargets(network, inputs, TestData.Uniform(random, Batch * 3, -1, 1));
    }

    [Fact]
    public void MeanSquaredError_SigmoidOutput()
    {
        var network = new CheckMseSigmoid(1);
        var random = new Random(31);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.ReLU), (3, Activation.Sigmoid)), random, Batch);
        CheckTargets(network, inputs, TestData.Uniform(random, Batch * 3, 0, 1));
    }

    [Fact]
    public void MeanSquaredError_TanhOutput()
    {
        var network = new CheckMseTanh(1);
        var random = new Random(32);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Sigmoid), (3, Activation.Tanh)), random, Batch);
        CheckTargets(network, inputs, TestData.Uniform(random, Batch * 3, -1, 1));
    }

    [Fact]
    public void MeanSquaredError_SoftmaxOutput()
    {
        var network = new CheckMseSoftmax(1);
        var random = new Random(33);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax)), random, Batch);
        CheckTargets(network, inputs, TestData.ProbabilityRows(random, Batch, 3));
    }

    [Fact]
    public void MeanSquaredError_ReLUOutput()
    {
        var network = new CheckMseReLU(1);
        var random = new Random(34);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.ReLU)), random, Batch);
        CheckTargets(network, inputs, TestData.Uniform(random, Batch * 3, 0, 1));
    }

    // ---- BinaryCrossEntropy ----

    [Fact]
    public void BinaryCrossEntropy_SingleOutput_FloatTargets()
    {
        var network = new CheckBinarySingle(1);
        var random = new Random(40);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (1, Activation.Sigmoid)), random, Batch);
        CheckTargets(network, inputs, [0f, 1f, 0.3f, 1f, 0.75f]);
    }

    [Fact]
    public void BinaryCrossEntropy_SingleOutput_IntLabels()
    {
        var network = new CheckBinarySingle(1);
        var random = new Random(41);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.Tanh), (1, Activation.Sigmoid)), random, Batch);
        int[] labels = [1, 0, 0, 1, 1];
        Check(network, n => n.ComputeGradients(inputs, labels, Batch), n => n.ComputeLoss(inputs, labels, Batch));

        // Labels are the same objective as 0/1 float targets.
        Assert.Equal(network.ComputeLoss(inputs, labels, Batch), network.ComputeLoss(inputs, [1f, 0f, 0f, 1f, 1f], Batch));
    }

    [Fact]
    public void BinaryCrossEntropy_SeveralOutputs_FloatTargets()
    {
        var network = new CheckBinaryMulti(1);
        var random = new Random(42);
        float[] inputs = Prepare(network, new ReferenceNetwork(5, (4, Activation.ReLU), (3, Activation.Sigmoid)), random, Batch);
        float[] targets = [1, 0, 1, 0, 0, 1, 0.2f, 0.9f, 0.5f, 1, 1, 0, 0, 0.4f, 1];
        CheckTargets(network, inputs, targets);
    }

    // ---- L1 and L2: effective gradient of ComputeLoss + RegularizationLoss, through an SGD step with learning rate 1 ----

    [Fact]
    public void L1_EffectiveGradient()
    {
        var network = new CheckL1(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Tanh), (3, Activation.Softmax));
        var random = new Random(50);
        float[] inputs = Prepare(network, reference, random, Batch);
        int[] labels = TestData.Labels(random, Batch, 3);
        CheckRegularized(network, reference, network.L1Strength, 0f, n => n.ComputeGradients(inputs, labels, Batch), n => n.ComputeLoss(inputs, labels, Batch));
    }

    [Fact]
    public void L2_EffectiveGradient()
    {
        var network = new CheckL2(1);
        var reference = new ReferenceNetwork(5, (4, Activation.Sigmoid), (3, Activation.Identity));
        var random = new Random(51);
        float[] inputs = Prepare(network, reference, random, Batch);
        float[] targets = TestData.Uniform(random, Batch * 3, -1, 1);
        CheckRegularized(network, reference, 0f, network.L2Strength, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));
    }

    [Fact]
    public void L1AndL2_EffectiveGradient()
    {
        var network = new CheckL1L2(1);
        var reference = new ReferenceNetwork(5, (4, Activation.ReLU), (3, Activation.Softmax));
        var random = new Random(52);
        float[] inputs = Prepare(network, reference, random, Batch);
        float[] targets = TestData.ProbabilityRows(random, Batch, 3);
        CheckRegularized(network, reference, network.L1Strength, network.L2Strength, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));
    }

    // ---- Helpers ----

    /// <summary>
    /// Sets the parameters by hand and draws inputs in ±<paramref name="inputScale"/> that keep every pre-activation at
    /// least <paramref name="margin"/> from a kink of its activation (0 for the ReLU family, ±3 for the hard ones). A step
    /// h ≤ 1e-2 moves a first-layer pre-activation by at most h·inputScale, so the margin must exceed that.
    /// </summary>
    private static float[] Prepare<TNetwork>(
        TNetwork network, ReferenceNetwork reference, Random random, int batch, double inputScale = 1, double margin = KinkMargin, bool biasesAwayFromZero = false)
        where TNetwork : INetwork<TNetwork>
    {
        Assert.True(margin > 0.01 * inputScale + 0.01, $"margin {margin} is within a step of the kinks for inputs in ±{inputScale}");
        bool[] isWeight = reference.WeightMask(), isBias = reference.BiasMask();
        Assert.Equal(TNetwork.ParameterBufferLength, isWeight.Length);
        Span<float> parameters = network.Parameters;
        // Drawn per trainable parameter (k), not per buffer slot (i), so a seed means the same network whatever the padding.
        int count = TNetwork.ParameterCount;
        float[] weights = TestData.AwayFromZero(random, count, 0.1, 0.9);
        float[] biases = biasesAwayFromZero ? TestData.AwayFromZero(random, count, 0.1, 0.5) : TestData.Uniform(random, count, -0.5, 0.5);
        for (int i = 0, k = 0; i < parameters.Length; i++)
        {
            parameters[i] = isWeight[i] ? weights[k++] : isBias[i] ? biases[k++] : 0f; // the padding between tensors stays 0
        }

        for (int attempt = 0; attempt < 1000; attempt++)
        {
            float[] inputs = TestData.Uniform(random, batch * TNetwork.InputSize, -inputScale, inputScale);
            if (reference.KinkMargin(network.Parameters, inputs, batch) >= margin)
            {
                return inputs;
            }
        }

        throw new InvalidOperationException("No inputs keep the pre-activations away from the kinks; change the seed.");
    }

    private void CheckLabels<TNetwork>(TNetwork network, ReferenceNetwork reference, int seed, int batch = Batch)
        where TNetwork : IClassifier<TNetwork>
    {
        var random = new Random(seed);
        float[] inputs = Prepare(network, reference, random, batch);
        int[] labels = TestData.Labels(random, batch, TNetwork.OutputSize);
        Check(network, n => n.ComputeGradients(inputs, labels, batch), n => n.ComputeLoss(inputs, labels, batch));
    }

    private void CheckTargets<TNetwork>(TNetwork network, float[] inputs, float[] targets)
        where TNetwork : INetwork<TNetwork> =>
        Check(network, n => n.ComputeGradients(inputs, targets, Batch), n => n.ComputeLoss(inputs, targets, Batch));

    private void Check<TNetwork>(TNetwork network, Func<TNetwork, float> computeGradients, Func<TNetwork, float> computeLoss)
        where TNetwork : INetwork<TNetwork>
    {
        int[] parametersBefore = TestData.Bits(network.Parameters);
        float loss = computeGradients(network);
        Assert.True(float.IsFinite(loss), $"loss {loss}");
        Assert.Equal(parametersBefore, TestData.Bits(network.Parameters)); // ComputeGradients does not step
        Assert.Equal(loss, computeLoss(network)); // the same forward pass and loss

        double[] analytic = network.Gradients.ToArray().Select(g => (double)g).ToArray();
        int[] gradientsBefore = TestData.Bits(network.Gradients);
        GradientChecker.Entry[] entries = GradientChecker.Check(network.Parameters, analytic, () => computeLoss(network));
        Assert.Equal(parametersBefore, TestData.Bits(network.Parameters));
        Assert.Equal(gradientsBefore, TestData.Bits(network.Gradients)); // ComputeLoss leaves the gradients alone
        AssertAllPass(entries, TNetwork.ParameterCount);
    }

    private void CheckRegularized<TNetwork>(
        TNetwork network, ReferenceNetwork reference, float l1, float l2, Func<TNetwork, float> computeGradients, Func<TNetwork, float> computeLoss, bool penalizeBiases = false)
        where TNetwork : INetwork<TNetwork>
    {
        Assert.Equal(1f, network.LearningRate);
        float[] before = network.Parameters.ToArray();

        // The penalty, by hand over the weights only (and the biases with PenalizeBiases).
        bool[] isWeight = reference.WeightMask();
        double penalty = 0;
        for (int i = 0; i < before.Length; i++)
        {
            if (isWeight[i] || penalizeBiases)
            {
                penalty += l1 * Math.Abs((double)before[i]) + 0.5 * l2 * before[i] * (double)before[i];
            }
        }

        Assert.Equal(penalty, network.RegularizationLoss(), penalty * 1e-6);

        computeGradients(network);
        int[] rawGradients = TestData.Bits(network.Gradients);
        network.ApplyGradients();
        Assert.Equal(rawGradients, TestData.Bits(network.Gradients)); // ApplyGradients leaves Gradients as they were
        double[] effective = new double[before.Length];
        for (int i = 0; i < before.Length; i++)
        {
            effective[i] = (double)before[i] - network.Parameters[i];
        }

        before.CopyTo(network.Parameters);
        GradientChecker.Entry[] entries = GradientChecker.Check(network.Parameters, effective, () => computeLoss(network) + (double)network.RegularizationLoss());
        AssertAllPass(entries, TNetwork.ParameterCount);
    }

    /// <summary>Every entry, padding included (its gradient must be 0), agrees; most of the trainable ones are clearly non-zero.</summary>
    private void AssertAllPass(GradientChecker.Entry[] entries, int parameterCount)
    {
        output.WriteLine(GradientChecker.Describe(entries));
        GradientChecker.Entry[] failures = entries.Where(e => !e.Passes).ToArray();
        Assert.True(failures.Length == 0, $"{failures.Length} of {entries.Length} gradients disagree with finite differences:\n" + string.Join("\n", failures));

        // Guard against a vacuous pass (e.g. all gradients zero): most parameters must have a clearly non-zero gradient.
        int significant = entries.Count(e => Math.Abs(e.Numeric) > 1e-3);
        Assert.True(significant >= parameterCount / 2, $"only {significant} of {parameterCount} parameters have a gradient above 1e-3");
    }
}
