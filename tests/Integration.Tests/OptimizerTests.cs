using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>
/// ApplyGradients against an independent double-precision implementation of the published update rules, for three
/// steps, with gradients written by hand into <c>Gradients</c> before each step:
/// <list type="bullet">
/// <item>SGD: <c>w ← w - lr·g</c></item>
/// <item>Momentum (PyTorch SGD with momentum, dampening 0): <c>v ← μ·v + g; w ← w - lr·v</c></item>
/// <item>Adam (Kingma &amp; Ba 2015 with bias correction, PyTorch's arrangement):
/// <c>m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; w ← w - lr/(1-β1^t) · m / (sqrt(v)/sqrt(1-β2^t) + ε)</c></item>
/// </list>
/// with <c>g = dL/dw + λ1·sign(w) + λ2·w</c> for weights (sign(0) = 0) and <c>g = dL/db</c> for biases.
/// Tolerance: |w - w_ref| ≤ 1e-6 · max(1, |w_ref|) — the network computes in float (ε ≈ 6e-8 per operation), the
/// reference in double from the same float hyper-parameters, and the steps are between 1e-3 and 1 in size.
/// </summary>
public sealed partial class OptimizerTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Sgd()
    {
        var network = new StepSgd(1);
        Assert.Equal(0.001f, network.LearningRate); // compile-time default (PyTorch SGD's)
        CheckSteps(network, Optimizer.Sgd(network.LearningRate), (n, r, step) =>
        {
            if (step == 2)
            {
                // A learning-rate schedule: the new rate applies from the next step.
                n.LearningRate = r.LearningRate = 0.5f;
            }
        });
    }

    [Fact]
    public void Sgd_WithL1AndL2()
    {
        var network = new StepSgdRegularized(1);
        Assert.Equal((0.1f, 0.02f, 0.3f), (network.LearningRate, network.L1Strength, network.L2Strength));
        CheckSteps(network, Optimizer.Sgd(network.LearningRate, network.L1Strength, network.L2Strength), (n, r, step) =>
        {
            if (step == 3)
            {
                n.L1Strength = r.L1 = 0.1f;
                n.L2Strength = r.L2 = 0f;
            }
        });
    }

    [Fact]
    public void Momentum()
    {
        var network = new StepMomentum(1);
        Assert.Equal((0.001f, 0.9f), (network.LearningRate, network.Momentum)); // compile-time defaults
        CheckSteps(network, Optimizer.WithMomentum(network.LearningRate, network.Momentum), (n, r, step) =>
        {
            if (step == 2)
            {
                n.LearningRate = r.LearningRate = 0.2f;
            }

            if (step == 3)
            {
                n.Momentum = r.Momentum = 0.5f;
            }
        });
    }

    [Fact]
    public void Momentum_WithL1AndL2()
    {
        var network = new StepMomentumRegularized(1);
        Assert.Equal((0.05f, 0.8f, 0.01f, 0.2f), (network.LearningRate, network.Momentum, network.L1Strength, network.L2Strength));
        CheckSteps(network, Optimizer.WithMomentum(network.LearningRate, network.Momentum, network.L1Strength, network.L2Strength), (n, r, step) =>
        {
            if (step == 2)
            {
                n.L2Strength = r.L2 = 0.05f;
                n.Momentum = r.Momentum = 0f;
            }
        });
    }

    [Fact]
    public void Adam()
    {
        var network = new StepAdam(1);
        Assert.Equal((0.001f, 0.9f, 0.999f, 1e-8f), (network.LearningRate, network.Beta1, network.Beta2, network.Epsilon)); // compile-time defaults
        CheckSteps(network, Optimizer.Adam(network.LearningRate, network.Beta1, network.Beta2, network.Epsilon), (n, r, step) =>
        {
            if (step == 2)
            {
                n.LearningRate = r.LearningRate = 0.01f;
            }
        });
    }

    [Fact]
    public void Adam_WithL1()
    {
        var network = new StepAdamL1(1);
        Assert.Equal((0.02f, 0.8f, 0.99f, 1e-6f, 0.05f), (network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.L1Strength));
        CheckSteps(network, Optimizer.Adam(network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, l1: network.L1Strength), (n, r, step) =>
        {
            if (step == 3)
            {
                // The current betas apply to both the moment updates and the bias corrections, as in PyTorch.
                n.Beta1 = r.Beta1 = 0.5f;
                n.Beta2 = r.Beta2 = 0.9f;
                n.Epsilon = r.Epsilon = 0.1f;
            }
        });
    }

    [Fact]
    public void Adam_WithL2()
    {
        var network = new StepAdamL2(1);
        Assert.Equal((0.03f, 0.4f), (network.LearningRate, network.L2Strength));
        CheckSteps(network, Optimizer.Adam(network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, l2: network.L2Strength), (_, _, _) => { });
    }

    [Fact]
    public void Adam_WithL1AndL2()
    {
        var network = new StepAdamRegularized(1);
        Assert.Equal((0.05f, 0.85f, 0.995f, 1e-8f, 0.03f, 0.25f), (network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.L1Strength, network.L2Strength));
        CheckSteps(network, Optimizer.Adam(network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.L1Strength, network.L2Strength), (n, r, step) =>
        {
            if (step == 2)
            {
                n.LearningRate = r.LearningRate = 0.1f;
                n.L1Strength = r.L1 = 0f;
            }
        });
    }

    [Fact]
    public void GarbageInTheGradientsPadding_ChangesNoStep_EvenWithNormClipping()
    {
        CheckPaddingIgnored(new StepClipNorm(3), new StepClipNorm(3));
        CheckPaddingIgnored(new StepClipBoth(3), new StepClipBoth(3));
        CheckPaddingIgnored(new StepAdamRegularized(3), new StepAdamRegularized(3));
    }

    // A user may write anything into Gradients, padding included (e.g. noise over the whole span): the step must read
    // only the tensors, so a network given NaN and 1e30 in the padding steps exactly like its clean twin.
    private static void CheckPaddingIgnored<TNetwork>(TNetwork clean, TNetwork dirty)
        where TNetwork : INetwork<TNetwork>
    {
        var layout = new ReferenceNetwork(6, (5, Activation.Tanh), (3, Activation.Identity));
        bool[] isWeight = layout.WeightMask(), isBias = layout.BiasMask();
        int[] padding = Enumerable.Range(0, TNetwork.ParameterBufferLength).Where(i => !isWeight[i] && !isBias[i]).ToArray();
        Assert.NotEmpty(padding);
        var random = new Random(11);
        float[] garbage = [float.NaN, 1e30f, -1e30f, float.PositiveInfinity];
        for (int step = 0; step < 4; step++)
        {
            float[] inputs = TestData.Uniform(random, 2 * 6, -1, 1), targets = TestData.Uniform(random, 2 * 3, -2, 2);
            clean.ComputeGradients(inputs, targets, 2);
            dirty.ComputeGradients(inputs, targets, 2);
            foreach (int i in padding)
            {
                dirty.Gradients[i] = garbage[(i + step) % garbage.Length];
            }

            clean.ApplyGradients();
            dirty.ApplyGradients();
            Assert.Equal(TestData.Bits(clean.Parameters), TestData.Bits(dirty.Parameters)); // padding included: still 0
        }
    }

    [Fact]
    public void InvalidHyperParameters_ThrowNamingThem_AndLeaveTheValue()
    {
        float[] notFinite = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        float[] notPositive = [0f, -1e-8f, -1f, .. notFinite];
        float[] notInUnitInterval = [1f, 1.5f, -0.1f, .. notFinite];
        float[] negative = [-1e-6f, -1f, .. notFinite];

        var sgd = new StepSgdRegularized(1);
        AssertRejects(notPositive, "LearningRate", () => sgd.LearningRate, v => sgd.LearningRate = v);
        AssertRejects(negative, "L1Strength", () => sgd.L1Strength, v => sgd.L1Strength = v);
        AssertRejects(negative, "L2Strength", () => sgd.L2Strength, v => sgd.L2Strength = v);

        var momentum = new StepMomentumRegularized(1);
        AssertRejects(notPositive, "LearningRate", () => momentum.LearningRate, v => momentum.LearningRate = v);
        AssertRejects(notInUnitInterval, "Momentum", () => momentum.Momentum, v => momentum.Momentum = v);

        var adam = new StepAdamRegularized(1);
        AssertRejects(notPositive, "LearningRate", () => adam.LearningRate, v => adam.LearningRate = v);
        AssertRejects(notInUnitInterval, "Beta1", () => adam.Beta1, v => adam.Beta1 = v);
        AssertRejects(notInUnitInterval, "Beta2", () => adam.Beta2, v => adam.Beta2 = v);
        AssertRejects(notPositive, "Epsilon", () => adam.Epsilon, v => adam.Epsilon = v);
        AssertRejects(negative, "L1Strength", () => adam.L1Strength, v => adam.L1Strength = v);
        AssertRejects(negative, "L2Strength", () => adam.L2Strength, v => adam.L2Strength = v);

        // The edges of the ranges are accepted.
        momentum.Momentum = 0f;
        adam.Beta1 = 0f;
        adam.L1Strength = 0f;
        Assert.Equal((0f, 0f, 0f), (momentum.Momentum, adam.Beta1, adam.L1Strength));
    }

    [Fact]
    public void ApplyGradients_CountsStepsAndLeavesGradients_ButZeroesTheirPadding()
    {
        var network = new StepAdam(1);
        Assert.Equal(0, network.StepCount);
        float[] written = TestData.Uniform(new Random(3), StepAdam.ParameterBufferLength, -1, 1);
        written.CopyTo(network.Gradients);
        var layout = new ReferenceNetwork(6, (5, Activation.Tanh), (3, Activation.Identity));
        bool[] isWeight = layout.WeightMask(), isBias = layout.BiasMask();
        float[] expected = written.Select((g, i) => isWeight[i] || isBias[i] ? g : 0f).ToArray();
        network.ApplyGradients();
        network.ApplyGradients();
        Assert.Equal(2, network.StepCount);
        Assert.Equal(TestData.Bits(expected), TestData.Bits(network.Gradients));
    }

    private static void AssertRejects(float[] values, string name, Func<float> get, Action<float> set)
    {
        float before = get();
        foreach (float value in values)
        {
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => set(value));
            Assert.Equal(name, exception.ParamName);
            Assert.Equal(before, get());
        }
    }

    /// <summary>Three steps of the network against the reference; <paramref name="beforeStep"/> may change hyper-parameters of both.</summary>
    /// <param name="gradientScale">Multiplies the hand-written gradients of each step (1, 2, 3); 1 when null.</param>
    private void CheckSteps<TNetwork>(TNetwork network, Optimizer reference, Action<TNetwork, Optimizer, int> beforeStep, Func<int, float>? gradientScale = null)
        where TNetwork : INetwork<TNetwork>
    {
        // 6-5-3: W0 [6x5] at 0, b0 at 32, W1 [5x3] at 48, b1 at 64 (each tensor on a 64-byte line); 53 parameters in 80 floats.
        const int n = 80;
        Assert.Equal(53, TNetwork.ParameterCount);
        Assert.Equal(n, TNetwork.ParameterBufferLength);
        var layout = new ReferenceNetwork(6, (5, Activation.Tanh), (3, Activation.Identity));
        bool[] isWeight = layout.WeightMask(), isBias = layout.BiasMask();
        int[] trainable = Enumerable.Range(0, n).Where(i => isWeight[i] || isBias[i]).ToArray();

        // Drawn per trainable parameter, so the seed gives the same values whatever the padding; the padding stays 0.
        var random = new Random(7);
        float[] weights = TestData.AwayFromZero(random, trainable.Length, 0.05, 1.0);
        float[] biases = TestData.Uniform(random, trainable.Length, -0.5, 0.5);
        Span<float> parameters = network.Parameters;
        parameters.Clear();
        for (int k = 0; k < trainable.Length; k++)
        {
            parameters[trainable[k]] = isWeight[trainable[k]] ? weights[k] : biases[k];
        }

        // Weights at exactly 0 (L1's sign(0) = 0), one in a vector lane and one in each layer's scalar tail; a bias too.
        parameters[3] = 0f;
        parameters[29] = 0f;
        parameters[62] = 0f;
        parameters[65] = 0f;
        reference.Start(parameters, isWeight);
        double worst = 0;

        for (int step = 1; step <= 3; step++)
        {
            beforeStep(network, reference, step);
            float[] drawn = TestData.AwayFromZero(random, trainable.Length, 0.01, 2.0);
            float scale = gradientScale?.Invoke(step) ?? 1f;
            float[] gradients = new float[n]; // a padding gradient is always 0
            for (int k = 0; k < trainable.Length; k++)
            {
                gradients[trainable[k]] = drawn[k] * scale;
            }

            if (step == 1)
            {
                // A zero gradient on a zero weight: nothing moves it (and Adam's m/(sqrt(v)+ε) is 0/ε = 0).
                gradients[3] = 0f;
                gradients[62] = 0f;
                gradients[34] = 0f; // a bias (b0[2])
            }

            gradients.CopyTo(network.Gradients);
            double[] clipped = reference.Step(gradients);
            network.ApplyGradients();

            Assert.Equal(step, network.StepCount);
            if (Enumerable.Range(0, n).Any(i => clipped[i] != gradients[i]))
            {
                // Clipping works on Gradients in place (PyTorch's clip_grad_*_ do the same); L1/L2 are not added to it.
                for (int i = 0; i < n; i++)
                {
                    Assert.True(
                        Math.Abs(network.Gradients[i] - clipped[i]) <= Tolerance * Math.Max(1, Math.Abs(clipped[i])),
                        $"step {step}, gradient {i}: expected {clipped[i]:R} after clipping, actual {network.Gradients[i]:R}");
                }
            }
            else
            {
                // Nothing clipped (or no clipping declared): Gradients left exactly as they were.
                Assert.Equal(gradients, network.Gradients.ToArray());
            }

            for (int i = 0; i < n; i++)
            {
                double expected = reference.Parameters[i];
                double actual = network.Parameters[i];
                worst = Math.Max(worst, Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected)));
                Assert.True(
                    Math.Abs(actual - expected) <= Tolerance * Math.Max(1, Math.Abs(expected)),
                    $"step {step}, parameter {i} ({(isWeight[i] ? "weight" : isBias[i] ? "bias" : "padding")}): expected {expected:R}, actual {actual:R}");
            }
        }

        output.WriteLine($"worst |w - w_ref| / max(1, |w_ref|) over 3 steps: {worst:G3}; smallest step {reference.SmallestMove:G3}");

        // The steps were large enough for the comparison to mean something.
        Assert.True(reference.SmallestMove > 20 * Tolerance || reference.SmallestMove == 0, $"smallest move {reference.SmallestMove}");
    }

    /// <summary>
    /// The update rules in double precision, written from the formulas above and in <see cref="OptimizerKind"/> (PyTorch's
    /// <c>torch.optim</c> and <c>clip_grad_*_</c> as the authority for details); hyper-parameters are the networks' floats.
    /// Per step: clip by value, then by global norm (<c>coef = max/(norm + 1e-6)</c> when below 1); add L1/L2 of the
    /// current parameter; decoupled weight decay <c>w ← w·(1 - lr·λ)</c>; then the update rule.
    /// </summary>
    private sealed class Optimizer
    {
        private readonly OptimizerKind _kind;
        private double[] _velocity = [];
        private double[] _firstMoment = [];
        private double[] _secondMoment = [];
        private double[] _maxSecondMoment = [];
        private double[] _squareSum = [];
        private double[] _gradientAverage = [];
        private bool[] _penalized = [];
        private int _t;

        private Optimizer(OptimizerKind kind) => _kind = kind;

        public float LearningRate { get; set; }

        public float Momentum { get; set; }

        public float Beta1 { get; set; }

        public float Beta2 { get; set; }

        public float Epsilon { get; set; }

        /// <summary>RMSProp's α.</summary>
        public float Alpha { get; set; }

        public bool Centered { get; init; }

        public bool Amsgrad { get; init; }

        public float L1 { get; set; }

        public float L2 { get; set; }

        /// <summary>Decoupled weight decay λ; 0 for none.</summary>
        public float WeightDecay { get; set; }

        /// <summary>Whether L1, L2 and weight decay apply to the biases too.</summary>
        public bool PenalizeBiases { get; init; }

        /// <summary>Clip-by-value threshold, or null.</summary>
        public float? ClipValue { get; set; }

        /// <summary>Clip-by-norm threshold, or null.</summary>
        public float? MaxNorm { get; set; }

        public double[] Parameters { get; private set; } = [];

        /// <summary>The smallest non-zero |Δw| of any parameter in any step.</summary>
        public double SmallestMove { get; private set; } = double.PositiveInfinity;

        /// <summary>Gradient elements clamped by value, over all steps.</summary>
        public int ValueClipped { get; private set; }

        /// <summary>Steps in which the norm clipping scaled the gradients, and the norms seen before it.</summary>
        public int NormClipped { get; private set; }

        public double LargestNorm { get; private set; }

        /// <summary>Elements whose AMSGrad maximum exceeded the current second moment at the step that used it, over all steps.</summary>
        public int AmsgradHeld { get; private set; }

        public static Optimizer Sgd(float learningRate, float l1 = 0, float l2 = 0) =>
            new(OptimizerKind.Sgd) { LearningRate = learningRate, L1 = l1, L2 = l2 };

        public static Optimizer WithMomentum(float learningRate, float momentum, float l1 = 0, float l2 = 0) =>
            new(OptimizerKind.Momentum) { LearningRate = learningRate, Momentum = momentum, L1 = l1, L2 = l2 };

        public static Optimizer Adam(float learningRate, float beta1, float beta2, float epsilon, float l1 = 0, float l2 = 0) =>
            new(OptimizerKind.Adam) { LearningRate = learningRate, Beta1 = beta1, Beta2 = beta2, Epsilon = epsilon, L1 = l1, L2 = l2 };

        public static Optimizer Nesterov(float learningRate, float momentum) =>
            new(OptimizerKind.Nesterov) { LearningRate = learningRate, Momentum = momentum };

        public static Optimizer AdaGrad(float learningRate, float epsilon) =>
            new(OptimizerKind.AdaGrad) { LearningRate = learningRate, Epsilon = epsilon };

        public static Optimizer RMSProp(float learningRate, float alpha, float epsilon, float momentum, bool centered) =>
            new(OptimizerKind.RMSProp) { LearningRate = learningRate, Alpha = alpha, Epsilon = epsilon, Momentum = momentum, Centered = centered };

        /// <summary>Adam or AdamW (the same rule; AdamW's decay is <see cref="WeightDecay"/>).</summary>
        public static Optimizer AdamFamily(OptimizerKind kind, float learningRate, float beta1, float beta2, float epsilon, float weightDecay, bool amsgrad = false) =>
            new(kind) { LearningRate = learningRate, Beta1 = beta1, Beta2 = beta2, Epsilon = epsilon, WeightDecay = weightDecay, Amsgrad = amsgrad };

        /// <summary>A copy of this (unstarted) reference with bias penalization switched on.</summary>
        public Optimizer WithBiasesPenalized() => new(_kind)
        {
            LearningRate = LearningRate, Momentum = Momentum, Beta1 = Beta1, Beta2 = Beta2, Epsilon = Epsilon, Alpha = Alpha, Centered = Centered,
            Amsgrad = Amsgrad, L1 = L1, L2 = L2, WeightDecay = WeightDecay, PenalizeBiases = true, ClipValue = ClipValue, MaxNorm = MaxNorm,
        };

        public void Start(ReadOnlySpan<float> parameters, bool[] isWeight)
        {
            Parameters = new double[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                Parameters[i] = parameters[i];
            }

            _penalized = Array.ConvertAll(isWeight, w => w || PenalizeBiases);
            _velocity = new double[parameters.Length];
            _firstMoment = new double[parameters.Length];
            _secondMoment = new double[parameters.Length];
            _maxSecondMoment = new double[parameters.Length];
            _squareSum = new double[parameters.Length];
            _gradientAverage = new double[parameters.Length];
        }

        /// <summary>One step from the loss gradients; returns the gradients after clipping (before L1/L2).</summary>
        public double[] Step(float[] lossGradients)
        {
            _t++;
            double[] clipped = Array.ConvertAll(lossGradients, g => (double)g);
            if (ClipValue is float clipValue)
            {
                for (int i = 0; i < clipped.Length; i++)
                {
                    if (Math.Abs(clipped[i]) > clipValue)
                    {
                        clipped[i] = Math.Clamp(clipped[i], -clipValue, clipValue);
                        ValueClipped++;
                    }
                }
            }

            if (MaxNorm is float maxNorm)
            {
                double norm = Math.Sqrt(clipped.Sum(g => g * g));
                LargestNorm = Math.Max(LargestNorm, norm);
                double coefficient = maxNorm / (norm + 1e-6);
                if (coefficient < 1)
                {
                    NormClipped++;
                    for (int i = 0; i < clipped.Length; i++)
                    {
                        clipped[i] *= coefficient;
                    }
                }
            }

            double lr = LearningRate;
            for (int i = 0; i < Parameters.Length; i++)
            {
                double w = Parameters[i];
                double g = clipped[i];
                if (_penalized[i])
                {
                    g += L1 * (double)Math.Sign(w) + L2 * w;
                }

                double decayed = _penalized[i] ? w * (1 - lr * WeightDecay) : w;
                double updated;
                switch (_kind)
                {
                    case OptimizerKind.Sgd:
                        updated = decayed - lr * g;
                        break;
                    case OptimizerKind.Momentum:
                        _velocity[i] = Momentum * _velocity[i] + g;
                        updated = decayed - lr * _velocity[i];
                        break;
                    case OptimizerKind.Nesterov:
                        // PyTorch SGD(nesterov=True): buf = μ·buf + g; g ← g + μ·buf; w ← w - lr·g.
                        _velocity[i] = Momentum * _velocity[i] + g;
                        updated = decayed - lr * (g + Momentum * _velocity[i]);
                        break;
                    case OptimizerKind.AdaGrad:
                        // PyTorch Adagrad (lr_decay 0, initial accumulator 0): s += g²; w ← w - lr·g / (√s + ε).
                        _squareSum[i] += g * g;
                        updated = decayed - lr * g / (Math.Sqrt(_squareSum[i]) + Epsilon);
                        break;
                    case OptimizerKind.RMSProp:
                    {
                        // PyTorch RMSprop: s ← α·s + (1-α)·g²; centered: m ← α·m + (1-α)·g, avg = √(s - m²) + ε; else avg = √s + ε;
                        // momentum > 0: b ← μ·b + g/avg, w ← w - lr·b; else w ← w - lr·g/avg.
                        double alpha = Alpha;
                        _secondMoment[i] = alpha * _secondMoment[i] + (1 - alpha) * g * g;
                        double average;
                        if (Centered)
                        {
                            _gradientAverage[i] = alpha * _gradientAverage[i] + (1 - alpha) * g;
                            average = Math.Sqrt(_secondMoment[i] - _gradientAverage[i] * _gradientAverage[i]) + Epsilon;
                        }
                        else
                        {
                            average = Math.Sqrt(_secondMoment[i]) + Epsilon;
                        }

                        if (Momentum > 0)
                        {
                            _velocity[i] = Momentum * _velocity[i] + g / average;
                            updated = decayed - lr * _velocity[i];
                        }
                        else
                        {
                            updated = decayed - lr * g / average;
                        }

                        break;
                    }

                    default:
                    {
                        // Adam / AdamW (PyTorch's arrangement), AMSGrad: v̂ ← max(v̂, v) in the denominator.
                        double beta1 = Beta1;
                        double beta2 = Beta2;
                        _firstMoment[i] = beta1 * _firstMoment[i] + (1 - beta1) * g;
                        _secondMoment[i] = beta2 * _secondMoment[i] + (1 - beta2) * g * g;
                        double second = _secondMoment[i];
                        if (Amsgrad)
                        {
                            _maxSecondMoment[i] = Math.Max(_maxSecondMoment[i], _secondMoment[i]);
                            if (_maxSecondMoment[i] > _secondMoment[i])
                            {
                                AmsgradHeld++;
                            }

                            second = _maxSecondMoment[i];
                        }

                        double biasCorrection1 = 1 - Math.Pow(beta1, _t);
                        double biasCorrection2 = 1 - Math.Pow(beta2, _t);
                        updated = decayed - lr / biasCorrection1 * _firstMoment[i] / (Math.Sqrt(second) / Math.Sqrt(biasCorrection2) + Epsilon);
                        break;
                    }
                }

                if (updated != w)
                {
                    SmallestMove = Math.Min(SmallestMove, Math.Abs(updated - w));
                }

                Parameters[i] = updated;
            }

            return clipped;
        }
    }
}
