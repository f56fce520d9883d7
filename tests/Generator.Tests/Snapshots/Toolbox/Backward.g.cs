// Backward pass, after a training forward pass and the loss (which wrote the last layer's dz): every gradient, last layer first.
private void Backward(ReadOnlySpan<float> x, int batchSize)
{
    // ---- Dense 2: 16 -> 5, Softmax ----
    Span<float> dz2 = _dz2.AsSpan(0, batchSize * 5);
    ReadOnlySpan<float> a1 = _a1.AsSpan(0, batchSize * 16);
    // dW2 = a1ᵀ · dz2, db2 = Σ over the batch of dz2, [16,batch] x [batch,5]
    Dense.ParameterGradients<Layer2>(a1, dz2, DW2, DB2, batchSize);
    // da1 = dz2 · W2ᵀ, [batch,5] x [5,16]
    Dense.InputGradients<Layer2>(dz2, W2, _w2Transposed, _dz1.AsSpan(0, batchSize * 16), batchSize);

    // ---- Dense 1: 32 -> 16, LeakyReLU ----
    Span<float> dz1 = _dz1.AsSpan(0, batchSize * 16);
    // dz1 = da1 ⊙ LeakyReLU'(z1)
    ActivationFunctions.LeakyReLUBackward(_z1.AsSpan(0, batchSize * 16), dz1, 0.2f);
    ReadOnlySpan<float> d0 = _dropped0.AsSpan(0, batchSize * 32);
    // dW1 = d0ᵀ · dz1, db1 = Σ over the batch of dz1, [32,batch] x [batch,16]
    Dense.ParameterGradients<Layer1>(d0, dz1, DW1, DB1, batchSize);
    // dd0 = dz1 · W1ᵀ, [batch,16] x [16,32]
    Dense.InputGradients<Layer1>(dz1, W1, _w1Transposed, _dz0.AsSpan(0, batchSize * 32), batchSize);

    // ---- Dropout 0: on a0, Dense 0's activations ----
    // da0 = dd0 ⊙ mask0
    Span<float> da0 = _dz0.AsSpan(0, batchSize * 32);
    TensorPrimitives.Multiply<float>(da0, _mask0.AsSpan(0, batchSize * 32), da0);

    // ---- Dense 0: 12 -> 32, GELU ----
    Span<float> dz0 = _dz0.AsSpan(0, batchSize * 32);
    // dz0 = da0 ⊙ GELU'(z0)
    ActivationFunctions.GELUBackward(_z0.AsSpan(0, batchSize * 32), dz0);
    // dW0 = xᵀ · dz0, db0 = Σ over the batch of dz0, [12,batch] x [batch,32]
    Dense.ParameterGradients<Layer0>(x, dz0, DW0, DB0, batchSize);
}
