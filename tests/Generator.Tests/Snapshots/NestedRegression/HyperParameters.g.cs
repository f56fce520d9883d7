/// <summary>Step size per optimizer step. Changeable between steps (schedules). Default 0.05.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float LearningRate { get => _network.LearningRate; set => _network.LearningRate = value; }

/// <summary>Momentum factor μ. Default 0.8.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float Momentum { get => _network.Momentum; set => _network.Momentum = value; }

/// <summary>λ1 of the L1 penalty λ1·Σ|w| on the weights (gradient λ1·sign(w)). Default 1E-05.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and at least 0.</exception>
public float L1Strength { get => _network.L1Strength; set => _network.L1Strength = value; }

/// <summary>λ2 of the L2 penalty (λ2/2)·Σw² on the weights (gradient λ2·w, PyTorch weight_decay). Default 0.0001.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and at least 0.</exception>
public float L2Strength { get => _network.L2Strength; set => _network.L2Strength = value; }

// ---- in namespace StaticNet.Generated ----
public float LearningRate
{
    get => _learningRate;
    set => _learningRate = NetworkArguments.Positive(value, nameof(LearningRate));
}
public float Momentum
{
    get => _momentum;
    set => _momentum = NetworkArguments.UnitInterval(value, nameof(Momentum));
}
public float L1Strength
{
    get => _l1Strength;
    set => _l1Strength = NetworkArguments.NonNegative(value, nameof(L1Strength));
}
public float L2Strength
{
    get => _l2Strength;
    set => _l2Strength = NetworkArguments.NonNegative(value, nameof(L2Strength));
}
