using System;
using System.Numerics;

namespace StaticNet;

/// <summary>
/// Element-wise activation functions and their derivatives, with PyTorch's definitions including the value chosen at
/// each kink, for the generated Forward and Backward of the <see cref="Activation"/> values beyond ReLU, Sigmoid, Tanh
/// and Softmax.
/// <para>
/// Forward methods write <c>a[i] = f(z[i])</c>; <c>z</c> and <c>a</c> have the same length <c>n</c> (for a Dense layer
/// <c>batchSize x units</c>, row-major; the layout does not matter as every element is independent) and may be the same
/// memory (in-place), but must not overlap otherwise. Backward methods multiply in place,
/// <c>gradients[i] *= f'(z[i])</c>, with <c>z</c> the pre-activation that was passed to the forward method, turning
/// ∂L/∂a into ∂L/∂z.
/// </para>
/// <para>
/// Every method returns finite values for finite inputs, from subnormals to <see cref="float.MaxValue"/>: each
/// exponential is either bounded or overflows only into a quotient that tends to 0. The piecewise-linear and rational
/// functions are vectorised with <see cref="Vector{T}"/>; the ones built on exp, erf or log are scalar and evaluated in
/// double, which keeps them within a few float ulps where float arithmetic would cancel (e^z - 1 near 0, 1 + tanh for
/// large negative z). Allocation-free and thread-safe.
/// </para>
/// </summary>
public static partial class ActivationFunctions
{
    private const double InverseSqrt2 = 0.70710678118654752440;      // 1/√2
    private const double InverseSqrt2Pi = 0.39894228040143267794;    // 1/√(2π), the standard normal density at 0
    private const double GeluTanhScale = 0.79788456080286535588;     // √(2/π)
    private const double GeluTanhCubic = 0.044715;

    // PyTorch's Softplus(beta=1, threshold=20): above the threshold the function is the identity.
    private const float SoftplusThreshold = 20f;

    // ---- LeakyReLU ----

    /// <summary>
    /// Leaky ReLU (Maas, Hannun &amp; Ng 2013): <c>f(z) = z</c> for z &gt; 0, <c>negativeSlope·z</c> otherwise.
    /// PyTorch <c>torch.nn.LeakyReLU(negative_slope)</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <param name="negativeSlope">Slope for z ≤ 0, e.g. 0.01 (PyTorch's default).</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void LeakyReLU(ReadOnlySpan<float> z, Span<float> a, float negativeSlope)
    {
        CheckSpans(z, a, nameof(a));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slope = new Vector<float>(negativeSlope);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, v * slope).CopyTo(a[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            float v = z[i];
            a[i] = v > 0f ? v : v * negativeSlope;
        }
    }

    /// <summary>
    /// Derivative of <see cref="LeakyReLU"/>: <c>gradients[i] *= f'(z[i])</c>, <c>f'(z) = 1</c> for z &gt; 0 and
    /// <c>negativeSlope</c> otherwise, so <c>f'(0) = negativeSlope</c> (PyTorch <c>leaky_relu_backward</c> tests z &gt; 0).
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <param name="negativeSlope">The slope used in the forward pass.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void LeakyReLUBackward(ReadOnlySpan<float> z, Span<float> gradients, float negativeSlope)
    {
        CheckSpans(z, gradients, nameof(gradients));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slope = new Vector<float>(negativeSlope);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                var g = new Vector<float>(gradients[i..]);
                (g * Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), Vector<float>.One, slope)).CopyTo(gradients[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            gradients[i] *= z[i] > 0f ? 1f : negativeSlope;
        }
    }

    // ---- ELU ----

    /// <summary>
    /// Exponential linear unit (Clevert, Unterthiner &amp; Hochreiter 2016): <c>f(z) = z</c> for z &gt; 0,
    /// <c>α·(e^z - 1)</c> otherwise, with e^z - 1 computed without cancellation near 0. PyTorch <c>torch.nn.ELU(alpha)</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <param name="alpha">Saturation value for z → -∞ is <c>-alpha</c>; PyTorch's default is 1.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void ELU(ReadOnlySpan<float> z, Span<float> a, float alpha)
    {
        CheckSpans(z, a, nameof(a));
        for (int i = 0; i < z.Length; i++)
        {
            float v = z[i];
            a[i] = v > 0f ? v : (float)(alpha * ExpM1(v));
        }
    }

    /// <summary>
    /// Derivative of <see cref="ELU"/>: <c>gradients[i] *= f'(z[i])</c>, <c>f'(z) = 1</c> for z &gt; 0 and <c>α·e^z</c>
    /// otherwise, so <c>f'(0) = α</c> (PyTorch <c>elu_backward</c> tests z ≤ 0).
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <param name="alpha">The α used in the forward pass.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void ELUBackward(ReadOnlySpan<float> z, Span<float> gradients, float alpha)
    {
        CheckSpans(z, gradients, nameof(gradients));
        for (int i = 0; i < z.Length; i++)
        {
            float v = z[i];
            if (v <= 0f)
            {
                gradients[i] *= (float)(alpha * Math.Exp(v)); // v <= 0: no overflow
            }
        }
    }

    // ---- GELU (exact) ----

    /// <summary>
    /// Gaussian error linear unit, exact form (Hendrycks &amp; Gimpel 2016): <c>f(z) = z·Φ(z) = z/2·(1 + erf(z/√2))</c>,
    /// Φ the standard normal CDF, evaluated as <c>z/2·erfc(-z/√2)</c> so that the left tail keeps its relative accuracy
    /// (see <see cref="Erfc"/>). PyTorch <c>torch.nn.GELU(approximate="none")</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void GELU(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        for (int i = 0; i < z.Length; i++)
        {
            double v = z[i];
            a[i] = (float)(v * NormalCdf(v));
        }
    }

    /// <summary>
    /// Derivative of <see cref="GELU"/>: <c>gradients[i] *= f'(z[i])</c>, <c>f'(z) = Φ(z) + z·φ(z)</c>,
    /// <c>φ(z) = e^(-z²/2)/√(2π)</c> (PyTorch <c>gelu_backward</c> with <c>approximate="none"</c>).
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void GELUBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        for (int i = 0; i < z.Length; i++)
        {
            double v = z[i];
            double density = Math.Exp(-0.5 * v * v) * InverseSqrt2Pi; // exponent <= 0; v*v is finite in double
            gradients[i] *= (float)(NormalCdf(v) + v * density);
        }
    }

    // ---- GELU (tanh approximation) ----

    /// <summary>
    /// GELU, tanh approximation (Hendrycks &amp; Gimpel 2016):
    /// <c>f(z) = z/2·(1 + tanh(u))</c>, <c>u = √(2/π)·(z + 0.044715·z³)</c>, evaluated as the equal <c>z·σ(2u)</c>,
    /// which does not cancel for large negative z. PyTorch <c>torch.nn.GELU(approximate="tanh")</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void GELUTanh(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        for (int i = 0; i < z.Length; i++)
        {
            double v = z[i];
            a[i] = (float)(v * Sigmoid(2.0 * GeluTanhArgument(v)));
        }
    }

    /// <summary>
    /// Derivative of <see cref="GELUTanh"/>: <c>gradients[i] *= f'(z[i])</c>,
    /// <c>f'(z) = ½(1 + tanh u) + ½z·(1 - tanh²u)·√(2/π)·(1 + 3·0.044715·z²)</c> (PyTorch <c>gelu_backward</c> with
    /// <c>approximate="tanh"</c>), evaluated as <c>s + 2z·u'·s·(1 - s)</c> with <c>s = σ(2u)</c>.
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void GELUTanhBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        for (int i = 0; i < z.Length; i++)
        {
            double v = z[i];
            double u = GeluTanhArgument(v);
            double s = Sigmoid(2.0 * u);
            double complement = Sigmoid(-2.0 * u); // 1 - s without cancellation
            double du = GeluTanhScale * (1.0 + 3.0 * GeluTanhCubic * v * v);
            // |v * du| < 1e116 for any float v, so the product with complement = 0 is 0, never ∞·0.
            gradients[i] *= (float)(s + 2.0 * v * du * s * complement);
        }
    }

    // ---- SiLU ----

    /// <summary>
    /// Sigmoid linear unit, Swish with β = 1 (Elfwing, Uchibe &amp; Doya 2018; Ramachandran, Zoph &amp; Le 2017):
    /// <c>f(z) = z·σ(z)</c>, <c>σ(z) = 1/(1 + e^-z)</c>. PyTorch <c>torch.nn.SiLU</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void SiLU(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        for (int i = 0; i < z.Length; i++)
        {
            double v = z[i];
            a[i] = (float)(v * Sigmoid(v));
        }
    }

    /// <summary>
    /// Derivative of <see cref="SiLU"/>: <c>gradients[i] *= f'(z[i])</c>, <c>f'(z) = σ(z)·(1 + z·(1 - σ(z)))</c>
    /// (PyTorch <c>silu_backward</c>), with 1 - σ(z) evaluated as σ(-z).
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void SiLUBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        for (int i = 0; i < z.Length; i++)
        {
            double v = z[i];
            gradients[i] *= (float)(Sigmoid(v) * (1.0 + v * Sigmoid(-v)));
        }
    }

    // ---- Softplus ----

    /// <summary>
    /// Softplus (Dugas et al. 2001): <c>f(z) = log(1 + e^z)</c> for z ≤ 20 and <c>z</c> above, evaluated as
    /// <c>log1p(e^z)</c>, so it is positive and accurate down to the underflow of e^z. PyTorch
    /// <c>torch.nn.Softplus(beta=1, threshold=20)</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void Softplus(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        for (int i = 0; i < z.Length; i++)
        {
            float v = z[i];
            a[i] = v > SoftplusThreshold ? v : (float)Log1P(Math.Exp(v)); // v <= 20: e^v <= 4.9e8
        }
    }

    /// <summary>
    /// Derivative of <see cref="Softplus"/>: <c>gradients[i] *= f'(z[i])</c>, <c>f'(z) = σ(z)</c> for z ≤ 20 and 1 above
    /// (PyTorch <c>softplus_backward</c> with beta=1, threshold=20).
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void SoftplusBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        for (int i = 0; i < z.Length; i++)
        {
            float v = z[i];
            if (!(v > SoftplusThreshold))
            {
                gradients[i] *= (float)Sigmoid(v);
            }
        }
    }

    // ---- Softsign ----

    /// <summary>
    /// Softsign (Turian, Bergstra &amp; Bengio 2009; studied by Glorot &amp; Bengio 2010): <c>f(z) = z/(1 + |z|)</c>.
    /// PyTorch <c>torch.nn.Softsign</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void Softsign(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                (v / (Vector<float>.One + Vector.Abs(v))).CopyTo(a[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            float v = z[i];
            a[i] = v / (1f + Math.Abs(v));
        }
    }

    /// <summary>
    /// Derivative of <see cref="Softsign"/>: <c>gradients[i] *= f'(z[i])</c>, <c>f'(z) = 1/(1 + |z|)²</c>, computed as
    /// one division by <c>(1 + |z|)²</c> (which overflows to ∞ for |z| &gt; 1.8e19, giving the correct limit 0).
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void SoftsignBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var d = Vector<float>.One + Vector.Abs(new Vector<float>(z[i..]));
                (new Vector<float>(gradients[i..]) / (d * d)).CopyTo(gradients[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            float d = 1f + Math.Abs(z[i]);
            gradients[i] /= d * d;
        }
    }

    // ---- HardSigmoid ----

    /// <summary>
    /// Hard sigmoid (Howard et al. 2019, MobileNetV3): <c>f(z) = 0</c> for z ≤ -3, <c>1</c> for z ≥ 3, <c>z/6 + ½</c>
    /// between, computed as PyTorch does, <c>min(max(z + 3, 0), 6) / 6</c>. PyTorch <c>torch.nn.Hardsigmoid</c>.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void HardSigmoid(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var three = new Vector<float>(3f);
            var six = new Vector<float>(6f);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                (Vector.Min(Vector.Max(v + three, Vector<float>.Zero), six) / six).CopyTo(a[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            a[i] = ClampZeroSix(z[i] + 3f) / 6f;
        }
    }

    /// <summary>
    /// Derivative of <see cref="HardSigmoid"/>: <c>f'(z) = 1/6</c> for -3 &lt; z &lt; 3 and 0 otherwise, so 0 at both kinks
    /// (PyTorch <c>hardsigmoid_backward</c>); where f' is 0 the gradient is set to exactly 0, as PyTorch does.
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void HardSigmoidBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        const float oneSixth = 1f / 6f;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var three = new Vector<float>(3f);
            var minusThree = new Vector<float>(-3f);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                var g = new Vector<float>(gradients[i..]);
                var inside = Vector.GreaterThan(v, minusThree) & Vector.LessThan(v, three);
                Vector.ConditionalSelect(inside, g * oneSixth, Vector<float>.Zero).CopyTo(gradients[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            float v = z[i];
            gradients[i] = v > -3f && v < 3f ? gradients[i] * oneSixth : 0f;
        }
    }

    // ---- HardSwish ----

    /// <summary>
    /// Hard swish (Howard et al. 2019, MobileNetV3): <c>f(z) = 0</c> for z ≤ -3, <c>z</c> for z ≥ 3, <c>z·(z + 3)/6</c>
    /// between. PyTorch <c>torch.nn.Hardswish</c>, computed as PyTorch does, <c>z·min(max(z + 3, 0), 6)/6</c>, below 3
    /// (so -0 for z ≤ -3, as in PyTorch); from 3 on it returns z itself, where PyTorch's <c>z·6/6</c> may round or
    /// overflow.
    /// </summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void HardSwish(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var three = new Vector<float>(3f);
            var six = new Vector<float>(6f);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                var ramp = v * Vector.Min(Vector.Max(v + three, Vector<float>.Zero), six) / six;
                Vector.ConditionalSelect(Vector.GreaterThanOrEqual(v, three), v, ramp).CopyTo(a[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            float v = z[i];
            a[i] = v >= 3f ? v : v * ClampZeroSix(v + 3f) / 6f;
        }
    }

    /// <summary>
    /// Derivative of <see cref="HardSwish"/>, with PyTorch's one-sided choices at the kinks (<c>hardswish_backward</c> since
    /// pytorch/pytorch#148049, libtorch 2.7+): <c>f'(z) = 0</c> for z ≤ -3, <c>z/3 + ½</c> for -3 &lt; z &lt; 3, and 1 for z ≥ 3
    /// (so f'(-3) = 0 and f'(3) = 1, the limits from outside).
    /// The middle piece is computed as the equal <c>(z + 1.5)/3</c>, which does not cancel near its zero at -1.5. Where f'
    /// is 0 the gradient is set to exactly 0, as PyTorch does.
    /// </summary>
    /// <param name="z">Pre-activations given to the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void HardSwishBackward(ReadOnlySpan<float> z, Span<float> gradients)
    {
        CheckSpans(z, gradients, nameof(gradients));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var three = new Vector<float>(3f);
            var minusThree = new Vector<float>(-3f);
            var oneAndHalf = new Vector<float>(1.5f);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                var g = new Vector<float>(gradients[i..]);
                var ramp = Vector.ConditionalSelect(Vector.LessThan(v, three), g * ((v + oneAndHalf) / three), g);
                Vector.ConditionalSelect(Vector.LessThanOrEqual(v, minusThree), Vector<float>.Zero, ramp).CopyTo(gradients[i..]);
            }
        }

        for (; i < z.Length; i++)
        {
            float v = z[i];
            if (v <= -3f)
            {
                gradients[i] = 0f;
            }
            else if (v < 3f)
            {
                gradients[i] *= (v + 1.5f) / 3f; // = z/3 + 1/2; z + 1.5 is exact near the zero at -1.5, where z/3 + 0.5 cancels
            }
        }
    }

    // ---- helpers ----

    private static void CheckSpans(ReadOnlySpan<float> z, ReadOnlySpan<float> other, string otherName)
    {
        if (other.Length != z.Length)
        {
            throw new ArgumentException($"Expected {z.Length} elements (the length of z), but {otherName} has {other.Length}.", otherName);
        }

        // Same memory is fine (each element is read before it is written); a shifted overlap would read overwritten values.
        if (z.Overlaps(other, out int offset) && offset != 0)
        {
            throw new ArgumentException($"{otherName} overlaps z at an offset of {offset} elements; it must be the same memory as z or disjoint from it.", otherName);
        }
    }

    private static float ClampZeroSix(float x) => x < 0f ? 0f : (x > 6f ? 6f : x);

    // Φ(z) = erfc(-z/√2)/2: accurate in the left tail, where 1 + erf(z/√2) would cancel.
    private static double NormalCdf(double z) => 0.5 * Erfc(-z * InverseSqrt2);

    private static double GeluTanhArgument(double z) => GeluTanhScale * (z + GeluTanhCubic * z * z * z);

    // Logistic sigmoid that never evaluates exp of a positive number, so it cannot overflow.
    private static double Sigmoid(double x)
    {
        if (x >= 0.0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        double e = Math.Exp(x);
        return e / (1.0 + e);
    }

    // e^x - 1 for x <= 0 with relative accuracy near 0 (Kahan's trick: the rounding error of u = e^x cancels in
    // (u - 1)/log(u)); .NET's double.ExpM1 is exp(x) - 1, which loses all digits for |x| < 1e-16.
    private static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    // log(1 + x) for x >= 0 with relative accuracy for tiny x (Goldberg 1991, theorem 4); double.LogP1 is log(1 + x).
    private static double Log1P(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }
}
