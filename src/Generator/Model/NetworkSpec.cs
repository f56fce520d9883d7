namespace StaticNet.Generator.Model;

/// <summary>One containing type of the network class, outermost first, as data (keyword and name).</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>
/// A layer as declared, in source order. Each kind (see <c>Layers/LayerKinds.cs</c>) has its own record; a value
/// written in an attribute is non-null exactly when the user wrote it, so an explicit NaN is reported, not defaulted.
/// </summary>
internal abstract record LayerSpec;

/// <summary>The <c>[Loss]</c> attribute.</summary>
internal sealed record LossSpec(LossKind Function, float? LabelSmoothing, float? Delta);

/// <summary>The <c>[Optimizer]</c> attribute with the hyper-parameters as written (null: the kind's default).</summary>
internal sealed record OptimizerSpec(
    OptimizerKindSpec Kind,
    float? LearningRate,
    float? Momentum,
    float? Beta1,
    float? Beta2,
    float? Epsilon,
    float? Alpha,
    bool Centered,
    bool Amsgrad);

/// <summary>The regularization attributes as written (null: not declared).</summary>
internal sealed record RegularizationSpec(float? L1, float? L2, float? WeightDecay, float? ClipNorm, float? ClipValue, bool PenalizeBiases)
{
    public static RegularizationSpec None { get; } = new(null, null, null, null, null, false);
}

/// <summary>Facts about the declaration itself that the validator checks (the plan never reads them).</summary>
/// <param name="Accessibility">The class's accessibility keyword.</param>
/// <param name="NonPartialTypes">The class or containing types declared without <c>partial</c>.</param>
/// <param name="IsGeneric">Whether the class or a containing type is generic.</param>
/// <param name="UnsupportedModifier">The first <c>static</c>, <c>abstract</c>, <c>file</c> or <c>record</c> keyword, or null.</param>
/// <param name="LayersOnSeveralParts">Whether layers are declared on more than one part of a partial class.</param>
internal sealed record DeclarationSpec(
    string Accessibility,
    EquatableArray<string> NonPartialTypes,
    bool IsGeneric,
    string? UnsupportedModifier,
    bool LayersOnSeveralParts)
{
    public static DeclarationSpec Plain { get; } = new("public", EquatableArray<string>.Empty, false, null, false);
}

/// <summary>
/// Everything the generator knows about one network declaration, as value-equatable data: no symbols, syntax nodes,
/// compilation or source locations (those travel beside it in <see cref="NetworkLocations"/>), so a declaration that
/// only moves within its file leaves the spec, the plan and the emitted file cached.
/// </summary>
internal sealed record NetworkSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    int? InputSize,
    EquatableArray<LayerSpec> Layers,
    LossSpec? Loss,
    OptimizerSpec? Optimizer,
    RegularizationSpec Regularization,
    DeclarationSpec Declaration)
{
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

/// <summary>The outcome of parsing: a spec and its locations (null when the attributes could not be read) and parse-time diagnostics.</summary>
internal sealed record ParseResult(NetworkSpec? Spec, NetworkLocations? Locations, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The outcome of validation: the spec, every diagnostic, whether any is an error, and where the class is (for failures later).</summary>
internal sealed record ValidationResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors, LocationInfo? ClassLocation = null);
