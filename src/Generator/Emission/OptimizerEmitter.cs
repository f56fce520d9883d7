using System.Collections.Generic;
using System.Linq;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emission;

/// <summary>
/// <c>ApplyGradients</c>: clipping, then the optimizer as one sweep per <see cref="UpdateRange"/> with the L1/L2
/// gradients and decoupled weight decay folded in; and <c>RegularizationLoss</c>.
/// </summary>
internal static class OptimizerEmitter
{
    /// <summary>The optimizer's name and hyper-parameters for comments.</summary>
    public static string Describe(OptimizerPlan o) => o.Kind switch
    {
        OptimizerKindSpec.Sgd => $"SGD(learningRate {Format.Number(o.LearningRate)})",
        OptimizerKindSpec.Momentum => $"Momentum(learningRate {Format.Number(o.LearningRate)}, momentum {Format.Number(o.Momentum)})",
        OptimizerKindSpec.Nesterov => $"Nesterov(learningRate {Format.Number(o.LearningRate)}, momentum {Format.Number(o.Momentum)})",
        OptimizerKindSpec.AdaGrad => $"AdaGrad(learningRate {Format.Number(o.LearningRate)}, epsilon {Format.Number(o.Epsilon)})",
        OptimizerKindSpec.RMSProp => $"RMSProp(learningRate {Format.Number(o.LearningRate)}, alpha {Format.Number(o.Alpha)}, epsilon {Format.Number(o.Epsilon)}, "
            + $"momentum {Format.Number(o.Momentum)}{(o.Centered ? ", centered" : string.Empty)})",
        _ => $"{o.Kind}(learningRate {Format.Number(o.LearningRate)}, beta1 {Format.Number(o.Beta1)}, beta2 {Format.Number(o.Beta2)}, "
            + $"epsilon {Format.Number(o.Epsilon)}{(o.Amsgrad ? ", amsgrad" : string.Empty)})",
    };

    public static void Emit(CodeWriter w, NetworkPlan plan)
    {
        OptimizerPlan o = plan.Optimizer;
        foreach (string line in Rule(o).Split('\n'))
        {
            w.Line("// " + line);
        }

        if (plan.HasRegularization || plan.WeightDecay is not null)
        {
            string terms = (plan.L1 is not null ? " + l1·sign(w)" : string.Empty) + (plan.L2 is not null ? " + l2·w" : string.Empty);
            w.Line($"// with g = ∂L/∂w{terms}{(plan.WeightDecay is not null ? " after w ← w·(1 - lr·λ)" : string.Empty)} on the penalised tensors.");
        }

        w.Open("public void ApplyGradients()");
        ImplementationEmitter.Guarded(w, () =>
        {
            w.Line("_stepCount++;");
            if (plan.Padding.Count > 0)
            {
                w.Line("// Zero the gradients' padding (never read, but writable): clipping and the sweeps then see only the tensors.");
                foreach (PaddingRange gap in plan.Padding)
                {
                    w.Line($"_gradients.AsSpan({gap.Offset}, {gap.Length}).Clear();");
                }
            }

            if (plan.ClipValue is not null)
            {
                w.Line("GradientClipping.ByValue(_gradients, _gradientClipValue);");
            }

            if (plan.ClipNorm is not null)
            {
                w.Line("GradientClipping.ByNorm(_gradients, _maxGradientNorm);");
            }

            if (o.IsAdam)
            {
                w.Line("var step = new AdamStep(_learningRate, _beta1, _beta2, _epsilon, _stepCount);");
            }

            string penalty = $"new Penalty({(plan.L1 is null ? "0f" : "_l1Strength")}, {(plan.L2 is null ? "0f" : "_l2Strength")}, "
                + $"{(plan.WeightDecay is null ? "1f" : "1f - (_learningRate * _weightDecay)")})";
            foreach (UpdateRange range in plan.UpdateRanges)
            {
                w.Line($"Update({range.Offset}, {range.Length}, {(range.Penalized ? penalty : "Penalty.None")}{(o.IsAdam ? ", step" : string.Empty)}); // {range.Tensors}");
            }
        });
        w.Close();
        w.Line();

        string stepParameter = o.IsAdam ? ", AdamStep step" : string.Empty;
        w.Open($"private void Update(int offset, int length, Penalty penalty{stepParameter})");
        w.Line("Span<float> w = _parameters.AsSpan(offset, length), g = _gradients.AsSpan(offset, length);");
        var state = new List<string>();
        for (int s = 0; s < plan.OptimizerState.Count; s++)
        {
            StateBufferPlan buffer = plan.OptimizerState[s];
            w.Line($"Span<float> s{s} = {buffer.Field}.AsSpan(offset, length); // {buffer.Comment}");
            state.Add($"s{s}");
        }

        w.Line(Call(plan, state));
        w.Close();
        w.Line();

        if (!plan.HasRegularization)
        {
            w.Line("public float RegularizationLoss() => 0f;");
            w.Line();
            return;
        }

        w.Line($"// Penalty {ApiEmitter.PenaltyFormula(plan)} over the {(plan.PenalizeBiases ? "weights and biases" : "weights")}.");
        w.Open("public float RegularizationLoss()");
        w.Line("double penalty = 0;");
        foreach (TensorPlan tensor in plan.Tensors.Where(t => !t.IsBias || plan.PenalizeBiases))
        {
            if (plan.L1 is not null)
            {
                w.Line($"penalty += (double)_l1Strength * TensorPrimitives.SumOfMagnitudes((ReadOnlySpan<float>){tensor.Symbol});");
            }

            if (plan.L2 is not null)
            {
                w.Line($"penalty += 0.5 * _l2Strength * TensorPrimitives.SumOfSquares((ReadOnlySpan<float>){tensor.Symbol});");
            }
        }

        w.Line("return (float)penalty;");
        w.Close();
        w.Line();
    }

    private static string Call(NetworkPlan plan, List<string> state)
    {
        OptimizerPlan o = plan.Optimizer;
        return o.Kind switch
        {
            OptimizerKindSpec.Sgd => "Optimizers.Sgd(w, g, penalty, _learningRate);",
            OptimizerKindSpec.Momentum or OptimizerKindSpec.Nesterov =>
                $"Optimizers.Momentum(w, g, {state[0]}, penalty, _learningRate, _momentum, nesterov: {(o.Kind == OptimizerKindSpec.Nesterov ? "true" : "false")});",
            OptimizerKindSpec.AdaGrad => $"Optimizers.AdaGrad(w, g, {state[0]}, penalty, _learningRate, _epsilon);",
            OptimizerKindSpec.RMSProp => o.Centered
                ? $"Optimizers.RMSProp(w, g, {state[0]}, {state[1]}, {state[2]}, penalty, _learningRate, _alpha, _epsilon, _momentum);"
                : $"Optimizers.RMSProp(w, g, {state[0]}, default, {state[1]}, penalty, _learningRate, _alpha, _epsilon, _momentum);",
            _ => $"Optimizers.Adam(w, g, {state[0]}, {state[1]}, {(o.Amsgrad ? state[2] : "default")}, penalty, step);",
        };
    }

    private static string Rule(OptimizerPlan o) => o.Kind switch
    {
        OptimizerKindSpec.Sgd => "SGD: w ← w - lr·g",
        OptimizerKindSpec.Momentum => "Momentum (PyTorch SGD with momentum, dampening 0): v ← μ·v + g; w ← w - lr·v",
        OptimizerKindSpec.Nesterov => "Nesterov (PyTorch SGD with nesterov=True): v ← μ·v + g; w ← w - lr·(g + μ·v)",
        OptimizerKindSpec.AdaGrad => "AdaGrad (Duchi et al. 2011, PyTorch Adagrad): s ← s + g²; w ← w - lr·g / (√s + ε)",
        OptimizerKindSpec.RMSProp => "RMSProp (Hinton 2012, PyTorch RMSprop): s ← α·s + (1-α)·g²; "
            + (o.Centered ? "m ← α·m + (1-α)·g; d = √(s - m²) + ε" : "d = √s + ε")
            + ";\nwith momentum b ← μ·b + g/d, w ← w - lr·b; else w ← w - lr·g/d",
        _ => $"{o.Kind} (Kingma & Ba 2015{(o.Kind == OptimizerKindSpec.AdamW ? "; Loshchilov & Hutter 2019" : string.Empty)}"
            + $"{(o.Amsgrad ? "; AMSGrad, Reddi et al. 2018" : string.Empty)}):\nm ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; "
            + (o.Amsgrad ? "v̂ ← max(v̂, v); w ← w - (lr / (1-β1^t))·m / (√v̂ / √(1-β2^t) + ε)" : "w ← w - (lr / (1-β1^t))·m / (√v / √(1-β2^t) + ε)"),
    };
}
