using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emission;

/// <summary>
/// The loss of a batch and, in training, its gradient with respect to the last layer: ∂L/∂z for the fused losses,
/// which work on the logits; ∂L/∂a for the element-wise ones (the output layer's backward step applies f').
/// </summary>
internal static class LossEmitter
{
    public static void Emit(CodeWriter w, NetworkPlan plan)
    {
        DensePlan output = plan.OutputLayer;
        int i = output.Index;
        string smoothing = plan.LabelSmoothing is null ? "0f" : "_labelSmoothing";
        foreach (string targets in plan.IsClassifier ? new[] { "labels", "targets" } : new[] { "targets" })
        {
            string type = targets == "labels" ? "ReadOnlySpan<int>" : "ReadOnlySpan<float>";
            w.Line("// " + Formula(plan, targets == "labels"));
            w.Open($"private float Loss({type} {targets}, int batchSize, bool computeGradients)");
            string name = plan.FusedOutput ? $"z{i}" : $"a{i}";
            w.Line($"Span<float> {name} = {output.Activations}.AsSpan(0, batchSize * OutputSize);");
            w.Line($"Span<float> dz{i} = computeGradients ? {output.OutputGradients}.AsSpan(0, batchSize * OutputSize) : default;");
            switch (plan.Loss)
            {
                case LossKind.CrossEntropy:
                    w.Line($"return Losses.CrossEntropy(z{i}, {targets}, dz{i}, _logitScratch, OutputSize, labelSmoothing: {smoothing});");
                    break;
                case LossKind.BinaryCrossEntropy:
                    w.Line($"return Losses.BinaryCrossEntropy(z{i}, {targets}, dz{i});");
                    break;
                default:
                    string delta = plan.Loss == LossKind.Huber ? ", _huberDelta" : string.Empty;
                    w.Line($"return Losses.{plan.Loss}(a{i}, targets, dz{i}{delta});");
                    break;
            }

            w.Close();
            w.Line();
        }
    }

    private static string Formula(NetworkPlan plan, bool labels) => plan.Loss switch
    {
        LossKind.CrossEntropy when labels =>
            "CrossEntropy fused with Softmax: L = mean over the batch of log Σ_k e^(z_k) - z_label; ∂L/∂z = (softmax(z) - onehot(label)) / batch.",
        LossKind.CrossEntropy => "CrossEntropy fused with Softmax: L = mean over the batch of Σ_k y_k (log Σ_j e^(z_j) - z_k); ∂L/∂z = (softmax(z) - y) / batch.",
        LossKind.BinaryCrossEntropy => "BinaryCrossEntropy fused with Sigmoid: L = mean of max(z, 0) - z·y + log(1 + e^-|z|); ∂L/∂z = (σ(z) - y) / (batch · outputs).",
        LossKind.MeanAbsoluteError => "MeanAbsoluteError: L = Σ |a - y| / (batch · outputs); ∂L/∂a = sign(a - y) / (batch · outputs).",
        LossKind.Huber => "Huber: with d = a - y, L = mean of ½d² for |d| <= δ and δ·(|d| - ½δ) above; ∂L/∂a = d or δ·sign(d), over batch · outputs.",
        _ => "MeanSquaredError: L = Σ (a - y)² / (batch · outputs); ∂L/∂a = 2 (a - y) / (batch · outputs).",
    };
}
