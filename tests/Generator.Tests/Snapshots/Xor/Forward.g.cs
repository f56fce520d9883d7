// Forward pass over a batch; the network has no dropout, so training and inference run the same pass.
private void Forward(ReadOnlySpan<float> x, int batchSize, bool training)
{
    EnsureForwardCapacity(batchSize);

    // ---- Dense 0: 2 -> 4, Tanh ----
    // a0 = Tanh(x · W0 + b0), [batch,2] x [2,4]
    Span<float> a0 = _a0.AsSpan(0, batchSize * 4);
    Dense.Forward<Layer0>(x, W0, B0, a0, batchSize);
    ActivationFunctions.Tanh(a0, a0);

    // ---- Dense 1: 4 -> 1, Sigmoid ----
    // z1 = a0 · W1 + b1 (logits: Sigmoid is applied by Predict and fused into the loss), [batch,4] x [4,1]
    Dense.Forward<Layer1>(a0, W1, B1, _a1.AsSpan(0, batchSize * 1), batchSize);
}
