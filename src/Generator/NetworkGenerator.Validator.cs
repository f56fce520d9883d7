using System;
using System.Collections.Generic;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;

namespace StaticNet.Generator;

public sealed partial class NetworkGenerator
{
    /// <summary>Checks a <see cref="NetworkSpec"/>: a pure function from the spec to its diagnostics.</summary>
    internal static class Validator
    {
        /// <summary>Most parameters a network may have: their byte size (4 per float) must fit an <c>int</c>.</summary>
        public const long MaxParameters = int.MaxValue / 4;

        public static ValidationResult Validate(ParseResult parsed)
        {
            if (parsed.Spec is null)
            {
                return new ValidationResult(null, parsed.Diagnostics, HasErrors: true);
            }

            var diagnostics = new List<DiagnosticInfo>(parsed.Diagnostics);
            Check(parsed.Spec, diagnostics);
            // Warnings leave the network generated; any error stops it.
            bool hasErrors = diagnostics.Exists(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            return new ValidationResult(parsed.Spec, diagnostics.ToEquatableArray(), hasErrors);
        }

        private static void Check(NetworkSpec spec, List<DiagnosticInfo> diagnostics)
        {
            string network = spec.FullName;
            LocationInfo? networkLocation = spec.NetworkAttributeLocation ?? spec.ClassNameLocation;

            foreach (string type in spec.NonPartialTypes)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, networkLocation, type, network));
            }

            if (spec.UnsupportedModifier is { } modifier)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedNetworkType, modifier.Location ?? spec.ClassNameLocation, network, modifier.Text));
            }

            if (spec.LayersOnSecondPart is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LayersOnSeveralParts, spec.LayersOnSecondPart, network));
            }

            if (spec.IsGeneric)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericNetwork, spec.ClassNameLocation, network));
            }

            if (spec.InputSize is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInputSize, networkLocation, network));
            }
            else if (spec.InputSize <= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInputSize, spec.InputSizeLocation, network, spec.InputSize.Value));
            }

            if (spec.Layers.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, networkLocation, network));
            }

            long width = spec.InputSize ?? 1;
            long parameters = 0;
            for (int i = 0; i < spec.Layers.Count; i++)
            {
                LayerSpec layer = spec.Layers[i];
                if (layer.Units <= 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidUnits, layer.UnitsLocation, i, network, layer.Units));
                }

                if (!Enum.IsDefined(typeof(ActivationKind), layer.Activation))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, layer.ActivationLocation, layer.Activation, "Activation"));
                }
                else if ((ActivationKind)layer.Activation == ActivationKind.Softmax && i != spec.Layers.Count - 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxOnHiddenLayer, layer.ActivationLocation, i, network));
                }

                // Beyond this the int offsets and byte sizes of the flat buffers overflow; reported once, at the layer that crosses it.
                if (layer.Units > 0 && width > 0 && parameters <= MaxParameters)
                {
                    parameters += (width + 1) * layer.Units;
                    if (parameters > MaxParameters)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.NetworkTooLarge, layer.UnitsLocation, network, Count(parameters), i, Count(MaxParameters)));
                    }
                }

                CheckLayerParameters(layer, i, network, diagnostics);
                width = layer.Units;
            }

            if (spec.Loss is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingLoss, networkLocation, network));
            }
            else if (!Enum.IsDefined(typeof(LossKind), spec.Loss.Function))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, spec.Loss.FunctionLocation, spec.Loss.Function, "LossFunction"));
            }
            else if (spec.Layers.Count > 0 && Enum.IsDefined(typeof(ActivationKind), spec.Layers[spec.Layers.Count - 1].Activation))
            {
                var output = (ActivationKind)spec.Layers[spec.Layers.Count - 1].Activation;
                var loss = (LossKind)spec.Loss.Function;
                ActivationKind? required = loss switch
                {
                    LossKind.CrossEntropy => ActivationKind.Softmax,
                    LossKind.BinaryCrossEntropy => ActivationKind.Sigmoid,
                    _ => null,
                };
                if (required is not null && required != output)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LossActivationMismatch, spec.Loss.FunctionLocation, loss, required.Value, network, output));
                }

                CheckLossParameters(spec.Loss, loss, network, diagnostics);
                LayerSpec last = spec.Layers[spec.Layers.Count - 1];
                if (output == ActivationKind.Softmax && last.Units == 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SingleUnitSoftmax, last.ActivationLocation, network));
                }
            }

            if (spec.Optimizer is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingOptimizer, networkLocation, network));
            }
            else
            {
                OptimizerSpec optimizer = spec.Optimizer;
                if (!Enum.IsDefined(typeof(OptimizerKindSpec), optimizer.Kind))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, optimizer.KindLocation, optimizer.Kind, "OptimizerKind"));
                }

                CheckApplicable(optimizer, network, diagnostics);
                CheckRange(optimizer.LearningRate, network, "finite and greater than 0", v => v > 0, diagnostics);
                if ((OptimizerKindSpec)optimizer.Kind == OptimizerKindSpec.Nesterov)
                {
                    // Nesterov momentum needs a momentum (PyTorch refuses nesterov=True with momentum 0).
                    CheckRange(optimizer.Momentum, network, "in (0, 1) for Nesterov", v => v > 0 && v < 1, diagnostics);
                }
                else
                {
                    CheckRange(optimizer.Momentum, network, "in [0, 1)", v => v >= 0 && v < 1, diagnostics);
                }

                CheckRange(optimizer.Alpha, network, "in [0, 1)", v => v >= 0 && v < 1, diagnostics);
                CheckRange(optimizer.Beta1, network, "in [0, 1)", v => v >= 0 && v < 1, diagnostics);
                CheckRange(optimizer.Beta2, network, "in [0, 1)", v => v >= 0 && v < 1, diagnostics);
                CheckRange(optimizer.Epsilon, network, "finite and greater than 0", v => v > 0, diagnostics);
            }

            foreach (HyperParameterSpec? parameter in new[] { spec.WeightDecay, spec.ClipNorm, spec.ClipValue })
            {
                if (parameter is not null)
                {
                    bool strictlyPositive = parameter != spec.WeightDecay;
                    CheckRange(parameter, network, strictlyPositive ? "finite and greater than 0" : "finite and at least 0", v => strictlyPositive ? v > 0 : v >= 0, diagnostics, unsetMeansDefault: false);
                }
            }

            if (spec.L1 is not null)
            {
                CheckRange(spec.L1, network, "finite and at least 0", v => v >= 0, diagnostics, unsetMeansDefault: false);
            }

            if (spec.L2 is not null)
            {
                CheckRange(spec.L2, network, "finite and at least 0", v => v >= 0, diagnostics, unsetMeansDefault: false);
            }
        }

        // Which hyper-parameters each optimizer reads; a value given for another would be silently ignored.
        private static void CheckApplicable(OptimizerSpec optimizer, string network, List<DiagnosticInfo> diagnostics)
        {
            if (!Enum.IsDefined(typeof(OptimizerKindSpec), optimizer.Kind))
            {
                return;
            }

            var kind = (OptimizerKindSpec)optimizer.Kind;
            bool adam = kind is OptimizerKindSpec.Adam or OptimizerKindSpec.AdamW;
            var rules = new (string Name, bool IsSet, LocationInfo? Location, bool Applies, string Readers)[]
            {
                (optimizer.Momentum.Name, optimizer.Momentum.IsSet, optimizer.Momentum.Location, kind is OptimizerKindSpec.Momentum or OptimizerKindSpec.Nesterov or OptimizerKindSpec.RMSProp, "Momentum, Nesterov and RMSProp"),
                (optimizer.Beta1.Name, optimizer.Beta1.IsSet, optimizer.Beta1.Location, adam, "Adam and AdamW"),
                (optimizer.Beta2.Name, optimizer.Beta2.IsSet, optimizer.Beta2.Location, adam, "Adam and AdamW"),
                (optimizer.Amsgrad.Name, optimizer.Amsgrad.Value, optimizer.Amsgrad.Location, adam, "Adam and AdamW"),
                (optimizer.Epsilon.Name, optimizer.Epsilon.IsSet, optimizer.Epsilon.Location, adam || kind is OptimizerKindSpec.AdaGrad or OptimizerKindSpec.RMSProp, "AdaGrad, RMSProp, Adam and AdamW"),
                (optimizer.Alpha.Name, optimizer.Alpha.IsSet, optimizer.Alpha.Location, kind == OptimizerKindSpec.RMSProp, "RMSProp"),
                (optimizer.Centered.Name, optimizer.Centered.Value, optimizer.Centered.Location, kind == OptimizerKindSpec.RMSProp, "RMSProp"),
            };
            foreach (var rule in rules)
            {
                if (rule.IsSet && !rule.Applies)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.HyperParameterNotApplicable, rule.Location, rule.Name, $"optimizer {kind}", network, $"it is read by {rule.Readers} only"));
                }
            }
        }

        private static void CheckLayerParameters(LayerSpec layer, int index, string network, List<DiagnosticInfo> diagnostics)
        {
            var activation = (ActivationKind)layer.Activation;
            Applicable(layer.NegativeSlope, activation == ActivationKind.LeakyReLU, $"activation {activation} of layer {index}", network, "it is read by LeakyReLU only", diagnostics);
            Applicable(layer.Alpha, activation == ActivationKind.ELU, $"activation {activation} of layer {index}", network, "it is read by ELU only", diagnostics);
            CheckRange(layer.NegativeSlope, network, "finite", _ => true, diagnostics);
            CheckRange(layer.Alpha, network, "finite and greater than 0", v => v > 0, diagnostics);
            if (!Enum.IsDefined(typeof(InitKind), layer.WeightInit))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownEnumValue, layer.WeightInitLocation, layer.WeightInit, "WeightInitialization"));
            }

            if (layer.Dropout is not null)
            {
                CheckRange(layer.Dropout, network, "in [0, 1)", v => v >= 0 && v < 1, diagnostics, unsetMeansDefault: false);
            }
        }

        private static void CheckLossParameters(LossSpec spec, LossKind loss, string network, List<DiagnosticInfo> diagnostics)
        {
            Applicable(spec.LabelSmoothing, loss == LossKind.CrossEntropy, $"loss {loss}", network, "it is read by CrossEntropy only", diagnostics);
            Applicable(spec.Delta, loss == LossKind.Huber, $"loss {loss}", network, "it is read by Huber only", diagnostics);
            CheckRange(spec.LabelSmoothing, network, "in [0, 1)", v => v >= 0 && v < 1, diagnostics);
            CheckRange(spec.Delta, network, "finite and greater than 0", v => v > 0, diagnostics);
        }

        private static void Applicable(HyperParameterSpec parameter, bool applies, string owner, string network, string readers, List<DiagnosticInfo> diagnostics)
        {
            if (parameter.IsSet && !applies)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HyperParameterNotApplicable, parameter.Location, parameter.Name, owner, network, readers));
            }
        }

        private static string Count(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

        private static void CheckRange(HyperParameterSpec parameter, string network, string range, Func<float, bool> isValid, List<DiagnosticInfo> diagnostics, bool unsetMeansDefault = true)
        {
            // On [Optimizer], NaN means "not written": the default applies (an explicit NaN cannot be told apart).
            if (!parameter.IsSet && unsetMeansDefault)
            {
                return;
            }

            if (float.IsNaN(parameter.Value) || float.IsInfinity(parameter.Value) || !isValid(parameter.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidHyperParameter, parameter.Location, parameter.Name, network, parameter.Value, range));
            }
        }
    }
}
