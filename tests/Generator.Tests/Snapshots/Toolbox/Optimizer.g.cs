/// <summary>
/// One optimizer step from the current <see cref="Gradients"/>: AdamW(learningRate 0.001, beta1 0.9, beta2 0.999, epsilon 1E-08, amsgrad)
/// with the L1 gradients added in the same sweep, after decoupled weight decay.
/// Clips <see cref="Gradients"/> in place first; increments <see cref="StepCount"/>. Allocation-free.
/// </summary>
/// <exception cref="T:System.InvalidOperationException">Another thread is running a call on this instance.</exception>
public void ApplyGradients() => _network.ApplyGradients();

/// <summary>The penalty <c>λ1·Σ|w|</c> over the weights and biases, not part of the losses returned.</summary>
public float RegularizationLoss() => _network.RegularizationLoss();

// ---- in namespace StaticNet.Generated ----
// AdamW (Kingma & Ba 2015; Loshchilov & Hutter 2019; AMSGrad, Reddi et al. 2018):
// m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; v̂ ← max(v̂, v); w ← w - (lr / (1-β1^t))·m / (√v̂ / √(1-β2^t) + ε)
// with g = ∂L/∂w + l1·sign(w) after w ← w·(1 - lr·λ) on the penalised tensors.
public void ApplyGradients()
{
    using var call = _guard.Enter(Name);
    _stepCount++;
    // Zero the gradients' padding (never read, but writable): clipping and the sweeps then see only the tensors.
    _gradients.AsSpan(1029, 11).Clear();
    GradientClipping.ByValue(_gradients, _gradientClipValue);
    GradientClipping.ByNorm(_gradients, _maxGradientNorm);
    var step = new AdamStep(_learningRate, _beta1, _beta2, _epsilon, _stepCount);
    Update(0, 1040, new Penalty(_l1Strength, 0f, 1f - (_learningRate * _weightDecay)), step); // W0 B0 W1 B1 W2 B2
}

private void Update(int offset, int length, Penalty penalty, AdamStep step)
{
    Span<float> w = _parameters.AsSpan(offset, length), g = _gradients.AsSpan(offset, length);
    Span<float> s0 = _firstMoments.AsSpan(offset, length); // first-moment estimate m
    Span<float> s1 = _secondMoments.AsSpan(offset, length); // second-moment estimate v
    Span<float> s2 = _maxSecondMoments.AsSpan(offset, length); // running maximum of v (AMSGrad)
    Optimizers.Adam(w, g, s0, s1, s2, penalty, step);
}

// Penalty λ1·Σ|w| over the weights and biases.
public float RegularizationLoss()
{
    double penalty = 0;
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)W0);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)B0);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)W1);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)B1);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)W2);
    penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>)B2);
    return (float)penalty;
}
