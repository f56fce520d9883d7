using System;

namespace StaticNet.Integration.Tests;

/// <summary>
/// An independent forward pass in double precision, written from the definitions (not from the generated code):
/// <c>z = x · W + b</c> with W <c>[inputs x units]</c> row-major followed by its bias in the flat parameter buffer,
/// then the activation.
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly int _inputSize;
    private readonly (int Units, Activation Activation)[] _layers;

    public ReferenceNetwork(int inputSize, params (int Units, Activation Activation)[] layers)
    {
        _inputSize = inputSize;
        _layers = layers;
    }

    /// <summary>Number of parameters of the layers.</summary>
    public int ParameterCount
    {
        get
        {
            int count = 0;
            int fanIn = _inputSize;
            foreach ((int units, _) in _layers)
            {
                count += fanIn * units + units;
                fanIn = units;
            }

            return count;
        }
    }

    /// <summary>For each parameter, whether it is a weight (true) or a bias (false).</summary>
    public bool[] WeightMask()
    {
        var mask = new bool[ParameterCount];
        int fanIn = _inputSize;
        int offset = 0;
        foreach ((int units, _) in _layers)
        {
            mask.AsSpan(offset, fanIn * units).Fill(true);
            offset += fanIn * units + units;
            fanIn = units;
        }

        return mask;
    }

    /// <summary>Pre-activations and activations of every layer, each <c>[batch x units]</c>.</summary>
    public (double[][] PreActivations, double[][] Activations) Run(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch)
    {
        var preActivations = new double[_layers.Length][];
        var activations = new double[_layers.Length][];
        double[] x = new double[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            x[i] = inputs[i];
        }

        int fanIn = _inputSize;
        int offset = 0;
        for (int l = 0; l < _layers.Length; l++)
        {
            (int units, Activation activation) = _layers[l];
            ReadOnlySpan<float> weights = parameters.Slice(offset, fanIn * units);
            ReadOnlySpan<float> bias = parameters.Slice(offset + fanIn * units, units);
            offset += fanIn * units + units;
            var z = new double[batch * units];
            for (int b = 0; b < batch; b++)
            {
                for (int u = 0; u < units; u++)
                {
                    double sum = bias[u];
                    for (int k = 0; k < fanIn; k++)
                    {
                        sum += x[b * fanIn + k] * (double)weights[k * units + u];
                    }

                    z[b * units + u] = sum;
                }
            }

            preActivations[l] = z;
            activations[l] = Activate(z, batch, units, activation);
            x = activations[l];
            fanIn = units;
        }

        if (offset != parameters.Length)
        {
            throw new ArgumentException($"The layers need {offset} parameters but {parameters.Length} were given.", nameof(parameters));
        }

        return (preActivations, activations);
    }

    /// <summary>The outputs of the last layer, <c>[batch x units]</c>.</summary>
    public double[] Predict(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch) => Run(parameters, inputs, batch).Activations[^1];

    /// <summary>The smallest |z| over the pre-activations of the ReLU layers (how far the inputs are from a kink).</summary>
    public double ReLUMargin(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch)
    {
        double[][] z = Run(parameters, inputs, batch).PreActivations;
        double margin = double.PositiveInfinity;
        for (int l = 0; l < _layers.Length; l++)
        {
            if (_layers[l].Activation == Activation.ReLU)
            {
                foreach (double value in z[l])
                {
                    margin = Math.Min(margin, Math.Abs(value));
                }
            }
        }

        return margin;
    }

    private static double[] Activate(double[] z, int batch, int units, Activation activation)
    {
        var a = new double[z.Length];
        for (int b = 0; b < batch; b++)
        {
            double max = double.NegativeInfinity;
            double sum = 0;
            if (activation == Activation.Softmax)
            {
                for (int u = 0; u < units; u++)
                {
                    max = Math.Max(max, z[b * units + u]);
                }

                for (int u = 0; u < units; u++)
                {
                    sum += Math.Exp(z[b * units + u] - max);
                }
            }

            for (int u = 0; u < units; u++)
            {
                double v = z[b * units + u];
                a[b * units + u] = activation switch
                {
                    Activation.ReLU => Math.Max(0, v),
                    Activation.Sigmoid => 1 / (1 + Math.Exp(-v)),
                    Activation.Tanh => Math.Tanh(v),
                    Activation.Softmax => Math.Exp(v - max) / sum,
                    _ => v,
                };
            }
        }

        return a;
    }
}
