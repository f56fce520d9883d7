using System;

namespace StaticNet;

/// <summary>
/// Seeded weight initialisation used by the generated constructors. Deterministic: the same seed gives the same
/// bits on every run and machine (<see cref="Random"/> with a seed uses a fixed algorithm).
/// </summary>
public static class WeightInitializer
{
    /// <summary>The random stream the generated constructors draw every layer's weights from, layer by layer.</summary>
    /// <param name="seed">The network's seed: the same seed gives the same weights, bit for bit.</param>
    /// <returns>A new <see cref="Random"/> seeded with <paramref name="seed"/>.</returns>
    public static Random CreateRandom(int seed) => new(seed);

    /// <summary>He (Kaiming) normal initialisation (He et al. 2015): <c>w ~ N(0, 2 / fanIn)</c>, for the ReLU family.</summary>
    /// <param name="weights">The tensor to fill.</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is less than 1.</exception>
    public static void HeNormal(Span<float> weights, int fanIn, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentNullException.ThrowIfNull(random);
        Normal(weights, Math.Sqrt(2.0 / fanIn), random);
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
        // The sum in double: fanIn + fanOut can overflow an int.
        Uniform(weights, Math.Sqrt(6.0 / ((double)fanIn + fanOut)), random);
    }

    /// <summary>
    /// He (Kaiming) uniform initialisation (He et al. 2015): <c>w ~ U(-l, l)</c>, <c>l = sqrt(6 / fanIn)</c>, the
    /// uniform with He normal's variance <c>2 / fanIn</c>, for the ReLU family. PyTorch
    /// <c>torch.nn.init.kaiming_uniform_(w, nonlinearity="relu")</c> (its <c>fan_in</c> mode).
    /// </summary>
    /// <param name="weights">The tensor to fill, any shape (for a Dense layer <c>[fanOut x fanIn]</c>).</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness; one <see cref="Random.NextDouble"/> per weight.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void HeUniform(Span<float> weights, int fanIn, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentNullException.ThrowIfNull(random);
        Uniform(weights, Math.Sqrt(6.0 / fanIn), random);
    }

    /// <summary>
    /// Glorot (Xavier) normal initialisation (Glorot &amp; Bengio 2010): <c>w ~ N(0, 2 / (fanIn + fanOut))</c>.
    /// PyTorch <c>torch.nn.init.xavier_normal_</c>.
    /// </summary>
    /// <param name="weights">The tensor to fill, any shape (for a Dense layer <c>[fanOut x fanIn]</c>).</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="fanOut">Number of outputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness; two <see cref="Random.NextDouble"/> per weight.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> or <paramref name="fanOut"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void GlorotNormal(Span<float> weights, int fanIn, int fanOut, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanOut, 1);
        ArgumentNullException.ThrowIfNull(random);
        Normal(weights, Math.Sqrt(2.0 / ((double)fanIn + fanOut)), random); // double sum: no int overflow
    }

    /// <summary>
    /// LeCun normal initialisation (LeCun, Bottou, Orr &amp; Müller 1998, "Efficient BackProp"): <c>w ~ N(0, 1 / fanIn)</c>,
    /// the one SELU's self-normalisation assumes. PyTorch <c>torch.nn.init.kaiming_normal_(w, nonlinearity="linear")</c>.
    /// </summary>
    /// <param name="weights">The tensor to fill, any shape (for a Dense layer <c>[fanOut x fanIn]</c>).</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness; two <see cref="Random.NextDouble"/> per weight.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void LeCunNormal(Span<float> weights, int fanIn, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentNullException.ThrowIfNull(random);
        Normal(weights, Math.Sqrt(1.0 / fanIn), random);
    }

    /// <summary>
    /// LeCun uniform initialisation (LeCun, Bottou, Orr &amp; Müller 1998): <c>w ~ U(-l, l)</c>, <c>l = sqrt(3 / fanIn)</c>,
    /// the uniform with variance <c>1 / fanIn</c>. PyTorch <c>torch.nn.init.kaiming_uniform_(w, nonlinearity="linear")</c>.
    /// </summary>
    /// <param name="weights">The tensor to fill, any shape (for a Dense layer <c>[fanOut x fanIn]</c>).</param>
    /// <param name="fanIn">Number of inputs of the layer, at least 1.</param>
    /// <param name="random">Source of randomness; one <see cref="Random.NextDouble"/> per weight.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fanIn"/> is less than 1.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public static void LeCunUniform(Span<float> weights, int fanIn, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentNullException.ThrowIfNull(random);
        Uniform(weights, Math.Sqrt(3.0 / fanIn), random);
    }

    // Every uniform initialiser maps a draw to a weight the same way.
    private static void Uniform(Span<float> weights, double limit, Random random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() * 2.0 - 1.0) * limit);
        }
    }

    // Every normal initialiser maps a draw to a weight the same way.
    private static void Normal(Span<float> weights, double std, Random random)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(std * StandardNormal(random));
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
