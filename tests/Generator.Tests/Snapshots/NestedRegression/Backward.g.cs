// Backward pass, after a training forward pass and the loss (which wrote the last layer's dz): every gradient, last layer first.
private void Backward(ReadOnlySpan<float> x, int batchSize)
{
    // ---- Dense 2: 8 -> 2, Identity ----
    Span<float> dz2 = _dz2.AsSpan(0, batchSize * 2);
    ReadOnlySpan<float> a1 = _a1.AsSpan(0, batchSize * 8);
    // dW2 = a1ᵀ · dz2, db2 = Σ over the batch of dz2, [8,batch] x [batch,2]
    Dense.ParameterGradients<Layer2>(a1, dz2, DW2, DB2, batchSize);
    // da1 = dz2 · W2ᵀ, [batch,2] x [2,8]
    Dense.InputGradients<Layer2>(dz2, W2, _w2Transposed, _dz1.AsSpan(0, batchSize * 8), batchSize);

    // ---- Dense 1: 8 -> 8, Tanh ----
    Span<float> dz1 = _dz1.AsSpan(0, batchSize * 8);
    // dz1 = da1 ⊙ Tanh'(a1)
    ActivationFunctions.TanhBackward(_a1.AsSpan(0, batchSize * 8), dz1);
    ReadOnlySpan<float> a0 = _a0.AsSpan(0, batchSize * 8);
    // dW1 = a0ᵀ · dz1, db1 = Σ over the batch of dz1, [8,batch] x [batch,8]
    Dense.ParameterGradients<Layer1>(a0, dz1, DW1, DB1, batchSize);
    // da0 = dz1 · W1ᵀ, [batch,8] x [8,8]
    Dense.InputGradients<Layer1>(dz1, W1, _w1Transposed, _dz0.AsSpan(0, batchSize * 8), batchSize);

    // ---- Dense 0: 3 -> 8, Sigmoid ----
    Span<float> dz0 = _dz0.AsSpan(0, batchSize * 8);
    // dz0 = da0 ⊙ Sigmoid'(a0)
    ActivationFunctions.SigmoidBackward(_a0.AsSpan(0, batchSize * 8), dz0);
    // dW0 = xᵀ · dz0, db0 = Σ over the batch of dz0, [3,batch] x [batch,8]
    Dense.ParameterGradients<Layer0>(x, dz0, DW0, DB0, batchSize);
}
