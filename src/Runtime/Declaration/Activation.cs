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
}
