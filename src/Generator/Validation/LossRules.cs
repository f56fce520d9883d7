using System;
using System.Collections.Generic;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Validation;

/// <summary>The loss: declared, known, matching the output activation it is fused with, and its own hyper-parameters.</summary>
internal static class LossRules
{
    public static void Check(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        string network = spec.FullName;
        if (spec.Loss is not LossSpec loss)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLoss, locations.Network, network));
            return;
        }

        if (!Enum.IsDefined(typeof(LossKind), loss.Function))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, locations.Of("Loss.function"), (int)loss.Function, "LossFunction"));
            return;
        }

        if (NetworkValidator.OutputLayer(spec) is not (DenseSpec output, int position) || !Enum.IsDefined(typeof(ActivationKind), output.Activation))
        {
            return;
        }

        ActivationKind? required = loss.Function switch
        {
            LossKind.CrossEntropy => ActivationKind.Softmax,
            LossKind.BinaryCrossEntropy => ActivationKind.Sigmoid,
            _ => null,
        };
        if (required is not null && required != output.Activation)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.LossActivationMismatch, locations.Of("Loss.function"), loss.Function, required.Value, network, output.Activation));
        }

        string owner = $"loss {loss.Function}";
        HyperParameter smoothing = HyperParameters.LabelSmoothing, delta = HyperParameters.HuberDelta;
        Rules.Applicable(diagnostics, network, smoothing.Label, loss.LabelSmoothing is not null, loss.Function == LossKind.CrossEntropy, owner, "it is read by CrossEntropy only", locations.Of(smoothing.Key));
        Rules.Applicable(diagnostics, network, delta.Label, loss.Delta is not null, loss.Function == LossKind.Huber, owner, "it is read by Huber only", locations.Of(delta.Key));
        Rules.Range(diagnostics, network, smoothing, loss.LabelSmoothing, locations.Of(smoothing.Key));
        Rules.Range(diagnostics, network, delta, loss.Delta, locations.Of(delta.Key));
        if (output.Activation == ActivationKind.Softmax && output.Units == 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SingleUnitSoftmax, locations.Of($"Layer{position}.activation"), network));
        }
    }
}
