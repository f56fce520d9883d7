namespace StaticNet;

/// <summary>The activation function applied element-wise to a <see cref="DenseAttribute"/> layer's output.</summary>
public enum Activation
{
    /// <summary>No activation: <c>f(z) = z</c>. Weights initialised with Glorot (Xavier) uniform.</summary>
    Identity = 0,

    /// <summary>Rectified linear unit, <c>f(z) = max(0, z)</c> (Nair &amp; Hinton 2010). Weights initialised with He normal.</summary>
    ReLU = 1,

    /// <summary>Logistic sigmoid, <c>f(z) = 1 / (1 + e^-z)</c>. Weights initialised with Glorot uniform.</summary>
    Sigmoid = 2,

    /// <summary>Hyperbolic tangent, <c>f(z) = tanh(z)</c>. Weights initialised with Glorot uniform.</summary>
    Tanh = 3,

    /// <summary>
    /// Softmax over the layer's outputs, <c>f(z)_k = e^(z_k) / Σ_j e^(z_j)</c>, computed with max-subtraction.
    /// Allowed on the last layer only (diagnostic SN0004). Weights initialised with Glorot uniform.
    /// </summary>
    Softmax = 4,

    /// <summary>
    /// Leaky ReLU, <c>f(z) = z</c> for z &gt;= 0 and <c>slope·z</c> below (Maas et al. 2013; PyTorch <c>LeakyReLU</c>),
    /// slope from <see cref="DenseAttribute.NegativeSlope"/>, default 0.01. Weights initialised with He normal.
    /// </summary>
    LeakyReLU = 5,

    /// <summary>
    /// Exponential linear unit, <c>f(z) = z</c> for z &gt; 0 and <c>α·(e^z - 1)</c> otherwise (Clevert et al. 2016; PyTorch
    /// <c>ELU</c>), α from <see cref="DenseAttribute.Alpha"/>, default 1. Weights initialised with He normal.
    /// </summary>
    ELU = 6,

    /// <summary>
    /// Gaussian error linear unit, exact form <c>f(z) = z·Φ(z) = z/2·(1 + erf(z/√2))</c> (Hendrycks &amp; Gimpel 2016; PyTorch
    /// <c>GELU(approximate="none")</c>). Weights initialised with He normal.
    /// </summary>
    GELU = 7,

    /// <summary>
    /// GELU, tanh approximation <c>f(z) = z/2·(1 + tanh(√(2/π)·(z + 0.044715·z³)))</c> (Hendrycks &amp; Gimpel 2016; PyTorch
    /// <c>GELU(approximate="tanh")</c>). Weights initialised with He normal.
    /// </summary>
    GELUTanh = 8,

    /// <summary>
    /// Sigmoid linear unit (Swish with β = 1), <c>f(z) = z·σ(z)</c> (Elfwing et al. 2018, Ramachandran et al. 2017; PyTorch
    /// <c>SiLU</c>). Weights initialised with He normal.
    /// </summary>
    SiLU = 9,

    /// <summary>
    /// Softplus, <c>f(z) = log(1 + e^z)</c>, computed as z above 20 (PyTorch <c>Softplus(beta=1, threshold=20)</c>).
    /// Weights initialised with Glorot uniform.
    /// </summary>
    Softplus = 10,

    /// <summary>Softsign, <c>f(z) = z / (1 + |z|)</c> (PyTorch <c>Softsign</c>). Weights initialised with Glorot uniform.</summary>
    Softsign = 11,

    /// <summary>
    /// Hard sigmoid, <c>f(z) = clamp(z/6 + 1/2, 0, 1)</c> (PyTorch <c>Hardsigmoid</c>, as in Howard et al. 2019).
    /// Weights initialised with Glorot uniform.
    /// </summary>
    HardSigmoid = 12,

    /// <summary>
    /// Hard swish, <c>f(z) = z·clamp(z/6 + 1/2, 0, 1)</c> (Howard et al. 2019; PyTorch <c>Hardswish</c>).
    /// Weights initialised with He normal.
    /// </summary>
    HardSwish = 13,
}
