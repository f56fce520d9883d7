using System;

namespace StaticNet;

/// <summary>
/// Seeded weight initialisation used by the generated constructors. Deterministic: the same seed gives the same
/// bits on every run and machine (<see cref="Random"/> with a seed uses a fixed algorithm).
/// </summary>
public static class WeightInitializer
{
    /// <summary>He (Kaiming) normal initialisation (He et al. 2015): <c>w ~ N(0, 2 / fanIn)</c>, for the ReLU family.</summary>
    /// <param name="weights">The tensor to fill.</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is less than 1.</exception>
    public static void HeNormal(Span<float> weights, int fanIn, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentNullException.ThrowIfNull(random);
        double std = Math.Sqrt(2.0 / fanIn);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(std * StandardNormal(random));
        }
    }

    /// <summary>Glorot (Xavier) uniform initialisation (Glorot &amp; Bengio 2010): <c>w ~ U(-l, l)</c>, <c>l = sqrt(6 / (fanIn + fanOut))</c>.</summary>
    /// <param name="weights">The tensor to fill.</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="fanOut">Number of outputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> or <paramref name="fanOut"/> is less than 1.</exception>
    public static void GlorotUniform(Span<float> weights, int fanIn, int fanOut, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanOut, 1);
        ArgumentNullException.ThrowIfNull(random);
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() * 2.0 - 1.0) * limit);
        }
    }

    // Box-Muller; one of the pair is discarded so that each weight depends on a fixed number of draws.
    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]: log is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
