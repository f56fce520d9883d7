using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;
using StaticNet.Generator.Validation;

namespace StaticNet.Generator.Layers.Dense;

internal sealed partial class DenseKind
{
    protected override void Validate(DenseSpec layer, LayerValidation context)
    {
        string network = context.Spec.FullName;
        int index = context.DenseIndex;
        if (layer.Units <= 0)
        {
            context.Report(DiagnosticDescriptors.InvalidUnits, context.Location("units"), index, network, layer.Units);
        }

        if (!System.Enum.IsDefined(typeof(ActivationKind), layer.Activation))
        {
            context.Report(DiagnosticDescriptors.UnknownEnumValue, context.Location("activation"), (int)layer.Activation, "Activation");
        }
        else if (layer.Activation == ActivationKind.Softmax && !IsLastDense(context))
        {
            context.Report(DiagnosticDescriptors.SoftmaxOnHiddenLayer, context.Location("activation"), index, network);
        }

        // Beyond this the int offsets and byte sizes of the flat buffers overflow; reported once, at the layer that crosses it.
        if (layer.Units > 0 && context.Inputs is long inputs && inputs > 0 && context.Parameters <= NetworkValidator.MaxParameters)
        {
            context.Parameters += (inputs + 1) * layer.Units;
            if (context.Parameters > NetworkValidator.MaxParameters)
            {
                context.Report(
                    DiagnosticDescriptors.NetworkTooLarge, context.Location("units"), network, Thousands(context.Parameters), index, Thousands(NetworkValidator.MaxParameters));
            }
        }

        context.Outputs = layer.Units;
        string owner = $"activation {layer.Activation} of layer {index}";
        Rules.Applicable(context, HyperParameters.NegativeSlope, layer.NegativeSlope, layer.Activation == ActivationKind.LeakyReLU, owner, "it is read by LeakyReLU only", context.Location("NegativeSlope"));
        Rules.Applicable(context, HyperParameters.EluAlpha, layer.Alpha, layer.Activation == ActivationKind.ELU, owner, "it is read by ELU only", context.Location("Alpha"));
        Rules.Range(context, HyperParameters.NegativeSlope, layer.NegativeSlope, context.Location("NegativeSlope"));
        Rules.Range(context, HyperParameters.EluAlpha, layer.Alpha, context.Location("Alpha"));
        if (!System.Enum.IsDefined(typeof(InitKind), layer.WeightInit))
        {
            context.Report(DiagnosticDescriptors.UnknownEnumValue, context.Location("WeightInit"), (int)layer.WeightInit, "WeightInitialization");
        }
    }

    private static bool IsLastDense(LayerValidation context)
    {
        for (int i = context.Position + 1; i < context.Spec.Layers.Count; i++)
        {
            if (context.Spec.Layers[i] is DenseSpec)
            {
                return false;
            }
        }

        return true;
    }

    private static string Thousands(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
