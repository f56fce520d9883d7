using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StaticNet.Kernels;

/// <summary>
/// Optimizer steps as one vectorised sweep over a range of parameters, their gradients and the optimizer's state
/// buffers (each read and written once), with the <see cref="Penalty"/> folded in. Every rule is written once over
/// <see cref="Vector{T}"/>; the elements past the last whole vector go through the same code in a zero-padded
/// vector, so the tail gives exactly what a scalar loop would (every operation is correctly rounded per lane).
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
        Sweep(weights, gradients, default, default, default, penalty, new SgdRule(learningRate));

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
        Sweep(weights, gradients, velocity, default, default, penalty, new MomentumRule(learningRate, momentum, nesterov));

    /// <summary>AdaGrad (Duchi et al. 2011; PyTorch <c>Adagrad</c>): <c>s ← s + g²; w ← w - lr·g / (√s + ε)</c>.</summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="squareSums">The sum of squared gradients s, same length.</param>
    /// <param name="penalty">L1/L2/decoupled decay of this range.</param>
    /// <param name="learningRate">lr, per step.</param>
    /// <param name="epsilon">ε, added to the denominator.</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="weights"/>'s.</exception>
    public static void AdaGrad(Span<float> weights, ReadOnlySpan<float> gradients, Span<float> squareSums, Penalty penalty, float learningRate, float epsilon) =>
        Sweep(weights, gradients, squareSums, default, default, penalty, new AdaGradRule(learningRate, epsilon));

    /// <summary>
    /// RMSProp (Hinton 2012; centered: Graves 2013; PyTorch <c>RMSprop</c>): <c>s ← α·s + (1-α)·g²</c>; centered also
    /// <c>m ← α·m + (1-α)·g</c> and <c>d = √(s - m²) + ε</c>, else <c>d = √s + ε</c>; with momentum &gt; 0
    /// <c>b ← μ·b + g/d, w ← w - lr·b</c>, else <c>w ← w - lr·g/d</c>.
    /// </summary>
    /// <param name="weights">The parameters, updated in place.</param>
    /// <param name="gradients">∂L/∂w, same length.</param>
    /// <param name="squareAverages">The running average of squared gradients s, same length.</param>
    /// <param name="gradientAverages">The running average of gradients m for the centered variant, same length; empty otherwise.</param>
    /// <param name="velocity">The momentum buffer b, same length (untouched while momentum is 0).</param>
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
            Sweep(weights, gradients, squareAverages, velocity, default, penalty, new RMSPropRule(learningRate, alpha, epsilon, momentum));
        }
        else
        {
            Sweep(weights, gradients, squareAverages, velocity, gradientAverages, penalty, new CenteredRMSPropRule(learningRate, alpha, epsilon, momentum));
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
            Sweep(weights, gradients, firstMoments, secondMoments, default, penalty, new AdamRule(step));
        }
        else
        {
            Sweep(weights, gradients, firstMoments, secondMoments, maxSecondMoments, penalty, new AmsgradRule(step));
        }
    }

    /// <summary>
    /// One vector of an update rule: the new weights and states from the decayed weights, the penalised gradient and the
    /// states. Values in and out, never by reference, so that the JIT keeps them in registers once the rule is inlined.
    /// </summary>
    private interface IRule
    {
        /// <summary>How many of the three state buffers the rule uses (the first ones).</summary>
        static abstract int States { get; }

        Lanes Update(Vector<float> w, Vector<float> g, Lanes state);
    }

    /// <summary>The weights and up to three states of one vector of parameters.</summary>
    private struct Lanes
    {
        public Vector<float> W;
        public Vector<float> S0;
        public Vector<float> S1;
        public Vector<float> S2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep<TRule>(
        Span<float> weights, ReadOnlySpan<float> gradients, Span<float> state0, Span<float> state1, Span<float> state2, Penalty penalty, TRule rule)
        where TRule : struct, IRule
    {
        int length = weights.Length;
        CheckLength(gradients.Length, length, nameof(gradients));
        if (TRule.States > 0)
        {
            CheckLength(state0.Length, length, "state");
        }

        if (TRule.States > 1)
        {
            CheckLength(state1.Length, length, "state");
        }

        if (TRule.States > 2)
        {
            CheckLength(state2.Length, length, "state");
        }

        // Without penalties the terms are exact no-ops (g + 0, w·1): skip them, the sweep is bound by memory and divisions.
        bool penalized = penalty != Penalty.None;
        int whole = length - (length % Vector<float>.Count);
        Vectors(
            ref MemoryMarshal.GetReference(weights), ref MemoryMarshal.GetReference(gradients), ref MemoryMarshal.GetReference(state0),
            ref MemoryMarshal.GetReference(state1), ref MemoryMarshal.GetReference(state2), whole, penalized, penalty, rule);

        if (whole < length)
        {
            // The tail in zero-padded vectors: the same arithmetic lane by lane, written back for the live lanes only.
            int tail = length - whole;
            Span<float> padded = stackalloc float[5 * Vector<float>.Count];
            padded.Clear();
            Span<float> pw = padded[..Vector<float>.Count], pg = padded.Slice(Vector<float>.Count, Vector<float>.Count);
            Span<float> p0 = padded.Slice(2 * Vector<float>.Count, Vector<float>.Count), p1 = padded.Slice(3 * Vector<float>.Count, Vector<float>.Count);
            Span<float> p2 = padded.Slice(4 * Vector<float>.Count, Vector<float>.Count);
            weights[whole..].CopyTo(pw);
            gradients[whole..].CopyTo(pg);
            if (TRule.States > 0)
            {
                state0[whole..].CopyTo(p0);
            }

            if (TRule.States > 1)
            {
                state1[whole..].CopyTo(p1);
            }

            if (TRule.States > 2)
            {
                state2[whole..].CopyTo(p2);
            }

            Vectors(ref pw[0], ref pg[0], ref p0[0], ref p1[0], ref p2[0], Vector<float>.Count, penalized, penalty, rule);
            pw[..tail].CopyTo(weights[whole..]);
            if (TRule.States > 0)
            {
                p0[..tail].CopyTo(state0[whole..]);
            }

            if (TRule.States > 1)
            {
                p1[..tail].CopyTo(state1[whole..]);
            }

            if (TRule.States > 2)
            {
                p2[..tail].CopyTo(state2[whole..]);
            }
        }
    }

    // The update over `count` floats, a whole number of vectors: the arrays' body, then the zero-padded tail.
    private static void Vectors<TRule>(
        ref float w, ref float g, ref float s0, ref float s1, ref float s2, int count, bool penalized, Penalty penalty, TRule rule)
        where TRule : struct, IRule
    {
        // Without penalties the terms are exact no-ops (g + 0, w·1): a loop without them, chosen once, not per vector.
        if (penalized)
        {
            Vectors<TRule, Penalized>(ref w, ref g, ref s0, ref s1, ref s2, count, penalty, rule);
        }
        else
        {
            Vectors<TRule, Unpenalized>(ref w, ref g, ref s0, ref s1, ref s2, count, penalty, rule);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vectors<TRule, TPenalty>(
        ref float w, ref float g, ref float s0, ref float s1, ref float s2, int count, Penalty penalty, TRule rule)
        where TRule : struct, IRule
        where TPenalty : struct, IPenaltyMode
    {
        var l1 = new Vector<float>(penalty.L1);
        var l2 = new Vector<float>(penalty.L2);
        var decayFactor = new Vector<float>(penalty.DecayFactor);
        for (nuint i = 0; i < (nuint)count; i += (nuint)Vector<float>.Count)
        {
            Vector<float> w0 = Vector.LoadUnsafe(ref w, i);
            Vector<float> gi = Vector.LoadUnsafe(ref g, i);
            if (TPenalty.Applies)
            {
                // g + l1·sign(w) + l2·w: the penalty gradients, then decoupled decay w·decayFactor.
                gi = gi + (l1 * Sign(w0)) + (l2 * w0);
                w0 *= decayFactor;
            }

            Lanes state = default;
            if (TRule.States > 0)
            {
                state.S0 = Vector.LoadUnsafe(ref s0, i);
            }

            if (TRule.States > 1)
            {
                state.S1 = Vector.LoadUnsafe(ref s1, i);
            }

            if (TRule.States > 2)
            {
                state.S2 = Vector.LoadUnsafe(ref s2, i);
            }

            Lanes next = rule.Update(w0, gi, state);
            Vector.StoreUnsafe(next.W, ref w, i);
            if (TRule.States > 0)
            {
                Vector.StoreUnsafe(next.S0, ref s0, i);
            }

            if (TRule.States > 1)
            {
                Vector.StoreUnsafe(next.S1, ref s1, i);
            }

            if (TRule.States > 2)
            {
                Vector.StoreUnsafe(next.S2, ref s2, i);
            }
        }
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

    // sign(w) with sign(0) = 0, the L1 subgradient.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Sign(Vector<float> value) =>
        Vector.ConditionalSelect(Vector.GreaterThan(value, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero)
        - Vector.ConditionalSelect(Vector.LessThan(value, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero);

    private static void CheckLength(int actual, int expected, string parameterName) =>
        NetworkArguments.CheckLength(actual, expected, parameterName, "this range of weights");

    private readonly struct SgdRule(float learningRate) : IRule
    {
        public static int States => 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            state.W = w - (learningRate * g);
            return state;
        }
    }

    private readonly struct MomentumRule(float learningRate, float momentum, bool nesterov) : IRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            Vector<float> velocity = (momentum * state.S0) + g;
            state.S0 = velocity;
            state.W = nesterov ? w - (learningRate * (g + (momentum * velocity))) : w - (learningRate * velocity);
            return state;
        }
    }

    private readonly struct AdaGradRule(float learningRate, float epsilon) : IRule
    {
        public static int States => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            Vector<float> squareSums = state.S0 + (g * g);
            state.S0 = squareSums;
            state.W = w - (learningRate * g / (Vector.SquareRoot(squareSums) + new Vector<float>(epsilon)));
            return state;
        }
    }

    // States: S0 the squared-gradient average, S1 the momentum buffer, S2 the gradient average (centered only).
    private readonly struct RMSPropRule(float learningRate, float alpha, float epsilon, float momentum) : IRule
    {
        public static int States => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            Vector<float> squareAverages = (alpha * state.S0) + ((1f - alpha) * g * g);
            state.S0 = squareAverages;
            return Finish(w, g, Vector.SquareRoot(squareAverages) + new Vector<float>(epsilon), state, learningRate, momentum);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes Finish(Vector<float> w, Vector<float> g, Vector<float> d, Lanes state, float learningRate, float momentum)
        {
            if (momentum > 0f)
            {
                Vector<float> velocity = (momentum * state.S1) + (g / d);
                state.S1 = velocity;
                state.W = w - (learningRate * velocity);
            }
            else
            {
                state.W = w - (learningRate * g / d);
            }

            return state;
        }
    }

    private readonly struct CenteredRMSPropRule(float learningRate, float alpha, float epsilon, float momentum) : IRule
    {
        public static int States => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            Vector<float> squareAverages = (alpha * state.S0) + ((1f - alpha) * g * g);
            Vector<float> gradientAverages = (alpha * state.S2) + ((1f - alpha) * g);
            state.S0 = squareAverages;
            state.S2 = gradientAverages;
            Vector<float> d = Vector.SquareRoot(squareAverages - (gradientAverages * gradientAverages)) + new Vector<float>(epsilon);
            return RMSPropRule.Finish(w, g, d, state, learningRate, momentum);
        }
    }

    // States: S0 the first moment m, S1 the second moment v, S2 the running maximum of v (AMSGrad only). The step's
    // scalars are broadcast once per sweep, here, not once per vector.
    private readonly struct AdamRule(AdamStep step) : IRule
    {
        private readonly Vector<float> _beta1 = new(step.Beta1), _oneMinusBeta1 = new(1f - step.Beta1);
        private readonly Vector<float> _beta2 = new(step.Beta2), _oneMinusBeta2 = new(1f - step.Beta2);
        private readonly Vector<float> _stepSize = new(step.StepSize), _inverseBiasCorrection2Sqrt = new(1f / step.BiasCorrection2Sqrt);
        private readonly Vector<float> _epsilon = new(step.Epsilon);

        public static int States => 2;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            state.S0 = FirstMoment(state.S0, g);
            state.S1 = SecondMoment(state.S1, g);
            state.W = Step(w, state.S0, state.S1);
            return state;
        }

        /// <summary>m ← β1·m + (1-β1)·g.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> FirstMoment(Vector<float> m, Vector<float> g) => (_beta1 * m) + (_oneMinusBeta1 * g);

        /// <summary>v ← β2·v + (1-β2)·g².</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> SecondMoment(Vector<float> v, Vector<float> g) => (_beta2 * v) + (_oneMinusBeta2 * g * g);

        /// <summary>w - (lr / (1-β1^t))·m / (√v · (1/√(1-β2^t)) + ε), with v the second moment the rule divides by.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector<float> Step(Vector<float> w, Vector<float> m, Vector<float> v) =>
            w - (_stepSize * m / ((Vector.SquareRoot(v) * _inverseBiasCorrection2Sqrt) + _epsilon));
    }

    // Adam's moments and step, with the running maximum of v in the denominator.
    private readonly struct AmsgradRule(AdamStep step) : IRule
    {
        private readonly AdamRule _adam = new(step);

        public static int States => 3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Lanes Update(Vector<float> w, Vector<float> g, Lanes state)
        {
            state.S0 = _adam.FirstMoment(state.S0, g);
            state.S1 = _adam.SecondMoment(state.S1, g);
            state.S2 = Vector.Max(state.S2, state.S1);
            state.W = _adam.Step(w, state.S0, state.S2);
            return state;
        }
    }
}
