/// <summary>Step size per optimizer step. Changeable between steps (schedules). Default 0.001.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float LearningRate { get => _network.LearningRate; set => _network.LearningRate = value; }

/// <summary>λ2 of the L2 penalty (λ2/2)·Σw² on the weights (gradient λ2·w, PyTorch weight_decay). Default 0.001.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and at least 0.</exception>
public float L2Strength { get => _network.L2Strength; set => _network.L2Strength = value; }

// ---- in namespace StaticNet.Generated ----
public float LearningRate
{
    get => _learningRate;
    set => _learningRate = NetworkArguments.Positive(value, nameof(LearningRate));
}
public float L2Strength
{
    get => _l2Strength;
    set => _l2Strength = NetworkArguments.NonNegative(value, nameof(L2Strength));
}
