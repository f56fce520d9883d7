using System.Collections.Generic;
using System.Linq;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>Hand-built <see cref="NetworkSpec"/>s for unit tests of the validator and planner (no compilation).</summary>
internal static class Specs
{
    public static NetworkSpec Create(
        int inputSize,
        IEnumerable<(int Units, ActivationKind Activation)> layers,
        LossKind loss = LossKind.MeanSquaredError,
        OptimizerKindSpec optimizer = OptimizerKindSpec.Adam,
        string className = "Net",
        string? ns = null,
        float? l1 = null,
        float? l2 = null) =>
        new(
            ns,
            EquatableArray<ContainingTypeSpec>.Empty,
            className,
            inputSize,
            layers.Select(l => (LayerSpec)Dense(l.Units, l.Activation)).ToEquatableArray(),
            new LossSpec(loss, null, null),
            Optimizer(optimizer),
            RegularizationSpec.None with { L1 = l1, L2 = l2 },
            DeclarationSpec.Plain);

    public static DenseSpec Dense(int units, ActivationKind activation) => new(units, activation, null, null, InitKind.Default);

    public static OptimizerSpec Optimizer(
        OptimizerKindSpec kind,
        float? learningRate = null,
        float? momentum = null,
        float? beta1 = null,
        float? beta2 = null,
        float? epsilon = null) =>
        new(kind, learningRate, momentum, beta1, beta2, epsilon, Alpha: null, Centered: false, Amsgrad: false);

    /// <summary>784-128-10, ReLU then Softmax, CrossEntropy, Adam: the network of STYLE.md §5.</summary>
    public static NetworkSpec Mnist128() =>
        Create(784, new[] { (128, ActivationKind.ReLU), (10, ActivationKind.Softmax) }, LossKind.CrossEntropy, className: "FashionMlp");
}
