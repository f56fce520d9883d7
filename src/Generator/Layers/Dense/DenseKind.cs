using StaticNet.Generator.Model;
using StaticNet.Generator.Parsing;

namespace StaticNet.Generator.Layers.Dense;

/// <summary>
/// The Dense layer <c>a = f(x · W + b)</c>. Its stages are the partial files beside this one: parsing here,
/// <c>DenseKind.Validation.cs</c>, <c>DenseKind.Planning.cs</c>, <c>DenseKind.Emission.cs</c>.
/// </summary>
internal sealed partial class DenseKind : LayerKind<DenseSpec, DensePlan>
{
    public override string Attribute => "DenseAttribute";

    public override LayerSpec Parse(AttributeReader reader) => new DenseSpec(
        reader.Positional<int>(0, "units"),
        (ActivationKind)reader.Enum(1, "activation", "Activation"),
        reader.Named<float>("NegativeSlope"),
        reader.Named<float>("Alpha"),
        (InitKind)(reader.NamedEnum("WeightInit", "WeightInitialization") ?? 0));
}
