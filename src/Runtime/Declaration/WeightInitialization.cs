namespace StaticNet;

/// <summary>
/// How a <see cref="DenseAttribute"/> layer's weights are drawn from the network's seed; biases always start at zero.
/// <c>fanIn</c> is the layer's inputs, <c>fanOut</c> its units.
/// </summary>
public enum WeightInitialization
{
    /// <summary>Chosen from the activation: He normal for the ReLU family (ReLU, LeakyReLU, ELU, GELU, SiLU, HardSwish), Glorot uniform otherwise.</summary>
    Default = 0,

    /// <summary>He (Kaiming) normal (He et al. 2015): <c>N(0, 2/fanIn)</c>.</summary>
    HeNormal = 1,

    /// <summary>He (Kaiming) uniform (He et al. 2015): <c>U(-l, l)</c>, <c>l = √(6/fanIn)</c>.</summary>
    HeUniform = 2,

    /// <summary>Glorot (Xavier) normal (Glorot &amp; Bengio 2010): <c>N(0, 2/(fanIn + fanOut))</c>.</summary>
    GlorotNormal = 3,

    /// <summary>Glorot (Xavier) uniform (Glorot &amp; Bengio 2010): <c>U(-l, l)</c>, <c>l = √(6/(fanIn + fanOut))</c>.</summary>
    GlorotUniform = 4,

    /// <summary>LeCun normal (LeCun et al. 1998): <c>N(0, 1/fanIn)</c>.</summary>
    LeCunNormal = 5,

    /// <summary>LeCun uniform (LeCun et al. 1998): <c>U(-l, l)</c>, <c>l = √(3/fanIn)</c>.</summary>
    LeCunUniform = 6,

    /// <summary>All weights zero (every unit then learns the same function; for tests and linear models).</summary>
    Zeros = 7,
}
