using System;

namespace StaticNet.Generator.Model;

/// <summary>
/// One hyper-parameter a declaration can write: the one place that says which attribute argument it is, which
/// declarations read it, its compile-time default, the range the validator checks and the generated setter checks, and
/// the run-time property it becomes. The validator, the planner and the emitted properties all read this table.
/// </summary>
/// <param name="Key">The attribute and argument, also the key of its location: <c>Optimizer.LearningRate</c>.</param>
/// <param name="Label">Its name in messages (<c>LearningRate</c>, <c>L1 strength</c>).</param>
/// <param name="Range">The values accepted.</param>
/// <param name="Property">The run-time property, or null when the value is a compile-time constant.</param>
/// <param name="Summary">The property's documentation.</param>
internal sealed record HyperParameter(string Key, string Label, ValueRange Range, string? Property, string Summary)
{
    /// <summary>The generated backing field of <see cref="Property"/>.</summary>
    public string Field => "_" + char.ToLowerInvariant(Property![0]) + Property.Substring(1);

    /// <summary>The range in words for messages, e.g. "finite and greater than 0".</summary>
    public string RangeText => Range.Describe();
}

/// <summary>A hyper-parameter of <c>[Optimizer]</c>: read by some optimizer kinds, with a default per kind.</summary>
internal sealed record OptimizerParameter(
    HyperParameter Definition,
    Func<OptimizerSpec, float?> Written,
    Func<OptimizerKindSpec, bool> Applies,
    string Readers,
    Func<OptimizerKindSpec, float> Default)
{
    /// <summary>The range for this kind: Nesterov needs a momentum in (0, 1), as PyTorch requires.</summary>
    public ValueRange RangeFor(OptimizerKindSpec kind) =>
        Definition.Label == "Momentum" && kind == OptimizerKindSpec.Nesterov ? ValueRange.OpenUnitInterval : Definition.Range;

    /// <summary>The range in words for this kind.</summary>
    public string RangeTextFor(OptimizerKindSpec kind) =>
        RangeFor(kind) == Definition.Range ? Definition.RangeText : RangeFor(kind).Describe() + " for " + kind;

    /// <summary>The value the network starts with: as written, else the kind's default.</summary>
    public float Resolve(OptimizerSpec spec) => Written(spec) ?? Default(spec.Kind);
}

/// <summary>A boolean option of <c>[Optimizer]</c>, read by some kinds only.</summary>
internal sealed record OptimizerFlag(string Key, string Label, Func<OptimizerSpec, bool> Written, Func<OptimizerKindSpec, bool> Applies, string Readers);

/// <summary>The table. Defaults are PyTorch's, except that the momentum kinds default to momentum 0.9 (the kind says momentum is wanted).</summary>
internal static class HyperParameters
{
    private static bool IsAdam(OptimizerKindSpec kind) => kind is OptimizerKindSpec.Adam or OptimizerKindSpec.AdamW;

    public static readonly OptimizerParameter LearningRate = new(
        new("Optimizer.LearningRate", "LearningRate", ValueRange.Positive, "LearningRate", "Step size per optimizer step. Changeable between steps (schedules)."),
        o => o.LearningRate, _ => true, "every optimizer",
        kind => kind is OptimizerKindSpec.AdaGrad or OptimizerKindSpec.RMSProp ? 1e-2f : 1e-3f);

    public static readonly OptimizerParameter Momentum = new(
        new("Optimizer.Momentum", "Momentum", ValueRange.UnitInterval, "Momentum", "Momentum factor μ."),
        o => o.Momentum, kind => kind is OptimizerKindSpec.Momentum or OptimizerKindSpec.Nesterov or OptimizerKindSpec.RMSProp, "Momentum, Nesterov and RMSProp",
        kind => kind == OptimizerKindSpec.RMSProp ? 0f : 0.9f);

    public static readonly OptimizerParameter Alpha = new(
        new("Optimizer.Alpha", "Alpha", ValueRange.UnitInterval, "Alpha", "RMSProp's smoothing constant α of the squared-gradient average."),
        o => o.Alpha, kind => kind == OptimizerKindSpec.RMSProp, "RMSProp", _ => 0.99f);

    public static readonly OptimizerParameter Beta1 = new(
        new("Optimizer.Beta1", "Beta1", ValueRange.UnitInterval, "Beta1", "Decay rate of the first-moment estimate."),
        o => o.Beta1, IsAdam, "Adam and AdamW", _ => 0.9f);

    public static readonly OptimizerParameter Beta2 = new(
        new("Optimizer.Beta2", "Beta2", ValueRange.UnitInterval, "Beta2", "Decay rate of the second-moment estimate."),
        o => o.Beta2, IsAdam, "Adam and AdamW", _ => 0.999f);

    public static readonly OptimizerParameter Epsilon = new(
        new("Optimizer.Epsilon", "Epsilon", ValueRange.Positive, "Epsilon", "ε, added to the denominator of the update."),
        o => o.Epsilon, kind => IsAdam(kind) || kind is OptimizerKindSpec.AdaGrad or OptimizerKindSpec.RMSProp, "AdaGrad, RMSProp, Adam and AdamW",
        kind => kind == OptimizerKindSpec.AdaGrad ? 1e-10f : 1e-8f);

    /// <summary>Every optimizer hyper-parameter, in the order the properties are generated.</summary>
    public static readonly OptimizerParameter[] Optimizer = { LearningRate, Momentum, Alpha, Beta1, Beta2, Epsilon };

    /// <summary>The optimizer's boolean options.</summary>
    public static readonly OptimizerFlag[] OptimizerFlags =
    {
        new("Optimizer.Amsgrad", "Amsgrad", o => o.Amsgrad, IsAdam, "Adam and AdamW"),
        new("Optimizer.Centered", "Centered", o => o.Centered, kind => kind == OptimizerKindSpec.RMSProp, "RMSProp"),
    };

    public static readonly HyperParameter L1 = new("L1.strength", "L1 strength", ValueRange.NonNegative, "L1Strength", "λ1 of the L1 penalty λ1·Σ|w| on the {0} (gradient λ1·sign(w)).");

    public static readonly HyperParameter L2 = new("L2.strength", "L2 strength", ValueRange.NonNegative, "L2Strength", "λ2 of the L2 penalty (λ2/2)·Σw² on the {0} (gradient λ2·w, PyTorch weight_decay).");

    public static readonly HyperParameter WeightDecay = new(
        "WeightDecay.strength", "WeightDecay strength", ValueRange.NonNegative, "WeightDecay", "λ of the decoupled weight decay w ← w·(1 - lr·λ) on the {0} (Loshchilov &amp; Hutter 2019).");

    /// <summary>AdamW's decoupled weight decay when no <c>[WeightDecay]</c> is declared (PyTorch's default).</summary>
    public const float AdamWWeightDecay = 0.01f;

    public static readonly HyperParameter ClipNorm = new(
        "ClipGradientNorm.maxNorm", "ClipGradientNorm maxNorm", ValueRange.Positive, "MaxGradientNorm", "Gradients are scaled down to this global L2 norm before each optimizer step.");

    public static readonly HyperParameter ClipValue = new(
        "ClipGradientValue.clipValue", "ClipGradientValue clipValue", ValueRange.Positive, "GradientClipValue", "Gradients are clamped to [-value, value] before each optimizer step.");

    public static readonly HyperParameter LabelSmoothing = new(
        "Loss.LabelSmoothing", "LabelSmoothing", ValueRange.UnitInterval, "LabelSmoothing", "Label smoothing ε: targets become (1-ε)·y + ε/OutputSize.");

    public static readonly HyperParameter HuberDelta = new(
        "Loss.Delta", "Delta", ValueRange.Positive, "HuberDelta", "Threshold δ of the Huber loss between its quadratic and linear parts.");

    /// <summary>Huber's δ when not written (PyTorch's default).</summary>
    public const float DefaultHuberDelta = 1f;

    /// <summary>LeakyReLU's slope below zero: a compile-time constant of the layer.</summary>
    public static readonly HyperParameter NegativeSlope = new("NegativeSlope", "NegativeSlope", ValueRange.Finite, null, string.Empty);

    /// <summary>LeakyReLU's slope when not written (PyTorch's default).</summary>
    public const float DefaultNegativeSlope = 0.01f;

    /// <summary>ELU's α: a compile-time constant of the layer.</summary>
    public static readonly HyperParameter EluAlpha = new("Alpha", "Alpha", ValueRange.Positive, null, string.Empty);

    /// <summary>ELU's α when not written (PyTorch's default).</summary>
    public const float DefaultEluAlpha = 1f;

    /// <summary>A Dropout layer's rate, a run-time property named after the Dense layer it follows.</summary>
    public static HyperParameter DropoutRate(string property, int denseIndex) =>
        new("rate", "Dropout rate", ValueRange.UnitInterval, property, $"Probability of zeroing each of layer {denseIndex}'s activations in training.");
}
