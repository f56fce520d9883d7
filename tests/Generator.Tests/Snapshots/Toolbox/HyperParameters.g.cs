/// <summary>Step size per optimizer step. Changeable between steps (schedules). Default 0.001.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float LearningRate { get => _network.LearningRate; set => _network.LearningRate = value; }

/// <summary>Decay rate of the first-moment estimate. Default 0.9.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float Beta1 { get => _network.Beta1; set => _network.Beta1 = value; }

/// <summary>Decay rate of the second-moment estimate. Default 0.999.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float Beta2 { get => _network.Beta2; set => _network.Beta2 = value; }

/// <summary>ε, added to the denominator of the update. Default 1E-08.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float Epsilon { get => _network.Epsilon; set => _network.Epsilon = value; }

/// <summary>λ1 of the L1 penalty λ1·Σ|w| on the weights and biases (gradient λ1·sign(w)). Default 1E-05.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and at least 0.</exception>
public float L1Strength { get => _network.L1Strength; set => _network.L1Strength = value; }

/// <summary>
/// λ of the decoupled weight decay w ← w·(1 - lr·λ) on the weights and biases (Loshchilov &amp; Hutter 2019). Default 0.01.
/// </summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and at least 0.</exception>
public float WeightDecay { get => _network.WeightDecay; set => _network.WeightDecay = value; }

/// <summary>Gradients are clamped to [-value, value] before each optimizer step. Default 0.5.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float GradientClipValue { get => _network.GradientClipValue; set => _network.GradientClipValue = value; }

/// <summary>Gradients are scaled down to this global L2 norm before each optimizer step. Default 1.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float MaxGradientNorm { get => _network.MaxGradientNorm; set => _network.MaxGradientNorm = value; }

/// <summary>Label smoothing ε: targets become (1-ε)·y + ε/OutputSize. Default 0.1.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float LabelSmoothing { get => _network.LabelSmoothing; set => _network.LabelSmoothing = value; }

/// <summary>Probability of zeroing each of layer 0's activations in training. Default 0.25.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float Dense0DropoutRate { get => _network.Dense0DropoutRate; set => _network.Dense0DropoutRate = value; }

// ---- in namespace StaticNet.Generated ----
public float LearningRate
{
    get => _learningRate;
    set => _learningRate = NetworkArguments.Positive(value, nameof(LearningRate));
}
public float Beta1
{
    get => _beta1;
    set => _beta1 = NetworkArguments.UnitInterval(value, nameof(Beta1));
}
public float Beta2
{
    get => _beta2;
    set => _beta2 = NetworkArguments.UnitInterval(value, nameof(Beta2));
}
public float Epsilon
{
    get => _epsilon;
    set => _epsilon = NetworkArguments.Positive(value, nameof(Epsilon));
}
public float L1Strength
{
    get => _l1Strength;
    set => _l1Strength = NetworkArguments.NonNegative(value, nameof(L1Strength));
}
public float WeightDecay
{
    get => _weightDecay;
    set => _weightDecay = NetworkArguments.NonNegative(value, nameof(WeightDecay));
}
public float GradientClipValue
{
    get => _gradientClipValue;
    set => _gradientClipValue = NetworkArguments.Positive(value, nameof(GradientClipValue));
}
public float MaxGradientNorm
{
    get => _maxGradientNorm;
    set => _maxGradientNorm = NetworkArguments.Positive(value, nameof(MaxGradientNorm));
}
public float LabelSmoothing
{
    get => _labelSmoothing;
    set => _labelSmoothing = NetworkArguments.UnitInterval(value, nameof(LabelSmoothing));
}
public float Dense0DropoutRate
{
    get => _dense0DropoutRate;
    set => _dense0DropoutRate = NetworkArguments.UnitInterval(value, nameof(Dense0DropoutRate));
}
