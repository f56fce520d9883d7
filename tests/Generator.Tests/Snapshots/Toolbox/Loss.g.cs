private void WriteOutputs(Span<float> outputs, int batchSize)
{
    // The last layer holds logits (the loss is fused with Softmax): apply Softmax here.
    ActivationFunctions.Softmax(_a2.AsSpan(0, batchSize * OutputSize), outputs, OutputSize);
}

// CrossEntropy fused with Softmax: L = mean over the batch of log Σ_k e^(z_k) - z_label; ∂L/∂z = (softmax(z) - onehot(label)) / batch.
private float Loss(ReadOnlySpan<int> labels, int batchSize, bool computeGradients)
{
    Span<float> z2 = _a2.AsSpan(0, batchSize * OutputSize);
    Span<float> dz2 = computeGradients ? _dz2.AsSpan(0, batchSize * OutputSize) : default;
    return Losses.CrossEntropy(z2, labels, dz2, _logitScratch, OutputSize, labelSmoothing: _labelSmoothing);
}

// CrossEntropy fused with Softmax: L = mean over the batch of Σ_k y_k (log Σ_j e^(z_j) - z_k); ∂L/∂z = (softmax(z) - y) / batch.
private float Loss(ReadOnlySpan<float> targets, int batchSize, bool computeGradients)
{
    Span<float> z2 = _a2.AsSpan(0, batchSize * OutputSize);
    Span<float> dz2 = computeGradients ? _dz2.AsSpan(0, batchSize * OutputSize) : default;
    return Losses.CrossEntropy(z2, targets, dz2, _logitScratch, OutputSize, labelSmoothing: _labelSmoothing);
}
