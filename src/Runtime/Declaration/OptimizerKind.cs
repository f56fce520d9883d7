namespace StaticNet;

/// <summary>The update rule applied to the parameters after each batch, declared with <see cref="OptimizerAttribute"/>.</summary>
public enum OptimizerKind
{
    /// <summary>
    /// Plain stochastic gradient descent: <c>w ← w - lr·g</c>. Default learning rate 0.01.
    /// </summary>
    Sgd = 0,

    /// <summary>
    /// SGD with (heavy-ball) momentum in PyTorch's form (Sutskever et al. 2013; PyTorch <c>SGD(momentum=μ)</c>):
    /// <c>v ← μ·v + g; w ← w - lr·v</c>, with v starting at zero. Defaults: learning rate 0.01, momentum 0.9.
    /// </summary>
    Momentum = 1,

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction:
    /// <c>m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; w ← w - lr·(m/(1-β1^t)) / (sqrt(v/(1-β2^t)) + ε)</c>.
    /// Defaults: learning rate 0.001, β1 0.9, β2 0.999, ε 1e-8.
    /// </summary>
    Adam = 2,
}
