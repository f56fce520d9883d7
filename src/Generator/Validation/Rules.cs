using System.Collections.Generic;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Layers;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Validation;

/// <summary>The two checks every hyper-parameter gets, from its entry in <see cref="HyperParameters"/>.</summary>
internal static class Rules
{
    /// <summary>SN0010 when a written value is outside the parameter's range (NaN and infinities included).</summary>
    public static void Range(List<DiagnosticInfo> diagnostics, string network, string label, ValueRange range, string rangeText, float? value, LocationInfo? location)
    {
        if (value is float written && !range.Contains(written))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidHyperParameter, location, label, network, written, rangeText));
        }
    }

    public static void Range(List<DiagnosticInfo> diagnostics, string network, HyperParameter parameter, float? value, LocationInfo? location) =>
        Range(diagnostics, network, parameter.Label, parameter.Range, parameter.RangeText, value, location);

    public static void Range(LayerValidation context, HyperParameter parameter, float? value, LocationInfo? location) =>
        Range(context.Diagnostics, context.Spec.FullName, parameter, value, location);

    /// <summary>SN0015 when a value is written for a declaration that does not read it (it would be silently ignored).</summary>
    public static void Applicable(
        List<DiagnosticInfo> diagnostics, string network, string label, bool written, bool applies, string owner, string readers, LocationInfo? location)
    {
        if (written && !applies)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HyperParameterNotApplicable, location, label, owner, network, readers));
        }
    }

    public static void Applicable(LayerValidation context, HyperParameter parameter, float? value, bool applies, string owner, string readers, LocationInfo? location) =>
        Applicable(context.Diagnostics, context.Spec.FullName, parameter.Label, value is not null, applies, owner, readers, location);
}
