/// <summary>Step size per optimizer step. Changeable between steps (schedules). Default 0.01.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float LearningRate { get => _network.LearningRate; set => _network.LearningRate = value; }

/// <summary>Momentum factor μ. Default 0.5.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float Momentum { get => _network.Momentum; set => _network.Momentum = value; }

/// <summary>RMSProp's smoothing constant α of the squared-gradient average. Default 0.99.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not in [0, 1).</exception>
public float Alpha { get => _network.Alpha; set => _network.Alpha = value; }

/// <summary>ε, added to the denominator of the update. Default 1E-08.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float Epsilon { get => _network.Epsilon; set => _network.Epsilon = value; }

/// <summary>λ of the decoupled weight decay w ← w·(1 - lr·λ) on the weights (Loshchilov &amp; Hutter 2019). Default 0.01.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and at least 0.</exception>
public float WeightDecay { get => _network.WeightDecay; set => _network.WeightDecay = value; }

/// <summary>Threshold δ of the Huber loss between its quadratic and linear parts. Default 0.5.</summary>
/// <exception cref="T:System.ArgumentOutOfRangeException">The value is not finite and greater than 0.</exception>
public float HuberDelta { get => _network.HuberDelta; set => _network.HuberDelta = value; }

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
public float Alpha
{
    get => _alpha;
    set => _alpha = NetworkArguments.UnitInterval(value, nameof(Alpha));
}
public float Epsilon
{
    get => _epsilon;
    set => _epsilon = NetworkArguments.Positive(value, nameof(Epsilon));
}
public float WeightDecay
{
    get => _weightDecay;
    set => _weightDecay = NetworkArguments.NonNegative(value, nameof(WeightDecay));
}
public float HuberDelta
{
    get => _huberDelta;
    set => _huberDelta = NetworkArguments.Positive(value, nameof(HuberDelta));
}
