using System;
using System.Collections.Generic;
using System.Linq;

namespace StaticNet.Integration.Tests;

/// <summary>
/// An independent forward pass in double precision, written from the definitions (not from the generated code):
/// <c>z = x · W + b</c> with W <c>[inputs x units]</c> row-major followed by its bias in the flat parameter buffer (each
/// tensor on a 64-byte line),
/// then the activation. The activations are written from the formulas of <see cref="Activation"/> (PyTorch's
/// definitions), with their own erf, not from the runtime's <c>ActivationFunctions</c>.
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly int _inputSize;
    private readonly (int Units, Activation Activation, double Parameter)[] _layers;
    private float[]?[] _dropoutMasks = [];

    public ReferenceNetwork(int inputSize, params (int Units, Activation Activation)[] layers)
        : this(inputSize, Array.ConvertAll(layers, l => (l.Units, l.Activation, double.NaN)))
    {
    }

    /// <summary>Layers with an activation parameter: LeakyReLU's negative slope or ELU's α (NaN: the default, 0.01 or 1).</summary>
    public ReferenceNetwork(int inputSize, params (int Units, Activation Activation, double Parameter)[] layers)
    {
        _inputSize = inputSize;
        _layers = layers;
    }

    /// <summary>
    /// The same network in training mode: layer l's activations are multiplied by <paramref name="masks"/>[l] (row-major
    /// <c>[batch x units]</c>; null for a layer without dropout) before the next layer reads them (inverted dropout).
    /// </summary>
    public ReferenceNetwork WithDropoutMasks(params float[]?[] masks) => new(_inputSize, _layers) { _dropoutMasks = masks };

    /// <summary>
    /// Length of the flat parameter buffer: the tensors W0, b0, W1, b1... in order, each starting at the next multiple
    /// of 16 floats (a 64-byte line, as DESIGN lays them out), the last one's end rounded up to a line.
    /// </summary>
    public int BufferLength
    {
        get
        {
            int end = 0;
            foreach ((int weights, int bias, int fanIn, int units) in Layout())
            {
                end = bias + units;
            }

            return Align(end);
        }
    }

    /// <summary>For each position of the buffer, whether it holds a weight (true) or a bias or padding (false).</summary>
    public bool[] WeightMask()
    {
        var mask = new bool[BufferLength];
        foreach ((int weights, _, int fanIn, int units) in Layout())
        {
            mask.AsSpan(weights, fanIn * units).Fill(true);
        }

        return mask;
    }

    /// <summary>For each position of the buffer, whether it holds a bias (true) or a weight or padding (false).</summary>
    public bool[] BiasMask()
    {
        var mask = new bool[BufferLength];
        foreach ((_, int bias, _, int units) in Layout())
        {
            mask.AsSpan(bias, units).Fill(true);
        }

        return mask;
    }

    /// <summary>Each layer's weight and bias offsets in the buffer, with its fan-in and units.</summary>
    public IEnumerable<(int Weights, int Bias, int FanIn, int Units)> Layout()
    {
        int fanIn = _inputSize;
        int end = 0;
        foreach ((int units, _, _) in _layers)
        {
            int weights = Align(end);
            int bias = Align(weights + fanIn * units);
            yield return (weights, bias, fanIn, units);
            end = bias + units;
            fanIn = units;
        }
    }

    private static int Align(int offset) => (offset + 15) / 16 * 16;

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
        var layout = Layout().ToArray();
        for (int l = 0; l < _layers.Length; l++)
        {
            (int units, Activation activation, double parameter) = _layers[l];
            ReadOnlySpan<float> weights = parameters.Slice(layout[l].Weights, fanIn * units);
            ReadOnlySpan<float> bias = parameters.Slice(layout[l].Bias, units);
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
            activations[l] = Activate(z, batch, units, activation, parameter);
            x = activations[l];
            if (l < _dropoutMasks.Length && _dropoutMasks[l] is float[] mask)
            {
                x = new double[x.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = activations[l][i] * mask[i];
                }
            }

            fanIn = units;
        }

        if (BufferLength != parameters.Length)
        {
            throw new ArgumentException($"The layers need a buffer of {BufferLength} floats but {parameters.Length} were given.", nameof(parameters));
        }

        return (preActivations, activations);
    }

    /// <summary>The outputs of the last layer, <c>[batch x units]</c>.</summary>
    public double[] Predict(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch) => Run(parameters, inputs, batch).Activations[^1];

    /// <summary>
    /// How far the inputs keep every pre-activation from a kink of its layer's activation: the smallest distance of z to
    /// 0 (ReLU, LeakyReLU, ELU) or to ±3 (HardSigmoid, HardSwish); +∞ when no layer has a kink.
    /// </summary>
    public double KinkMargin(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch)
    {
        double[][] z = Run(parameters, inputs, batch).PreActivations;
        double margin = double.PositiveInfinity;
        for (int l = 0; l < _layers.Length; l++)
        {
            double[] kinks = _layers[l].Activation switch
            {
                Activation.ReLU or Activation.LeakyReLU or Activation.ELU => [0],
                Activation.HardSigmoid or Activation.HardSwish => [-3, 3],
                _ => [],
            };
            foreach (double kink in kinks)
            {
                foreach (double value in z[l])
                {
                    margin = Math.Min(margin, Math.Abs(value - kink));
                }
            }
        }

        return margin;
    }

    /// <summary>f(z) for one element of a layer with an element-wise activation (not Softmax), in double.</summary>
    public static double Activate(Activation activation, double z, double parameter = double.NaN) => activation switch
    {
        Activation.Identity => z,
        Activation.ReLU => Math.Max(0, z),
        Activation.Sigmoid => 1 / (1 + Math.Exp(-z)),
        Activation.Tanh => Math.Tanh(z),
        Activation.LeakyReLU => z > 0 ? z : (double.IsNaN(parameter) ? 0.01 : parameter) * z,
        Activation.ELU => z > 0 ? z : (double.IsNaN(parameter) ? 1 : parameter) * (Math.Exp(z) - 1),
        Activation.GELU => z * 0.5 * (1 + Erf(z / Math.Sqrt(2))),
        Activation.GELUTanh => 0.5 * z * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z))),
        Activation.SiLU => z / (1 + Math.Exp(-z)),
        Activation.Softplus => z > 20 ? z : Math.Log(1 + Math.Exp(z)),
        Activation.Softsign => z / (1 + Math.Abs(z)),
        Activation.HardSigmoid => Math.Clamp(z / 6 + 0.5, 0, 1),
        Activation.HardSwish => z * Math.Clamp(z / 6 + 0.5, 0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Softmax is not element-wise."),
    };

    /// <summary>
    /// erf(x) = 2/√π ∫₀ˣ e^(-t²) dt from the everywhere-convergent series of positive terms
    /// <c>erf(x) = 2/√π · e^(-x²) · Σ_n (2x²)^n · x / (1·3·5···(2n+1))</c> (Abramowitz &amp; Stegun 7.1.6), to double
    /// precision for |x| ≤ 6; beyond, erf is ±1 to double precision (erfc(6) ≈ 2e-17).
    /// </summary>
    public static double Erf(double x)
    {
        if (Math.Abs(x) > 6)
        {
            return Math.Sign(x);
        }

        double term = x;
        double sum = x;
        double twoXSquared = 2 * x * x;
        for (int n = 1; n < 500 && Math.Abs(term) > 1e-18 * Math.Abs(sum); n++)
        {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
        }

        return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x) * sum;
    }

    private static double[] Activate(double[] z, int batch, int units, Activation activation, double parameter)
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
                a[b * units + u] = activation == Activation.Softmax ? Math.Exp(v - max) / sum : Activate(activation, v, parameter);
            }
        }

        return a;
    }
}
