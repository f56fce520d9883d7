using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using StaticNet.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Tests.Kernels;

/// <summary>
/// <see cref="Optimizers"/> over lengths 1, 3, 7, 8, 9, 15, 16, 17, 31, 33 (below one vector, whole vectors of 512, 256
/// and 128 bits, and a zero-padded tail) and 32,771 (long enough to be swept by two threads, halves at 16,384), for
/// every rule and every kind of <see cref="Penalty"/>, three steps each, against two scalar
/// references written from the published formulas (PyTorch's arrangement, as tests/Integration.Tests/OptimizerTests.cs):
/// <list type="bullet">
/// <item>in float, with the same float operations in the same order as the kernel: the kernel's vector lanes and its
/// zero-padded tail must equal it bit for bit, weights and every state buffer. Every operation involved (+, -, ·, /, √,
/// max) is correctly rounded per lane and .NET does not contract a·b + c into a fused multiply-add, so anything but
/// equality is a difference in the arithmetic;</item>
/// <item>in double, from the same float inputs and hyper-parameters: <c>|w - w_ref| ≤ 1e-6 · max(1, |w_ref|)</c>, the
/// bound of the integration tests (float arithmetic, u = 6e-8 per operation, a handful of operations per step, three
/// steps of 1e-3 to 0.2 on weights of magnitude up to 1). This one checks that the float arrangement is the formula.</item>
/// </list>
/// </summary>
public class OptimizerTests(ITestOutputHelper output)
{
    public enum Rule
    {
        Sgd,
        Momentum,
        Nesterov,
        AdaGrad,
        RMSProp,
        RMSPropMomentum,
        RMSPropCentered,
        RMSPropCenteredMomentum,
        Adam,
        AmsGrad,
    }

    public enum PenaltyKind
    {
        None,
        L1,
        L2,
        DecoupledDecay,
        All,
    }

    private const double Tolerance = 1e-6;
    private const int Band = 16; // guard floats on each side of every buffer: more than one vector of any width
    private const float Momentum = 0.9f, Alpha = 0.99f, Beta1 = 0.9f, Beta2 = 0.999f, AmsGradBeta2 = 0.9f;
    private const float Epsilon = 1e-8f, AdaGradEpsilon = 1e-10f, L1 = 0.05f, L2 = 0.2f, WeightDecay = 0.1f;
    private static readonly int[] Lengths = [1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 32_771];

    public static TheoryData<Rule, PenaltyKind> Cases()
    {
        var data = new TheoryData<Rule, PenaltyKind>();
        foreach (Rule rule in Enum.GetValues<Rule>())
        {
            foreach (PenaltyKind penalty in Enum.GetValues<PenaltyKind>())
            {
                data.Add(rule, penalty);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThreeSteps_EqualTheFloatFormulaBitForBit_AndTheDoubleFormulaWithinTolerance(Rule rule, PenaltyKind penaltyKind)
    {
        float learningRate = LearningRate(rule);
        Penalty penalty = penaltyKind switch
        {
            PenaltyKind.None => Penalty.None,
            PenaltyKind.L1 => new Penalty(L1, 0f, 1f),
            PenaltyKind.L2 => new Penalty(0f, L2, 1f),
            PenaltyKind.DecoupledDecay => new Penalty(0f, 0f, 1f - (learningRate * WeightDecay)),
            _ => new Penalty(L1, L2, 1f - (learningRate * WeightDecay)),
        };
        var moves = new List<double>();
        double worst = 0;
        int amsgradHeld = 0;
        foreach (int length in Lengths)
        {
            var random = new Random((length * 100) + ((int)rule * 10) + (int)penaltyKind);
            float[] weights = AwayFromZero(random, length, 0.05, 1.0);
            weights[length / 2] = 0f; // sign(0) = 0 for L1, in a vector lane or in the tail
            var kernel = new Buffers(weights);
            var mirror = new Buffers(weights);
            var reference = new DoubleState(weights);
            if (rule is Rule.RMSProp or Rule.RMSPropCentered)
            {
                // Momentum 0: the velocity buffer must not be touched (PyTorch switches it on only above 0).
                kernel.S1.Fill(0.375f);
                mirror.S1.Fill(0.375f);
            }

            for (int t = 1; t <= 3; t++)
            {
                float[] gradients = AwayFromZero(random, length, 0.01, 2.0);
                if (t == 3 && rule is Rule.Adam or Rule.AmsGrad)
                {
                    // Much smaller gradients in the last step: AMSGrad's maximum then holds above the second moment.
                    for (int i = 0; i < length; i++)
                    {
                        gradients[i] *= 0.01f;
                    }
                }

                if (t == 1)
                {
                    gradients[length / 2] = 0f; // a zero gradient on a zero weight: only the penalties could move it
                }

                KernelStep(rule, kernel, gradients, penalty, learningRate, t);
                for (int i = 0; i < length; i++)
                {
                    mirror.W[i] = FloatStep(rule, mirror.W[i], gradients[i], ref mirror.S0[i], ref mirror.S1[i], ref mirror.S2[i], penalty, learningRate, t);
                }

                double[] before = (double[])reference.W.Clone();
                amsgradHeld += reference.Step(rule, gradients, penalty, learningRate, t);
                string context = $"{rule}, {penaltyKind}, length {length}, step {t}";
                for (int b = 0; b < 4; b++)
                {
                    AssertBitsEqual(mirror.Buffer(b), kernel.Buffer(b), length, $"{context}: {Buffers.Names[b]}");
                }

                kernel.AssertBandsIntact(context);

                // The long length is there for the split; the float mirror above checks all of it. In double only its
                // first 64 elements: among 32,771 random draws centered RMSProp's s - m² cancels to a few ulps for some,
                // and the float formula (the kernel's and PyTorch's) then strays past 1e-6 of the double one.
                for (int i = 0; i < Math.Min(length, 64); i++)
                {
                    double expected = reference.W[i], actual = kernel.W[i];
                    worst = Math.Max(worst, Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected)));
                    Assert.True(
                        Math.Abs(actual - expected) <= Tolerance * Math.Max(1, Math.Abs(expected)),
                        $"{context}: weights[{i}] = {actual:R}, the formula in double gives {expected:R}");
                    if (t > 1 || i != length / 2)
                    {
                        moves.Add(Math.Abs(reference.W[i] - before[i]));
                    }
                }
            }

            if (rule is Rule.RMSProp or Rule.RMSPropCentered)
            {
                Assert.All(kernel.S1.ToArray(), v => Assert.Equal(0.375f, v));
            }
        }

        // The moves (but for the zero weight's first, 0) are large enough for the tolerance to tell a formula from another,
        // all but a few that momentum happens to cancel; AMSGrad's maximum was used.
        output.WriteLine($"worst |w - w_ref| / max(1, |w_ref|): {worst:G3}; median move {moves.Order().ElementAt(moves.Count / 2):G3}");
        int small = moves.Count(move => move <= 20 * Tolerance);
        Assert.True(small <= moves.Count / 50, $"{small} of {moves.Count} moves are at most {20 * Tolerance}");
        Assert.True(rule != Rule.AmsGrad || amsgradHeld > 10, $"AMSGrad's maximum exceeded the second moment {amsgradHeld} times");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void LengthMismatch_Throws_BeforeWriting(Rule rule)
    {
        const int Length = 9;
        float[] weights = Enumerable.Range(1, Length).Select(i => i / 10f).ToArray();
        int states = StateCount(rule);
        foreach (int delta in new[] { -1, 1, -Length })
        {
            // The gradients, then each state buffer the rule uses, one at a time of the wrong length.
            for (int wrong = 0; wrong <= states; wrong++)
            {
                if (delta == -Length && wrong == 3)
                {
                    continue; // an empty gradientAverages / maxSecondMoments chooses the plain variant; it is not an error
                }

                var buffers = new Buffers(weights);
                float[] gradients = new float[Length + (wrong == 0 ? delta : 0)];
                float[] wrongState = new float[Length + delta];
                var exception = Assert.ThrowsAny<ArgumentException>(() => KernelStep(
                    rule,
                    buffers.W,
                    gradients,
                    wrong == 1 ? wrongState : buffers.S0,
                    wrong == 2 ? wrongState : buffers.S1,
                    wrong == 3 ? wrongState : buffers.S2,
                    Penalty.None,
                    0.1f,
                    1));
                Assert.Equal(typeof(ArgumentException), exception.GetType());
                Assert.Equal(wrong == 0 ? "gradients" : StateName(rule, wrong - 1), exception.ParamName);

                Assert.Equal(weights, buffers.W.ToArray());
            }
        }
    }

    public static TheoryData<Rule> Rules() => new(Enum.GetValues<Rule>());

    [Fact]
    public void TheLengths_ReachEveryWidth_TheTail_AndTheSplit()
    {
        // The sweep takes 512-bit vectors (16 floats), then 256 (8), then 128 (4), then a zero-padded 128-bit tail: 31 =
        // 16 + 8 + 4 + 3 goes through all four, 33 = 2·16 + 1 through the widest and the tail. From 2^15 floats two
        // threads take half each.
        Assert.Contains(Lengths, n => n % 16 >= 8 + 4 && n % 4 != 0);
        Assert.Contains(Lengths, n => n < 4);
        Assert.Contains(Lengths, n => n >= 1 << 15);
    }

    private static float LearningRate(Rule rule) => rule switch
    {
        Rule.Sgd or Rule.Momentum or Rule.Nesterov => 0.05f,
        Rule.AdaGrad => 0.1f,
        _ => 0.01f,
    };

    private static int StateCount(Rule rule) => rule switch
    {
        Rule.Sgd => 0,
        Rule.Momentum or Rule.Nesterov or Rule.AdaGrad => 1,
        Rule.RMSProp or Rule.RMSPropMomentum or Rule.Adam => 2,
        _ => 3,
    };

    private static float Beta2Of(Rule rule) => rule == Rule.AmsGrad ? AmsGradBeta2 : Beta2;

    private static void KernelStep(Rule rule, Buffers buffers, float[] gradients, Penalty penalty, float learningRate, int t) =>
        KernelStep(rule, buffers.W, gradients, buffers.Buffer(1), buffers.Buffer(2), buffers.Buffer(3), penalty, learningRate, t);

    /// <summary>The public parameter name of state buffer <paramref name="index"/> (s0, s1, s2 of <see cref="KernelStep(Rule, Span{float}, float[], Span{float}, Span{float}, Span{float}, Penalty, float, int)"/>).</summary>
    private static string StateName(Rule rule, int index) => rule switch
    {
        Rule.Momentum or Rule.Nesterov => "velocity",
        Rule.AdaGrad => "squareSums",
        Rule.RMSProp or Rule.RMSPropMomentum or Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum =>
            new[] { "squareAverages", "velocity", "gradientAverages" }[index],
        _ => new[] { "firstMoments", "secondMoments", "maxSecondMoments" }[index],
    };

    /// <summary>One call of the kernel; s0, s1, s2 are the rule's state buffers in the order of <see cref="FloatStep"/>.</summary>
    private static void KernelStep(Rule rule, Span<float> w, float[] g, Span<float> s0, Span<float> s1, Span<float> s2, Penalty penalty, float learningRate, int t)
    {
        switch (rule)
        {
            case Rule.Sgd:
                Optimizers.Sgd(w, g, penalty, learningRate);
                break;
            case Rule.Momentum or Rule.Nesterov:
                Optimizers.Momentum(w, g, s0, penalty, learningRate, Momentum, rule == Rule.Nesterov);
                break;
            case Rule.AdaGrad:
                Optimizers.AdaGrad(w, g, s0, penalty, learningRate, AdaGradEpsilon);
                break;
            case Rule.RMSProp or Rule.RMSPropMomentum or Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum:
                bool centered = rule is Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum;
                float momentum = rule is Rule.RMSPropMomentum or Rule.RMSPropCenteredMomentum ? Momentum : 0f;
                Optimizers.RMSProp(w, g, s0, centered ? s2 : default, s1, penalty, learningRate, Alpha, Epsilon, momentum);
                break;
            default:
                var step = new AdamStep(learningRate, Beta1, Beta2Of(rule), Epsilon, t);
                Optimizers.Adam(w, g, s0, s1, rule == Rule.AmsGrad ? s2 : default, penalty, step);
                break;
        }
    }

    /// <summary>
    /// One element of one step in float, the operations in the kernel's order. s0, s1, s2: velocity; square sums;
    /// square averages, velocity, gradient averages; first moments, second moments, their maximum.
    /// </summary>
    private static float FloatStep(Rule rule, float w, float g, ref float s0, ref float s1, ref float s2, Penalty penalty, float learningRate, int t)
    {
        float sign = w > 0f ? 1f : w < 0f ? -1f : 0f;
        g = g + (penalty.L1 * sign) + (penalty.L2 * w);
        w *= penalty.DecayFactor;
        switch (rule)
        {
            case Rule.Sgd:
                return w - (learningRate * g);
            case Rule.Momentum:
                s0 = (Momentum * s0) + g;
                return w - (learningRate * s0);
            case Rule.Nesterov:
                s0 = (Momentum * s0) + g;
                return w - (learningRate * (g + (Momentum * s0)));
            case Rule.AdaGrad:
                s0 += g * g;
                return w - (learningRate * g / (MathF.Sqrt(s0) + AdaGradEpsilon));
            case Rule.RMSProp or Rule.RMSPropMomentum or Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum:
            {
                s0 = (Alpha * s0) + ((1f - Alpha) * g * g);
                float d;
                if (rule is Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum)
                {
                    s2 = (Alpha * s2) + ((1f - Alpha) * g);
                    d = MathF.Sqrt(s0 - (s2 * s2)) + Epsilon;
                }
                else
                {
                    d = MathF.Sqrt(s0) + Epsilon;
                }

                if (rule is Rule.RMSPropMomentum or Rule.RMSPropCenteredMomentum)
                {
                    s1 = (Momentum * s1) + (g / d);
                    return w - (learningRate * s1);
                }

                return w - (learningRate * g / d);
            }

            default:
            {
                float beta2 = Beta2Of(rule);
                float stepSize = (float)(learningRate / (1 - Math.Pow(Beta1, t)));
                float correction2 = (float)Math.Sqrt(1 - Math.Pow(beta2, t));
                s0 = (Beta1 * s0) + ((1f - Beta1) * g);
                s1 = (beta2 * s1) + ((1f - beta2) * g * g);
                float second = s1;
                if (rule == Rule.AmsGrad)
                {
                    s2 = MathF.Max(s2, s1);
                    second = s2;
                }

                // √v/√(1-β2^t) as √v times the reciprocal, computed once per step in float (one division per element).
                return w - (stepSize * s0 / ((MathF.Sqrt(second) * (1f / correction2)) + Epsilon));
            }
        }
    }

    private static void AssertBitsEqual(Span<float> expected, Span<float> actual, int length, string what)
    {
        for (int i = 0; i < length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{what}[{i}] = {actual[i]:R}, the float formula gives {expected[i]:R}");
            }
        }
    }

    private static float[] AwayFromZero(Random random, int length, double min, double max)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            double magnitude = min + (random.NextDouble() * (max - min));
            values[i] = (float)(random.Next(2) == 0 ? -magnitude : magnitude);
        }

        return values;
    }

    /// <summary>The weights and three state buffers, each inside guard bands of distinct NaNs.</summary>
    private sealed class Buffers
    {
        public static readonly string[] Names = ["weights", "state 0", "state 1", "state 2"];
        private readonly float[][] _arrays = new float[4][];
        private readonly int _length;

        public Buffers(float[] weights)
        {
            _length = weights.Length;
            for (int b = 0; b < 4; b++)
            {
                _arrays[b] = new float[_length + (2 * Band)];
                for (int i = 0; i < _arrays[b].Length; i++)
                {
                    _arrays[b][i] = i < Band || i >= Band + _length ? Sentinel(b, i) : 0f;
                }
            }

            weights.CopyTo(W);
        }

        public Span<float> W => Buffer(0);

        public Span<float> S0 => Buffer(1);

        public Span<float> S1 => Buffer(2);

        public Span<float> S2 => Buffer(3);

        public Span<float> Buffer(int b) => _arrays[b].AsSpan(Band, _length);

        public void AssertBandsIntact(string context)
        {
            for (int b = 0; b < 4; b++)
            {
                for (int i = 0; i < _arrays[b].Length; i++)
                {
                    if ((i < Band || i >= Band + _length) && BitConverter.SingleToInt32Bits(_arrays[b][i]) != BitConverter.SingleToInt32Bits(Sentinel(b, i)))
                    {
                        Assert.Fail($"{context}: {Names[b]} written outside its span, at offset {i - Band}");
                    }
                }
            }
        }

        private static float Sentinel(int b, int i) => BitConverter.Int32BitsToSingle(0x7FD0_0000 | (b << 8) | i);
    }

    /// <summary>
    /// The published rules in double (PyTorch's <c>torch.optim</c> arrangement), from the same float inputs and
    /// hyper-parameters: <c>g ← g + λ1·sign(w) + λ2·w</c>, <c>w ← w·decayFactor</c>, then the rule. Returns the number of
    /// elements whose AMSGrad maximum exceeded the current second moment.
    /// </summary>
    private sealed class DoubleState(float[] weights)
    {
        private readonly double[] _velocity = new double[weights.Length];
        private readonly double[] _first = new double[weights.Length];
        private readonly double[] _second = new double[weights.Length];
        private readonly double[] _maxSecond = new double[weights.Length];
        private readonly double[] _average = new double[weights.Length];

        public double[] W { get; } = Array.ConvertAll(weights, w => (double)w);

        public int Step(Rule rule, float[] gradients, Penalty penalty, float learningRate, int t)
        {
            double lr = learningRate, mu = Momentum, alpha = Alpha, eps = rule == Rule.AdaGrad ? AdaGradEpsilon : Epsilon;
            int held = 0;
            for (int i = 0; i < W.Length; i++)
            {
                double w = W[i];
                double g = gradients[i] + (penalty.L1 * (double)Math.Sign(w)) + (penalty.L2 * w);
                double decayed = w * penalty.DecayFactor;
                switch (rule)
                {
                    case Rule.Sgd:
                        W[i] = decayed - (lr * g);
                        break;
                    case Rule.Momentum:
                        _velocity[i] = (mu * _velocity[i]) + g;
                        W[i] = decayed - (lr * _velocity[i]);
                        break;
                    case Rule.Nesterov:
                        _velocity[i] = (mu * _velocity[i]) + g;
                        W[i] = decayed - (lr * (g + (mu * _velocity[i])));
                        break;
                    case Rule.AdaGrad:
                        _second[i] += g * g;
                        W[i] = decayed - (lr * g / (Math.Sqrt(_second[i]) + eps));
                        break;
                    case Rule.RMSProp or Rule.RMSPropMomentum or Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum:
                    {
                        _second[i] = (alpha * _second[i]) + ((1 - alpha) * g * g);
                        double average;
                        if (rule is Rule.RMSPropCentered or Rule.RMSPropCenteredMomentum)
                        {
                            _average[i] = (alpha * _average[i]) + ((1 - alpha) * g);
                            average = Math.Sqrt(_second[i] - (_average[i] * _average[i])) + eps;
                        }
                        else
                        {
                            average = Math.Sqrt(_second[i]) + eps;
                        }

                        if (rule is Rule.RMSPropMomentum or Rule.RMSPropCenteredMomentum)
                        {
                            _velocity[i] = (mu * _velocity[i]) + (g / average);
                            W[i] = decayed - (lr * _velocity[i]);
                        }
                        else
                        {
                            W[i] = decayed - (lr * g / average);
                        }

                        break;
                    }

                    default:
                    {
                        double beta1 = Beta1, beta2 = Beta2Of(rule);
                        _first[i] = (beta1 * _first[i]) + ((1 - beta1) * g);
                        _second[i] = (beta2 * _second[i]) + ((1 - beta2) * g * g);
                        double second = _second[i];
                        if (rule == Rule.AmsGrad)
                        {
                            _maxSecond[i] = Math.Max(_maxSecond[i], _second[i]);
                            held += _maxSecond[i] > _second[i] ? 1 : 0;
                            second = _maxSecond[i];
                        }

                        double correction1 = 1 - Math.Pow(beta1, t), correction2 = 1 - Math.Pow(beta2, t);
                        W[i] = decayed - (lr / correction1 * _first[i] / ((Math.Sqrt(second) / Math.Sqrt(correction2)) + eps));
                        break;
                    }
                }
            }

            return held;
        }
    }
}
