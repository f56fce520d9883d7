using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emit;

/// <summary>
/// Emits the loss of the batch from the last layer's buffer and, when asked, its gradient with respect to the last
/// layer's pre-activations (written into the output gradients). Fused losses read logits; MeanSquaredError reads
/// activations and then applies the output activation's backward pass.
/// </summary>
internal static class LossKernels
{
    private const string Tensor = "global::System.Numerics.Tensors.TensorPrimitives";

    public static void Emit(CodeWriter w, NetworkPlan plan)
    {
        string outputs = plan.OutputLayer.Field("Activations");
        string outputGradients = plan.OutputLayer.Field("OutputGradients");
        int n = plan.OutputSize;
        switch (plan.Loss)
        {
            case LossKind.CrossEntropy:
                CrossEntropy(w, n, outputs, outputGradients, labels: true, plan.LabelSmoothing is not null);
                CrossEntropy(w, n, outputs, outputGradients, labels: false, plan.LabelSmoothing is not null);
                break;
            case LossKind.BinaryCrossEntropy:
                if (plan.IsClassifier)
                {
                    BinaryCrossEntropy(w, outputs, outputGradients, labels: true);
                }

                BinaryCrossEntropy(w, outputs, outputGradients, labels: false);
                break;
            default:
                Elementwise(w, plan, outputs, outputGradients);
                break;
        }
    }

    private static void CrossEntropy(CodeWriter w, int n, string outputs, string outputGradients, bool labels, bool smoothing)
    {
        w.Line(labels
            ? "// CrossEntropy fused with Softmax, from class indices: L_b = log Σ_k e^(z_k) - z_label (log-sum-exp with max-subtraction);"
            : "// CrossEntropy fused with Softmax, from target rows: L_b = Σ_k y_k (log Σ_j e^(z_j) - z_k) (log-sum-exp with max-subtraction);");
        w.Line(labels
            ? "// dL/dz = (softmax(z) - onehot(label)) / batch (onehot smoothed when declared). Finite for any finite logits."
            : "// dL/dz = (softmax(z) · Σ_k y_k - y) / batch, which is (p - y) / batch for one-hot rows. Finite for any finite logits.");
        string targetParameter = labels ? "global::System.ReadOnlySpan<int> labels" : "global::System.ReadOnlySpan<float> targets";
        w.Open($"private float CrossEntropyLoss({targetParameter}, int batchSize, bool computeGradients)");
        w.Line($"global::System.ReadOnlySpan<float> logits = new global::System.ReadOnlySpan<float>({outputs}, 0, batchSize * OutputSize);");
        w.Line($"global::System.Span<float> gradients = computeGradients ? new global::System.Span<float>({outputGradients}, 0, batchSize * OutputSize) : default;");
        w.Line("global::System.Span<float> shifted = _outputScratch;");
        w.Line("float scale = 1f / batchSize;");
        if (smoothing)
        {
            w.Line("// Label smoothing (Szegedy et al. 2016, PyTorch label_smoothing): targets y' = (1 - ε)·y + ε/K.");
            w.Line("float keep = 1f - _labelSmoothing, spread = _labelSmoothing / OutputSize;");
        }

        w.Line("double total = 0;");
        w.Open("for (int b = 0; b < batchSize; b++)");
        w.Line("global::System.ReadOnlySpan<float> z = logits.Slice(b * OutputSize, OutputSize);");
        w.Line($"float max = {Tensor}.Max(z);");
        w.Line($"{Tensor}.Subtract(z, max, shifted);");
        w.Line("// z - max overflows to -∞ when logits are ±3e38 apart; clamping keeps the loss finite and 0·(-∞) = NaN out of the dot product.");
        w.Line($"{Tensor}.Max(shifted, float.MinValue, shifted);");
        if (labels)
        {
            w.Line("int label = labels[b];");
            w.Line(smoothing
                ? $"double targetDot = keep * (double)shifted[label] + spread * (double){Tensor}.Sum(shifted);"
                : "float targetDot = shifted[label];");
        }
        else
        {
            w.Line("global::System.ReadOnlySpan<float> y = targets.Slice(b * OutputSize, OutputSize);");
            if (smoothing)
            {
                w.Line($"float targetSum = keep * {Tensor}.Sum(y) + _labelSmoothing;");
                w.Line($"double targetDot = keep * (double){Tensor}.Dot(y, shifted) + spread * (double){Tensor}.Sum(shifted);");
            }
            else
            {
                w.Line($"float targetSum = {Tensor}.Sum(y);");
                w.Line($"float targetDot = {Tensor}.Dot(y, shifted);");
            }
        }

        w.Line($"{Tensor}.Exp(shifted, shifted);");
        w.Line($"float sum = {Tensor}.Sum(shifted);");
        w.Line(labels ? "total += global::System.Math.Log(sum) - targetDot;" : "total += targetSum * global::System.Math.Log(sum) - targetDot;");
        w.Open("if (computeGradients)");
        w.Line("global::System.Span<float> dz = gradients.Slice(b * OutputSize, OutputSize);");
        if (labels)
        {
            w.Line($"{Tensor}.Multiply(shifted, scale / sum, dz);");
            w.Line(smoothing ? "dz[label] -= keep * scale;" : "dz[label] -= scale;");
        }
        else
        {
            w.Line($"{Tensor}.Multiply(shifted, scale * targetSum / sum, dz);");
            w.Line($"{Tensor}.MultiplyAdd(y, {(smoothing ? "-keep * scale" : "-scale")}, dz, dz);");
        }

        if (smoothing)
        {
            w.Line($"{Tensor}.Subtract(dz, spread * scale, dz);");
        }

        w.Close();
        w.Close();
        w.Line("return (float)(total / batchSize);");
        w.Close();
        w.Line();
    }

    private static void BinaryCrossEntropy(CodeWriter w, string outputs, string outputGradients, bool labels)
    {
        w.Line("// BinaryCrossEntropy fused with Sigmoid, from the logit z of each output (PyTorch BCEWithLogitsLoss):");
        w.Line("// L = mean over batch and outputs of max(z, 0) - z·y + log(1 + e^-|z|), finite for any finite z; dL/dz = (sigmoid(z) - y) / (batch · outputs).");
        string targetParameter = labels ? "global::System.ReadOnlySpan<int> labels" : "global::System.ReadOnlySpan<float> targets";
        w.Open($"private float BinaryCrossEntropyLoss({targetParameter}, int batchSize, bool computeGradients)");
        w.Line("int count = batchSize * OutputSize;");
        w.Line($"global::System.ReadOnlySpan<float> logits = new global::System.ReadOnlySpan<float>({outputs}, 0, count);");
        w.Line($"global::System.Span<float> gradients = computeGradients ? new global::System.Span<float>({outputGradients}, 0, count) : default;");
        w.Line("float scale = 1f / count;");
        w.Line("double total = 0;");
        w.Open("for (int i = 0; i < count; i++)");
        w.Line("float z = logits[i];");
        w.Line(labels ? "float y = labels[i];" : "float y = targets[i];");
        w.Line("total += global::System.Math.Max(z, 0f) - (double)z * y + global::System.Math.Log(1 + global::System.Math.Exp(-global::System.Math.Abs(z)));");
        w.Open("if (computeGradients)");
        w.Line("gradients[i] = (1f / (1f + global::System.MathF.Exp(-z)) - y) * scale;");
        w.Close();
        w.Close();
        w.Line("return (float)(total / count);");
        w.Close();
        w.Line();
    }

    private static void Elementwise(CodeWriter w, NetworkPlan plan, string outputs, string outputGradients)
    {
        string method = plan.Loss + "Loss";
        switch (plan.Loss)
        {
            case LossKind.MeanAbsoluteError:
                w.Line("// MeanAbsoluteError (PyTorch L1Loss): L = Σ |a - y| / (batch · outputs); dL/da = sign(a - y) / (batch · outputs), 0 where equal;");
                break;
            case LossKind.Huber:
                w.Line("// Huber (PyTorch HuberLoss): with d = a - y, L = mean of ½d² for |d| <= δ and δ·(|d| - ½δ) above;");
                w.Line("// dL/da = d (|d| <= δ) or δ·sign(d), over batch · outputs;");
                break;
            default:
                w.Line("// MeanSquaredError: L = Σ (a - y)² / (batch · outputs); dL/da = 2 (a - y) / (batch · outputs);");
                break;
        }

        w.Line("// then through the output activation.");
        w.Open($"private float {method}(global::System.ReadOnlySpan<float> targets, int batchSize, bool computeGradients)");
        w.Line("int count = batchSize * OutputSize;");
        w.Line($"global::System.ReadOnlySpan<float> a = new global::System.ReadOnlySpan<float>({outputs}, 0, count);");
        w.Line($"global::System.Span<float> gradients = computeGradients ? new global::System.Span<float>({outputGradients}, 0, count) : default;");
        w.Line(plan.Loss == LossKind.MeanSquaredError ? "float scale = 2f / count;" : "float scale = 1f / count;");
        if (plan.Loss == LossKind.Huber)
        {
            w.Line("float delta = _huberDelta;");
        }

        w.Line("double total = 0;");
        w.Open("for (int i = 0; i < count; i++)");
        w.Line("float difference = a[i] - targets[i];");
        switch (plan.Loss)
        {
            case LossKind.MeanAbsoluteError:
                w.Line("total += global::System.Math.Abs(difference);");
                w.Open("if (computeGradients)");
                w.Line("gradients[i] = (difference > 0f ? 1f : difference < 0f ? -1f : 0f) * scale;");
                w.Close();
                break;
            case LossKind.Huber:
                w.Line("float magnitude = global::System.MathF.Abs(difference);");
                w.Line("total += magnitude <= delta ? 0.5 * difference * difference : delta * (magnitude - 0.5 * delta);");
                w.Open("if (computeGradients)");
                w.Line("gradients[i] = (magnitude <= delta ? difference : difference > 0f ? delta : -delta) * scale;");
                w.Close();
                break;
            default:
                w.Line("total += (double)difference * difference;");
                w.Open("if (computeGradients)");
                w.Line("gradients[i] = difference * scale;");
                w.Close();
                break;
        }

        w.Close();
        LayerPlan output = plan.OutputLayer;
        string? backward = ActivationKernels.Backward(
            output, "gradients", "a", $"new global::System.ReadOnlySpan<float>({output.Field("PreActivations")}, 0, count)");
        if (backward is not null)
        {
            w.Open("if (computeGradients)");
            w.Line(backward);
            w.Close();
        }

        w.Line("return (float)(total / count);");
        w.Close();
        w.Line();
    }
}
