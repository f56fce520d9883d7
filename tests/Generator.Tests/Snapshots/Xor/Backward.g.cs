// Backward pass, after a training forward pass and the loss (which wrote the last layer's dz): every gradient, last layer first.
private void Backward(ReadOnlySpan<float> x, int batchSize)
{
    // ---- Dense 1: 4 -> 1, Sigmoid ----
    Span<float> dz1 = _dz1.AsSpan(0, batchSize * 1);
    ReadOnlySpan<float> a0 = _a0.AsSpan(0, batchSize * 4);
    // dW1 = a0ᵀ · dz1, db1 = Σ over the batch of dz1, [4,batch] x [batch,1]
    Dense.ParameterGradients<Layer1>(a0, dz1, DW1, DB1, batchSize);
    // da0 = dz1 · W1ᵀ, [batch,1] x [1,4]
    Dense.InputGradients<Layer1>(dz1, W1, _w1Transposed, _dz0.AsSpan(0, batchSize * 4), batchSize);

    // ---- Dense 0: 2 -> 4, Tanh ----
    Span<float> dz0 = _dz0.AsSpan(0, batchSize * 4);
    // dz0 = da0 ⊙ Tanh'(a0)
    ActivationFunctions.TanhBackward(_a0.AsSpan(0, batchSize * 4), dz0);
    // dW0 = xᵀ · dz0, db0 = Σ over the batch of dz0, [2,batch] x [batch,4]
    Dense.ParameterGradients<Layer0>(x, dz0, DW0, DB0, batchSize);
}
