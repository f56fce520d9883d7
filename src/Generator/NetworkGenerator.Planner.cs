using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using StaticNet.Generator.Model;

namespace StaticNet.Generator;

public sealed partial class NetworkGenerator
{
    /// <summary>Turns a valid <see cref="NetworkSpec"/> into a <see cref="NetworkPlan"/>: every size, offset and tile.</summary>
    internal static class Planner
    {
        /// <summary>Samples per register tile of the Dense kernels.</summary>
        public const int RowTile = 4;

        public static NetworkPlan Plan(NetworkSpec spec, string generatorVersion, CancellationToken cancellationToken = default)
        {
            int inputs = spec.InputSize!.Value;
            int offset = 0;
            int maxWidth = inputs;
            long forwardFlops = 0;
            long trainingFlops = 0;
            int activationFloats = 0;
            var layers = new List<LayerPlan>();
            for (int i = 0; i < spec.Layers.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LayerSpec layer = spec.Layers[i];
                var activation = (ActivationKind)layer.Activation;
                var weights = new BufferSlice($"Dense{i}Weights", offset, inputs * layer.Units);
                offset = weights.End;
                var bias = new BufferSlice($"Dense{i}Bias", offset, layer.Units);
                offset = bias.End;
                var plan = new LayerPlan(
                    i,
                    inputs,
                    layer.Units,
                    activation,
                    weights,
                    bias,
                    layer.WeightInit != (int)InitKind.Default ? (InitKind)layer.WeightInit
                        : ActivationFacts.IsReLUFamily(activation) ? InitKind.HeNormal : InitKind.GlorotUniform,
                    ColumnTile(layer.Units),
                    ColumnTile(inputs),
                    i == spec.Layers.Count - 1)
                {
                    ActivationParameter = activation switch
                    {
                        ActivationKind.LeakyReLU => layer.NegativeSlope.IsSet ? layer.NegativeSlope.Value : 0.01f,
                        ActivationKind.ELU => layer.Alpha.IsSet ? layer.Alpha.Value : 1f,
                        _ => 0f,
                    },
                    DropoutRate = layer.Dropout?.Value,
                };
                layers.Add(plan);

                forwardFlops += plan.ForwardFlops;
                // Backward: weight gradients always; input gradients for every layer but the first (the input needs none).
                trainingFlops += plan.ForwardFlops * (i == 0 ? 2 : 3);
                activationFloats += layer.Units;
                if (layer.Units > maxWidth)
                {
                    maxWidth = layer.Units;
                }

                inputs = layer.Units;
            }

            var loss = (LossKind)spec.Loss!.Function;
            ActivationKind outputActivation = layers[layers.Count - 1].Activation;
            bool fused = (loss == LossKind.CrossEntropy && outputActivation == ActivationKind.Softmax)
                || (loss == LossKind.BinaryCrossEntropy && outputActivation == ActivationKind.Sigmoid);
            int outputSize = layers[layers.Count - 1].Units;
            bool classifier = loss == LossKind.CrossEntropy || (loss == LossKind.BinaryCrossEntropy && outputSize == 1);

            OptimizerSpec o = spec.Optimizer!;
            var kind = (OptimizerKindSpec)o.Kind;
            // PyTorch's defaults, except that the momentum kinds default to momentum 0.9 (the kind says momentum is wanted).
            var optimizer = new OptimizerPlan(
                kind,
                o.LearningRate.IsSet ? o.LearningRate.Value : (kind is OptimizerKindSpec.AdaGrad or OptimizerKindSpec.RMSProp ? 1e-2f : 1e-3f),
                o.Momentum.IsSet ? o.Momentum.Value : (kind == OptimizerKindSpec.RMSProp ? 0f : 0.9f),
                o.Beta1.IsSet ? o.Beta1.Value : 0.9f,
                o.Beta2.IsSet ? o.Beta2.Value : 0.999f,
                o.Epsilon.IsSet ? o.Epsilon.Value : (kind == OptimizerKindSpec.AdaGrad ? 1e-10f : 1e-8f))
            {
                Alpha = o.Alpha.IsSet ? o.Alpha.Value : 0.99f,
                Centered = o.Centered.Value,
                Amsgrad = o.Amsgrad.Value,
            };

            var layerArray = layers.ToEquatableArray();
            return new NetworkPlan(
                spec.Namespace,
                spec.ContainingTypes,
                spec.ClassName,
                spec.FullName,
                // A hint name may not contain '@' (AddSource throws): drop the escapes of names such as @class.
                spec.FullName.Replace("@", string.Empty) + ".Network.g.cs",
                generatorVersion,
                spec.InputSize.Value,
                outputSize,
                offset,
                maxWidth,
                RowTile,
                layerArray,
                loss,
                fused,
                classifier,
                optimizer,
                spec.L1?.Value,
                spec.L2?.Value,
                forwardFlops,
                trainingFlops,
                activationFloats,
                Summary(spec.ClassName, spec.InputSize.Value, layerArray, offset))
            {
                PenalizeBiases = spec.PenalizeBiases,
                WeightDecay = spec.WeightDecay?.Value ?? (kind == OptimizerKindSpec.AdamW ? 0.01f : null),
                ClipNorm = spec.ClipNorm?.Value,
                ClipValue = spec.ClipValue?.Value,
                LabelSmoothing = spec.Loss.LabelSmoothing.IsSet ? spec.Loss.LabelSmoothing.Value : null,
                HuberDelta = spec.Loss.Delta.IsSet ? spec.Loss.Delta.Value : 1f,
            };
        }

        // Enough vectors per tile to amortise the broadcasts, no more than fit the registers with 4 rows (4 x 3 + 4 < 16).
        private static int ColumnTile(int columns) => columns >= 48 ? 3 : columns >= 16 ? 2 : 1;

        /// <summary>A Keras-style table of layers, output shapes and parameter counts.</summary>
        private static string Summary(string name, int inputSize, EquatableArray<LayerPlan> layers, int parameterCount)
        {
            var rows = new List<string[]> { new[] { "Layer (type)", "Output Shape", "Param #" } };
            rows.Add(new[] { "input (Input)", $"(batch, {inputSize})", "0" });
            foreach (LayerPlan layer in layers)
            {
                rows.Add(new[]
                {
                    $"dense_{layer.Index} (Dense, {layer.Activation}{(layer.DropoutRate is float rate ? $", Dropout {rate.ToString("R", CultureInfo.InvariantCulture)}" : string.Empty)})",
                    $"(batch, {layer.Units})",
                    (layer.Weights.Length + layer.Bias.Length).ToString("N0", CultureInfo.InvariantCulture),
                });
            }

            int[] widths = new int[3];
            foreach (string[] row in rows)
            {
                for (int c = 0; c < 3; c++)
                {
                    widths[c] = System.Math.Max(widths[c], row[c].Length);
                }
            }

            int total = widths[0] + widths[1] + widths[2] + 4;
            var text = new StringBuilder();
            text.Append("Model: \"").Append(name).Append("\"\n");
            text.Append('=', total).Append('\n');
            for (int r = 0; r < rows.Count; r++)
            {
                text.Append(rows[r][0].PadRight(widths[0] + 2)).Append(rows[r][1].PadRight(widths[1] + 2)).Append(rows[r][2].PadLeft(widths[2])).Append('\n');
                text.Append(r == 0 ? '=' : '-', total).Append('\n');
            }

            text.Append("Total params: ").Append(parameterCount.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" (").Append((parameterCount * 4 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)).Append(" KiB)\n");
            return text.ToString();
        }
    }
}
