using System.Collections.Generic;
using System.Linq;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Layers.Dropout;

namespace StaticNet.Generator.Model;

/// <summary>A named range of a flat buffer: <c>[Offset, Offset + Length)</c>.</summary>
internal sealed record BufferSlice(string Name, int Offset, int Length)
{
    public int End => Offset + Length;
}

/// <summary>A workspace of <c>[batch x Units]</c> floats, grown to the largest batch seen; <paramref name="Kind"/> names it in comments.</summary>
internal sealed record WorkspacePlan(string Field, int Units, string Kind);

/// <summary>A buffer of fixed length a layer keeps (e.g. Wᵀ for a kernel), allocated with the network.</summary>
internal sealed record FixedBufferPlan(string Field, int Length, string Comment);

/// <summary>
/// A trainable tensor: its slice of the parameter buffer (named for the public offset constants, e.g. <c>Dense0Weights</c>),
/// its symbol in the implementation (<c>W0</c>, gradients <c>DW0</c>), its public gradient view, shape, what it is and whose
/// (<c>weights</c>, <c>layer 0's</c> in the documentation).
/// </summary>
internal sealed record TensorPlan(BufferSlice Slice, string Symbol, string GradientView, string Shape, string What, string Owner, bool IsBias);

/// <summary>
/// One planned layer. Each kind (see <c>Layers/</c>) has its own record with the sizes, buffers and names it decided;
/// these members are what the rest of the plan needs to chain layers together.
/// </summary>
/// <param name="Position">Position among all layers, from 0.</param>
/// <param name="Inputs">Features per sample entering the layer.</param>
/// <param name="Outputs">Features per sample leaving it.</param>
internal abstract record LayerPlan(int Position, int Inputs, int Outputs)
{
    /// <summary>The field holding the layer's output in a training forward pass, which the next layer's backward step reads.</summary>
    public abstract string TrainingOutput { get; }

    /// <summary>The name of the layer's output in formulas and locals: <c>a0</c>, <c>d0</c>.</summary>
    public abstract string OutputSymbol { get; }

    /// <summary>The field that receives ∂L/∂output in the backward pass.</summary>
    public abstract string OutputGradients { get; }

    /// <summary>Workspaces the forward pass writes.</summary>
    public virtual IEnumerable<WorkspacePlan> ForwardWorkspaces => Enumerable.Empty<WorkspacePlan>();

    /// <summary>Workspaces only the backward pass needs.</summary>
    public virtual IEnumerable<WorkspacePlan> BackwardWorkspaces => Enumerable.Empty<WorkspacePlan>();

    /// <summary>The layer's trainable tensors, in buffer order.</summary>
    public virtual IEnumerable<TensorPlan> Tensors => Enumerable.Empty<TensorPlan>();

    /// <summary>Buffers of fixed length the layer keeps beside the parameters.</summary>
    public virtual IEnumerable<FixedBufferPlan> FixedBuffers => Enumerable.Empty<FixedBufferPlan>();

    /// <summary>Activation floats per sample the layer adds to the header's total.</summary>
    public virtual int ActivationFloats => 0;

    /// <summary>Floating-point operations per sample of the forward pass.</summary>
    public virtual long ForwardFlops => 0;

    /// <summary>Floating-point operations per sample of a training step (forward and backward).</summary>
    public virtual long TrainingFlops => 0;

    /// <summary>The layer's name in the header, the step banners and the docs: its kind and number among its kind (<c>Dense 1</c>).</summary>
    public abstract string Title { get; }

    /// <summary>What the header says after the title: sizes, activation, parameter slices, initialisation.</summary>
    public abstract string Description { get; }

    /// <summary>The first column of the layer's summary row, e.g. <c>dense_0 (Dense, ReLU)</c>.</summary>
    public abstract string SummaryName { get; }

    /// <summary>
    /// The layer in a model file's architecture text, e.g. <c>Dense 256 ReLU</c>: what a file's parameters mean, so
    /// nothing that can change at run time (a dropout rate) is in it.
    /// </summary>
    public abstract string Architecture { get; }

    /// <summary>
    /// How many modules the layer is in PyTorch's <c>nn.Sequential</c> (a Dense layer is an <c>nn.Linear</c>, and its
    /// activation another module unless it is the identity): model files number tensors by module, <c>2.weight</c>.
    /// </summary>
    public abstract int SequentialModules { get; }

    /// <summary>Trainable parameters of the layer.</summary>
    public int ParameterCount => Tensors.Sum(t => t.Slice.Length);
}

/// <summary>The optimizer with every hyper-parameter resolved to its compile-time default.</summary>
internal sealed record OptimizerPlan(
    OptimizerKindSpec Kind,
    float LearningRate,
    float Momentum,
    float Beta1,
    float Beta2,
    float Epsilon,
    float Alpha,
    bool Centered,
    bool Amsgrad)
{
    public bool IsAdam => Kind is OptimizerKindSpec.Adam or OptimizerKindSpec.AdamW;

    /// <summary>The optimizer in a checkpoint's metadata: its kind and the variant, <c>Adam (AMSGrad)</c>.</summary>
    public string Title => Kind + (Amsgrad ? " (AMSGrad)" : Centered ? " (centered)" : string.Empty);
}

/// <summary>
/// An optimizer state buffer laid out like the parameters: <c>ParameterBufferLength</c> floats; <paramref name="TorchName"/>
/// is its name in PyTorch's optimizer state (<c>exp_avg</c>), which a checkpoint uses.
/// </summary>
internal sealed record StateBufferPlan(string Field, string Comment, string TorchName);

/// <summary>A run-time hyper-parameter: property, backing field, compile-time default, valid range and documentation.</summary>
internal sealed record HyperParameterPlan(string Name, string Field, float Default, ValueRange Range, string Summary);

/// <summary>A contiguous range of parameters the optimizer updates in one sweep, with the penalties or without.</summary>
internal sealed record UpdateRange(int Offset, int Length, bool Penalized, string Tensors);

/// <summary>
/// A tensor as a model file holds it: its name and shape as PyTorch's <c>nn.Sequential</c> writes them (<c>0.weight</c>
/// <c>[out, in]</c>), its offset in the parameter buffer, whether the buffer holds it transposed, and its symbol in the
/// implementation (<c>W0</c>).
/// </summary>
internal sealed record FileTensorPlan(string Name, EquatableArray<int> Shape, int Offset, bool Transposed, string Symbol);

/// <summary>A Dense layer of the inference graph a model file describes: its tensors' names and its activation.</summary>
internal sealed record FileLayerPlan(string Weights, string Bias, ActivationKind Activation, float ActivationParameter);

/// <summary>Floats of the parameter buffer that belong to no tensor: the padding that puts each tensor on a 64-byte line.</summary>
internal sealed record PaddingRange(int Offset, int Length);

/// <summary>
/// Everything the emitter prints, decided here: sizes, offsets, tiles, buffers, FLOPs, the summary table, the
/// run-time hyper-parameters and the optimizer's sweeps. The emitter makes no decisions of its own.
/// </summary>
internal sealed record NetworkPlan(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    string FullName,
    string HintName,
    string ImplementationName,
    string GeneratorVersion,
    int InputSize,
    int OutputSize,
    int ParameterCount,
    int ParameterBufferLength,
    int MaxBatchSize,
    EquatableArray<LayerPlan> Layers,
    LossKind Loss,
    bool FusedOutput,
    bool IsClassifier,
    int ClassCount,
    OptimizerPlan Optimizer,
    float? L1,
    float? L2,
    float? WeightDecay,
    float? ClipNorm,
    float? ClipValue,
    bool PenalizeBiases,
    float? LabelSmoothing,
    float HuberDelta,
    long ForwardFlopsPerSample,
    long TrainingFlopsPerSample,
    int ActivationFloatsPerSample,
    string Summary,
    EquatableArray<StateBufferPlan> OptimizerState,
    EquatableArray<HyperParameterPlan> HyperParameters,
    EquatableArray<UpdateRange> UpdateRanges,
    EquatableArray<PaddingRange> Padding,
    string Architecture,
    string Fingerprint,
    EquatableArray<FileTensorPlan> FileTensors,
    EquatableArray<FileLayerPlan> FileLayers)
{
    /// <summary>The full name as people read it, without the <c>@</c> of escaped keywords (messages).</summary>
    public string DisplayName => FullName.Replace("@", string.Empty);

    /// <summary>Every trainable tensor, in buffer order.</summary>
    public IEnumerable<TensorPlan> Tensors => Layers.SelectMany(l => l.Tensors);

    /// <summary>The last layer, a Dense layer (the validator requires it).</summary>
    public DensePlan OutputLayer => (DensePlan)Layers[Layers.Count - 1];

    public bool HasRegularization => L1 is not null || L2 is not null;

    public bool HasDropout => Layers.OfType<DropoutPlan>().Any();
}
