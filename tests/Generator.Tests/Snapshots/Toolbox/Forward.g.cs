// Forward pass over a batch. In training, dropout masks are drawn and the next layer reads the dropped activations.
private void Forward(ReadOnlySpan<float> x, int batchSize, bool training)
{
    EnsureForwardCapacity(batchSize);

    // ---- Dense 0: 12 -> 32, GELU ----
    // a0 = GELU(z0), z0 = x · W0 + b0 kept for the backward pass, [batch,12] x [12,32]
    Span<float> z0 = _z0.AsSpan(0, batchSize * 32), a0 = _a0.AsSpan(0, batchSize * 32);
    Dense.Forward<Layer0>(x, W0, B0, z0, batchSize);
    ActivationFunctions.GELU(z0, a0);

    // ---- Dropout 0: on a0, Dense 0's activations ----
    // d0 = a0 ⊙ mask0 in training, mask 0 with probability rate else 1/(1 - rate); the identity in inference
    ReadOnlySpan<float> d0 = a0;
    if (training)
    {
        Span<float> mask0 = _mask0.AsSpan(0, batchSize * 32), dropped0 = _dropped0.AsSpan(0, batchSize * 32);
        DropoutMask.Fill(mask0, _dense0DropoutRate, ref _dropoutState);
        TensorPrimitives.Multiply<float>(a0, mask0, dropped0);
        d0 = dropped0;
    }

    // ---- Dense 1: 32 -> 16, LeakyReLU ----
    // a1 = LeakyReLU(z1), z1 = d0 · W1 + b1 kept for the backward pass, [batch,32] x [32,16]
    Span<float> z1 = _z1.AsSpan(0, batchSize * 16), a1 = _a1.AsSpan(0, batchSize * 16);
    Dense.Forward<Layer1>(d0, W1, B1, z1, batchSize);
    ActivationFunctions.LeakyReLU(z1, a1, 0.2f);

    // ---- Dense 2: 16 -> 5, Softmax ----
    // z2 = a1 · W2 + b2 (logits: Softmax is applied by Predict and fused into the loss), [batch,16] x [16,5]
    Dense.Forward<Layer2>(a1, W2, B2, _a2.AsSpan(0, batchSize * 5), batchSize);
}
