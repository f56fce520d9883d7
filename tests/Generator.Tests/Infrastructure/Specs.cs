using System.Collections.Generic;
using System.Linq;
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
            "public",
            NetworkAttributeLocation: null,
            ClassNameLocation: null,
            EquatableArray<string>.Empty,
            IsGeneric: false,
            inputSize,
            InputSizeLocation: null,
            layers.Select(l => new LayerSpec(l.Units, (int)l.Activation, null, null, null)).ToEquatableArray(),
            new LossSpec((int)loss, null, null),
            Optimizer(optimizer),
            l1 is float a ? new HyperParameterSpec("L1 strength", a, null) : null,
            l2 is float b ? new HyperParameterSpec("L2 strength", b, null) : null,
            UnsupportedModifier: null);

    public static OptimizerSpec Optimizer(
        OptimizerKindSpec kind,
        float learningRate = float.NaN,
        float momentum = float.NaN,
        float beta1 = float.NaN,
        float beta2 = float.NaN,
        float epsilon = float.NaN) =>
        new(
            (int)kind,
            null,
            null,
            new HyperParameterSpec("LearningRate", learningRate, null),
            new HyperParameterSpec("Momentum", momentum, null),
            new HyperParameterSpec("Beta1", beta1, null),
            new HyperParameterSpec("Beta2", beta2, null),
            new HyperParameterSpec("Epsilon", epsilon, null));

    /// <summary>784-128-10, ReLU then Softmax, CrossEntropy, Adam: the network of STYLE.md §5.</summary>
    public static NetworkSpec Mnist128() =>
        Create(784, new[] { (128, ActivationKind.ReLU), (10, ActivationKind.Softmax) }, LossKind.CrossEntropy, className: "FashionMlp");
}
