namespace StaticNet;

/// <summary>The update rule applied to the parameters after each batch, declared with <see cref="OptimizerAttribute"/>.</summary>
public enum OptimizerKind
{
    /// <summary>
    /// Plain stochastic gradient descent (Robbins &amp; Monro 1951; PyTorch <c>SGD</c>): <c>w ← w - lr·g</c>. Default learning rate 0.001 (PyTorch's).
    /// </summary>
    Sgd = 0,

    /// <summary>
    /// SGD with (heavy-ball) momentum in PyTorch's form (Sutskever et al. 2013; PyTorch <c>SGD(momentum=μ)</c>):
    /// <c>v ← μ·v + g; w ← w - lr·v</c>, with v starting at zero. Defaults: learning rate 0.001, momentum 0.9.
    /// </summary>
    Momentum = 1,

    /// <summary>
    /// Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction:
    /// <c>m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; w ← w - lr·(m/(1-β1^t)) / (sqrt(v/(1-β2^t)) + ε)</c>.
    /// Defaults: learning rate 0.001, β1 0.9, β2 0.999, ε 1e-8.
    /// </summary>
    Adam = 2,

    /// <summary>
    /// SGD with Nesterov momentum in PyTorch's form (Sutskever et al. 2013; PyTorch <c>SGD(momentum=μ, nesterov=True)</c>):
    /// <c>v ← μ·v + g; w ← w - lr·(g + μ·v)</c>. Defaults: learning rate 0.001, momentum 0.9.
    /// </summary>
    Nesterov = 3,

    /// <summary>
    /// AdaGrad (Duchi et al. 2011; PyTorch <c>Adagrad</c> with lr_decay 0 and initial accumulator 0):
    /// <c>s ← s + g²; w ← w - lr·g / (√s + ε)</c>. Defaults: learning rate 0.01, ε 1e-10.
    /// </summary>
    AdaGrad = 4,

    /// <summary>
    /// RMSProp (Hinton 2012; PyTorch <c>RMSprop</c>): <c>s ← α·s + (1-α)·g²</c>; centered: <c>m ← α·m + (1-α)·g</c> and
    /// <c>s - m²</c> in place of s; <c>d = √s + ε</c>; without momentum <c>w ← w - lr·g/d</c>, with momentum μ
    /// <c>b ← μ·b + g/d; w ← w - lr·b</c>. Defaults: learning rate 0.01, α 0.99, ε 1e-8, momentum 0, not centered.
    /// </summary>
    RMSProp = 5,

    /// <summary>
    /// AdamW (Loshchilov &amp; Hutter 2019; PyTorch <c>AdamW</c>): Adam with decoupled weight decay, <c>w ← w·(1 - lr·λ)</c>
    /// before the Adam update, λ from <see cref="WeightDecayAttribute"/> (default 0.01 when that attribute is absent).
    /// Defaults: learning rate 0.001, β1 0.9, β2 0.999, ε 1e-8.
    /// </summary>
    AdamW = 6,
}
