using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StaticNet.Generator.Layers;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Layers.Dropout;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Planning;

/// <summary>
/// Turns a valid <see cref="NetworkSpec"/> into a <see cref="NetworkPlan"/>: every layer (planned by its kind), buffer,
/// offset, tile, default, run-time hyper-parameter and optimizer sweep. The emitter prints what is decided here.
/// </summary>
internal static class NetworkPlanner
{
    public static NetworkPlan Plan(NetworkSpec spec, string generatorVersion, CancellationToken cancellationToken = default)
    {
        int inputSize = spec.InputSize!.Value;
        var context = new LayerPlanning(spec) { Inputs = inputSize };
        var layers = new List<LayerPlan>();
        for (int i = 0; i < spec.Layers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.Layer = spec.Layers[i];
            context.Position = i;
            context.IsLast = i == spec.Layers.Count - 1;
            context.Previous = i > 0 ? layers[i - 1] : null;
            layers.Add(LayerKinds.For(context.Layer).Plan(context));
        }

        LossSpec loss = spec.Loss!;
        RegularizationSpec r = spec.Regularization;
        OptimizerSpec o = spec.Optimizer!;
        var optimizer = new OptimizerPlan(
            o.Kind,
            HyperParameters.LearningRate.Resolve(o),
            HyperParameters.Momentum.Resolve(o),
            HyperParameters.Beta1.Resolve(o),
            HyperParameters.Beta2.Resolve(o),
            HyperParameters.Epsilon.Resolve(o),
            HyperParameters.Alpha.Resolve(o),
            o.Centered,
            o.Amsgrad);
        float? weightDecay = r.WeightDecay ?? (o.Kind == OptimizerKindSpec.AdamW ? HyperParameters.AdamWWeightDecay : null);

        var output = (DensePlan)layers[layers.Count - 1];
        int parameterCount = context.ParameterCount;
        int maxWidth = System.Math.Max(inputSize, layers.Max(l => l.Outputs));
        string name = spec.FullName.Replace("@", string.Empty);
        var layerArray = layers.ToEquatableArray();
        return new NetworkPlan(
            spec.Namespace,
            spec.ContainingTypes,
            spec.ClassName,
            spec.FullName,
            HintName(spec.FullName),
            ImplementationName(name),
            generatorVersion,
            inputSize,
            output.Units,
            parameterCount,
            context.ParameterBufferLength,
            // Array.MaxLength (0x7FFFFFC7), not int.MaxValue: the runtime's largest array is slightly shorter.
            0x7FFFFFC7 / maxWidth,
            layerArray,
            loss.Function,
            output.KeepsLogits,
            IsClassifier: loss.Function == LossKind.CrossEntropy || (loss.Function == LossKind.BinaryCrossEntropy && output.Units == 1),
            ClassCount: loss.Function == LossKind.CrossEntropy ? output.Units : 2,
            optimizer,
            r.L1,
            r.L2,
            weightDecay,
            r.ClipNorm,
            r.ClipValue,
            r.PenalizeBiases,
            loss.LabelSmoothing,
            loss.Delta ?? HyperParameters.DefaultHuberDelta,
            layers.Sum(l => l.ForwardFlops),
            layers.Sum(l => l.TrainingFlops),
            layers.Sum(l => l.ActivationFloats),
            Summary(spec.ClassName.Replace("@", string.Empty), inputSize, layerArray, parameterCount),
            OptimizerState(optimizer).ToEquatableArray(),
            RunTimeParameters(spec, optimizer, weightDecay, layers).ToEquatableArray(),
            UpdateRanges(
                layers.SelectMany(l => l.Tensors), context.ParameterBufferLength, r.PenalizeBiases, r.L1 is not null || r.L2 is not null || weightDecay is not null)
                .ToEquatableArray(),
            Padding(layers.SelectMany(l => l.Tensors), context.ParameterBufferLength).ToEquatableArray(),
            Architecture(inputSize, layers),
            Fingerprint(Architecture(inputSize, layers)),
            FileTensors(layers).ToEquatableArray(),
            FileLayers(layers).ToEquatableArray());
    }

    /// <summary>The Dense layers under their file names, with the activation a prediction applies (Softmax on a fused output too).</summary>
    private static IEnumerable<FileLayerPlan> FileLayers(IEnumerable<LayerPlan> layers) =>
        Modules(layers)
            .Where(m => m.Layer is DensePlan)
            .Select(m => (Dense: (DensePlan)m.Layer, m.Module))
            .Select(m => new FileLayerPlan($"{m.Module}.weight", $"{m.Module}.bias", m.Dense.Activation, m.Dense.ActivationParameter));

    /// <summary>Each layer with the number of the <c>nn.Sequential</c> module it starts at.</summary>
    private static IEnumerable<(LayerPlan Layer, int Module)> Modules(IEnumerable<LayerPlan> layers)
    {
        int module = 0;
        foreach (LayerPlan layer in layers)
        {
            yield return (layer, module);
            module += layer.SequentialModules;
        }
    }

    /// <summary>The architecture in a model file's metadata: <c>Input 784 -> Dense 256 ReLU -> Dense 10 Softmax</c>.</summary>
    private static string Architecture(int inputSize, IEnumerable<LayerPlan> layers) =>
        $"Input {inputSize} -> " + string.Join(" -> ", layers.Select(l => l.Architecture));

    /// <summary>
    /// 16 hex digits of a 64-bit FNV-1a over the architecture text's UTF-16 code units: the same on every machine and
    /// run, different for architectures that differ only in an activation.
    /// </summary>
    private static string Fingerprint(string architecture)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in architecture)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The tensors under PyTorch's names: each layer's tensors take the number of the module it starts at in an
    /// <c>nn.Sequential</c> (784-256-10 with ReLU: <c>0.weight</c>, <c>0.bias</c>, <c>2.weight</c>, <c>2.bias</c>), weights
    /// <c>[out, in]</c>, the transpose of the buffer's <c>[in, out]</c>.
    /// </summary>
    private static IEnumerable<FileTensorPlan> FileTensors(IEnumerable<LayerPlan> layers)
    {
        foreach ((LayerPlan layer, int module) in Modules(layers))
        {
            foreach (TensorPlan tensor in layer.Tensors)
            {
                yield return tensor.IsBias
                    ? new FileTensorPlan($"{module}.bias", new[] { layer.Outputs }.ToEquatableArray(), tensor.Slice.Offset, Transposed: false, tensor.Symbol)
                    : new FileTensorPlan($"{module}.weight", new[] { layer.Outputs, layer.Inputs }.ToEquatableArray(), tensor.Slice.Offset, Transposed: true, tensor.Symbol);
            }
        }
    }

    /// <summary>
    /// The hint name of a network's file: <c>&lt;full name&gt;.Network.&lt;hash&gt;.g.cs</c>. AddSource compares hint
    /// names ignoring case (as do the file systems the files may be written to), so two networks whose names differ
    /// only in letter case (<c>S.Net</c> and <c>S.NET</c>) would collide (CS8785, and every network loses its file);
    /// the hash of the exact name, 8 hex digits of a 32-bit FNV-1a over its UTF-16 code units, tells them apart and is
    /// the same on every machine and run. A hint name may not contain '@' (AddSource throws): the escapes of names such
    /// as <c>@class</c> are dropped first.
    /// </summary>
    public static string HintName(string fullName)
    {
        string name = fullName.Replace("@", string.Empty);
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return name + ".Network." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    /// <summary>
    /// The implementation class's name in StaticNet.Generated: the full name with '_' doubled and '.' as '_', which no two
    /// full names share (<c>A_B.Net</c> gives <c>A__B_Net</c>, <c>A.B_Net</c> gives <c>A_B__Net</c>), then <c>_Network</c>, so
    /// that it never hides a runtime type its code names (a network called <c>Dense</c>) nor one of its own members.
    /// </summary>
    internal static string ImplementationName(string fullName) => fullName.Replace("_", "__").Replace('.', '_') + "_Network";

    /// <summary>The optimizer's state buffers and what they hold, in the order its sweep takes them.</summary>
    private static IEnumerable<StateBufferPlan> OptimizerState(OptimizerPlan o)
    {
        switch (o.Kind)
        {
            case OptimizerKindSpec.Momentum:
            case OptimizerKindSpec.Nesterov:
                yield return new("_velocity", "momentum buffer v", "momentum_buffer");
                break;
            case OptimizerKindSpec.AdaGrad:
                yield return new("_squareSums", "sum of squared gradients s", "sum");
                break;
            case OptimizerKindSpec.RMSProp:
                yield return new("_squareAverages", "running average of squared gradients s", "square_avg");
                if (o.Centered)
                {
                    yield return new("_gradientAverages", "running average of gradients m (centered)", "grad_avg");
                }

                yield return new("_velocity", "momentum buffer b (used when momentum > 0)", "momentum_buffer");
                break;
            case OptimizerKindSpec.Adam:
            case OptimizerKindSpec.AdamW:
                yield return new("_firstMoments", "first-moment estimate m", "exp_avg");
                yield return new("_secondMoments", "second-moment estimate v", "exp_avg_sq");
                if (o.Amsgrad)
                {
                    yield return new("_maxSecondMoments", "running maximum of v (AMSGrad)", "max_exp_avg_sq");
                }

                break;
        }
    }

    /// <summary>The run-time hyper-parameters the declaration uses, from the table, with their defaults and ranges.</summary>
    private static IEnumerable<HyperParameterPlan> RunTimeParameters(NetworkSpec spec, OptimizerPlan optimizer, float? weightDecay, List<LayerPlan> layers)
    {
        foreach (OptimizerParameter parameter in HyperParameters.Optimizer)
        {
            if (parameter.Applies(optimizer.Kind))
            {
                HyperParameter p = parameter.Definition;
                yield return new(p.Property!, p.Field, parameter.Resolve(spec.Optimizer!), parameter.RangeFor(optimizer.Kind), p.Summary);
            }
        }

        RegularizationSpec r = spec.Regularization;
        string penalized = r.PenalizeBiases ? "weights and biases" : "weights";
        foreach ((HyperParameter parameter, float? value) in new[]
        {
            (HyperParameters.L1, r.L1),
            (HyperParameters.L2, r.L2),
            (HyperParameters.WeightDecay, weightDecay),
            (HyperParameters.ClipValue, r.ClipValue),
            (HyperParameters.ClipNorm, r.ClipNorm),
            (HyperParameters.LabelSmoothing, spec.Loss!.LabelSmoothing),
            (HyperParameters.HuberDelta, spec.Loss.Function == LossKind.Huber ? spec.Loss.Delta ?? HyperParameters.DefaultHuberDelta : null),
        })
        {
            if (value is float resolved)
            {
                yield return new(parameter.Property!, parameter.Field, resolved, parameter.Range, string.Format(System.Globalization.CultureInfo.InvariantCulture, parameter.Summary, penalized));
            }
        }

        foreach (DropoutPlan dropout in layers.OfType<DropoutPlan>())
        {
            yield return dropout.Rate;
        }
    }

    /// <summary>The gaps between the tensors and after the last one, in buffer order.</summary>
    private static IEnumerable<PaddingRange> Padding(IEnumerable<TensorPlan> tensors, int bufferLength)
    {
        int end = 0;
        foreach (BufferSlice slice in tensors.Select(t => t.Slice).OrderBy(s => s.Offset).Append(new BufferSlice("end", bufferLength, 0)))
        {
            if (slice.Offset > end)
            {
                yield return new PaddingRange(end, slice.Offset - end);
            }

            end = slice.End;
        }
    }

    /// <summary>
    /// The optimizer's sweeps: one over the whole buffer when every tensor is treated alike, else one per run of
    /// tensors with the same treatment (weights penalised, biases not unless PenalizeBiases). Each sweep runs up to the
    /// next one's start (the end of the buffer for the last), padding included: the padding's gradients are zero, so
    /// it stays zero, and every sweep covers whole 64-byte lines.
    /// </summary>
    private static IEnumerable<UpdateRange> UpdateRanges(IEnumerable<TensorPlan> all, int bufferLength, bool penalizeBiases, bool hasPenalty)
    {
        var tensors = all.Select(t => (t.Slice, Name: t.Symbol, Penalized: hasPenalty && (!t.IsBias || penalizeBiases))).ToList();

        int start = 0;
        for (int i = 1; i <= tensors.Count; i++)
        {
            if (i == tensors.Count || tensors[i].Penalized != tensors[start].Penalized)
            {
                int offset = start == 0 ? 0 : tensors[start].Slice.Offset;
                int end = i == tensors.Count ? bufferLength : tensors[i].Slice.Offset;
                string names = string.Join(" ", tensors.Skip(start).Take(i - start).Select(t => t.Name));
                yield return new UpdateRange(offset, end - offset, tensors[start].Penalized, names);
                start = i;
            }
        }
    }

    /// <summary>A Keras-style table of layers, output shapes and parameter counts.</summary>
    private static string Summary(string name, int inputSize, EquatableArray<LayerPlan> layers, int parameterCount)
    {
        var rows = new List<string[]> { new[] { "Layer (type)", "Output Shape", "Param #" } };
        rows.Add(new[] { "input (Input)", $"(batch, {inputSize})", "0" });
        foreach (LayerPlan layer in layers)
        {
            rows.Add(new[] { layer.SummaryName, $"(batch, {layer.Outputs})", layer.ParameterCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) });
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
        var text = new System.Text.StringBuilder();
        text.Append("Model: \"").Append(name).Append("\"\n");
        text.Append('=', total).Append('\n');
        for (int r = 0; r < rows.Count; r++)
        {
            text.Append(rows[r][0].PadRight(widths[0] + 2)).Append(rows[r][1].PadRight(widths[1] + 2)).Append(rows[r][2].PadLeft(widths[2])).Append('\n');
            text.Append(r == 0 ? '=' : '-', total).Append('\n');
        }

        text.Append("Total params: ").Append(parameterCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" (").Append((parameterCount * 4 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append(" KiB)\n");
        return text.ToString();
    }
}
