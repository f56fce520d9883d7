using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>
/// The same multilayer perceptron as a StaticNet network, built in TorchSharp from the network's declaration
/// (<see cref="NetworkSpec"/>) and a copy of its parameters, in double precision: for the float32 values StaticNet
/// starts from, the torch results are then the exact answer up to double rounding, so a difference is StaticNet's
/// float32 rounding or a StaticNet bug, never torch's own float32 rounding.
/// </summary>
/// <remarks>
/// Layout: StaticNet stores each layer's weights as <c>W[inputs x units]</c> row-major, torch's <c>nn.Linear</c> as
/// <c>weight[out, in]</c>; weights and their gradients are transposed when copied either way.
/// The loss is torch's own: <c>cross_entropy</c> (with <c>label_smoothing</c>) on the logits for Softmax + CrossEntropy
/// (class labels or probability rows), <c>binary_cross_entropy_with_logits</c> for Sigmoid + BinaryCrossEntropy,
/// <c>mse_loss</c>, <c>l1_loss</c> and <c>huber_loss(delta)</c> on the activated output for MeanSquaredError,
/// MeanAbsoluteError and Huber; all with mean reduction. Activations are torch's functionals
/// (<c>leaky_relu(negative_slope)</c>, <c>elu(alpha)</c>, <c>gelu</c>, <c>gelu(approximate="tanh")</c>, <c>silu</c>,
/// <c>softplus(1, 20)</c>, <c>softsign</c>, <c>hardsigmoid</c>, <c>hardswish</c>).
/// Dropout: in eval (no masks given) torch's <c>dropout(training: false)</c>, the identity; in training the keep
/// pattern StaticNet drew (replayed from its seed, see <see cref="TorchOracle"/>) applied as torch's
/// <c>nn.Dropout</c> applies its Bernoulli mask: <c>x · keep / (1 - p)</c>.
/// </remarks>
public sealed class TorchMlp : IDisposable
{
    private readonly Linear[] _layers;
    private readonly double[] _dropoutRates;

    /// <summary>
    /// Builds the torch model of <paramref name="spec"/> with the parameters in <paramref name="parameters"/> (StaticNet's flat
    /// layout); the loss's and dropout's hyper-parameters (label smoothing, Huber δ, dropout rates) are read from
    /// <paramref name="network"/>'s generated properties.
    /// </summary>
    public TorchMlp(NetworkSpec spec, ReadOnlySpan<float> parameters, object network)
    {
        Spec = spec;
        LabelSmoothing = spec.HasLabelSmoothing ? NetworkSpec.HyperParameter(network, "LabelSmoothing") : 0;
        HuberDelta = spec.Loss == LossFunction.Huber ? NetworkSpec.HyperParameter(network, "HuberDelta") : 1;
        _dropoutRates = spec.Layers.Select(l => l.HasDropout ? (double)NetworkSpec.HyperParameter(network, l.DropoutRateProperty) : 0).ToArray();
        _layers = new Linear[spec.Layers.Count];
        for (int i = 0; i < _layers.Length; i++)
        {
            LayerSpec layer = spec.Layers[i];
            _layers[i] = nn.Linear(layer.Inputs, layer.Units, hasBias: true, dtype: ScalarType.Float64);
        }
        SetParameters(parameters);
    }

    /// <summary>The declaration this model mirrors.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>CrossEntropy's <c>label_smoothing</c> (0 unless declared).</summary>
    public double LabelSmoothing { get; }

    /// <summary>HuberLoss's <c>delta</c>.</summary>
    public double HuberDelta { get; }

    /// <summary>The dropout rate after layer <paramref name="index"/> (0 without dropout).</summary>
    public double DropoutRate(int index) => _dropoutRates[index];

    /// <summary>The weight tensors, <c>[out, in]</c>, one per layer.</summary>
    public IReadOnlyList<Parameter> Weights => _layers.Select(l => l.weight).ToArray();

    /// <summary>The bias tensors, one per layer.</summary>
    public IReadOnlyList<Parameter> Biases => _layers.Select(Bias).ToArray();

    /// <summary>Copies StaticNet's flat parameters into the torch layers (transposing the weights).</summary>
    public void SetParameters(ReadOnlySpan<float> parameters)
    {
        using var noGrad = no_grad();
        foreach (LayerSpec layer in Spec.Layers)
        {
            double[] w = new double[layer.Units * layer.Inputs];
            for (int i = 0; i < layer.Inputs; i++)
            {
                for (int j = 0; j < layer.Units; j++)
                {
                    w[j * layer.Inputs + i] = parameters[layer.WeightsOffset + i * layer.Units + j];
                }
            }
            double[] b = new double[layer.Units];
            for (int j = 0; j < layer.Units; j++)
            {
                b[j] = parameters[layer.BiasOffset + j];
            }
            using Tensor wt = tensor(w, new long[] { layer.Units, layer.Inputs }, ScalarType.Float64);
            using Tensor bt = tensor(b, new long[] { layer.Units }, ScalarType.Float64);
            _layers[layer.Index].weight.copy_(wt);
            Bias(_layers[layer.Index]).copy_(bt);
        }
    }

    /// <summary>The parameters in StaticNet's flat layout (weights transposed back to <c>[inputs x units]</c>); padding, if any, is 0.</summary>
    public double[] Parameters() => Flatten(static p => p);

    /// <summary>The gradients from the last <see cref="Backward"/> in StaticNet's flat layout.</summary>
    public double[] Gradients() => Flatten(static p => p.grad ?? throw new InvalidOperationException("No gradient: call Backward first."));

    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGradients()
    {
        foreach (Linear layer in _layers)
        {
            layer.weight.grad?.zero_();
            Bias(layer).grad?.zero_();
        }
    }

    /// <summary>
    /// The network's output before the loss: the logits of a Softmax or Sigmoid output layer when the loss is fused with
    /// it (CrossEntropy, BinaryCrossEntropy), the activated output otherwise.
    /// </summary>
    /// <param name="inputs"><c>[batch, InputSize]</c>, float64.</param>
    /// <param name="keep">
    /// Training mode: per layer, the dropout keep pattern (1 kept, 0 dropped, <c>[batch, units]</c>) or null for a layer
    /// without dropout. Null for eval mode (dropout is the identity, as <c>nn.Dropout</c> after <c>eval()</c>).
    /// </param>
    public Tensor Forward(Tensor inputs, IReadOnlyList<Tensor?>? keep = null)
    {
        Tensor x = inputs;
        for (int i = 0; i < _layers.Length; i++)
        {
            LayerSpec layer = Spec.Layers[i];
            Tensor z = _layers[i].forward(x);
            bool fused = i == _layers.Length - 1 && IsFusedWithLoss(Spec);
            x = fused ? z : Activate(z, layer);
            if (layer.HasDropout)
            {
                double p = _dropoutRates[i];
                Tensor? pattern = keep?[i];
                if (keep is null)
                {
                    x = nn.functional.dropout(x, p, training: false);
                }
                else if (pattern is null)
                {
                    throw new ArgumentException($"Training-mode forward pass without a keep pattern for layer {i}'s dropout.", nameof(keep));
                }
                else
                {
                    // ATen's _dropout_impl: noise = bernoulli(1 - p) / (1 - p); output = input * noise.
                    x = x * (pattern / (1 - p));
                }
            }
        }
        return x;
    }

    /// <summary>The smallest and largest pre-activation of each layer for <paramref name="inputs"/> (eval mode), for reports.</summary>
    public (double Min, double Max)[] PreActivationRanges(Tensor inputs)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var ranges = new (double, double)[_layers.Length];
        Tensor x = inputs;
        for (int i = 0; i < _layers.Length; i++)
        {
            Tensor z = _layers[i].forward(x);
            ranges[i] = (z.min().item<double>(), z.max().item<double>());
            x = Activate(z, Spec.Layers[i]);
        }
        return ranges;
    }

    /// <summary>Mean batch loss as StaticNet defines it, computed by torch.</summary>
    /// <param name="inputs"><c>[batch, InputSize]</c>, float64.</param>
    /// <param name="targets">Class indices (int64 <c>[batch]</c>) for CrossEntropy from labels, otherwise float64 rows <c>[batch, OutputSize]</c>.</param>
    /// <param name="keep">Dropout keep patterns for a training-mode pass (see <see cref="Forward"/>); null for eval mode.</param>
    public Tensor Loss(Tensor inputs, Tensor targets, IReadOnlyList<Tensor?>? keep = null)
    {
        Tensor output = Forward(inputs, keep);
        return Spec.Loss switch
        {
            LossFunction.MeanSquaredError => nn.functional.mse_loss(output, targets),
            LossFunction.CrossEntropy => nn.functional.cross_entropy(output, targets, label_smoothing: LabelSmoothing),
            LossFunction.BinaryCrossEntropy => nn.functional.binary_cross_entropy_with_logits(output, targets),
            LossFunction.MeanAbsoluteError => nn.functional.l1_loss(output, targets),
            LossFunction.Huber => nn.functional.huber_loss(output, targets, delta: HuberDelta),
            _ => throw new NotSupportedException($"No torch reference for the loss {Spec.Loss}: add it to {nameof(TorchMlp)}.{nameof(Loss)}."),
        };
    }

    /// <summary>Forward and backward pass: the loss, with the gradients left in the parameters' <c>grad</c>.</summary>
    public double Backward(Tensor inputs, Tensor targets, IReadOnlyList<Tensor?>? keep = null)
    {
        ZeroGradients();
        using Tensor loss = Loss(inputs, targets, keep);
        loss.backward();
        return loss.item<double>();
    }

    /// <summary>
    /// The L1/L2 penalty as StaticNet's <c>RegularizationLoss()</c> defines it: <c>λ1·Σ|w| + (λ2/2)·Σw²</c> over the weights,
    /// and over the biases too when <paramref name="penalizeBiases"/>.
    /// </summary>
    public double RegularizationLoss(double l1, double l2, bool penalizeBiases = false)
    {
        using var noGrad = no_grad();
        double sum = 0;
        foreach (Tensor p in penalizeBiases ? Weights.Concat(Biases) : Weights)
        {
            using Tensor abs = p.abs().sum();
            using Tensor squares = p.square().sum();
            sum += l1 * abs.item<double>() + l2 / 2 * squares.item<double>();
        }
        return sum;
    }

    /// <summary>Disposes the torch layers.</summary>
    public void Dispose()
    {
        foreach (Linear layer in _layers)
        {
            layer.Dispose();
        }
    }

    /// <summary>A layer's activation in torch, with the layer's LeakyReLU slope and ELU α.</summary>
    public static Tensor Activate(Tensor z, LayerSpec layer) => Activate(z, layer.Activation, layer.NegativeSlope, layer.Alpha);

    /// <summary>An activation in torch. A new StaticNet activation needs one line here.</summary>
    /// <param name="z">Pre-activations <c>[batch, units]</c> (Softmax is over dimension 1).</param>
    /// <param name="activation">The StaticNet activation.</param>
    /// <param name="negativeSlope">LeakyReLU's <c>negative_slope</c>.</param>
    /// <param name="alpha">ELU's <c>alpha</c>.</param>
    public static Tensor Activate(Tensor z, Activation activation, double negativeSlope = 0.01f, double alpha = 1f) => activation switch
    {
        Activation.Identity => z,
        Activation.ReLU => nn.functional.relu(z),
        Activation.Sigmoid => sigmoid(z),
        Activation.Tanh => tanh(z),
        Activation.Softmax => nn.functional.softmax(z, 1),
        Activation.LeakyReLU => nn.functional.leaky_relu(z, negativeSlope),
        Activation.ELU => nn.functional.elu(z, alpha),
        Activation.GELU => nn.functional.gelu(z),
        Activation.GELUTanh => nn.functional.gelu(z, GELU.Approximate.tanh),
        Activation.SiLU => nn.functional.silu(z),
        Activation.Softplus => nn.functional.softplus(z, beta: 1, threshold: 20),
        Activation.Softsign => nn.functional.softsign(z),
        Activation.HardSigmoid => nn.functional.hardsigmoid(z),
        Activation.HardSwish => nn.functional.hardswish(z),
        _ => throw new NotSupportedException($"No torch reference for the activation {activation}: add it to {nameof(TorchMlp)}.{nameof(Activate)}."),
    };

    /// <summary>Whether the loss consumes the output layer's logits (the fused pairs StaticNet documents).</summary>
    public static bool IsFusedWithLoss(NetworkSpec spec) => (spec.Loss, spec.Output.Activation) switch
    {
        (LossFunction.CrossEntropy, Activation.Softmax) => true,
        (LossFunction.BinaryCrossEntropy, Activation.Sigmoid) => true,
        (LossFunction.CrossEntropy or LossFunction.BinaryCrossEntropy, _) =>
            throw new NotSupportedException($"{spec.Name}: {spec.Loss} on a {spec.Output.Activation} output has no torch reference here."),
        _ => false,
    };

    private static Parameter Bias(Linear layer) => layer.bias ?? throw new InvalidOperationException("Linear layer without bias.");

    private double[] Flatten(Func<Parameter, Tensor> select)
    {
        double[] flat = new double[Spec.ParameterBufferLength]; // padding between tensors stays 0, as in StaticNet
        foreach (LayerSpec layer in Spec.Layers)
        {
            double[] w = select(_layers[layer.Index].weight).data<double>().ToArray(); // [units, inputs]
            for (int j = 0; j < layer.Units; j++)
            {
                for (int i = 0; i < layer.Inputs; i++)
                {
                    flat[layer.WeightsOffset + i * layer.Units + j] = w[j * layer.Inputs + i];
                }
            }
            double[] b = select(Bias(_layers[layer.Index])).data<double>().ToArray();
            b.CopyTo(flat, layer.BiasOffset);
        }
        return flat;
    }
}
