private void WriteOutputs(Span<float> outputs, int batchSize)
{
    // The last layer holds logits (the loss is fused with Sigmoid): apply Sigmoid here.
    ActivationFunctions.Sigmoid(_a1.AsSpan(0, batchSize * OutputSize), outputs);
}

// BinaryCrossEntropy fused with Sigmoid: L = mean of max(z, 0) - z·y + log(1 + e^-|z|); ∂L/∂z = (σ(z) - y) / (batch · outputs).
private float Loss(ReadOnlySpan<int> labels, int batchSize, bool computeGradients)
{
    Span<float> z1 = _a1.AsSpan(0, batchSize * OutputSize);
    Span<float> dz1 = computeGradients ? _dz1.AsSpan(0, batchSize * OutputSize) : default;
    return Losses.BinaryCrossEntropy(z1, labels, dz1);
}

// BinaryCrossEntropy fused with Sigmoid: L = mean of max(z, 0) - z·y + log(1 + e^-|z|); ∂L/∂z = (σ(z) - y) / (batch · outputs).
private float Loss(ReadOnlySpan<float> targets, int batchSize, bool computeGradients)
{
    Span<float> z1 = _a1.AsSpan(0, batchSize * OutputSize);
    Span<float> dz1 = computeGradients ? _dz1.AsSpan(0, batchSize * OutputSize) : default;
    return Losses.BinaryCrossEntropy(z1, targets, dz1);
}
