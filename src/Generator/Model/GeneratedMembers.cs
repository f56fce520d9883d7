using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StaticNet.Generator.Model;

/// <summary>
/// Every name the emitted code declares in the user's network class (<c>Emission/ApiEmitter.cs</c>): the public API
/// and the one field <c>_network</c>. Everything else lives in the implementation class in <c>StaticNet.Generated</c>
/// and cannot collide with the user's members. The parser reads the user's members and base-class members whose names
/// are of these families, and the validator reports them (SN0020, SN0021, SN0027) before anything is generated.
/// A test compiles networks that together use every option and checks that the names their generated code declares
/// are exactly these, so the list cannot go stale when the emitter changes.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>The placeholder for the Dense layer index in <see cref="PerLayer"/>.</summary>
    public const string LayerIndex = "{0}";

    /// <summary>Names declared whatever the layers (those of a given option only when the declaration uses it).</summary>
    public static readonly IReadOnlyCollection<string> Fixed = new[]
        {
            // Constants and the summary table.
            "InputSize", "OutputSize", "ParameterCount", "ParameterBufferLength", "MaxBatchSize", "ForwardFlopsPerSample", "TrainingFlopsPerSample", "Summary",

            // The model-file layout.
            "Layout",

            // The implementation instance every member forwards to.
            "_network",

            // Views and counters.
            "Parameters", "Gradients", "StepCount",

            // Public methods.
            "Predict", "TrainStep", "ComputeGradients", "ComputeLoss", "RegularizationLoss", "ApplyGradients", "SeedDropout",
        }
        .Concat(RunTimeHyperParameters())
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Names declared once per Dense layer, <see cref="LayerIndex"/> standing for its index from 0.</summary>
    public static readonly IReadOnlyList<string> PerLayer = new[]
    {
        "Dense{0}WeightsOffset", "Dense{0}WeightsLength", "Dense{0}BiasOffset", "Dense{0}BiasLength",
        "Dense{0}Weights", "Dense{0}Bias", "Dense{0}WeightGradients", "Dense{0}BiasGradients", "Dense{0}DropoutRate",
    };

    private static readonly HashSet<string> FixedSet = new(Fixed, StringComparer.Ordinal);

    /// <summary>Whether the generated code of a network with <paramref name="denseLayers"/> Dense layers may declare <paramref name="name"/>.</summary>
    public static bool IsGenerated(string name, int denseLayers)
    {
        if (FixedSet.Contains(name))
        {
            return true;
        }

        foreach (string template in PerLayer)
        {
            if (LayerOf(name, template) is int index && index < denseLayers)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some network may declare <paramref name="name"/> (any number of layers): what the parser keeps.</summary>
    public static bool IsFamily(string name) => IsGenerated(name, int.MaxValue);

    /// <summary>The layer index for which <paramref name="template"/> gives <paramref name="name"/>, or null.</summary>
    public static int? LayerOf(string name, string template)
    {
        int placeholder = template.IndexOf(LayerIndex, StringComparison.Ordinal);
        string prefix = template.Substring(0, placeholder);
        string suffix = template.Substring(placeholder + LayerIndex.Length);
        if (name.Length <= prefix.Length + suffix.Length
            || !name.StartsWith(prefix, StringComparison.Ordinal)
            || !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        string digits = name.Substring(prefix.Length, name.Length - prefix.Length - suffix.Length);
        // The index as the emitter prints it: decimal digits, no sign, no leading zero.
        if (!digits.All(c => c is >= '0' and <= '9') || (digits.Length > 1 && digits[0] == '0') || digits.Length > 9)
        {
            return null;
        }

        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    // The run-time hyper-parameter properties, from the one table (the Dropout rates are per layer, in PerLayer).
    private static IEnumerable<string> RunTimeHyperParameters() =>
        HyperParameters.Optimizer.Select(p => p.Definition.Property!)
            .Concat(new[]
            {
                HyperParameters.L1, HyperParameters.L2, HyperParameters.WeightDecay, HyperParameters.ClipNorm,
                HyperParameters.ClipValue, HyperParameters.LabelSmoothing, HyperParameters.HuberDelta,
            }.Select(p => p.Property!));
}
