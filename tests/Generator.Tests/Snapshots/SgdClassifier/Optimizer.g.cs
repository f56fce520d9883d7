/// <summary>
/// One optimizer step from the current <see cref="Gradients"/>: SGD(learningRate 0.001)
/// with the L2 gradients added in the same sweep.
/// Increments <see cref="StepCount"/>; leaves <see cref="Gradients"/> as it was but for its padding, zeroed. Allocation-free.
/// </summary>
/// <exception cref="T:System.InvalidOperationException">Another thread is running a call on this instance.</exception>
public void ApplyGradients() => _network.ApplyGradients();

/// <summary>The penalty <c>(λ2/2)·Σw²</c> over the weights (biases excluded), not part of the losses returned.</summary>
public float RegularizationLoss() => _network.RegularizationLoss();

// ---- in namespace StaticNet.Generated ----
// SGD: w ← w - lr·g
// with g = ∂L/∂w + l2·w on the penalised tensors.
public void ApplyGradients()
{
    using var call = _guard.Enter(Name);
    _stepCount++;
    // Zero the gradients' padding (never read, but writable): clipping and the sweeps then see only the tensors.
    _gradients.AsSpan(131, 13).Clear();
    Update(0, 64, new Penalty(0f, _l2Strength, 1f)); // W0
    Update(64, 16, Penalty.None); // B0
    Update(80, 48, new Penalty(0f, _l2Strength, 1f)); // W1
    Update(128, 16, Penalty.None); // B1
}

private void Update(int offset, int length, Penalty penalty)
{
    Span<float> w = _parameters.AsSpan(offset, length), g = _gradients.AsSpan(offset, length);
    Optimizers.Sgd(w, g, penalty, _learningRate);
}

// Penalty (λ2/2)·Σw² over the weights.
public float RegularizationLoss()
{
    double penalty = 0;
    penalty += 0.5 * _l2Strength * TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)W0);
    penalty += 0.5 * _l2Strength * TensorPrimitives.SumOfSquares((ReadOnlySpan<float>)W1);
    return (float)penalty;
}
