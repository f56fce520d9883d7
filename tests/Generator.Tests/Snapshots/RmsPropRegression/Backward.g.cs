// Backward pass, after a training forward pass and the loss (which wrote the last layer's dz): every gradient, last layer first.
private void Backward(ReadOnlySpan<float> x, int batchSize)
{
    // ---- Dense 2: 10 -> 2, Softplus ----
    Span<float> dz2 = _dz2.AsSpan(0, batchSize * 2);
    // dz2 = da2 ⊙ Softplus'(z2)
    ActivationFunctions.SoftplusBackward(_z2.AsSpan(0, batchSize * 2), dz2);
    ReadOnlySpan<float> a1 = _a1.AsSpan(0, batchSize * 10);
    // dW2 = a1ᵀ · dz2, db2 = Σ over the batch of dz2, [10,batch] x [batch,2]
    Dense.ParameterGradients<Layer2>(a1, dz2, DW2, DB2, batchSize);
    // da1 = dz2 · W2ᵀ, [batch,2] x [2,10]
    Dense.InputGradients<Layer2>(dz2, W2, _w2Transposed, _dz1.AsSpan(0, batchSize * 10), batchSize);

    // ---- Dense 1: 20 -> 10, HardSwish ----
    Span<float> dz1 = _dz1.AsSpan(0, batchSize * 10);
    // dz1 = da1 ⊙ HardSwish'(z1)
    ActivationFunctions.HardSwishBackward(_z1.AsSpan(0, batchSize * 10), dz1);
    ReadOnlySpan<float> a0 = _a0.AsSpan(0, batchSize * 20);
    // dW1 = a0ᵀ · dz1, db1 = Σ over the batch of dz1, [20,batch] x [batch,10]
    Dense.ParameterGradients<Layer1>(a0, dz1, DW1, DB1, batchSize);
    // da0 = dz1 · W1ᵀ, [batch,10] x [10,20]
    Dense.InputGradients<Layer1>(dz1, W1, _w1Transposed, _dz0.AsSpan(0, batchSize * 20), batchSize);

    // ---- Dense 0: 6 -> 20, ELU ----
    Span<float> dz0 = _dz0.AsSpan(0, batchSize * 20);
    // dz0 = da0 ⊙ ELU'(z0)
    ActivationFunctions.ELUBackward(_z0.AsSpan(0, batchSize * 20), dz0, 0.5f);
    // dW0 = xᵀ · dz0, db0 = Σ over the batch of dz0, [6,batch] x [batch,20]
    Dense.ParameterGradients<Layer0>(x, dz0, DW0, DB0, batchSize);
}
