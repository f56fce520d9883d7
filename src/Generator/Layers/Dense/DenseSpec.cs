using System.Collections.Generic;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Layers.Dense;

/// <summary>A <c>[Dense(units, activation)]</c> attribute as written.</summary>
/// <param name="Units">Outputs per sample.</param>
/// <param name="Activation">The activation (possibly an undefined value, which the validator reports).</param>
/// <param name="NegativeSlope">LeakyReLU's slope when written.</param>
/// <param name="Alpha">ELU's α when written.</param>
/// <param name="WeightInit">The weight initialisation as written (Default: chosen from the activation).</param>
internal sealed record DenseSpec(int Units, ActivationKind Activation, float? NegativeSlope, float? Alpha, InitKind WeightInit) : LayerSpec;

/// <summary>A planned Dense layer <c>a = f(x · W + b)</c>: sizes, parameter slices, workspaces and kernel tiles.</summary>
/// <param name="Position">Position among all layers.</param>
/// <param name="Inputs">Inputs per sample.</param>
/// <param name="Units">Outputs per sample.</param>
/// <param name="Index">Number among the Dense layers, from 0: the <c>Dense0...</c> names, W0, b0.</param>
/// <param name="Activation">Activation of the outputs.</param>
/// <param name="ActivationParameter">LeakyReLU's slope or ELU's α, resolved to its default; 0 for other activations.</param>
/// <param name="Weights">Weights <c>[Inputs x Units]</c> row-major in the parameter buffer.</param>
/// <param name="Bias">Biases <c>[Units]</c> in the parameter buffer.</param>
/// <param name="Init">Weight initialisation, resolved from the activation when not written.</param>
/// <param name="InitFans">The initialiser's fan-in, and fan-out for the Glorot kinds; empty for zeros.</param>
/// <param name="KeepsLogits">Whether the layer keeps its logits (last layer, activation fused into the loss).</param>
/// <param name="Input">The field the layer reads in a training pass, or null for the network's input x.</param>
/// <param name="InputSymbol">The input's name in formulas: <c>x</c>, <c>a0</c>, <c>d0</c>.</param>
/// <param name="InputGradients">The field receiving ∂L/∂x, or null for the first layer (the input needs no gradient).</param>
internal sealed record DensePlan(
    int Position,
    int Inputs,
    int Units,
    int Index,
    ActivationKind Activation,
    float ActivationParameter,
    BufferSlice Weights,
    BufferSlice Bias,
    InitKind Init,
    EquatableArray<int> InitFans,
    bool KeepsLogits,
    string? Input,
    string InputSymbol,
    string? InputGradients) : LayerPlan(Position, Inputs, Units)
{
    public string Name => "Dense" + Index;

    /// <summary>Workspace of the activations a = f(z), <c>[batch x Units]</c> (the logits z when <see cref="KeepsLogits"/>).</summary>
    public string Activations => $"_a{Index}";

    /// <summary>Workspace of the pre-activations z when the activation's derivative needs them, else null (z is overwritten by a).</summary>
    public string? PreActivations => ActivationFacts.NeedsPreActivation(Activation) ? $"_z{Index}" : null;

    /// <summary>
    /// Whether the forward product applies ReLU as it stores (<c>Dense.ForwardReLU</c>): the activations then take one
    /// pass instead of two. Other activations run after the product.
    /// </summary>
    public bool FusesReLU => Activation == ActivationKind.ReLU && !KeepsLogits;

    /// <summary>Scratch of Wᵀ for the input-gradient kernel, when the layer computes input gradients.</summary>
    public string? TransposedWeights => InputGradients is null ? null : $"_w{Index}Transposed";

    public override string TrainingOutput => Activations;

    public override string OutputSymbol => $"a{Index}";

    /// <summary>∂L/∂a from the layer above, turned into ∂L/∂z in place (for the last layer the loss writes it).</summary>
    public override string OutputGradients => $"_dz{Index}";

    public override IEnumerable<WorkspacePlan> ForwardWorkspaces
    {
        get
        {
            yield return new WorkspacePlan(Activations, Units, KeepsLogits ? "logits z (last layer)" : "activations a");
            if (PreActivations is not null)
            {
                yield return new WorkspacePlan(PreActivations, Units, "pre-activations z");
            }
        }
    }

    public override IEnumerable<WorkspacePlan> BackwardWorkspaces
    {
        get { yield return new WorkspacePlan(OutputGradients, Units, "gradients dz"); }
    }

    public override IEnumerable<TensorPlan> Tensors
    {
        get
        {
            yield return new TensorPlan(Weights, $"W{Index}", $"{Name}WeightGradients", $"[{Inputs} x {Units}]", "weights", $"Dense layer {Index}'s", IsBias: false);
            yield return new TensorPlan(Bias, $"B{Index}", $"{Name}BiasGradients", $"[{Units}]", "biases", $"Dense layer {Index}'s", IsBias: true);
        }
    }

    public override IEnumerable<FixedBufferPlan> FixedBuffers
    {
        get
        {
            if (TransposedWeights is not null)
            {
                yield return new FixedBufferPlan(TransposedWeights, Weights.Length, $"W{Index}ᵀ for the input-gradient kernel");
            }
        }
    }

    public override int ActivationFloats => Units;

    public override long ForwardFlops => 2L * Inputs * Units;

    /// <summary>Forward, weight gradients and, except for the first layer, input gradients: 2·in·out each.</summary>
    public override long TrainingFlops => ForwardFlops * (InputGradients is null ? 2 : 3);

    public override string Title => $"Dense {Index}";

    public override string Description =>
        $"{Inputs} -> {Units}, {Activation}   W{Index}[{Inputs}x{Units}] params[{Weights.Offset} .. {Weights.End})   "
        + $"b{Index}[{Units}] params[{Bias.Offset} .. {Bias.End})   {Init}";

    public override string SummaryName => $"dense_{Index} (Dense, {Activation})";

    public override string Architecture =>
        $"Dense {Units} {Activation}" + (Activation is ActivationKind.LeakyReLU or ActivationKind.ELU
            ? $"({ActivationParameter.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})"
            : string.Empty);

    public override int SequentialModules => Activation == ActivationKind.Identity ? 1 : 2;
}
