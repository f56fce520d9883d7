/// <summary>
/// One optimizer step from the current <see cref="Gradients"/>: Momentum(learningRate 0.05, momentum 0.8)
/// with the L1 and L2 gradients added in the same sweep.
/// Increments <see cref="StepCount"/>; leaves <see cref="Gradients"/> as it was but for its padding, zeroed. Allocation-free.
/// </summary>
/// <exception cref="T:System.InvalidOperationException">Another thread is running a call on this instance.</exception>
public void ApplyGradients() => _network.ApplyGradients();

/// <summary>The penalty <c>λ1·Σ|w| + (λ2/2)·Σw²</c> over the weights (biases excluded), not part of the losses returned.</summary>
public float RegularizationLoss() => _network.RegularizationLoss();

// ---- in namespace StaticNet.Generated ----
// Momentum (PyTorch SGD with momentum, dampening 0): v ← μ·v + g; w ← w - lr·v
// with g = ∂L/∂w + l1·sign(w) + l2·w on the penalised tensors.
public void ApplyGradients()
{
    using var call = _guard.Enter(Name);
    _stepCount++;
    // Zero the gradients' padding (never read, but writable): clipping and the sweeps then see only the tensors.
    _gradients.AsSpan(24, 8).Clear();
    _gradients.AsSpan(40, 8).Clear();
    _gradients.AsSpan(120, 8).Clear();
    _gradients.AsSpan(146, 14).Clear();
    Update(0, 32, new Penalty(_l1Strength, _l2Strength, 1f)); // W0
    Update(32, 16, Penalty.None); // B0
    Update(48, 64, new Penalty(_l1Strength, _l2Strength, 1f)); // W1
    Update(112, 16, Penalty.None); // B1
    Update(128, 16, new Penalty(_l1Strength, _l2Strength, 1f)); // W2
    Update(144, 16, Penalty.None); // B2
}

private void Update(int offset, int length, Penalty penalty)
{
    Span<float> w = _parameters.AsSpan(offset, length), g = _gradients.AsSpan(offset, length);
    Span<float> s0 = _velocity.AsSpan(offset, length); // momentum buffer v
    Optimizers.Momentum(w, g, s0, penalty, _learningRate, _momentum, nesterov: false);
}

// Penalty λ1·Σ|w| + (λ2/2)·Σw² over the weights.
public float RegularizationLoss()
{
    double penalty = 0;
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)W0);
    penalty += 0.5 * _l2Strength * TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)W0);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)W1);
    penalty += 0.5 * _l2Strength * TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)W1);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)W2);
    penalty += 0.5 * _l2Strength * TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)W2);
    return (float)penalty;
}
