// Forward pass over a batch; the network has no dropout, so training and inference run the same pass.
private void Forward(ReadOnlySpan<float> x, int batchSize, bool training)
{
    EnsureForwardCapacity(batchSize);

    // ---- Dense 0: 6 -> 20, ELU ----
    // a0 = ELU(z0), z0 = x · W0 + b0 kept for the backward pass, [batch,6] x [6,20]
    Span<float> z0 = _z0.AsSpan(0, batchSize * 20), a0 = _a0.AsSpan(0, batchSize * 20);
    Dense.Forward<Layer0>(x, W0, B0, z0, batchSize);
    ActivationFunctions.ELU(z0, a0, 0.5f);

    // ---- Dense 1: 20 -> 10, HardSwish ----
    // a1 = HardSwish(z1), z1 = a0 · W1 + b1 kept for the backward pass, [batch,20] x [20,10]
    Span<float> z1 = _z1.AsSpan(0, batchSize * 10), a1 = _a1.AsSpan(0, batchSize * 10);
    Dense.Forward<Layer1>(a0, W1, B1, z1, batchSize);
    ActivationFunctions.HardSwish(z1, a1);

    // ---- Dense 2: 10 -> 2, Softplus ----
    // a2 = Softplus(z2), z2 = a1 · W2 + b2 kept for the backward pass, [batch,10] x [10,2]
    Span<float> z2 = _z2.AsSpan(0, batchSize * 2), a2 = _a2.AsSpan(0, batchSize * 2);
    Dense.Forward<Layer2>(a1, W2, B2, z2, batchSize);
    ActivationFunctions.Softplus(z2, a2);
}
