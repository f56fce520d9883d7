using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emission;

/// <summary>
/// A Dense layer's steps in the forward and backward passes (each a kernel call under its formula), its activation,
/// the dropout that follows it, and its shape struct.
/// </summary>
internal static class DenseEmitter
{
    /// <summary>Prints the layer's forward step reading <paramref name="input"/>; returns the name of the next layer's input.</summary>
    public static string Forward(CodeWriter w, NetworkPlan plan, LayerPlan layer, string input)
    {
        int i = layer.Index;
        bool logits = layer.IsOutput && plan.FusedOutput;
        string rows = $"batchSize * {layer.Units}";
        string shape = $"[batch,{layer.Inputs}] x [{layer.Inputs},{layer.Units}]";
        w.Line();
        w.Line($"// ---- Layer {i}: Dense {layer.Inputs} -> {layer.Units}, {layer.Activation}{(layer.DropoutRate is null ? string.Empty : ", Dropout")} ----");
        if (logits)
        {
            w.Line($"// z{i} = {input} · W{i} + b{i} (logits: {layer.Activation} is applied by Predict and fused into the loss), {shape}");
            w.Line($"Dense.Forward<Layer{i}>({input}, W{i}, B{i}, {layer.Activations}.AsSpan(0, {rows}), batchSize);");
            return $"a{i}";
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
            w.Line($"Dense.Forward<Layer{i}>({input}, W{i}, B{i}, a{i}, batchSize);");
        }

        if (Activation(layer, $"z{i}", $"a{i}") is string apply)
        {
            w.Line(apply);
        }

        if (layer.DropoutRate is null)
        {
            return $"a{i}";
        }

        w.Line($"// Inverted dropout in training: d{i} = a{i} ⊙ mask{i}, mask 0 with probability rate else 1/(1 - rate); the identity in inference.");
        w.Line($"ReadOnlySpan<float> x{i + 1} = a{i};");
        w.Open("if (training)");
        w.Line($"Span<float> mask{i} = {layer.DropoutMask}.AsSpan(0, {rows}), d{i} = {layer.Dropped}.AsSpan(0, {rows});");
        w.Line($"DropoutMask.Fill(mask{i}, _dropoutRate{i}, ref _dropoutState);");
        w.Line($"TensorPrimitives.Multiply(a{i}, mask{i}, d{i});");
        w.Line($"x{i + 1} = d{i};");
        w.Close();
        return $"x{i + 1}";
    }

    /// <summary>Prints the layer's backward step: its parameter gradients, then the gradients of the layer below.</summary>
    public static void Backward(CodeWriter w, LayerPlan layer, LayerPlan? below)
    {
        int i = layer.Index;
        w.Line($"// ---- Layer {i}: Dense {layer.Inputs} -> {layer.Units}, {layer.Activation} ----");
        if (layer.IsOutput)
        {
            w.Line($"Span<float> dz{i} = {layer.OutputGradients}.AsSpan(0, batchSize * {layer.Units});");
        }

        string input = "x";
        if (below is not null)
        {
            int j = below.Index;
            string rows = $"batchSize * {below.Units}";
            input = below.Dropped is null ? $"a{j}" : $"d{j}";
            // a is read as this layer's input (without dropout) or by the activation's derivative (ReLU, Sigmoid, Tanh).
            if (below.Dropped is null || (below.PreActivations is null && below.Activation != ActivationKind.Identity))
            {
                w.Line($"ReadOnlySpan<float> a{j} = {below.Activations}.AsSpan(0, {rows});");
            }

            if (below.Dropped is not null)
            {
                w.Line($"ReadOnlySpan<float> d{j} = {below.Dropped}.AsSpan(0, {rows});");
            }
        }

        w.Line($"// dW{i} = {input}ᵀ · dz{i}, db{i} = Σ over the batch of dz{i}, [{layer.Inputs},batch] x [batch,{layer.Units}]");
        w.Line($"Dense.ParameterGradients<Layer{i}>({input}, dz{i}, DW{i}, DB{i}, batchSize);");
        if (below is null)
        {
            return;
        }

        int k = below.Index;
        string mask = below.DropoutMask is null ? string.Empty : $" ⊙ mask{k}";
        string derivative = below.Activation == ActivationKind.Identity ? string.Empty
            : below.PreActivations is null ? $" ⊙ {below.Activation}'(a{k})" : $" ⊙ {below.Activation}'(z{k})";
        w.Line($"// dz{k} = (dz{i} · W{i}ᵀ){mask}{derivative}, [batch,{layer.Units}] x [{layer.Units},{layer.Inputs}]");
        w.Line($"Span<float> dz{k} = {below.OutputGradients}.AsSpan(0, batchSize * {below.Units});");
        w.Line($"Dense.InputGradients<Layer{i}>(dz{i}, W{i}, {layer.TransposedWeights}, dz{k}, batchSize);");
        if (below.DropoutMask is not null)
        {
            w.Line($"TensorPrimitives.Multiply(dz{k}, {below.DropoutMask}.AsSpan(0, batchSize * {below.Units}), dz{k});");
        }

        string z = below.PreActivations is null ? string.Empty : $"{below.PreActivations}.AsSpan(0, batchSize * {below.Units})";
        if (ActivationBackward(below, $"a{k}", z, $"dz{k}") is string back)
        {
            w.Line(back);
        }
    }

    /// <summary>The statement computing a = f(z) (in place on <paramref name="a"/> for the activations that keep no z), or null for Identity.</summary>
    public static string? Activation(LayerPlan layer, string z, string a) => layer.Activation switch
    {
        ActivationKind.Identity => null,
        ActivationKind.Softmax => $"ActivationFunctions.Softmax({a}, {a}, {layer.Units});",
        ActivationKind.ReLU or ActivationKind.Sigmoid or ActivationKind.Tanh => $"ActivationFunctions.{layer.Activation}({a}, {a});",
        _ => $"ActivationFunctions.{layer.Activation}({z}, {a}{Parameter(layer)});",
    };

    /// <summary>The statement turning ∂L/∂a into ∂L/∂z in place, from a or from z, or null for Identity.</summary>
    public static string? ActivationBackward(LayerPlan layer, string a, string z, string gradients) => layer.Activation switch
    {
        ActivationKind.Identity => null,
        ActivationKind.Softmax => $"ActivationFunctions.SoftmaxBackward({a}, {gradients}, {layer.Units});",
        ActivationKind.ReLU or ActivationKind.Sigmoid or ActivationKind.Tanh => $"ActivationFunctions.{layer.Activation}Backward({a}, {gradients});",
        _ => $"ActivationFunctions.{layer.Activation}Backward({z}, {gradients}{Parameter(layer)});",
    };

    /// <summary>The layer's shape struct, its sizes and tiles as constants for the kernels.</summary>
    public static void Shape(CodeWriter w, LayerPlan layer)
    {
        w.Open($"file readonly struct Layer{layer.Index} : IDenseShape");
        w.Line($"public static int Inputs => {layer.Inputs};");
        w.Line($"public static int Units => {layer.Units};");
        w.Line($"public static int UnitTile => {layer.ColumnTile};");
        w.Line($"public static int InputTile => {layer.InputColumnTile};");
        w.Close();
    }

    private static string Parameter(LayerPlan layer) =>
        layer.Activation is ActivationKind.LeakyReLU or ActivationKind.ELU ? ", " + Format.Float(layer.ActivationParameter) : string.Empty;
}
