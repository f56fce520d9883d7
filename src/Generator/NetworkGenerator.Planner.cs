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
                plan = plan with { InitFans = InitFans(plan) };
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
            var result = new NetworkPlan(
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
            return result with
            {
                ImplementationName = spec.FullName.Replace("@", string.Empty).Replace('.', '_'),
                // Array.MaxLength (0x7FFFFFC7), not int.MaxValue: the runtime's largest array is slightly shorter.
                MaxBatchSize = 0x7FFFFFC7 / maxWidth,
                ClassCount = loss == LossKind.CrossEntropy ? outputSize : 2,
                OptimizerState = OptimizerState(optimizer).ToEquatableArray(),
                HyperParameters = HyperParameters(result).ToEquatableArray(),
                UpdateRanges = UpdateRanges(layerArray, spec.PenalizeBiases, result.HasRegularization || result.WeightDecay is not null).ToEquatableArray(),
            };
        }

        /// <summary>Fan-in, and fan-out for the Glorot kinds: the arguments of the layer's weight initialiser.</summary>
        private static EquatableArray<int> InitFans(LayerPlan layer) => layer.Init switch
        {
            InitKind.Zeros => EquatableArray<int>.Empty,
            InitKind.GlorotNormal or InitKind.GlorotUniform => new[] { layer.Inputs, layer.Units }.ToEquatableArray(),
            _ => new[] { layer.Inputs }.ToEquatableArray(),
        };

        /// <summary>The optimizer's state buffers and what they hold, in the order its sweep takes them.</summary>
        private static IEnumerable<StateBufferPlan> OptimizerState(OptimizerPlan o)
        {
            switch (o.Kind)
            {
                case OptimizerKindSpec.Momentum:
                case OptimizerKindSpec.Nesterov:
                    yield return new("_velocity", "momentum buffer v");
                    break;
                case OptimizerKindSpec.AdaGrad:
                    yield return new("_squareSums", "sum of squared gradients s");
                    break;
                case OptimizerKindSpec.RMSProp:
                    yield return new("_squareAverages", "running average of squared gradients s");
                    if (o.Centered)
                    {
                        yield return new("_gradientAverages", "running average of gradients m (centered)");
                    }

                    yield return new("_velocity", "momentum buffer b (used when momentum > 0)");
                    break;
                case OptimizerKindSpec.Adam:
                case OptimizerKindSpec.AdamW:
                    yield return new("_firstMoments", "first-moment estimate m");
                    yield return new("_secondMoments", "second-moment estimate v");
                    if (o.Amsgrad)
                    {
                        yield return new("_maxSecondMoments", "running maximum of v (AMSGrad)");
                    }

                    break;
            }
        }

        /// <summary>The run-time hyper-parameters the declaration uses, with their defaults and ranges.</summary>
        private static IEnumerable<HyperParameterPlan> HyperParameters(NetworkPlan plan)
        {
            OptimizerPlan o = plan.Optimizer;
            yield return new("LearningRate", "_learningRate", o.LearningRate, ValueRange.Positive, "Step size per optimizer step. Changeable between steps (schedules).");
            if (o.Kind is OptimizerKindSpec.Momentum or OptimizerKindSpec.Nesterov or OptimizerKindSpec.RMSProp)
            {
                // Nesterov needs a momentum, as the validator says (SN0010) and PyTorch requires.
                yield return new("Momentum", "_momentum", o.Momentum, o.Kind == OptimizerKindSpec.Nesterov ? ValueRange.OpenUnitInterval : ValueRange.UnitInterval, "Momentum factor μ.");
            }

            if (o.Kind == OptimizerKindSpec.RMSProp)
            {
                yield return new("Alpha", "_alpha", o.Alpha, ValueRange.UnitInterval, "RMSProp's smoothing constant α of the squared-gradient average.");
            }

            if (o.IsAdam)
            {
                yield return new("Beta1", "_beta1", o.Beta1, ValueRange.UnitInterval, "Decay rate of the first-moment estimate.");
                yield return new("Beta2", "_beta2", o.Beta2, ValueRange.UnitInterval, "Decay rate of the second-moment estimate.");
            }

            if (o.IsAdam || o.Kind is OptimizerKindSpec.AdaGrad or OptimizerKindSpec.RMSProp)
            {
                yield return new("Epsilon", "_epsilon", o.Epsilon, ValueRange.Positive, "ε, added to the denominator of the update.");
            }

            string penalized = plan.PenalizeBiases ? "weights and biases" : "weights";
            if (plan.L1 is float l1)
            {
                yield return new("L1Strength", "_l1Strength", l1, ValueRange.NonNegative, $"λ1 of the L1 penalty λ1·Σ|w| on the {penalized} (gradient λ1·sign(w)).");
            }

            if (plan.L2 is float l2)
            {
                yield return new("L2Strength", "_l2Strength", l2, ValueRange.NonNegative, $"λ2 of the L2 penalty (λ2/2)·Σw² on the {penalized} (gradient λ2·w, PyTorch weight_decay).");
            }

            if (plan.WeightDecay is float decay)
            {
                yield return new("WeightDecay", "_weightDecay", decay, ValueRange.NonNegative, $"λ of the decoupled weight decay w ← w·(1 - lr·λ) on the {penalized} (Loshchilov &amp; Hutter 2019).");
            }

            if (plan.ClipValue is float clipValue)
            {
                yield return new("GradientClipValue", "_gradientClipValue", clipValue, ValueRange.Positive, "Gradients are clamped to [-value, value] before each optimizer step.");
            }

            if (plan.ClipNorm is float clipNorm)
            {
                yield return new("MaxGradientNorm", "_maxGradientNorm", clipNorm, ValueRange.Positive, "Gradients are scaled down to this global L2 norm before each optimizer step.");
            }

            if (plan.LabelSmoothing is float smoothing)
            {
                yield return new("LabelSmoothing", "_labelSmoothing", smoothing, ValueRange.UnitInterval, "Label smoothing ε: targets become (1-ε)·y + ε/OutputSize.");
            }

            if (plan.Loss == LossKind.Huber)
            {
                yield return new("HuberDelta", "_huberDelta", plan.HuberDelta, ValueRange.Positive, "Threshold δ of the Huber loss between its quadratic and linear parts.");
            }

            foreach (LayerPlan layer in plan.Layers)
            {
                if (layer.DropoutRate is float rate)
                {
                    yield return new($"{layer.Name}DropoutRate", $"_dropoutRate{layer.Index}", rate, ValueRange.UnitInterval, $"Probability of zeroing each of layer {layer.Index}'s activations in training.");
                }
            }
        }

        /// <summary>
        /// The optimizer's sweeps: one over the whole buffer when every tensor is treated alike, else one per run of
        /// tensors with the same treatment (weights penalised, biases not unless PenalizeBiases).
        /// </summary>
        private static IEnumerable<UpdateRange> UpdateRanges(EquatableArray<LayerPlan> layers, bool penalizeBiases, bool hasPenalty)
        {
            var tensors = new List<(BufferSlice Slice, string Name, bool Penalized)>();
            foreach (LayerPlan layer in layers)
            {
                tensors.Add((layer.Weights, $"W{layer.Index}", hasPenalty));
                tensors.Add((layer.Bias, $"b{layer.Index}", hasPenalty && penalizeBiases));
            }

            int start = 0;
            for (int i = 1; i <= tensors.Count; i++)
            {
                if (i == tensors.Count || tensors[i].Penalized != tensors[start].Penalized)
                {
                    var names = new List<string>();
                    for (int t = start; t < i; t++)
                    {
                        names.Add(tensors[t].Name);
                    }

                    int offset = tensors[start].Slice.Offset;
                    yield return new UpdateRange(offset, tensors[i - 1].Slice.End - offset, tensors[start].Penalized, string.Join(" ", names));
                    start = i;
                }
            }
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
