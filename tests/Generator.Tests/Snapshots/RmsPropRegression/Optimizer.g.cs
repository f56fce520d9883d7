/// <summary>
/// One optimizer step from the current <see cref="Gradients"/>: RMSProp(learningRate 0.01, alpha 0.99, epsilon 1E-08, momentum 0.5, centered)
/// in one sweep over the parameters, after decoupled weight decay.
/// Increments <see cref="StepCount"/>; leaves <see cref="Gradients"/> as it was but for its padding, zeroed. Allocation-free.
/// </summary>
/// <exception cref="T:System.InvalidOperationException">Another thread is running a call on this instance.</exception>
public void ApplyGradients() => _network.ApplyGradients();

/// <summary>0: the network declares no L1 or L2 penalty (decoupled weight decay is not a loss term).</summary>
public float RegularizationLoss() => _network.RegularizationLoss();

// ---- in namespace StaticNet.Generated ----
// RMSProp (Hinton 2012, PyTorch RMSprop): s ← α·s + (1-α)·g²; m ← α·m + (1-α)·g; d = √(s - m²) + ε;
// with momentum b ← μ·b + g/d, w ← w - lr·b; else w ← w - lr·g/d
// with g = ∂L/∂w after w ← w·(1 - lr·λ) on the penalised tensors.
public void ApplyGradients()
{
    using var call = _guard.Enter(Name);
    _stepCount++;
    // Zero the gradients' padding (never read, but writable): clipping and the sweeps then see only the tensors.
    _gradients.AsSpan(120, 8).Clear();
    _gradients.AsSpan(148, 12).Clear();
    _gradients.AsSpan(360, 8).Clear();
    _gradients.AsSpan(378, 6).Clear();
    _gradients.AsSpan(404, 12).Clear();
    _gradients.AsSpan(418, 14).Clear();
    Update(0, 128, new Penalty(0f, 0f, 1f - (_learningRate * _weightDecay))); // W0
    Update(128, 32, Penalty.None); // B0
    Update(160, 208, new Penalty(0f, 0f, 1f - (_learningRate * _weightDecay))); // W1
    Update(368, 16, Penalty.None); // B1
    Update(384, 32, new Penalty(0f, 0f, 1f - (_learningRate * _weightDecay))); // W2
    Update(416, 16, Penalty.None); // B2
}

private void Update(int offset, int length, Penalty penalty)
{
    Span<float> w = _parameters.AsSpan(offset, length), g = _gradients.AsSpan(offset, length);
    Span<float> s0 = _squareAverages.AsSpan(offset, length); // running average of squared gradients s
    Span<float> s1 = _gradientAverages.AsSpan(offset, length); // running average of gradients m (centered)
    Span<float> s2 = _velocity.AsSpan(offset, length); // momentum buffer b (used when momentum > 0)
    Optimizers.RMSProp(w, g, s0, s1, s2, penalty, _learningRate, _alpha, _epsilon, _momentum);
}

public float RegularizationLoss() => 0f;
