using System.Collections.Generic;
using System.Linq;
using StaticNet.Generator.Layers;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emission;

/// <summary>
/// The implementation class in <c>StaticNet.Generated</c>: the buffers, the argument checks, and the network itself
/// (forward pass, loss, backward pass, optimizer step), each step a call to a runtime kernel under its formula.
/// </summary>
internal static class ImplementationEmitter
{
    public static void Emit(CodeWriter w, NetworkPlan plan)
    {
        w.Open("namespace StaticNet.Generated");
        w.Line("using System;");
        w.Line("using System.Numerics.Tensors;");
        w.Line("using StaticNet;");
        w.Line("using StaticNet.Kernels;");
        w.Line();
        w.Summary($"The state and the math of <see cref=\"global::{plan.FullName}\"/>, which forwards every call here.");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"StaticNet.Generator\", \"{plan.GeneratorVersion}\")]");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Open($"internal sealed class {plan.ImplementationName} : ITrainingState");
        Fields(w, plan);
        Constructor(w, plan);
        Properties(w, plan);
        EntryPoints(w, plan);
        Forward(w, plan);
        LossEmitter.Emit(w, plan);
        Backward(w, plan);
        OptimizerEmitter.Emit(w, plan);
        Capacity(w, plan);
        w.Close();
        w.Line();
        // File-local types of the layers' steps, e.g. the Dense shapes the JIT compiles each kernel for.
        bool first = true;
        foreach (LayerPlan layer in plan.Layers)
        {
            var types = new CodeWriter();
            LayerKinds.For(layer).EmitTypes(types, layer);
            if (types.ToString().Length > 0)
            {
                w.Line(first ? "// The layers' shapes as constants: the JIT compiles each kernel once per shape, with constant loop bounds." : string.Empty);
                w.Lines(types.ToString().TrimEnd('\n'));
                first = false;
            }
        }

        w.Close();
    }

    private static void Fields(CodeWriter w, NetworkPlan plan)
    {
        w.Line($"private const string Name = \"{plan.DisplayName}\";");
        w.Line($"private const int InputSize = {plan.InputSize}, OutputSize = {plan.OutputSize}, ParameterBufferLength = {plan.ParameterBufferLength}, MaxBatchSize = {plan.MaxBatchSize};");
        w.Line();
        w.Line("// The model file's tensors: PyTorch's nn.Sequential names, weights [out, in] (the transpose of W's [in, out]).");
        w.Line("public static readonly ModelLayout Layout = new(");
        w.Line($"    {Format.String(plan.Architecture)}, {Format.String(plan.Fingerprint)}, ParameterBufferLength,");
        for (int t = 0; t < plan.FileTensors.Count; t++)
        {
            FileTensorPlan tensor = plan.FileTensors[t];
            string end = t < plan.FileTensors.Count - 1 ? "," : ");";
            end = t < plan.FileTensors.Count - 1 ? "," : ")";
            w.Line($"    new ModelTensor({Format.String(tensor.Name)}, new[] {{ {string.Join(", ", tensor.Shape)} }}, {tensor.Offset}, Transposed: {(tensor.Transposed ? "true" : "false")}){end} // {tensor.Symbol}");
        }

        string states = string.Join(", ", plan.OptimizerState.Select(s => Format.String(s.TorchName)));
        w.Line("{");
        w.Line($"    Optimizer = {Format.String(plan.Optimizer.Title)}, OptimizerStates = {(states.Length == 0 ? "Array.Empty<string>()" : $"new[] {{ {states} }}")},");
        w.Line("    Layers = new[]");
        w.Line("    {");
        foreach (FileLayerPlan layer in plan.FileLayers)
        {
            string parameter = layer.ActivationParameter != 0 ? $", {Format.Float(layer.ActivationParameter)}" : string.Empty;
            w.Line($"        new ModelLayer({Format.String(layer.Weights)}, {Format.String(layer.Bias)}, Activation.{layer.Activation}{parameter}),");
        }

        w.Line("    },");
        w.Line("};");

        w.Line();
        w.Line("// Each tensor starts on a 64-byte line (offsets in the header); the padding is zero until written, and never read.");
        w.Line("private readonly AlignedBuffer _parameters = new(ParameterBufferLength);");
        w.Line("private readonly AlignedBuffer _gradients = new(ParameterBufferLength);");
        foreach (StateBufferPlan state in plan.OptimizerState)
        {
            w.Line($"private readonly AlignedBuffer {state.Field} = new(ParameterBufferLength); // {state.Comment}");
        }

        foreach (FixedBufferPlan buffer in plan.Layers.SelectMany(l => l.FixedBuffers))
        {
            w.Line($"private readonly float[] {buffer.Field} = new float[{buffer.Length}]; // {buffer.Comment}");
        }

        if (plan.Loss == LossKind.CrossEntropy)
        {
            w.Line("private readonly float[] _logitScratch = new float[OutputSize];");
        }

        // The comment names only the kinds of workspace this network has.
        var kinds = plan.Layers.SelectMany(l => l.ForwardWorkspaces.Concat(l.BackwardWorkspaces)).Select(b => b.Kind).Distinct().ToList();
        w.Line("// Workspaces of [batch x units], grown to the largest batch seen:");
        w.Line($"// {string.Join(", ", kinds)}.");
        foreach (LayerPlan layer in plan.Layers)
        {
            // Three to a line keeps the widest layer (z, a, dz) within the line length.
            var fields = layer.ForwardWorkspaces.Concat(layer.BackwardWorkspaces).Select(f => f.Field + " = Array.Empty<float>()").ToList();
            for (int start = 0; start < fields.Count; start += 3)
            {
                w.Line($"private float[] {string.Join(", ", fields.Skip(start).Take(3))};");
            }
        }

        w.Line("private int _forwardCapacity, _backwardCapacity;");
        w.Line("private long _stepCount;");
        if (plan.HasDropout)
        {
            w.Line("private ulong _dropoutState;");
        }

        w.Line("private UseGuard _guard;");
        foreach (HyperParameterPlan parameter in plan.HyperParameters)
        {
            w.Line($"private float {parameter.Field} = {Format.Float(parameter.Default)};");
        }

        w.Line();
    }

    private static void Constructor(CodeWriter w, NetworkPlan plan)
    {
        w.Open($"public {plan.ImplementationName}(int seed)");
        w.Line("var random = WeightInitializer.CreateRandom(seed);");
        foreach (LayerPlan layer in plan.Layers)
        {
            LayerKinds.For(layer).EmitInitialization(w, layer);
        }

        if (plan.HasDropout)
        {
            w.Line("SeedDropout(seed);");
        }

        w.Close();
        w.Line();
    }

    private static void Properties(CodeWriter w, NetworkPlan plan)
    {
        w.Line("public Span<float> Parameters => _parameters;");
        w.Line("public Span<float> Gradients => _gradients;");
        w.Line("public long StepCount => _stepCount;");
        w.Line($"public ulong DropoutState => {(plan.HasDropout ? "_dropoutState" : "0UL")};");
        w.Line($"public Span<float> OptimizerState(int index) => AlignedBuffer.Select(index, Name{string.Concat(plan.OptimizerState.Select(s => ", " + s.Field))});");
        w.Open("public void RestoreCounters(long stepCount, ulong dropoutState)");
        w.Line("ArgumentOutOfRangeException.ThrowIfNegative(stepCount);");
        w.Line("using var call = _guard.Enter(Name);");
        w.Line("_stepCount = stepCount;");
        if (plan.HasDropout)
        {
            w.Line("_dropoutState = dropoutState;");
        }

        w.Close();
        foreach (TensorPlan tensor in plan.Tensors)
        {
            w.Line($"private Span<float> {tensor.Symbol} => _parameters.AsSpan({tensor.Slice.Offset}, {tensor.Slice.Length});");
        }

        foreach (TensorPlan tensor in plan.Tensors)
        {
            w.Line($"private Span<float> D{tensor.Symbol} => _gradients.AsSpan({tensor.Slice.Offset}, {tensor.Slice.Length});");
        }

        foreach (HyperParameterPlan parameter in plan.HyperParameters)
        {
            w.Open($"public float {parameter.Name}");
            w.Line($"get => {parameter.Field};");
            w.Line($"set => {parameter.Field} = NetworkArguments.{parameter.Range.RuntimeCheck()}(value, nameof({parameter.Name}));");
            w.Close();
        }

        if (plan.HasDropout)
        {
            w.Line("public void SeedDropout(int seed) => _dropoutState = DropoutMask.Seed(seed);");
        }

        w.Line();
    }

    private static void EntryPoints(CodeWriter w, NetworkPlan plan)
    {
        w.Open("public void Predict(ReadOnlySpan<float> input, Span<float> output)");
        w.Line("NetworkArguments.CheckLength(input.Length, InputSize, nameof(input), \"[InputSize]\");");
        w.Line("NetworkArguments.CheckLength(output.Length, OutputSize, nameof(output), \"[OutputSize]\");");
        w.Line("Predict(input, output, 1);");
        w.Close();
        w.Line();
        w.Open("public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)");
        w.Line("NetworkArguments.CheckRows(inputs.Length, batchSize, InputSize, MaxBatchSize, nameof(inputs), nameof(InputSize));");
        w.Line("NetworkArguments.CheckRows(outputs.Length, batchSize, OutputSize, MaxBatchSize, nameof(outputs), nameof(OutputSize));");
        Guarded(w, () =>
        {
            w.Line("Forward(inputs, batchSize, training: false);");
            w.Line("WriteOutputs(outputs, batchSize);");
        });
        w.Close();
        w.Line();
        w.Open("private void WriteOutputs(Span<float> outputs, int batchSize)");
        {
            DensePlan output = plan.OutputLayer;
            string last = $"{output.Activations}.AsSpan(0, batchSize * OutputSize)";
            if (plan.FusedOutput)
            {
                w.Line($"// The last layer holds logits (the loss is fused with {output.Activation}): apply {output.Activation} here.");
                w.Line(output.Activation == ActivationKind.Softmax
                    ? $"ActivationFunctions.Softmax({last}, outputs, OutputSize);"
                    : $"ActivationFunctions.Sigmoid({last}, outputs);");
            }
            else
            {
                w.Line($"{last}.CopyTo(outputs);");
            }
        }

        w.Close();
        w.Line();

        foreach ((string type, string name) in Targets(plan))
        {
            w.Open($"public float TrainStep(ReadOnlySpan<float> inputs, {type} {name}, int batchSize)");
            w.Line($"float loss = ComputeGradients(inputs, {name}, batchSize);");
            w.Line("ApplyGradients();");
            w.Line("return loss;");
            w.Close();
            w.Line();
            w.Open($"public float ComputeGradients(ReadOnlySpan<float> inputs, {type} {name}, int batchSize)");
            Checks(w, plan, name);
            Guarded(w, () =>
            {
                w.Line("Forward(inputs, batchSize, training: true);");
                w.Line("EnsureBackwardCapacity(batchSize);");
                w.Line($"float loss = Loss({name}, batchSize, computeGradients: true);");
                w.Line("Backward(inputs, batchSize);");
                w.Line("return loss;");
            });
            w.Close();
            w.Line();
            w.Open($"public float ComputeLoss(ReadOnlySpan<float> inputs, {type} {name}, int batchSize, bool training)");
            Checks(w, plan, name);
            Guarded(w, () =>
            {
                w.Line($"Forward(inputs, batchSize, {(plan.HasDropout ? "training" : "training: false")});");
                w.Line($"return Loss({name}, batchSize, computeGradients: false);");
            });
            w.Close();
            w.Line();
        }

        if (plan.IsClassifier)
        {
            // Validation loss and accuracy from one forward pass (IClassifier's default would run two).
            w.Open("public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, Span<float> outputs, int batchSize)");
            Checks(w, plan, "labels");
            w.Line("NetworkArguments.CheckRows(outputs.Length, batchSize, OutputSize, MaxBatchSize, nameof(outputs), nameof(OutputSize));");
            Guarded(w, () =>
            {
                w.Line("Forward(inputs, batchSize, training: false);");
                w.Line("WriteOutputs(outputs, batchSize);");
                w.Line("return Loss(labels, batchSize, computeGradients: false);");
            });
            w.Close();
            w.Line();
        }
    }

    private static IEnumerable<(string Type, string Name)> Targets(NetworkPlan plan)
    {
        yield return ("ReadOnlySpan<float>", "targets");
        if (plan.IsClassifier)
        {
            yield return ("ReadOnlySpan<int>", "labels");
        }
    }

    private static void Checks(CodeWriter w, NetworkPlan plan, string targets)
    {
        w.Line("NetworkArguments.CheckRows(inputs.Length, batchSize, InputSize, MaxBatchSize, nameof(inputs), nameof(InputSize));");
        if (targets == "labels")
        {
            w.Line("NetworkArguments.CheckLength(labels.Length, batchSize, nameof(labels), \"[batchSize]\");");
            w.Line($"NetworkArguments.CheckLabels(labels, {plan.ClassCount});");
        }
        else
        {
            w.Line("NetworkArguments.CheckRows(targets.Length, batchSize, OutputSize, MaxBatchSize, nameof(targets), nameof(OutputSize));");
            if (plan.Loss == LossKind.CrossEntropy)
            {
                w.Line("NetworkArguments.CheckDistributions(targets, OutputSize);");
            }
            else if (plan.Loss == LossKind.BinaryCrossEntropy)
            {
                w.Line("NetworkArguments.CheckProbabilities(targets, OutputSize);");
            }
            else
            {
                w.Line("FiniteCheck.ThrowIfNonFinite(targets, OutputSize, nameof(targets));");
            }
        }
    }

    /// <summary>A body run under the instance's <see cref="T:StaticNet.Kernels.UseGuard"/>: a second thread gets an InvalidOperationException.</summary>
    internal static void Guarded(CodeWriter w, System.Action body)
    {
        w.Line("using var call = _guard.Enter(Name);");
        body();
    }

    private static void Forward(CodeWriter w, NetworkPlan plan)
    {
        w.Line(plan.HasDropout
            ? "// Forward pass over a batch. In training, dropout masks are drawn and the next layer reads the dropped activations."
            : "// Forward pass over a batch; the network has no dropout, so training and inference run the same pass.");
        w.Open($"private void Forward(ReadOnlySpan<float> x, int batchSize, bool training)");
        w.Line("EnsureForwardCapacity(batchSize);");
        string input = "x";
        foreach (LayerPlan layer in plan.Layers)
        {
            w.Line();
            input = LayerKinds.For(layer).EmitForward(w, plan, layer, input);
        }

        w.Close();
        w.Line();
    }

    private static void Backward(CodeWriter w, NetworkPlan plan)
    {
        w.Line("// Backward pass, after a training forward pass and the loss (which wrote the last layer's dz): every gradient, last layer first.");
        w.Open("private void Backward(ReadOnlySpan<float> x, int batchSize)");
        for (int i = plan.Layers.Count - 1; i >= 0; i--)
        {
            if (i < plan.Layers.Count - 1)
            {
                w.Line();
            }

            LayerKinds.For(plan.Layers[i]).EmitBackward(w, plan, plan.Layers[i]);
        }

        w.Close();
        w.Line();
    }

    private static void Capacity(CodeWriter w, NetworkPlan plan)
    {
        w.Line("// Grow the workspaces to the batch size; allocate only when a larger batch than ever before arrives.");
        Grow(w, "EnsureForwardCapacity", "_forwardCapacity", plan.Layers.SelectMany(l => l.ForwardWorkspaces));
        Grow(w, "EnsureBackwardCapacity", "_backwardCapacity", plan.Layers.SelectMany(l => l.BackwardWorkspaces), last: true);
    }

    private static void Grow(CodeWriter w, string name, string capacity, IEnumerable<WorkspacePlan> buffers, bool last = false)
    {
        w.Open($"private void {name}(int batchSize)");
        w.Open($"if (batchSize > {capacity})");
        foreach (WorkspacePlan buffer in buffers)
        {
            w.Line($"{buffer.Field} = new float[batchSize * {buffer.Units}];");
        }

        w.Line($"{capacity} = batchSize;");
        w.Close();
        w.Close();
        if (!last)
        {
            w.Line();
        }
    }
}
