namespace StaticNet.Generator.Model;

/// <summary>One containing type of the network class, outermost first, as data (keyword and name).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>A modifier or keyword of the network's declaration that StaticNet cannot generate for, and where.</summary>
internal sealed record ModifierSpec(string Text, LocationInfo? Location);

/// <summary>A <c>[Dense]</c> attribute as read from source.</summary>
internal sealed record LayerSpec(
    int Units,
    int Activation,
    LocationInfo? AttributeLocation,
    LocationInfo? UnitsLocation,
    LocationInfo? ActivationLocation)
{
    /// <summary>LeakyReLU's slope below zero (NaN when not written).</summary>
    public HyperParameterSpec NegativeSlope { get; init; } = new("NegativeSlope", float.NaN, null);

    /// <summary>ELU's α (NaN when not written).</summary>
    public HyperParameterSpec Alpha { get; init; } = new("Alpha", float.NaN, null);

    /// <summary>StaticNet.WeightInitialization as written (0 = default).</summary>
    public int WeightInit { get; init; }

    /// <summary>Where WeightInit is written.</summary>
    public LocationInfo? WeightInitLocation { get; init; }

    /// <summary>The rate of a [Dropout] declared right after this layer, or null.</summary>
    public HyperParameterSpec? Dropout { get; init; }
}

/// <summary>A boolean named argument as written, and where (false and null when not written).</summary>
internal sealed record FlagSpec(string Name, bool Value, LocationInfo? Location);

/// <summary>A float hyper-parameter as written in an attribute (NaN when not written) and where.</summary>
internal sealed record HyperParameterSpec(string Name, float Value, LocationInfo? Location)
{
    public bool IsSet => !float.IsNaN(Value);
}

/// <summary>The <c>[Loss]</c> attribute.</summary>
internal sealed record LossSpec(int Function, LocationInfo? Location, LocationInfo? FunctionLocation)
{
    /// <summary>CrossEntropy's label smoothing (NaN when not written).</summary>
    public HyperParameterSpec LabelSmoothing { get; init; } = new("LabelSmoothing", float.NaN, null);

    /// <summary>Huber's δ (NaN when not written).</summary>
    public HyperParameterSpec Delta { get; init; } = new("Delta", float.NaN, null);
}

/// <summary>The <c>[Optimizer]</c> attribute with its named hyper-parameters.</summary>
internal sealed record OptimizerSpec(
    int Kind,
    LocationInfo? Location,
    LocationInfo? KindLocation,
    HyperParameterSpec LearningRate,
    HyperParameterSpec Momentum,
    HyperParameterSpec Beta1,
    HyperParameterSpec Beta2,
    HyperParameterSpec Epsilon)
{
    /// <summary>RMSProp's α (NaN when not written).</summary>
    public HyperParameterSpec Alpha { get; init; } = new("Alpha", float.NaN, null);

    /// <summary>Centered RMSProp.</summary>
    public FlagSpec Centered { get; init; } = new("Centered", false, null);

    /// <summary>AMSGrad variant of Adam/AdamW.</summary>
    public FlagSpec Amsgrad { get; init; } = new("Amsgrad", false, null);
}

/// <summary>
/// Everything the generator knows about one network declaration, as value-equatable data: no symbols, syntax
/// nodes or compilation, so the incremental pipeline caches it.
/// </summary>
internal sealed record NetworkSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    string Accessibility,
    LocationInfo? NetworkAttributeLocation,
    LocationInfo? ClassNameLocation,
    EquatableArray<string> NonPartialTypes,
    bool IsGeneric,
    int? InputSize,
    LocationInfo? InputSizeLocation,
    EquatableArray<LayerSpec> Layers,
    LossSpec? Loss,
    OptimizerSpec? Optimizer,
    HyperParameterSpec? L1,
    HyperParameterSpec? L2,
    ModifierSpec? UnsupportedModifier,
    LocationInfo? LayersOnSecondPart = null)
{
    /// <summary>Whether L1, L2 and weight decay also apply to biases.</summary>
    public bool PenalizeBiases { get; init; }

    /// <summary>[WeightDecay] (decoupled), or null.</summary>
    public HyperParameterSpec? WeightDecay { get; init; }

    /// <summary>[ClipGradientNorm], or null.</summary>
    public HyperParameterSpec? ClipNorm { get; init; }

    /// <summary>[ClipGradientValue], or null.</summary>
    public HyperParameterSpec? ClipValue { get; init; }

    /// <summary>Fully qualified name without <c>global::</c>, for messages and the hint name.</summary>
    public string FullName
    {
        get
        {
            var parts = new System.Collections.Generic.List<string>();
            if (Namespace is not null)
            {
                parts.Add(Namespace);
            }

            foreach (ContainingTypeSpec type in ContainingTypes)
            {
                parts.Add(type.Name);
            }

            parts.Add(ClassName);
            return string.Join(".", parts);
        }
    }
}

/// <summary>The outcome of parsing: a spec (null when the attributes could not be bound) and parse-time diagnostics.</summary>
internal sealed record ParseResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The outcome of validation: the spec, every diagnostic, and whether any is an error.</summary>
internal sealed record ValidationResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors);
