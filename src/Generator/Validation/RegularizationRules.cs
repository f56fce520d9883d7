using System.Collections.Generic;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Validation;

/// <summary>L1, L2, decoupled weight decay and gradient clipping: each in its range when declared.</summary>
internal static class RegularizationRules
{
    public static void Check(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        RegularizationSpec r = spec.Regularization;
        string network = spec.FullName;
        foreach ((HyperParameter parameter, float? value) in new[]
        {
            (HyperParameters.WeightDecay, r.WeightDecay),
            (HyperParameters.ClipNorm, r.ClipNorm),
            (HyperParameters.ClipValue, r.ClipValue),
            (HyperParameters.L1, r.L1),
            (HyperParameters.L2, r.L2),
        })
        {
            Rules.Range(diagnostics, network, parameter, value, locations.Of(parameter.Key));
        }
    }
}
