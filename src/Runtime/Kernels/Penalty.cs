namespace StaticNet.Kernels;

/// <summary>
/// The regularization an optimizer sweep folds into its update of one range of parameters: the L1 and L2 gradients
/// added to the loss gradient, <c>g ← g + l1·sign(w) + l2·w</c>, and decoupled weight decay applied before the update,
/// <c>w ← w·decayFactor</c> with <c>decayFactor = 1 - learningRate·λ</c> (Loshchilov &amp; Hutter 2019).
/// </summary>
/// <param name="L1">λ1 of the L1 penalty λ1·Σ|w|; 0 for none.</param>
/// <param name="L2">λ2 of the L2 penalty (λ2/2)·Σw² (PyTorch's coupled <c>weight_decay</c>); 0 for none.</param>
/// <param name="DecayFactor">The factor of decoupled weight decay; 1 for none.</param>
public readonly record struct Penalty(float L1, float L2, float DecayFactor)
{
    /// <summary>No regularization: the range is updated from its loss gradient alone.</summary>
    public static Penalty None => new(0f, 0f, 1f);
}
