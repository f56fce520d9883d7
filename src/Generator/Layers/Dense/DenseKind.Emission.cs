using StaticNet.Generator.Emission;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Layers.Dense;

internal sealed partial class DenseKind
{
    protected override string EmitForward(CodeWriter w, NetworkPlan plan, DensePlan layer, string input)
    {
        int i = layer.Index;
        string rows = $"batchSize * {layer.Units}";
        string shape = $"[batch,{layer.Inputs}] x [{layer.Inputs},{layer.Units}]";
        w.Line($"// ---- {layer.Title}: {layer.Inputs} -> {layer.Units}, {layer.Activation} ----");
        if (layer.KeepsLogits)
        {
            w.Line($"// z{i} = {input} · W{i} + b{i} (logits: {layer.Activation} is applied by Predict and fused into the loss), {shape}");
            w.Line($"Dense.Forward<Layer{i}>({input}, W{i}, B{i}, {layer.Activations}.AsSpan(0, {rows}), batchSize);");
            return $"z{i}";
        }

        if (layer.PreActivations is not null)
        {
            w.Line($"// a{i} = {layer.Activation}(z{i}), z{i} = {input} · W{i} + b{i} kept for the backward pass, {shape}");
            w.Line($"Span<float> z{i} = {layer.PreActivations}.AsSpan(0, {rows}), a{i} = {layer.Activations}.AsSpan(0, {rows});");
            w.Line($"Dense.Forward<Layer{i}>({input}, W{i}, B{i}, z{i}, batchSize);");
        }
        else
        {
            string activation = layer.Activation == ActivationKind.Identity ? $"{input} · W{i} + b{i}" : $"{layer.Activation}({input} · W{i} + b{i})";
            w.Line($"// a{i} = {activation}, {shape}");
            w.Line($"Span<float> a{i} = {layer.Activations}.AsSpan(0, {rows});");
            if (layer.FusesReLU)
            {
                w.Line($"Dense.ForwardReLU<Layer{i}>({input}, W{i}, B{i}, a{i}, batchSize);");
                return $"a{i}";
            }

            w.Line($"Dense.Forward<Layer{i}>({input}, W{i}, B{i}, a{i}, batchSize);");
        }

        string? apply = layer.Activation switch
        {
            ActivationKind.Identity => null,
            ActivationKind.Softmax => $"ActivationFunctions.Softmax(a{i}, a{i}, {layer.Units});",
            ActivationKind.ReLU or ActivationKind.Sigmoid or ActivationKind.Tanh => $"ActivationFunctions.{layer.Activation}(a{i}, a{i});",
            _ => $"ActivationFunctions.{layer.Activation}(z{i}, a{i}{Parameter(layer)});",
        };
        if (apply is not null)
        {
            w.Line(apply);
        }

        return $"a{i}";
    }

    protected override void EmitBackward(CodeWriter w, NetworkPlan plan, DensePlan layer)
    {
        int i = layer.Index;
        string rows = $"batchSize * {layer.Units}";
        w.Line($"// ---- {layer.Title}: {layer.Inputs} -> {layer.Units}, {layer.Activation} ----");
        w.Line($"Span<float> dz{i} = {layer.OutputGradients}.AsSpan(0, {rows});");
        if (!layer.KeepsLogits && layer.Activation != ActivationKind.Identity)
        {
            // The derivative from the activations (ReLU, Sigmoid, Tanh, Softmax) or from the kept pre-activations (the others).
            string source = layer.PreActivations is null ? $"a{i}" : $"z{i}";
            w.Line($"// dz{i} = da{i} ⊙ {layer.Activation}'({source})");
            string from = $"{layer.PreActivations ?? layer.Activations}.AsSpan(0, {rows})";
            w.Line(layer.Activation switch
            {
                ActivationKind.Softmax => $"ActivationFunctions.SoftmaxBackward({from}, dz{i}, {layer.Units});",
                ActivationKind.ReLU or ActivationKind.Sigmoid or ActivationKind.Tanh => $"ActivationFunctions.{layer.Activation}Backward({from}, dz{i});",
                _ => $"ActivationFunctions.{layer.Activation}Backward({from}, dz{i}{Parameter(layer)});",
            });
        }

        string x = layer.InputSymbol;
        if (layer.Input is not null)
        {
            w.Line($"ReadOnlySpan<float> {x} = {layer.Input}.AsSpan(0, batchSize * {layer.Inputs});");
        }

        w.Line($"// dW{i} = {x}ᵀ · dz{i}, db{i} = Σ over the batch of dz{i}, [{layer.Inputs},batch] x [batch,{layer.Units}]");
        w.Line($"Dense.ParameterGradients<Layer{i}>({x}, dz{i}, DW{i}, DB{i}, batchSize);");
        if (layer.InputGradients is not null)
        {
            w.Line($"// d{x} = dz{i} · W{i}ᵀ, [batch,{layer.Units}] x [{layer.Units},{layer.Inputs}]");
            w.Line($"Dense.InputGradients<Layer{i}>(dz{i}, W{i}, {layer.TransposedWeights}, {layer.InputGradients}.AsSpan(0, batchSize * {layer.Inputs}), batchSize);");
        }
    }

    protected override void EmitInitialization(CodeWriter w, DensePlan layer) =>
        w.Line(layer.InitFans.Count == 0
            ? $"// W{layer.Index}: zeros."
            : $"WeightInitializer.{layer.Init}(W{layer.Index}, {string.Join(", ", layer.InitFans)}, random);");

    /// <summary>The layer's shape struct: its sizes as constants for the kernels.</summary>
    protected override void EmitTypes(CodeWriter w, DensePlan layer)
    {
        w.Open($"file readonly struct Layer{layer.Index} : IDenseShape");
        w.Line($"public static int Inputs => {layer.Inputs};");
        w.Line($"public static int Units => {layer.Units};");
        w.Close();
    }

    private static string Parameter(DensePlan layer) =>
        layer.Activation is ActivationKind.LeakyReLU or ActivationKind.ELU ? ", " + Format.Float(layer.ActivationParameter) : string.Empty;
}
