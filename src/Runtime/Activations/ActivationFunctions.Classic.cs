using System;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace StaticNet;

// ReLU, Sigmoid, Tanh and Softmax: their derivatives are computed from the activations a = f(z), so the forward pass
// may run in place and no pre-activation is kept.
public static partial class ActivationFunctions
{
    /// <summary>Rectified linear unit (Nair &amp; Hinton 2010): <c>a = max(0, z)</c>.</summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void ReLU(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        TensorPrimitives.Max(z, 0f, a);
    }

    /// <summary>ReLU's backward pass from its activations: <c>gradients[i] = a[i] &gt; 0 ? gradients[i] : 0</c> (PyTorch's 0 at the kink).</summary>
    /// <param name="a">Activations of the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="a"/> or partially overlaps it.</exception>
    public static void ReLUBackward(ReadOnlySpan<float> a, Span<float> gradients)
    {
        CheckSpans(a, gradients, nameof(gradients));

        // Unchecked vector loads after the length check (slicing per vector cost 1 ns per element: 9 µs for [64, 128]).
        ref float activations = ref MemoryMarshal.GetReference(a);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        nuint length = (nuint)a.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + (nuint)Vector512<float>.Count <= length; i += (nuint)Vector512<float>.Count)
            {
                Vector512<float> av = Vector512.LoadUnsafe(ref activations, i);
                Vector512.ConditionalSelect(Vector512.GreaterThan(av, Vector512<float>.Zero), Vector512.LoadUnsafe(ref g, i), Vector512<float>.Zero)
                    .StoreUnsafe(ref g, i);
            }
        }

        for (; i + (nuint)Vector<float>.Count <= length; i += (nuint)Vector<float>.Count)
        {
            Vector<float> av = Vector.LoadUnsafe(ref activations, i);
            Vector.ConditionalSelect(Vector.GreaterThan(av, Vector<float>.Zero), Vector.LoadUnsafe(ref g, i), Vector<float>.Zero).StoreUnsafe(ref g, i);
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref g, i) = Unsafe.Add(ref activations, i) > 0f ? Unsafe.Add(ref g, i) : 0f;
        }
    }

    /// <summary>Logistic sigmoid: <c>a = 1 / (1 + e^-z)</c>.</summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void Sigmoid(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        if (!z.IsEmpty)
        {
            // TensorPrimitives rejects empty spans; an empty batch is a no-op here, as for every other activation.
            TensorPrimitives.Sigmoid(z, a);
        }
    }

    /// <summary>Sigmoid's backward pass from its activations: <c>gradients[i] *= a[i]·(1 - a[i])</c>.</summary>
    /// <param name="a">Activations of the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="a"/> or partially overlaps it.</exception>
    public static void SigmoidBackward(ReadOnlySpan<float> a, Span<float> gradients)
    {
        CheckSpans(a, gradients, nameof(gradients));
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var av = new Vector<float>(a[i..]);
            (new Vector<float>(gradients[i..]) * av * (Vector<float>.One - av)).CopyTo(gradients[i..]);
        }

        for (; i < a.Length; i++)
        {
            gradients[i] = gradients[i] * a[i] * (1f - a[i]);
        }
    }

    /// <summary>Hyperbolic tangent: <c>a = tanh(z)</c>.</summary>
    /// <param name="z">Pre-activations, length n.</param>
    /// <param name="a">Activations, length n; may be the same memory as <paramref name="z"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="a"/> differs in length from <paramref name="z"/> or partially overlaps it.</exception>
    public static void Tanh(ReadOnlySpan<float> z, Span<float> a)
    {
        CheckSpans(z, a, nameof(a));
        // Element by element: TensorPrimitives.Tanh's vector path (System.Numerics.Tensors 10.0.12) has an absolute error of
        // about 2^-24, so tanh(0) = -6e-8 and small inputs lose their relative accuracy; MathF.Tanh is odd and exact at 0.
        for (int i = 0; i < z.Length; i++)
        {
            a[i] = MathF.Tanh(z[i]);
        }
    }

    /// <summary>Tanh's backward pass from its activations: <c>gradients[i] *= 1 - a[i]²</c>.</summary>
    /// <param name="a">Activations of the forward pass, length n.</param>
    /// <param name="gradients">∂L/∂a on entry, ∂L/∂z on return, length n.</param>
    /// <exception cref="ArgumentException"><paramref name="gradients"/> differs in length from <paramref name="a"/> or partially overlaps it.</exception>
    public static void TanhBackward(ReadOnlySpan<float> a, Span<float> gradients)
    {
        CheckSpans(a, gradients, nameof(gradients));
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            var av = new Vector<float>(a[i..]);
            (new Vector<float>(gradients[i..]) * (Vector<float>.One - (av * av))).CopyTo(gradients[i..]);
        }

        for (; i < a.Length; i++)
        {
            gradients[i] = gradients[i] * (1f - (a[i] * a[i]));
        }
    }

    /// <summary>
    /// Softmax over each row of <paramref name="width"/> logits: <c>p_k = e^(z_k - max z) / Σ_j e^(z_j - max z)</c>; the
    /// max-subtraction keeps every exponential at most 1, so the result is finite for any finite logits.
    /// </summary>
    /// <param name="logits"><c>[rows, width]</c>, row-major.</param>
    /// <param name="probabilities">Receives <c>[rows, width]</c>; may be the same memory as <paramref name="logits"/>.</param>
    /// <param name="width">Classes per row, at least 1.</param>
    /// <exception cref="ArgumentException">The spans differ in length, overlap partially, or their length is not a multiple of <paramref name="width"/>.</exception>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities, int width)
    {
        CheckSpans(logits, probabilities, nameof(probabilities));
        CheckRows(logits.Length, width);
        for (int row = 0; row < logits.Length; row += width)
        {
            ReadOnlySpan<float> z = logits.Slice(row, width);
            Span<float> p = probabilities.Slice(row, width);
            TensorPrimitives.Subtract(z, TensorPrimitives.Max(z), p);
            TensorPrimitives.Exp(p, p);
            TensorPrimitives.Divide(p, TensorPrimitives.Sum(p), p);
        }
    }

    /// <summary>
    /// Softmax's backward pass per row (the Jacobian-vector product), from its probabilities:
    /// <c>gradients = p ⊙ (gradients - Σ gradients ⊙ p)</c>. Used when the loss is not fused with Softmax.
    /// </summary>
    /// <param name="probabilities">The forward pass's output, <c>[rows, width]</c>.</param>
    /// <param name="gradients">∂L/∂p on entry, ∂L/∂z on return, <c>[rows, width]</c>.</param>
    /// <param name="width">Classes per row, at least 1.</param>
    /// <exception cref="ArgumentException">The spans differ in length, overlap partially, or their length is not a multiple of <paramref name="width"/>.</exception>
    public static void SoftmaxBackward(ReadOnlySpan<float> probabilities, Span<float> gradients, int width)
    {
        CheckSpans(probabilities, gradients, nameof(gradients));
        CheckRows(probabilities.Length, width);
        for (int row = 0; row < gradients.Length; row += width)
        {
            Span<float> d = gradients.Slice(row, width);
            ReadOnlySpan<float> p = probabilities.Slice(row, width);
            TensorPrimitives.Subtract(d, TensorPrimitives.Dot(d, p), d);
            TensorPrimitives.Multiply(d, p, d);
        }
    }

    private static void CheckRows(int length, int width)
    {
        if (width < 1 || length % width != 0)
        {
            throw new ArgumentException($"A length of {length} is not a whole number of rows of {width}.", nameof(width));
        }
    }
}
