namespace StaticNet;

/// <summary>The loss minimised by training, declared with <see cref="LossAttribute"/>. Every loss is the mean over the batch.</summary>
public enum LossFunction
{
    /// <summary>
    /// Mean squared error, <c>L = 1/(B·N) Σ_b Σ_k (a_bk - y_bk)²</c> over a batch of B samples with N outputs
    /// (PyTorch <c>MSELoss(reduction="mean")</c>). Works with any output activation.
    /// </summary>
    MeanSquaredError = 0,

    /// <summary>
    /// Categorical cross-entropy in nats, <c>L = -1/B Σ_b Σ_k y_bk log p_bk</c>, on a <see cref="Activation.Softmax"/> output.
    /// Fused with the Softmax: computed from the logits with log-sum-exp, gradient <c>(p - y)/B</c>.
    /// Targets are class indices or one-hot (or any probability) rows.
    /// </summary>
    CrossEntropy = 1,

    /// <summary>
    /// Binary cross-entropy in nats, <c>L = -1/(B·N) Σ (y log p + (1-y) log(1-p))</c>, on a <see cref="Activation.Sigmoid"/> output.
    /// Fused with the Sigmoid: computed from the logit z as <c>max(z,0) - z·y + log(1 + e^-|z|)</c>
    /// (PyTorch <c>BCEWithLogitsLoss</c>), gradient <c>(p - y)/(B·N)</c>.
    /// </summary>
    BinaryCrossEntropy = 2,

    /// <summary>
    /// Mean absolute error, <c>L = 1/(B·N) Σ |a - y|</c> (PyTorch <c>L1Loss</c>); gradient <c>sign(a - y)/(B·N)</c>, 0 where equal.
    /// Works with any output activation.
    /// </summary>
    MeanAbsoluteError = 3,

    /// <summary>
    /// Huber loss with threshold δ (Huber 1964; PyTorch <c>HuberLoss</c>): per element <c>½d²</c> for <c>|d| &lt;= δ</c> and
    /// <c>δ·(|d| - ½δ)</c> above, with <c>d = a - y</c>, mean over batch and outputs. δ from <see cref="LossAttribute.Delta"/>,
    /// default 1. Works with any output activation.
    /// </summary>
    Huber = 4,
}
