// Forward pass over a batch; the network has no dropout, so training and inference run the same pass.
private void Forward(ReadOnlySpan<float> x, int batchSize, bool training)
{
    EnsureForwardCapacity(batchSize);

    // ---- Dense 0: 3 -> 8, Sigmoid ----
    // a0 = Sigmoid(x · W0 + b0), [batch,3] x [3,8]
    Span<float> a0 = _a0.AsSpan(0, batchSize * 8);
    Dense.Forward<Layer0>(x, W0, B0, a0, batchSize);
    ActivationFunctions.Sigmoid(a0, a0);

    // ---- Dense 1: 8 -> 8, Tanh ----
    // a1 = Tanh(a0 · W1 + b1), [batch,8] x [8,8]
    Span<float> a1 = _a1.AsSpan(0, batchSize * 8);
    Dense.Forward<Layer1>(a0, W1, B1, a1, batchSize);
    ActivationFunctions.Tanh(a1, a1);

    // ---- Dense 2: 8 -> 2, Identity ----
    // a2 = a1 · W2 + b2, [batch,8] x [8,2]
    Span<float> a2 = _a2.AsSpan(0, batchSize * 2);
    Dense.Forward<Layer2>(a1, W2, B2, a2, batchSize);
}
