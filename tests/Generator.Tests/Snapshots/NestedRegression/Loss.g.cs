private void WriteOutputs(Span<float> outputs, int batchSize)
{
    _a2.AsSpan(0, batchSize * OutputSize).CopyTo(outputs);
}

// MeanSquaredError: L = Σ (a - y)² / (batch · outputs); ∂L/∂a = 2 (a - y) / (batch · outputs).
private float Loss(ReadOnlySpan<float> targets, int batchSize, bool computeGradients)
{
    Span<float> a2 = _a2.AsSpan(0, batchSize * OutputSize);
    Span<float> dz2 = computeGradients ? _dz2.AsSpan(0, batchSize * OutputSize) : default;
    return Losses.MeanSquaredError(a2, targets, dz2);
}
