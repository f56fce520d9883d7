using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emit;

/// <summary>
/// Emits the optimizer step as one vectorised sweep per tensor that also adds the L1/L2 gradients of the weights,
/// so the parameters, gradients and optimizer state are each read once per step.
/// </summary>
internal static class OptimizerKernels
{
    /// <summary>The optimizer's name and hyper-parameters for comments.</summary>
    public static string Describe(OptimizerPlan o) => o.Kind switch
    {
        OptimizerKindSpec.Sgd => $"SGD(learningRate {Format.Number(o.LearningRate)})",
        OptimizerKindSpec.Momentum => $"Momentum(learningRate {Format.Number(o.LearningRate)}, momentum {Format.Number(o.Momentum)})",
        _ => $"Adam(learningRate {Format.Number(o.LearningRate)}, beta1 {Format.Number(o.Beta1)}, beta2 {Format.Number(o.Beta2)}, epsilon {Format.Number(o.Epsilon)})",
    };

    /// <summary>Emits <c>UpdateTensor(offset, length, l1, l2)</c> and the per-step scalars it needs.</summary>
    public static void EmitUpdate(CodeWriter w, NetworkPlan plan)
    {
        OptimizerKindSpec kind = plan.Optimizer.Kind;
        string penalty = plan.HasRegularization ? ", float l1, float l2" : string.Empty;
        string stepScalars = kind == OptimizerKindSpec.Adam ? ", float stepSize, float biasCorrection2Sqrt" : string.Empty;
        w.Line(kind switch
        {
            OptimizerKindSpec.Sgd => "// SGD: w ← w - lr·g",
            OptimizerKindSpec.Momentum => "// Momentum (PyTorch SGD with momentum, dampening 0): v ← μ·v + g; w ← w - lr·v",
            _ => "// Adam (Kingma & Ba 2015), in PyTorch's arrangement: m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; w ← w - (lr / (1-β1^t))·m / (sqrt(v) / sqrt(1-β2^t) + ε)",
        });
        if (plan.HasRegularization)
        {
            w.Line("// with g = dL/dw + l1·sign(w) + l2·w (the L1/L2 gradients; 0 for biases).");
        }

        w.Open($"private void UpdateTensor(int offset, int length{penalty}{stepScalars})");
        w.Line("ref float w = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_parameters), offset);");
        w.Line("ref float g = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_gradients), offset);");
        switch (kind)
        {
            case OptimizerKindSpec.Momentum:
                w.Line("ref float velocity = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_velocity), offset);");
                w.Line("float momentum = _momentum;");
                break;
            case OptimizerKindSpec.Adam:
                w.Line("ref float m1 = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_firstMoments), offset);");
                w.Line("ref float m2 = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_secondMoments), offset);");
                w.Line("float beta1 = _beta1, beta2 = _beta2, epsilon = _epsilon;");
                break;
        }

        w.Line("float learningRate = _learningRate;");
        w.Line("int i = 0;");
        w.Open("for (; i <= length - global::System.Numerics.Vector<float>.Count; i += global::System.Numerics.Vector<float>.Count)");
        w.Line("global::System.Numerics.Vector<float> wv = global::System.Numerics.Vector.LoadUnsafe(ref w, (nuint)i);");
        w.Line(plan.HasRegularization
            ? "global::System.Numerics.Vector<float> gv = global::System.Numerics.Vector.LoadUnsafe(ref g, (nuint)i) + l1 * Sign(wv) + l2 * wv;"
            : "global::System.Numerics.Vector<float> gv = global::System.Numerics.Vector.LoadUnsafe(ref g, (nuint)i);");
        switch (kind)
        {
            case OptimizerKindSpec.Sgd:
                w.Line("global::System.Numerics.Vector.StoreUnsafe(wv - learningRate * gv, ref w, (nuint)i);");
                break;
            case OptimizerKindSpec.Momentum:
                w.Line("global::System.Numerics.Vector<float> vv = momentum * global::System.Numerics.Vector.LoadUnsafe(ref velocity, (nuint)i) + gv;");
                w.Line("global::System.Numerics.Vector.StoreUnsafe(vv, ref velocity, (nuint)i);");
                w.Line("global::System.Numerics.Vector.StoreUnsafe(wv - learningRate * vv, ref w, (nuint)i);");
                break;
            default:
                w.Line("global::System.Numerics.Vector<float> mv = beta1 * global::System.Numerics.Vector.LoadUnsafe(ref m1, (nuint)i) + (1f - beta1) * gv;");
                w.Line("global::System.Numerics.Vector<float> sv = beta2 * global::System.Numerics.Vector.LoadUnsafe(ref m2, (nuint)i) + (1f - beta2) * gv * gv;");
                w.Line("global::System.Numerics.Vector.StoreUnsafe(mv, ref m1, (nuint)i);");
                w.Line("global::System.Numerics.Vector.StoreUnsafe(sv, ref m2, (nuint)i);");
                w.Line("global::System.Numerics.Vector.StoreUnsafe(wv - stepSize * mv / (global::System.Numerics.Vector.SquareRoot(sv) / biasCorrection2Sqrt + new global::System.Numerics.Vector<float>(epsilon)), ref w, (nuint)i);");
                break;
        }

        w.Close();
        w.Open("for (; i < length; i++)");
        w.Line("float ws = global::System.Runtime.CompilerServices.Unsafe.Add(ref w, i);");
        w.Line(plan.HasRegularization
            ? "float gs = global::System.Runtime.CompilerServices.Unsafe.Add(ref g, i) + l1 * (ws > 0f ? 1f : ws < 0f ? -1f : 0f) + l2 * ws;"
            : "float gs = global::System.Runtime.CompilerServices.Unsafe.Add(ref g, i);");
        switch (kind)
        {
            case OptimizerKindSpec.Sgd:
                w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref w, i) = ws - learningRate * gs;");
                break;
            case OptimizerKindSpec.Momentum:
                w.Line("float vs = momentum * global::System.Runtime.CompilerServices.Unsafe.Add(ref velocity, i) + gs;");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref velocity, i) = vs;");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref w, i) = ws - learningRate * vs;");
                break;
            default:
                w.Line("float ms = beta1 * global::System.Runtime.CompilerServices.Unsafe.Add(ref m1, i) + (1f - beta1) * gs;");
                w.Line("float ss = beta2 * global::System.Runtime.CompilerServices.Unsafe.Add(ref m2, i) + (1f - beta2) * gs * gs;");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref m1, i) = ms;");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref m2, i) = ss;");
                w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref w, i) = ws - stepSize * ms / (global::System.MathF.Sqrt(ss) / biasCorrection2Sqrt + epsilon);");
                break;
        }

        w.Close();
        w.Close();
        w.Line();

        if (plan.HasRegularization)
        {
            w.Line("// sign(w) with sign(0) = 0, as the L1 subgradient.");
            w.Open("private static global::System.Numerics.Vector<float> Sign(global::System.Numerics.Vector<float> value)");
            w.Line("global::System.Numerics.Vector<float> positive = global::System.Numerics.Vector.ConditionalSelect(global::System.Numerics.Vector.GreaterThan(value, global::System.Numerics.Vector<float>.Zero), global::System.Numerics.Vector<float>.One, global::System.Numerics.Vector<float>.Zero);");
            w.Line("global::System.Numerics.Vector<float> negative = global::System.Numerics.Vector.ConditionalSelect(global::System.Numerics.Vector.LessThan(value, global::System.Numerics.Vector<float>.Zero), global::System.Numerics.Vector<float>.One, global::System.Numerics.Vector<float>.Zero);");
            w.Line("return positive - negative;");
            w.Close();
            w.Line();
        }
    }
}
