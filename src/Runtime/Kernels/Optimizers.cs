using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StaticNet.Kernels;

/// <summary>
/// Optimizer steps as one vectorised sweep over a range of parameters, their gradients and the optimizer's state
/// buffers (each read and written once), with the <see cref="Penalty"/> folded in. Every rule is written once over
/// <see cref="IVectorWidth{TVector}"/> and runs at 512 bits where AVX-512 is accelerated, then 256 and 128; the
/// elements past the last whole 128-bit vector go through the same code in a zero-padded vector. Every operation is
/// correctly rounded per lane (no fused multiply-adds), so the width and the tail give exactly what a scalar loop would.
/// A long range is swept by two cores, each half by one (see <see cref="Parallelism"/>), with the same result.
/// Defaults and arrangements are PyTorch's. Lengths are checked on entry; allocation-free and thread-safe.
/// </summary>
public static class Optimizers
{
    /// <summary>SGD (Robbins &amp; Monro 1951): <c>w ← w - lr·g</c>.</summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="penalty">L1/L2/decoupled decay of this range.</param>
    /// <param name="learningRate">lr, per step.</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="weights"/>'s.</exception>
    public static void Sgd(Span<float> weights, ReadOnlySpan<float> gradients, Penalty penalty, float learningRate) =>
        Sweep(weights, gradients, default, default, default, penalty, new SgdRule(learningRate), default);

    /// <summary>
    /// Momentum (Polyak 1964; PyTorch SGD with momentum, dampening 0): <c>v ← μ·v + g; w ← w - lr·v</c>; or Nesterov
    /// (Sutskever et al. 2013; PyTorch <c>nesterov=True</c>): <c>w ← w - lr·(g + μ·v)</c>.
    /// </summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="velocity">The momentum buffer v, same length.</param>
    /// <param name="penalty">L1/L2/decoupled decay of this range.</param>
    /// <param name="learningRate">lr, per step.</param>
    /// <param name="momentum">μ.</param>
    /// <param name="nesterov">Whether to take the Nesterov step.</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="weights"/>'s.</exception>
    public static void Momentum(
        Span<float> weights, ReadOnlySpan<float> gradients, Span<float> velocity, Penalty penalty, float learningRate, float momentum, bool nesterov) =>
        Sweep(weights, gradients, velocity, default, default, penalty, new MomentumRule(learningRate, momentum, nesterov), new(nameof(velocity)));

    /// <summary>AdaGrad (Duchi et al. 2011; PyTorch <c>Adagrad</c>): <c>s ← s + g²; w ← w - lr·g / (√s + ε)</c>.</summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="squareSums">The sum of squared gradients s, same length.</param>
    /// <param name="penalty">L1/L2/decoupled decay of this range.</param>
    /// <param name="learningRate">lr, per step.</param>
    /// <param name="epsilon">ε, added to the denominator.</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="weights"/>'s.</exception>
    public static void AdaGrad(Span<float> weights, ReadOnlySpan<float> gradients, Span<float> squareSums, Penalty penalty, float learningRate, float epsilon) =>
        Sweep(weights, gradients, squareSums, default, default, penalty, new AdaGradRule(learningRate, epsilon), new(nameof(squareSums)));

    /// <summary>
    /// RMSProp (Hinton 2012; centered: Graves 2013; PyTorch <c>RMSprop</c>): <c>s ← α·s + (1-α)·g²</c>; centered also
    /// <c>m ← α·m + (1-α)·g</c> and <c>d = √(s - m²) + ε</c>, else <c>d = √s + ε</c>; with momentum &gt; 0
    /// <c>b ← μ·b + g/d, w ← w - lr·b</c>, else <c>w ← w - lr·g/d</c>.
    /// </summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="squareAverages">The running average of squared gradients s, same length.</param>
    /// <param name="gradientAverages">The running average of gradients m for the centered variant, same length; empty otherwise.</param>
    /// <param name="velocity">The momentum buffer b, same length (its values unchanged while momentum is 0).</param>
    /// <param name="penalty">L1/L2/decoupled decay of this range.</param>
    /// <param name="learningRate">lr, per step.</param>
    /// <param name="alpha">α, the smoothing constant.</param>
    /// <param name="epsilon">ε, added to the denominator.</param>
    /// <param name="momentum">μ; PyTorch switches the momentum buffer on only above 0.</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="weights"/>'s.</exception>
    public static void RMSProp(
        Span<float> weights, ReadOnlySpan<float> gradients, Span<float> squareAverages, Span<float> gradientAverages, Span<float> velocity,
        Penalty penalty, float learningRate, float alpha, float epsilon, float momentum)
    {
        if (gradientAverages.IsEmpty)
        {
            Sweep(weights, gradients, squareAverages, velocity, default, penalty, new RMSPropRule(learningRate, alpha, epsilon, momentum), new(nameof(squareAverages), nameof(velocity)));
        }
        else
        {
            Sweep(weights, gradients, squareAverages, velocity, gradientAverages, penalty, new CenteredRMSPropRule(learningRate, alpha, epsilon, momentum), new(nameof(squareAverages), nameof(velocity), nameof(gradientAverages)));
        }
    }

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015) in PyTorch's arrangement: <c>m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²;
    /// w ← w - (lr / (1-β1^t))·m / (√v / √(1-β2^t) + ε)</c>; with AMSGrad (Reddi et al. 2018) <c>v̂ ← max(v̂, v)</c> in
    /// place of v in the denominator. AdamW is Adam with a decoupled <see cref="Penalty.DecayFactor"/>. The division by
    /// √(1-β2^t) is a multiplication by its reciprocal, computed once per step: one division per element instead of
    /// two (the sweep is bound by its divisions and square roots), within an ulp of PyTorch's quotient.
    /// </summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="firstMoments">m, same length.</param>
    /// <param name="secondMoments">v, same length.</param>
    /// <param name="maxSecondMoments">v̂ for AMSGrad, same length; empty otherwise.</param>
    /// <param name="penalty">L1/L2/decoupled decay of this range.</param>
    /// <param name="step">The step's hyper-parameters and bias corrections.</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="weights"/>'s.</exception>
    public static void Adam(
        Span<float> weights, ReadOnlySpan<float> gradients, Span<float> firstMoments, Span<float> secondMoments, Span<float> maxSecondMoments,
        Penalty penalty, AdamStep step)
    {
        if (maxSecondMoments.IsEmpty)
        {
            Sweep(weights, gradients, firstMoments, secondMoments, default, penalty, new AdamRule(step), new(nameof(firstMoments), nameof(secondMoments)));
        }
        else
        {
            Sweep(weights, gradients, firstMoments, secondMoments, maxSecondMoments, penalty, new AmsgradRule(step), new(nameof(firstMoments), nameof(secondMoments), nameof(maxSecondMoments)));
        }
    }

    /// <summary>
    /// One vector of an update rule: the new weights and states from the decayed weights, the penalised gradient and the
    /// states. Values in and out, never by reference, so that the JIT keeps them in registers once the rule is inlined;
    /// the rule's scalars are broadcast where they are used, and the JIT hoists the broadcasts out of the sweep's loop.
    /// </summary>
    private interface IRule
    {
        /// <summary>How many of the three state buffers the rule uses (the first ones).</summary>
        static abstract int States { get; }

        Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct;
    }

    /// <summary>The weights and up to three states of one vector of parameters.</summary>
    private struct Lanes<TVector>
        where TVector : struct
    {
        public TVector W;
        public TVector S0;
        public TVector S1;
        public TVector S2;
    }

    // Ranges of fewer floats than this (a few microseconds of Adam on one core) are swept by the calling thread alone.
    private const int ParallelLength = 1 << 15;

    /// <summary>The public names of a rule's state buffers, for the exceptions.</summary>
    private readonly record struct StateNames(string? First = null, string? Second = null, string? Third = null);

    private static void Sweep<TRule>(
        Span<float> weights, ReadOnlySpan<float> gradients, Span<float> state0, Span<float> state1, Span<float> state2, Penalty penalty, TRule rule,
        StateNames names)
        where TRule : unmanaged, IRule
    {
        int length = weights.Length;
        CheckLength(gradients.Length, length, nameof(gradients));
        if (TRule.States > 0)
        {
            CheckLength(state0.Length, length, names.First!);
        }

        if (TRule.States > 1)
        {
            CheckLength(state1.Length, length, names.Second!);
        }

        if (TRule.States > 2)
        {
            CheckLength(state2.Length, length, names.Third!);
        }

        // Without penalties the terms are exact no-ops (g + 0, w·1): a loop without them, chosen once, not per vector.
        if (penalty != Penalty.None)
        {
            Sweep<TRule, Penalized>(weights, gradients, state0, state1, state2, penalty, rule);
        }
        else
        {
            Sweep<TRule, Unpenalized>(weights, gradients, state0, state1, state2, penalty, rule);
        }
    }

    private static unsafe void Sweep<TRule, TPenalty>(
        Span<float> weights, ReadOnlySpan<float> gradients, Span<float> state0, Span<float> state1, Span<float> state2, Penalty penalty, TRule rule)
        where TRule : unmanaged, IRule
        where TPenalty : struct, IPenaltyMode
    {
        int length = weights.Length;

        // Pinned until both halves are done (TrySplit returns only then). An unused state is empty: its pointer is never read.
        fixed (float* w = weights, g = gradients, s0 = state0, s1 = state1, s2 = state2)
        {
            if (length >= ParallelLength && Parallelism.MaxThreads > 1)
            {
                // Halves on a 16-float (64-byte) boundary, so that no cache line is written by both cores.
                int split = length / 2 / 16 * 16;
                var job = new SweepJob<TRule>(w, g, s0, s1, s2, penalty, rule);
                if (HelperThread.TrySplit(&RangeOf<TRule, TPenalty>, &job, 0, split, length))
                {
                    return;
                }
            }

            Range<TRule, TPenalty>(w, g, s0, s1, s2, 0, length, penalty, rule);
        }
    }

    // The operands of a split sweep, as pointers pinned by the caller (see HelperThread).
    private readonly unsafe struct SweepJob<TRule>(float* w, float* g, float* s0, float* s1, float* s2, Penalty penalty, TRule rule)
        where TRule : unmanaged, IRule
    {
        public readonly float* W = w;
        public readonly float* G = g;
        public readonly float* S0 = s0;
        public readonly float* S1 = s1;
        public readonly float* S2 = s2;
        public readonly Penalty Penalty = penalty;
        public readonly TRule Rule = rule;
    }

    private static unsafe void RangeOf<TRule, TPenalty>(void* state, int from, int to)
        where TRule : unmanaged, IRule
        where TPenalty : struct, IPenaltyMode
    {
        var job = (SweepJob<TRule>*)state;
        Range<TRule, TPenalty>(job->W, job->G, job->S0, job->S1, job->S2, from, to, job->Penalty, job->Rule);
    }

    // Elements [from, to): whole vectors at the widest accelerated width, then narrower, then the zero-padded tail.
    private static unsafe void Range<TRule, TPenalty>(float* w, float* g, float* s0, float* s1, float* s2, int from, int to, Penalty penalty, TRule rule)
        where TRule : unmanaged, IRule
        where TPenalty : struct, IPenaltyMode
    {
        int i = from;
        if (Width512.IsAccelerated)
        {
            i = Vectors<TRule, TPenalty, Width512, Vector512<float>>(w, g, s0, s1, s2, i, to, penalty, rule);
        }

        if (Width256.IsAccelerated)
        {
            i = Vectors<TRule, TPenalty, Width256, Vector256<float>>(w, g, s0, s1, s2, i, to, penalty, rule);
        }

        // 128-bit vectors whether accelerated or not: without SIMD the runtime computes their lanes one by one, the same.
        i = Vectors<TRule, TPenalty, Width128, Vector128<float>>(w, g, s0, s1, s2, i, to, penalty, rule);
        if (i < to)
        {
            Tail<TRule, TPenalty>(w, g, s0, s1, s2, i, to, penalty, rule);
        }
    }

    // The fewer than 4 elements [from, to) in zero-padded 128-bit vectors: the same arithmetic lane by lane, written back
    // for the live lanes only.
    private static unsafe void Tail<TRule, TPenalty>(float* w, float* g, float* s0, float* s1, float* s2, int from, int to, Penalty penalty, TRule rule)
        where TRule : unmanaged, IRule
        where TPenalty : struct, IPenaltyMode
    {
        const int Lanes = 4;
        int count = to - from;
        float* padded = stackalloc float[5 * Lanes];
        new Span<float>(padded, 5 * Lanes).Clear();
        Copy(w + from, padded, count);
        Copy(g + from, padded + Lanes, count);
        if (TRule.States > 0)
        {
            Copy(s0 + from, padded + (2 * Lanes), count);
        }

        if (TRule.States > 1)
        {
            Copy(s1 + from, padded + (3 * Lanes), count);
        }

        if (TRule.States > 2)
        {
            Copy(s2 + from, padded + (4 * Lanes), count);
        }

        Vectors<TRule, TPenalty, Width128, Vector128<float>>(
            padded, padded + Lanes, padded + (2 * Lanes), padded + (3 * Lanes), padded + (4 * Lanes), 0, Lanes, penalty, rule);
        Copy(padded, w + from, count);
        if (TRule.States > 0)
        {
            Copy(padded + (2 * Lanes), s0 + from, count);
        }

        if (TRule.States > 1)
        {
            Copy(padded + (3 * Lanes), s1 + from, count);
        }

        if (TRule.States > 2)
        {
            Copy(padded + (4 * Lanes), s2 + from, count);
        }
    }

    private static unsafe void Copy(float* source, float* destination, int count) =>
        new ReadOnlySpan<float>(source, count).CopyTo(new Span<float>(destination, count));

    // Whole vectors of TWidth from `from` while they fit before `to`; returns the first element not done.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int Vectors<TRule, TPenalty, TWidth, TVector>(
        float* w, float* g, float* s0, float* s1, float* s2, int from, int to, Penalty penalty, TRule rule)
        where TRule : unmanaged, IRule
        where TPenalty : struct, IPenaltyMode
        where TWidth : struct, IVectorWidth<TVector>
        where TVector : struct
    {
        TVector l1 = TWidth.Broadcast(penalty.L1);
        TVector l2 = TWidth.Broadcast(penalty.L2);
        TVector decayFactor = TWidth.Broadcast(penalty.DecayFactor);
        int i = from;
        for (; i <= to - TWidth.Count; i += TWidth.Count)
        {
            TVector w0 = TWidth.Load(ref *w, i);
            TVector gi = TWidth.Load(ref *g, i);
            if (TPenalty.Applies)
            {
                // g + l1·sign(w) + l2·w: the penalty gradients, then decoupled decay w·decayFactor.
                gi = TWidth.Add(TWidth.Add(gi, TWidth.Multiply(l1, TWidth.Sign(w0))), TWidth.Multiply(l2, w0));
                w0 = TWidth.Multiply(w0, decayFactor);
            }

            Lanes<TVector> state = default;
            if (TRule.States > 0)
            {
                state.S0 = TWidth.Load(ref *s0, i);
            }

            if (TRule.States > 1)
            {
                state.S1 = TWidth.Load(ref *s1, i);
            }

            if (TRule.States > 2)
            {
                state.S2 = TWidth.Load(ref *s2, i);
            }

            Lanes<TVector> next = rule.Update<TWidth, TVector>(w0, gi, state);
            TWidth.Store(next.W, ref *w, i);
            if (TRule.States > 0)
            {
                TWidth.Store(next.S0, ref *s0, i);
            }

            if (TRule.States > 1)
            {
                TWidth.Store(next.S1, ref *s1, i);
            }

            if (TRule.States > 2)
            {
                TWidth.Store(next.S2, ref *s2, i);
            }
        }

        return i;
    }

    /// <summary>Whether a sweep adds the penalty terms: a type argument, so each loop is compiled without the test.</summary>
    private interface IPenaltyMode
    {
        static abstract bool Applies { get; }
    }

    private readonly struct Penalized : IPenaltyMode
    {
        public static bool Applies => true;
    }

    private readonly struct Unpenalized : IPenaltyMode
    {
        public static bool Applies => false;
    }

    private static void CheckLength(int actual, int expected, string parameterName) =>
        NetworkArguments.CheckLength(actual, expected, parameterName, "this range of weights");

    private readonly struct SgdRule(float learningRate) : IRule
    {
        public static int States => 0;

        // w - lr·g
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            state.W = TWidth.Subtract(w, TWidth.Multiply(TWidth.Broadcast(learningRate), g));
            return state;
        }
    }

    private readonly struct MomentumRule(float learningRate, float momentum, bool nesterov) : IRule
    {
        public static int States => 1;

        // v ← μ·v + g; w - lr·(g + μ·v) (Nesterov) or w - lr·v
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            TVector mu = TWidth.Broadcast(momentum), lr = TWidth.Broadcast(learningRate);
            TVector velocity = TWidth.Add(TWidth.Multiply(mu, state.S0), g);
            state.S0 = velocity;
            state.W = nesterov
                ? TWidth.Subtract(w, TWidth.Multiply(lr, TWidth.Add(g, TWidth.Multiply(mu, velocity))))
                : TWidth.Subtract(w, TWidth.Multiply(lr, velocity));
            return state;
        }
    }

    private readonly struct AdaGradRule(float learningRate, float epsilon) : IRule
    {
        public static int States => 1;

        // s ← s + g²; w - lr·g / (√s + ε)
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            TVector squareSums = TWidth.Add(state.S0, TWidth.Multiply(g, g));
            state.S0 = squareSums;
            TVector denominator = TWidth.Add(TWidth.SquareRoot(squareSums), TWidth.Broadcast(epsilon));
            state.W = TWidth.Subtract(w, TWidth.Divide(TWidth.Multiply(TWidth.Broadcast(learningRate), g), denominator));
            return state;
        }
    }

    // States: S0 the squared-gradient average, S1 the momentum buffer, S2 the gradient average (centered only).
    private readonly struct RMSPropRule(float learningRate, float alpha, float epsilon, float momentum) : IRule
    {
        public static int States => 2;

        // s ← α·s + (1-α)·g²; d = √s + ε
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            TVector squareAverages = TWidth.Add(
                TWidth.Multiply(TWidth.Broadcast(alpha), state.S0), TWidth.Multiply(TWidth.Multiply(TWidth.Broadcast(1f - alpha), g), g));
            state.S0 = squareAverages;
            TVector d = TWidth.Add(TWidth.SquareRoot(squareAverages), TWidth.Broadcast(epsilon));
            return Finish<TWidth, TVector>(w, g, d, state, learningRate, momentum);
        }

        // b ← μ·b + g/d, w - lr·b (momentum > 0); else w - lr·g/d
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes<TVector> Finish<TWidth, TVector>(TVector w, TVector g, TVector d, Lanes<TVector> state, float learningRate, float momentum)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            TVector lr = TWidth.Broadcast(learningRate);
            if (momentum > 0f)
            {
                TVector velocity = TWidth.Add(TWidth.Multiply(TWidth.Broadcast(momentum), state.S1), TWidth.Divide(g, d));
                state.S1 = velocity;
                state.W = TWidth.Subtract(w, TWidth.Multiply(lr, velocity));
            }
            else
            {
                state.W = TWidth.Subtract(w, TWidth.Divide(TWidth.Multiply(lr, g), d));
            }

            return state;
        }
    }

    private readonly struct CenteredRMSPropRule(float learningRate, float alpha, float epsilon, float momentum) : IRule
    {
        public static int States => 3;

        // s ← α·s + (1-α)·g²; m ← α·m + (1-α)·g; d = √(s - m²) + ε
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            TVector a = TWidth.Broadcast(alpha), oneMinusAlpha = TWidth.Broadcast(1f - alpha);
            TVector squareAverages = TWidth.Add(TWidth.Multiply(a, state.S0), TWidth.Multiply(TWidth.Multiply(oneMinusAlpha, g), g));
            TVector gradientAverages = TWidth.Add(TWidth.Multiply(a, state.S2), TWidth.Multiply(oneMinusAlpha, g));
            state.S0 = squareAverages;
            state.S2 = gradientAverages;
            TVector variance = TWidth.Subtract(squareAverages, TWidth.Multiply(gradientAverages, gradientAverages));
            TVector d = TWidth.Add(TWidth.SquareRoot(variance), TWidth.Broadcast(epsilon));
            return RMSPropRule.Finish<TWidth, TVector>(w, g, d, state, learningRate, momentum);
        }
    }

    // States: S0 the first moment m, S1 the second moment v, S2 the running maximum of v (AMSGrad only). The step's
    // scalars are computed once per sweep, here.
    private readonly struct AdamRule(AdamStep step) : IRule
    {
        private readonly float _beta1 = step.Beta1, _oneMinusBeta1 = 1f - step.Beta1;
        private readonly float _beta2 = step.Beta2, _oneMinusBeta2 = 1f - step.Beta2;
        private readonly float _stepSize = step.StepSize, _inverseBiasCorrection2Sqrt = 1f / step.BiasCorrection2Sqrt;
        private readonly float _epsilon = step.Epsilon;

        public static int States => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            state.S0 = FirstMoment<TWidth, TVector>(state.S0, g);
            state.S1 = SecondMoment<TWidth, TVector>(state.S1, g);
            state.W = Step<TWidth, TVector>(w, state.S0, state.S1);
            return state;
        }

        /// <summary>m ← β1·m + (1-β1)·g.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector FirstMoment<TWidth, TVector>(TVector m, TVector g)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct =>
            TWidth.Add(TWidth.Multiply(TWidth.Broadcast(_beta1), m), TWidth.Multiply(TWidth.Broadcast(_oneMinusBeta1), g));

        /// <summary>v ← β2·v + (1-β2)·g².</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector SecondMoment<TWidth, TVector>(TVector v, TVector g)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct =>
            TWidth.Add(TWidth.Multiply(TWidth.Broadcast(_beta2), v), TWidth.Multiply(TWidth.Multiply(TWidth.Broadcast(_oneMinusBeta2), g), g));

        /// <summary>w - (lr / (1-β1^t))·m / (√v · (1/√(1-β2^t)) + ε), with v the second moment the rule divides by.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public TVector Step<TWidth, TVector>(TVector w, TVector m, TVector v)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            TVector denominator = TWidth.Add(TWidth.Multiply(TWidth.SquareRoot(v), TWidth.Broadcast(_inverseBiasCorrection2Sqrt)), TWidth.Broadcast(_epsilon));
            return TWidth.Subtract(w, TWidth.Divide(TWidth.Multiply(TWidth.Broadcast(_stepSize), m), denominator));
        }
    }

    // Adam's moments and step, with the running maximum of v in the denominator.
    private readonly struct AmsgradRule(AdamStep step) : IRule
    {
        private readonly AdamRule _adam = new(step);

        public static int States => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes<TVector> Update<TWidth, TVector>(TVector w, TVector g, Lanes<TVector> state)
            where TWidth : struct, IVectorWidth<TVector>
            where TVector : struct
        {
            state.S0 = _adam.FirstMoment<TWidth, TVector>(state.S0, g);
            state.S1 = _adam.SecondMoment<TWidth, TVector>(state.S1, g);
            state.S2 = TWidth.Max(state.S2, state.S1);
            state.W = _adam.Step<TWidth, TVector>(w, state.S0, state.S2);
            return state;
        }
    }
}
