using System.Linq;

namespace StaticNet.Generator.Model;

/// <summary>A named range of a flat buffer: <c>[Offset, Offset + Length)</c>.</summary>
internal sealed record BufferSlice(string Name, int Offset, int Length)
{
    public int End => Offset + Length;
}

/// <summary>One Dense layer with its resolved sizes, buffer slices and kernel tiling.</summary>
/// <param name="Index">Position in source order, from 0.</param>
/// <param name="Inputs">Inputs per sample (the previous layer's units, or the network's input size).</param>
/// <param name="Units">Outputs per sample.</param>
/// <param name="Activation">Activation of the outputs.</param>
/// <param name="Weights">Weights <c>[Inputs x Units]</c> row-major in the parameter buffer.</param>
/// <param name="Bias">Biases <c>[Units]</c> in the parameter buffer.</param>
/// <param name="Init">Weight initialisation chosen from the activation.</param>
/// <param name="ColumnTile">Vectors of outputs accumulated in registers per tile of the kernels whose columns are the units (forward, weight gradients).</param>
/// <param name="InputColumnTile">The same for the kernel whose columns are the inputs (input gradients).</param>
/// <param name="IsOutput">Whether this is the last layer.</param>
internal sealed record LayerPlan(
    int Index,
    int Inputs,
    int Units,
    ActivationKind Activation,
    BufferSlice Weights,
    BufferSlice Bias,
    InitKind Init,
    int ColumnTile,
    int InputColumnTile,
    bool IsOutput)
{
    public string Name => "Dense" + Index;

    /// <summary>The fans the weight initialiser takes: fan-in, and fan-out for the Glorot kinds; empty for zeros.</summary>
    public EquatableArray<int> InitFans { get; init; } = EquatableArray<int>.Empty;

    /// <summary>Workspace of the activations a = f(z), <c>[batch x Units]</c> (the logits z when the loss is fused).</summary>
    public string Activations => $"_a{Index}";

    /// <summary>Workspace of the pre-activations z when the backward pass needs them, else null (z is overwritten by a).</summary>
    public string? PreActivations => KeepsPreActivations ? $"_z{Index}" : null;

    /// <summary>Workspace of ∂L/∂z, <c>[batch x Units]</c>.</summary>
    public string OutputGradients => $"_dz{Index}";

    /// <summary>Dropout's mask and the dropped activations the next layer reads in training, or null without dropout.</summary>
    public string? DropoutMask => DropoutRate is null ? null : $"_mask{Index}";

    /// <inheritdoc cref="DropoutMask"/>
    public string? Dropped => DropoutRate is null ? null : $"_dropped{Index}";

    /// <summary>Scratch of Wᵀ for the input-gradient kernel, or null for the first layer (the input needs no gradient).</summary>
    public string? TransposedWeights => Index > 0 ? $"_w{Index}Transposed" : null;

    /// <summary>The forward pass's workspaces, each <c>[batch x Units]</c>.</summary>
    public System.Collections.Generic.IEnumerable<string> ForwardBuffers
    {
        get
        {
            yield return Activations;
            if (PreActivations is not null)
            {
                yield return PreActivations;
            }

            if (DropoutMask is not null)
            {
                yield return DropoutMask;
                yield return Dropped!;
            }
        }
    }

    /// <summary>LeakyReLU's slope or ELU's α, resolved to its default; 0 for other activations.</summary>
    public float ActivationParameter { get; init; }

    /// <summary>Rate of the dropout on this layer's output, or null.</summary>
    public float? DropoutRate { get; init; }

    /// <summary>Whether the pre-activations z are kept for the backward pass (activations whose derivative needs z).</summary>
    public bool KeepsPreActivations => ActivationFacts.NeedsPreActivation(Activation);

    public long ForwardFlops => 2L * Inputs * Units;
}

/// <summary>The optimizer with every hyper-parameter resolved to its compile-time default.</summary>
internal sealed record OptimizerPlan(
    OptimizerKindSpec Kind,
    float LearningRate,
    float Momentum,
    float Beta1,
    float Beta2,
    float Epsilon)
{
    /// <summary>RMSProp's α.</summary>
    public float Alpha { get; init; } = 0.99f;

    /// <summary>Centered RMSProp.</summary>
    public bool Centered { get; init; }

    /// <summary>AMSGrad variant of Adam/AdamW.</summary>
    public bool Amsgrad { get; init; }

    public bool IsAdam => Kind is OptimizerKindSpec.Adam or OptimizerKindSpec.AdamW;
}

/// <summary>
/// Everything the emitter prints, decided here: sizes, offsets, tiles, FLOPs, the summary table. The emitter makes
/// no decisions of its own.
/// </summary>
internal sealed record NetworkPlan(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    string FullName,
    string HintName,
    string GeneratorVersion,
    int InputSize,
    int OutputSize,
    int ParameterCount,
    int MaxWidth,
    int RowTile,
    EquatableArray<LayerPlan> Layers,
    LossKind Loss,
    bool FusedOutput,
    bool IsClassifier,
    OptimizerPlan Optimizer,
    float? L1,
    float? L2,
    long ForwardFlopsPerSample,
    long TrainingFlopsPerSample,
    int ActivationFloatsPerSample,
    string Summary)
{
    public LayerPlan OutputLayer => Layers[Layers.Count - 1];

    public bool HasRegularization => L1 is not null || L2 is not null;

    /// <summary>Whether L1, L2 and weight decay also apply to biases.</summary>
    public bool PenalizeBiases { get; init; }

    /// <summary>Decoupled weight decay λ (AdamW's default 0.01 included), or null.</summary>
    public float? WeightDecay { get; init; }

    /// <summary>Gradient clipping by global norm, or null.</summary>
    public float? ClipNorm { get; init; }

    /// <summary>Gradient clipping by value, or null.</summary>
    public float? ClipValue { get; init; }

    /// <summary>CrossEntropy label smoothing when declared, else null.</summary>
    public float? LabelSmoothing { get; init; }

    /// <summary>Huber's δ (1 by default).</summary>
    public float HuberDelta { get; init; } = 1f;

    public bool HasDropout => Layers.Any(l => l.DropoutRate is not null);

    /// <summary>The class generated beside the user's type that holds the state and the math, in <c>StaticNet.Generated</c>.</summary>
    public string ImplementationName { get; init; } = string.Empty;

    /// <summary>Largest batch accepted, so that every workspace of <c>[batch, widest layer]</c> fits an array.</summary>
    public int MaxBatchSize { get; init; }

    /// <summary>Classes of an integer label: OutputSize, or 2 for a single Sigmoid output.</summary>
    public int ClassCount { get; init; }

    /// <summary>The optimizer's state buffers, one float per parameter each.</summary>
    public EquatableArray<StateBufferPlan> OptimizerState { get; init; } = EquatableArray<StateBufferPlan>.Empty;

    /// <summary>The run-time hyper-parameters: one property each, checked when set.</summary>
    public EquatableArray<HyperParameterPlan> HyperParameters { get; init; } = EquatableArray<HyperParameterPlan>.Empty;

    /// <summary>The ranges of the parameter buffer the optimizer sweeps, each with or without the penalties.</summary>
    public EquatableArray<UpdateRange> UpdateRanges { get; init; } = EquatableArray<UpdateRange>.Empty;
}

/// <summary>An optimizer state buffer of <c>ParameterCount</c> floats.</summary>
internal sealed record StateBufferPlan(string Field, string Comment);

/// <summary>A run-time hyper-parameter: property, backing field, compile-time default, valid range and documentation.</summary>
internal sealed record HyperParameterPlan(string Name, string Field, float Default, ValueRange Range, string Summary);

/// <summary>A contiguous range of parameters the optimizer updates in one sweep, with the penalties or without.</summary>
internal sealed record UpdateRange(int Offset, int Length, bool Penalized, string Tensors);
