using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Layers;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Validation;

/// <summary>
/// Checks a declaration: a pure function from the spec and its locations to diagnostics. The rules of the declaration
/// itself are here; each layer kind checks its own layers, and the loss, optimizer and regularization rules have files
/// of their own.
/// </summary>
internal static class NetworkValidator
{
    /// <summary>Most parameters a network may have: their byte size (4 per float) must fit an <c>int</c>.</summary>
    public const long MaxParameters = int.MaxValue / 4;

    /// <param name="parsed">The parser's spec, locations and diagnostics.</param>
    /// <param name="target">The project's language version; null for the latest.</param>
    public static ValidationResult Validate(ParseResult parsed, TargetInfo? target = null)
    {
        if (parsed.Spec is null)
        {
            return new ValidationResult(null, parsed.Diagnostics, HasErrors: true);
        }

        var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
        NetworkLocations locations = parsed.Locations ?? NetworkLocations.None;
        if (target is { SupportsGeneratedCode: false })
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LanguageVersionTooLow,
                locations.Network,
                parsed.Spec.FullName,
                TargetInfo.MinimumLanguageVersion.ToDisplayString(),
                target.LanguageVersion.ToDisplayString()));
        }

        Declaration(parsed.Spec, locations, diagnostics);
        DeclarationRules.Check(parsed.Spec, locations, diagnostics);
        Layers(parsed.Spec, locations, diagnostics);
        LossRules.Check(parsed.Spec, locations, diagnostics);
        OptimizerRules.Check(parsed.Spec, locations, diagnostics);
        RegularizationRules.Check(parsed.Spec, locations, diagnostics);
        // Warnings leave the network generated; any error stops it.
        bool hasErrors = diagnostics.Exists(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
        return new ValidationResult(parsed.Spec, diagnostics.ToEquatableArray(), hasErrors, locations.ClassName);
    }

    private static void Declaration(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        string network = spec.FullName;
        DeclarationSpec declaration = spec.Declaration;
        foreach (string type in declaration.NonPartialTypes)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, locations.Network, type, network));
        }

        if (declaration.UnsupportedModifier is string modifier)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, locations.Find("Modifier") ?? locations.ClassName, network, modifier));
        }

        if (declaration.LayersOnSeveralParts)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersOnSeveralParts, locations.Find("LayersOnSecondPart"), network));
        }

        if (declaration.IsGeneric)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericNetwork, locations.ClassName, network));
        }

        if (spec.InputSize is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInputSize, locations.Network, network));
        }
        else if (spec.InputSize <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInputSize, locations.Find("Network.InputSize") ?? locations.Network, network, spec.InputSize.Value));
        }
    }

    private static void Layers(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        var context = new LayerValidation(spec, locations, diagnostics) { Inputs = spec.InputSize ?? 1 };
        int dense = 0;
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            context.Layer = spec.Layers[i];
            context.Position = i;
            context.DenseIndex = dense;
            LayerKinds.For(context.Layer).Validate(context);
            context.Inputs = context.Outputs;
            dense += context.Layer is DenseSpec ? 1 : 0;
        }

        if (dense == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, locations.Network, spec.FullName));
        }
    }

    /// <summary>The last Dense layer and its position, or null without one.</summary>
    public static (DenseSpec Layer, int Position)? OutputLayer(NetworkSpec spec)
    {
        for (int i = spec.Layers.Count - 1; i >= 0; i--)
        {
            if (spec.Layers[i] is DenseSpec dense)
            {
                return (dense, i);
            }
        }

        return null;
    }
}
