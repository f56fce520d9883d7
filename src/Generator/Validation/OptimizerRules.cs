using System;
using System.Collections.Generic;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Validation;

/// <summary>The optimizer: declared, known, each hyper-parameter read by this kind and in its range (from <see cref="HyperParameters"/>).</summary>
internal static class OptimizerRules
{
    public static void Check(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        string network = spec.FullName;
        if (spec.Optimizer is not OptimizerSpec optimizer)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingOptimizer, locations.Network, network));
            return;
        }

        bool known = Enum.IsDefined(typeof(OptimizerKindSpec), optimizer.Kind);
        if (!known)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, locations.Of("Optimizer.kind"), (int)optimizer.Kind, "OptimizerKind"));
        }

        string owner = $"optimizer {optimizer.Kind}";
        foreach (OptimizerParameter parameter in HyperParameters.Optimizer)
        {
            float? written = parameter.Written(optimizer);
            LocationInfo? location = locations.Of(parameter.Definition.Key);
            if (known)
            {
                Rules.Applicable(diagnostics, network, parameter.Definition.Label, written is not null, parameter.Applies(optimizer.Kind), owner, $"it is read by {parameter.Readers} only", location);
            }

            Rules.Range(diagnostics, network, parameter.Definition.Label, parameter.RangeFor(optimizer.Kind), parameter.RangeTextFor(optimizer.Kind), written, location);
        }

        foreach (OptimizerFlag flag in HyperParameters.OptimizerFlags)
        {
            if (known)
            {
                Rules.Applicable(diagnostics, network, flag.Label, flag.Written(optimizer), flag.Applies(optimizer.Kind), owner, $"it is read by {flag.Readers} only", locations.Of(flag.Key));
            }
        }
    }
}
