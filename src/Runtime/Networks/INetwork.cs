using System;

namespace StaticNet;

/// <summary>
/// Implemented by every network StaticNet generates. Sizes are static abstract members, so runtime helpers are
/// generic over the network type (<c>where TNetwork : INetwork&lt;TNetwork&gt;</c>) with no reflection and no virtual
/// calls in the hot path. Instances are not thread-safe: every call overwrites the instance's workspaces.
/// </summary>
/// <typeparam name="TSelf">The generated network type.</typeparam>
public interface INetwork<TSelf> where TSelf : INetwork<TSelf>
{
    /// <summary>Number of input features per sample.</summary>
    static abstract int InputSize { get; }

    /// <summary>Number of outputs per sample (units of the last layer).</summary>
    static abstract int OutputSize { get; }

    /// <summary>Number of trainable parameters (Keras <c>count_params()</c>).</summary>
    static abstract int ParameterCount { get; }

    /// <summary>
    /// Length of <see cref="Parameters"/> and <see cref="Gradients"/>: at least <see cref="ParameterCount"/>, since each
    /// tensor starts on a 64-byte boundary and the floats between tensors are zero padding.
    /// </summary>
    static abstract int ParameterBufferLength { get; }

    /// <summary>Largest batch a call accepts: every workspace of <c>[batch, widest layer]</c> floats must fit an array.</summary>
    static abstract int MaxBatchSize { get; }

    /// <summary>
    /// How the parameters are written to a model file (<see cref="ModelFile"/>): tensor names and shapes as PyTorch's
    /// <c>nn.Sequential</c> of <c>nn.Linear</c> has them, and the architecture in words with its fingerprint.
    /// </summary>
    static abstract ModelLayout Layout { get; }

    /// <summary>Creates a network with weights initialised from <paramref name="seed"/> (deterministic across runs).</summary>
    /// <param name="seed">Seed of the weight initialisation.</param>
    static abstract TSelf Create(int seed);

    /// <summary>
    /// All trainable parameters as one flat buffer of <see cref="ParameterBufferLength"/> floats, layer by layer: weights
    /// <c>[inputs x units]</c> row-major, then biases, each tensor at an offset that is a multiple of 16 floats (the
    /// generated <c>...Offset</c> constants); the padding between and after the tensors starts at zero and never affects
    /// an output. Copy tensors by their offsets, not as one packed vector of <see cref="ParameterCount"/> floats.
    /// </summary>
    Span<float> Parameters { get; }

    /// <summary>Gradients of the mean batch loss with respect to <see cref="Parameters"/>, same layout, from the last <see cref="ComputeGradients"/>.</summary>
    Span<float> Gradients { get; }

    /// <summary>Step size of the optimizer, greater than 0; changeable between steps (learning-rate schedules).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite or not greater than 0.</exception>
    float LearningRate { get; set; }

    /// <summary>Number of optimizer steps taken so far (Adam's t).</summary>
    long StepCount { get; }

    /// <summary>
    /// The optimizer's state, the step count and the dropout generator's state, for checkpoints
    /// (<see cref="ModelFile.SaveCheckpoint{TNetwork}(TNetwork, string)"/>).
    /// </summary>
    ITrainingState TrainingState { get; }

    /// <summary>Runs the network on one sample.</summary>
    /// <param name="input">Length <c>InputSize</c>.</param>
    /// <param name="output">Receives the outputs (probabilities after Softmax or Sigmoid), length <c>OutputSize</c>.</param>
    /// <exception cref="ArgumentException">A span's length differs from the stated length.</exception>
    void Predict(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Runs the network on a batch.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="outputs">Receives <c>[batchSize, OutputSize]</c>, row-major.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, or <paramref name="batchSize"/> is out of range.</exception>
    void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize);

    /// <summary>Forward pass, backward pass and one optimizer step on a batch: <see cref="ComputeGradients"/> then <see cref="ApplyGradients"/>.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="targets"><c>[batchSize, OutputSize]</c>, row-major (one-hot rows for CrossEntropy).</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <returns>The mean loss of the batch before the step, regularization penalty excluded.</returns>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, or <paramref name="batchSize"/> is out of range.</exception>
    float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize);

    /// <summary>Forward and backward pass: writes the gradients of the mean batch loss into <see cref="Gradients"/>; parameters are unchanged.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="targets"><c>[batchSize, OutputSize]</c>, row-major.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <returns>The mean loss of the batch, regularization penalty excluded.</returns>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, or <paramref name="batchSize"/> is out of range.</exception>
    float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize);

    /// <summary>Forward pass only: the mean loss of the batch, regularization penalty excluded. Gradients and parameters are unchanged.</summary>
    /// <param name="inputs"><c>[batchSize, InputSize]</c>, row-major.</param>
    /// <param name="targets"><c>[batchSize, OutputSize]</c>, row-major.</param>
    /// <param name="batchSize">Number of samples, at least 1.</param>
    /// <exception cref="ArgumentException">A span's length differs from the stated length, or <paramref name="batchSize"/> is out of range.</exception>
    float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize);

    /// <summary>
    /// One optimizer step from the current <see cref="Gradients"/>, with the L1/L2 gradients of the weights added in the
    /// same sweep; increments <see cref="StepCount"/>. <see cref="Gradients"/> is left as it was.
    /// </summary>
    void ApplyGradients();

    /// <summary>
    /// The regularization penalty <c>λ1·Σ|w| + (λ2/2)·Σw²</c> over the weights (and the biases with
    /// <see cref="NetworkAttribute.PenalizeBiases"/>); 0 without L1/L2. Decoupled weight decay is not a loss term.
    /// </summary>
    float RegularizationLoss();
}
