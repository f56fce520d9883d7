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

    /// <summary>
    /// Members of the class, in any part, whose names are of the families StaticNet generates (<see cref="GeneratedMembers"/>;
    /// the validator decides with the layer count), each at location key <c>Member:&lt;i&gt;</c>.
    /// </summary>
    public EquatableArray<DeclaredMember> Members { get; init; } = EquatableArray<DeclaredMember>.Empty;

    /// <summary>
    /// The user's constructors that the generated <c>Net()</c> and <c>Net(int seed)</c> conflict with, described
    /// ("a primary constructor"), each at location key <c>Constructor:&lt;i&gt;</c>.
    /// </summary>
    public EquatableArray<string> ConflictingConstructors { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Containing types declared <c>file</c>, innermost last, each at location key <c>FileLocal:&lt;i&gt;</c>.</summary>
    public EquatableArray<string> FileLocalContainers { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The base class when it is not <c>object</c>, at location key <c>BaseType</c>.</summary>
    public BaseTypeSpec? BaseType { get; init; }
}

/// <summary>A member of the network class named like a generated one: what it is in messages (<c>field</c>, <c>method</c>...) and its name.</summary>
internal sealed record DeclaredMember(string Kind, string Name);

/// <summary>The members of one class up the base chain, accessible to the network, named like generated ones.</summary>
internal sealed record BaseMembers(string Type, EquatableArray<string> Names);

/// <summary>Facts about the network's base class.</summary>
/// <param name="Name">Its full name.</param>
/// <param name="Network">The full name of the first <c>[Network]</c> class up the chain (itself included), or null.</param>
/// <param name="HasParameterlessConstructor">Whether it has an accessible constructor callable without arguments.</param>
/// <param name="Members">Per class up the chain, the accessible members named like a generated member of some network.</param>
internal sealed record BaseTypeSpec(string Name, string? Network, bool HasParameterlessConstructor, EquatableArray<BaseMembers> Members);

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
    public string FullName => JoinName(Namespace, ContainingTypes, ClassName);

    /// <summary>The full name of a class: namespace, containing types and name, joined with dots.</summary>
    public static string JoinName(string? ns, System.Collections.Generic.IEnumerable<ContainingTypeSpec> containingTypes, string className)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (ns is not null)
        {
            parts.Add(ns);
        }

        foreach (ContainingTypeSpec type in containingTypes)
        {
            parts.Add(type.Name);
        }

        parts.Add(className);
        return string.Join(".", parts);
    }
}

/// <summary>The outcome of parsing: a spec and its locations (null when the attributes could not be read) and parse-time diagnostics.</summary>
internal sealed record ParseResult(NetworkSpec? Spec, NetworkLocations? Locations, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The outcome of validation: the spec, every diagnostic, whether any is an error, and where the class is (for failures later).</summary>
internal sealed record ValidationResult(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, bool HasErrors, LocationInfo? ClassLocation = null);
