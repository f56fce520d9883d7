using System;
using System.Collections.Generic;

namespace StaticNet.Tests;

/// <summary>Test double: 3 inputs, 3 outputs, Predict copies each sample's features to its outputs.</summary>
internal sealed class IdentityNetwork : INetwork<IdentityNetwork>
{
    public static int InputSize => 3;

    public static int OutputSize => 3;

    public static int ParameterCount => 0;
    public static int ParameterBufferLength => 0;

    public static int MaxBatchSize => 1 << 20;


    public static ModelLayout Layout { get; } = new("Input (a test double)", "0000000000000000", 0);

    /// <summary>The batch size of every batched Predict call, in order.</summary>
    public List<int> BatchSizes { get; } = [];

    public Span<float> Parameters => Span<float>.Empty;

    public Span<float> Gradients => Span<float>.Empty;

    public float LearningRate { get; set; } = 0.1f;

    public long StepCount => 0;


    public ITrainingState TrainingState => throw new NotSupportedException();

    public static IdentityNetwork Create(int seed) => new();

    public void Predict(ReadOnlySpan<float> input, Span<float> output) => Copy(input, output, 1);

    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)
    {
        BatchSizes.Add(batchSize);
        Copy(inputs, outputs, batchSize);
    }

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public void ApplyGradients() => throw new NotSupportedException();

    public float RegularizationLoss() => 0f;

    internal static void Copy(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)
    {
        // Same contract as a generated network: exact lengths or ArgumentException.
        if (inputs.Length != batchSize * InputSize || outputs.Length != batchSize * OutputSize)
        {
            throw new ArgumentException($"Expected {batchSize * InputSize} inputs and {batchSize * OutputSize} outputs, got {inputs.Length} and {outputs.Length}.");
        }

        inputs.CopyTo(outputs);
    }
}

/// <summary>Test double: 1 input, 1 output (like a Sigmoid probability), Predict copies the feature to the output.</summary>
internal sealed class BinaryIdentityNetwork : INetwork<BinaryIdentityNetwork>
{
    public static int InputSize => 1;

    public static int OutputSize => 1;

    public static int ParameterCount => 0;
    public static int ParameterBufferLength => 0;

    public static int MaxBatchSize => 1 << 20;


    public static ModelLayout Layout { get; } = new("Input (a test double)", "0000000000000000", 0);

    public Span<float> Parameters => Span<float>.Empty;

    public Span<float> Gradients => Span<float>.Empty;

    public float LearningRate { get; set; } = 0.1f;

    public long StepCount => 0;


    public ITrainingState TrainingState => throw new NotSupportedException();

    public static BinaryIdentityNetwork Create(int seed) => new();

    public void Predict(ReadOnlySpan<float> input, Span<float> output) => Predict(input, output, 1);

    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)
    {
        if (inputs.Length != batchSize || outputs.Length != batchSize)
        {
            throw new ArgumentException($"Expected {batchSize} inputs and outputs, got {inputs.Length} and {outputs.Length}.");
        }

        inputs.CopyTo(outputs);
    }

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public void ApplyGradients() => throw new NotSupportedException();

    public float RegularizationLoss() => 0f;
}
