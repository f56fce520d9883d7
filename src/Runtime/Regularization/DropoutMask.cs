using System;

namespace StaticNet;

/// <summary>
/// Masks for inverted dropout (Srivastava et al. 2014, "Dropout: a simple way to prevent neural networks from
/// overfitting"), with PyTorch <c>torch.nn.Dropout(p)</c> semantics in training: each element is 0 with probability
/// <c>rate</c> and <c>1/(1 - rate)</c> otherwise, so the expected activation is unchanged and inference needs no scaling.
/// Use: multiply a layer's activations by the mask in the forward pass, and the incoming gradients by the same mask in
/// the backward pass.
/// <para>
/// The random stream is SplitMix64 (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators"),
/// kept in a caller-owned <see cref="ulong"/>: integer arithmetic only, so the same seed gives the same masks on every
/// machine and runtime. Allocation-free; thread-safe as long as each thread uses its own state.
/// </para>
/// </summary>
public static class DropoutMask
{
    // SplitMix64's increment, 2^64 / golden ratio.
    private const ulong Increment = 0x9E3779B97F4A7C15UL;

    // "StaticNe" in ASCII. Its high 32 bits are non-zero, so seed ^ Salt is never 0 and neither is its bijective mix.
    private const ulong Salt = 0x5374617469634E65UL;

    // A 24-bit uniform is exact in float and compares with a float rate without rounding.
    private const float TwoToMinus24 = 1f / (1 << 24);

    /// <summary>
    /// The initial generator state for <paramref name="seed"/>: SplitMix64's output function applied to the seed
    /// xor a fixed salt. Distinct seeds give distinct states (the mix is a bijection), and the state is never 0.
    /// </summary>
    /// <param name="seed">Any int, e.g. the network's seed.</param>
    /// <returns>A non-zero, well-mixed state to pass to <see cref="Fill"/>.</returns>
    public static ulong Seed(int seed)
    {
        ulong state = Mix((uint)seed ^ Salt);
        return state != 0 ? state : Increment; // unreachable (see Salt), kept so the contract does not rest on a comment
    }

    /// <summary>
    /// Fills <paramref name="mask"/> with independent draws: 0 with probability <paramref name="rate"/>, else
    /// <c>1/(1 - rate)</c>. Element i is dropped when its 24-bit uniform <c>u = k·2^-24</c>, k in [0, 2^24), is below
    /// <paramref name="rate"/>, so the drop probability is <paramref name="rate"/> rounded up to a multiple of 2^-24.
    /// Every element consumes exactly one draw whatever the rate, so <paramref name="state"/> advances by
    /// <c>mask.Length</c> steps, and for one state the elements dropped at a rate are also dropped at any higher rate.
    /// </summary>
    /// <param name="mask">The mask to overwrite, length n (for a Dense layer <c>batchSize x units</c>, row-major).</param>
    /// <param name="rate">Probability of dropping an element, in [0, 1); 0 gives all ones.</param>
    /// <param name="state">Generator state from <see cref="Seed"/>, advanced in place.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not in [0, 1) (or is NaN).</exception>
    public static void Fill(Span<float> mask, float rate, ref ulong state)
    {
        if (!(rate >= 0f && rate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The dropout rate must be in [0, 1).");
        }

        float scale = 1f / (1f - rate);
        ulong s = state; // local copy: the loop does not write through the ref on every element
        for (int i = 0; i < mask.Length; i++)
        {
            s += Increment;
            float uniform = (Mix(s) >> 40) * TwoToMinus24; // top 24 bits, the best mixed
            mask[i] = uniform < rate ? 0f : scale;
        }

        state = s;
    }

    // SplitMix64's output function (Stafford's Mix13 variant of the MurmurHash3 finaliser); a bijection with Mix(0) = 0.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
