using System;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>The kind of targets a test feeds a network.</summary>
public enum Targets
{
    /// <summary>One class index per sample (<c>ReadOnlySpan&lt;int&gt;</c> overloads): CrossEntropy, or BinaryCrossEntropy on one output.</summary>
    ClassLabels,

    /// <summary>One-hot rows of a random class.</summary>
    OneHot,

    /// <summary>Random probability rows (positive, summing to 1): soft CrossEntropy targets.</summary>
    Probabilities,

    /// <summary>Independent 0/1 entries: multi-label BinaryCrossEntropy targets.</summary>
    Binary,

    /// <summary>Independent entries uniform in [0, 1]: soft BinaryCrossEntropy targets (also fine for MSE).</summary>
    UnitInterval,

    /// <summary>Entries uniform in [-1, 1]: regression targets for MeanSquaredError.</summary>
    Regression,
}

/// <summary>A seeded batch: inputs uniform in [-1, 1] (or a multiple of that range) and targets of the requested kind.</summary>
public sealed class Batch
{
    private Batch(int size, float[] inputs, int[]? labels, float[]? rows, int outputs)
    {
        Size = size;
        Inputs = inputs;
        Labels = labels;
        Rows = rows;
        Outputs = outputs;
    }

    /// <summary>Number of samples.</summary>
    public int Size { get; }

    /// <summary><c>[Size, InputSize]</c>, row-major.</summary>
    public float[] Inputs { get; }

    /// <summary>Class indices, for <see cref="Targets.ClassLabels"/>; otherwise null.</summary>
    public int[]? Labels { get; }

    /// <summary><c>[Size, OutputSize]</c> target rows; null for <see cref="Targets.ClassLabels"/>.</summary>
    public float[]? Rows { get; }

    /// <summary>Outputs per sample.</summary>
    public int Outputs { get; }

    /// <summary>Draws a batch from <paramref name="random"/>, inputs uniform in <c>[-inputScale, inputScale]</c>.</summary>
    public static Batch Draw(Random random, Targets kind, int size, int inputSize, int outputs, float inputScale = 1)
    {
        float[] inputs = new float[size * inputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = inputScale * Uniform(random, -1, 1);
        }
        if (kind == Targets.ClassLabels)
        {
            int classes = outputs == 1 ? 2 : outputs; // one Sigmoid output: labels 0 and 1
            int[] labels = new int[size];
            for (int b = 0; b < size; b++)
            {
                labels[b] = random.Next(classes);
            }
            return new Batch(size, inputs, labels, null, outputs);
        }

        float[] rows = new float[size * outputs];
        for (int b = 0; b < size; b++)
        {
            Span<float> row = rows.AsSpan(b * outputs, outputs);
            switch (kind)
            {
                case Targets.OneHot:
                    row[random.Next(outputs)] = 1;
                    break;
                case Targets.Probabilities:
                    float sum = 0;
                    for (int k = 0; k < outputs; k++)
                    {
                        row[k] = Uniform(random, 0.05f, 1);
                        sum += row[k];
                    }
                    for (int k = 0; k < outputs; k++)
                    {
                        row[k] /= sum;
                    }
                    break;
                case Targets.Binary:
                    for (int k = 0; k < outputs; k++)
                    {
                        row[k] = random.Next(2);
                    }
                    break;
                case Targets.UnitInterval:
                    for (int k = 0; k < outputs; k++)
                    {
                        row[k] = Uniform(random, 0, 1);
                    }
                    break;
                case Targets.Regression:
                    for (int k = 0; k < outputs; k++)
                    {
                        row[k] = Uniform(random, -1, 1);
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        }
        return new Batch(size, inputs, null, rows, outputs);
    }

    /// <summary>The inputs as a float64 torch tensor <c>[Size, InputSize]</c>.</summary>
    public Tensor InputTensor() => tensor(ToDouble(Inputs), new long[] { Size, Inputs.Length / Size }, ScalarType.Float64);

    /// <summary>
    /// The targets as torch's loss expects them for <paramref name="loss"/>: class indices (int64 <c>[Size]</c>) for
    /// CrossEntropy from labels, labels as a float64 column <c>[Size, 1]</c> for BinaryCrossEntropy from labels,
    /// otherwise the float64 rows.
    /// </summary>
    public Tensor TargetTensor(LossFunction loss)
    {
        if (Labels is not null)
        {
            return loss == LossFunction.CrossEntropy
                ? tensor(Array.ConvertAll(Labels, l => (long)l), new long[] { Size }, ScalarType.Int64)
                : tensor(Array.ConvertAll(Labels, l => (double)l), new long[] { Size, 1 }, ScalarType.Float64);
        }
        return tensor(ToDouble(Rows!), new long[] { Size, Outputs }, ScalarType.Float64);
    }

    private static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);

    private static float Uniform(Random random, float low, float high) => (float)(low + (high - low) * random.NextDouble());
}
