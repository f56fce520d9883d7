using System.Collections.Generic;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emit;

/// <summary>
/// Emits activation functions (forward in place over <c>[count x units]</c>) and their backward passes
/// (multiply the output gradients by f'(z), computed from the activations a = f(z)).
/// Forward math comes from <c>TensorPrimitives</c>; backward is a vector loop with a scalar tail.
/// </summary>
internal static class ActivationKernels
{
    private const string Tensor = "global::System.Numerics.Tensors.TensorPrimitives";

    private const string Functions = "global::StaticNet.ActivationFunctions";

    /// <summary>
    /// The statement computing layer's activations from <paramref name="preActivations"/> into <paramref name="activations"/>
    /// (the same span for the original four, which work in place), or null for Identity.
    /// </summary>
    public static string? Forward(LayerPlan layer, string preActivations, string activations) => layer.Activation switch
    {
        ActivationKind.ReLU => $"{Tensor}.Max({activations}, 0f, {activations});",
        ActivationKind.Sigmoid => $"{Tensor}.Sigmoid({activations}, {activations});",
        ActivationKind.Tanh => $"{Tensor}.Tanh({activations}, {activations});",
        ActivationKind.Softmax => $"SoftmaxRows({activations}, {activations});",
        ActivationKind.Identity => null,
        _ => $"{Functions}.{layer.Activation}({preActivations}, {activations}{Parameter(layer)});",
    };

    /// <summary>
    /// The statement multiplying <paramref name="gradients"/> by f'(z), from the activations (original four) or the
    /// pre-activations (the others), or null for Identity.
    /// </summary>
    public static string? Backward(LayerPlan layer, string gradients, string activations, string preActivations) => layer.Activation switch
    {
        ActivationKind.Identity => null,
        ActivationKind.ReLU or ActivationKind.Sigmoid or ActivationKind.Tanh or ActivationKind.Softmax =>
            $"{layer.Activation}Backward({gradients}, {activations});",
        _ => $"{Functions}.{layer.Activation}Backward({preActivations}, {gradients}{Parameter(layer)});",
    };

    private static string Parameter(LayerPlan layer) =>
        layer.Activation is ActivationKind.LeakyReLU or ActivationKind.ELU ? ", " + Format.Float(layer.ActivationParameter) : string.Empty;

    /// <summary>Emits the helpers the network uses (each once).</summary>
    public static void EmitHelpers(CodeWriter w, ISet<ActivationKind> backward, bool softmaxRows, int outputSize)
    {
        if (softmaxRows)
        {
            w.Line($"// p = Softmax(z) per row of {outputSize}, with max-subtraction so that exp never overflows.");
            w.Open("private static void SoftmaxRows(global::System.ReadOnlySpan<float> logits, global::System.Span<float> probabilities)");
            w.Open($"for (int row = 0; row < logits.Length; row += {outputSize})");
            w.Line($"global::System.ReadOnlySpan<float> z = logits.Slice(row, {outputSize});");
            w.Line($"global::System.Span<float> p = probabilities.Slice(row, {outputSize});");
            w.Line($"{Tensor}.Subtract(z, {Tensor}.Max(z), p);");
            w.Line($"{Tensor}.Exp(p, p);");
            w.Line($"{Tensor}.Divide(p, {Tensor}.Sum(p), p);");
            w.Close();
            w.Close();
            w.Line();
        }

        if (backward.Contains(ActivationKind.ReLU))
        {
            Elementwise(w, "ReLUBackward", "dz = da ⊙ (a > 0)",
                "global::System.Numerics.Vector.ConditionalSelect(global::System.Numerics.Vector.GreaterThan(av, global::System.Numerics.Vector<float>.Zero), dv, global::System.Numerics.Vector<float>.Zero)",
                "av > 0f ? dv : 0f");
        }

        if (backward.Contains(ActivationKind.Sigmoid))
        {
            Elementwise(w, "SigmoidBackward", "dz = da ⊙ a ⊙ (1 - a)", "dv * av * (global::System.Numerics.Vector<float>.One - av)", "dv * av * (1f - av)");
        }

        if (backward.Contains(ActivationKind.Tanh))
        {
            Elementwise(w, "TanhBackward", "dz = da ⊙ (1 - a²)", "dv * (global::System.Numerics.Vector<float>.One - av * av)", "dv * (1f - av * av)");
        }

        if (backward.Contains(ActivationKind.Softmax))
        {
            w.Line($"// dz = p ⊙ (da - Σ da ⊙ p) per row of {outputSize}: the Softmax Jacobian-vector product (used when the loss is not fused).");
            w.Open("private static void SoftmaxBackward(global::System.Span<float> gradients, global::System.ReadOnlySpan<float> probabilities)");
            w.Open($"for (int row = 0; row < gradients.Length; row += {outputSize})");
            w.Line($"global::System.Span<float> d = gradients.Slice(row, {outputSize});");
            w.Line($"global::System.ReadOnlySpan<float> p = probabilities.Slice(row, {outputSize});");
            w.Line($"{Tensor}.Subtract(d, {Tensor}.Dot(d, p), d);");
            w.Line($"{Tensor}.Multiply(d, p, d);");
            w.Close();
            w.Close();
            w.Line();
        }
    }

    private static void Elementwise(CodeWriter w, string name, string comment, string vector, string scalar)
    {
        w.Line($"// {comment}, in place over the output gradients.");
        w.Open($"private static void {name}(global::System.Span<float> gradients, global::System.ReadOnlySpan<float> activations)");
        w.Line("ref float d = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(gradients);");
        w.Line("ref float a = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(activations);");
        w.Line("int length = gradients.Length;");
        w.Line("int i = 0;");
        w.Open("for (; i <= length - global::System.Numerics.Vector<float>.Count; i += global::System.Numerics.Vector<float>.Count)");
        w.Line("global::System.Numerics.Vector<float> av = global::System.Numerics.Vector.LoadUnsafe(ref a, (nuint)i);");
        w.Line("global::System.Numerics.Vector<float> dv = global::System.Numerics.Vector.LoadUnsafe(ref d, (nuint)i);");
        w.Line($"global::System.Numerics.Vector.StoreUnsafe({vector}, ref d, (nuint)i);");
        w.Close();
        w.Open("for (; i < length; i++)");
        w.Line("float av = global::System.Runtime.CompilerServices.Unsafe.Add(ref a, i);");
        w.Line("float dv = global::System.Runtime.CompilerServices.Unsafe.Add(ref d, i);");
        w.Line($"global::System.Runtime.CompilerServices.Unsafe.Add(ref d, i) = {scalar};");
        w.Close();
        w.Close();
        w.Line();
    }
}
