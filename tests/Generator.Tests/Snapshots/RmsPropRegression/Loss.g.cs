private void WriteOutputs(Span<float> outputs, int batchSize)
{
    _a2.AsSpan(0, batchSize * OutputSize).CopyTo(outputs);
}

// Huber: with d = a - y, L = mean of ½d² for |d| <= δ and δ·(|d| - ½δ) above; ∂L/∂a = d or δ·sign(d), over batch · outputs.
private float Loss(ReadOnlySpan<float> targets, int batchSize, bool computeGradients)
{
    Span<float> a2 = _a2.AsSpan(0, batchSize * OutputSize);
    Span<float> dz2 = computeGradients ? _dz2.AsSpan(0, batchSize * OutputSize) : default;
    return Losses.Huber(a2, targets, dz2, _huberDelta);
}
