using System.Collections.Generic;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emit;

/// <summary>
/// Emits the optimizer step as one vectorised sweep per tensor that also adds the L1/L2 gradients and applies decoupled
/// weight decay, so the parameters, gradients and optimizer state are each read once per step. Every update rule is
/// written once, as a template printed twice: over <c>Vector&lt;float&gt;</c> and for the scalar tail.
/// </summary>
internal static class OptimizerKernels
{
    private const string Vector = "global::System.Numerics.Vector";
    private const string UnsafeRef = "global::System.Runtime.CompilerServices.Unsafe";

    /// <summary>The optimizer's name and hyper-parameters for comments.</summary>
    public static string Describe(OptimizerPlan o) => o.Kind switch
    {
        OptimizerKindSpec.Sgd => $"SGD(learningRate {Format.Number(o.LearningRate)})",
        OptimizerKindSpec.Momentum => $"Momentum(learningRate {Format.Number(o.LearningRate)}, momentum {Format.Number(o.Momentum)})",
        OptimizerKindSpec.Nesterov => $"Nesterov(learningRate {Format.Number(o.LearningRate)}, momentum {Format.Number(o.Momentum)})",
        OptimizerKindSpec.AdaGrad => $"AdaGrad(learningRate {Format.Number(o.LearningRate)}, epsilon {Format.Number(o.Epsilon)})",
        OptimizerKindSpec.RMSProp => $"RMSProp(learningRate {Format.Number(o.LearningRate)}, alpha {Format.Number(o.Alpha)}, epsilon {Format.Number(o.Epsilon)}, momentum {Format.Number(o.Momentum)}{(o.Centered ? ", centered" : string.Empty)})",
        _ => $"{o.Kind}(learningRate {Format.Number(o.LearningRate)}, beta1 {Format.Number(o.Beta1)}, beta2 {Format.Number(o.Beta2)}, epsilon {Format.Number(o.Epsilon)}{(o.Amsgrad ? ", amsgrad" : string.Empty)})",
    };

    /// <summary>The optimizer's state buffers (one float per parameter each) and what they hold.</summary>
    public static IEnumerable<(string Field, string Comment)> StateBuffers(OptimizerPlan o)
    {
        switch (o.Kind)
        {
            case OptimizerKindSpec.Momentum:
            case OptimizerKindSpec.Nesterov:
                yield return ("_velocity", "momentum buffer v");
                break;
            case OptimizerKindSpec.AdaGrad:
                yield return ("_squareSums", "sum of squared gradients s");
                break;
            case OptimizerKindSpec.RMSProp:
                yield return ("_squareAverages", "running average of squared gradients s");
                if (o.Centered)
                {
                    yield return ("_gradientAverages", "running average of gradients m (centered)");
                }

                yield return ("_velocity", "momentum buffer b (used when momentum > 0)");
                break;
            case OptimizerKindSpec.Adam:
            case OptimizerKindSpec.AdamW:
                yield return ("_firstMoments", "first-moment estimate m");
                yield return ("_secondMoments", "second-moment estimate v");
                if (o.Amsgrad)
                {
                    yield return ("_maxSecondMoments", "running maximum of v (AMSGrad)");
                }

                break;
        }
    }

    /// <summary>The per-step scalars <c>ApplyGradients</c> computes and passes to every <c>UpdateTensor</c> call.</summary>
    public static void EmitStepScalars(CodeWriter w, NetworkPlan plan)
    {
        if (plan.Optimizer.IsAdam)
        {
            w.Line("// Bias corrections of the moment estimates (Kingma & Ba 2015, Algorithm 1), in double as PyTorch does.");
            w.Line("double biasCorrection1 = 1 - global::System.Math.Pow(_beta1, _stepCount);");
            w.Line("double biasCorrection2 = 1 - global::System.Math.Pow(_beta2, _stepCount);");
            w.Line("float stepSize = (float)(_learningRate / biasCorrection1);");
            w.Line("float biasCorrection2Sqrt = (float)global::System.Math.Sqrt(biasCorrection2);");
        }

        if (plan.WeightDecay is not null)
        {
            w.Line("// Decoupled weight decay (Loshchilov & Hutter 2019): w ← w·(1 - lr·λ), before the update, as PyTorch's AdamW.");
            w.Line("float decayFactor = 1f - _learningRate * _weightDecay;");
        }
    }

    /// <summary>The arguments of one <c>UpdateTensor</c> call after offset and length.</summary>
    public static string Arguments(NetworkPlan plan, bool penalized)
    {
        var arguments = new List<string>();
        if (plan.L1 is not null)
        {
            arguments.Add(penalized ? "_l1Strength" : "0f");
        }

        if (plan.L2 is not null)
        {
            arguments.Add(penalized ? "_l2Strength" : "0f");
        }

        if (plan.WeightDecay is not null)
        {
            arguments.Add(penalized ? "decayFactor" : "1f");
        }

        if (plan.Optimizer.IsAdam)
        {
            arguments.Add("stepSize");
            arguments.Add("biasCorrection2Sqrt");
        }

        return arguments.Count == 0 ? string.Empty : ", " + string.Join(", ", arguments);
    }

    /// <summary>Emits <c>UpdateTensor(offset, length, ...)</c> for the plan's optimizer.</summary>
    public static void EmitUpdate(CodeWriter w, NetworkPlan plan)
    {
        OptimizerPlan o = plan.Optimizer;
        var parameters = new List<string> { "int offset", "int length" };
        if (plan.L1 is not null)
        {
            parameters.Add("float l1");
        }

        if (plan.L2 is not null)
        {
            parameters.Add("float l2");
        }

        if (plan.WeightDecay is not null)
        {
            parameters.Add("float decayFactor");
        }

        if (o.IsAdam)
        {
            parameters.Add("float stepSize");
            parameters.Add("float biasCorrection2Sqrt");
        }

        w.Line("// " + Rule(o));
        if (plan.HasRegularization)
        {
            string terms = (plan.L1 is not null ? " + l1·sign(w)" : string.Empty) + (plan.L2 is not null ? " + l2·w" : string.Empty);
            w.Line($"// with g = dL/dw{terms} (the penalty gradients; 0 for unpenalised tensors).");
        }

        if (plan.WeightDecay is not null)
        {
            w.Line("// Decoupled weight decay first: w ← w·decayFactor (1 for unpenalised tensors).");
        }

        w.Open($"private void UpdateTensor({string.Join(", ", parameters)})");
        w.Line("ref float w = ref Element(_parameters, offset);");
        w.Line("ref float g = ref Element(_gradients, offset);");
        foreach ((string field, string _) in StateBuffers(o))
        {
            w.Line($"ref float {field.TrimStart('_')} = ref Element({field}, offset);");
        }

        w.Line("float learningRate = _learningRate;");
        switch (o.Kind)
        {
            case OptimizerKindSpec.Momentum:
            case OptimizerKindSpec.Nesterov:
                w.Line("float momentum = _momentum;");
                break;
            case OptimizerKindSpec.AdaGrad:
                w.Line("float epsilon = _epsilon;");
                break;
            case OptimizerKindSpec.RMSProp:
                w.Line("float momentum = _momentum, alpha = _alpha, epsilon = _epsilon;");
                w.Line("bool useMomentum = momentum > 0f; // PyTorch switches the momentum buffer on only for momentum > 0.");
                break;
            case OptimizerKindSpec.Adam:
            case OptimizerKindSpec.AdamW:
                w.Line("float beta1 = _beta1, beta2 = _beta2, epsilon = _epsilon;");
                break;
        }

        w.Line("int i = 0;");
        w.Open($"for (; i <= length - {Vector}<float>.Count; i += {Vector}<float>.Count)");
        Body(w, plan, vector: true);
        w.Close();
        w.Open("for (; i < length; i++)");
        Body(w, plan, vector: false);
        w.Close();
        w.Close();
        w.Line();

        w.Open("private static ref float Element(float[] buffer, int offset)");
        w.Line($"return ref {UnsafeRef}.Add(ref global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(buffer), offset);");
        w.Close();
        w.Line();

        if (plan.L1 is not null)
        {
            w.Line("// sign(w) with sign(0) = 0, as the L1 subgradient.");
            w.Open($"private static {Vector}<float> Sign({Vector}<float> value)");
            w.Line($"{Vector}<float> positive = {Vector}.ConditionalSelect({Vector}.GreaterThan(value, {Vector}<float>.Zero), {Vector}<float>.One, {Vector}<float>.Zero);");
            w.Line($"{Vector}<float> negative = {Vector}.ConditionalSelect({Vector}.LessThan(value, {Vector}<float>.Zero), {Vector}<float>.One, {Vector}<float>.Zero);");
            w.Line("return positive - negative;");
            w.Close();
            w.Line();
        }
    }

    private static string Rule(OptimizerPlan o) => o.Kind switch
    {
        OptimizerKindSpec.Sgd => "SGD: w ← w - lr·g",
        OptimizerKindSpec.Momentum => "Momentum (PyTorch SGD with momentum, dampening 0): v ← μ·v + g; w ← w - lr·v",
        OptimizerKindSpec.Nesterov => "Nesterov (PyTorch SGD with nesterov=True): v ← μ·v + g; w ← w - lr·(g + μ·v)",
        OptimizerKindSpec.AdaGrad => "AdaGrad (Duchi et al. 2011, PyTorch Adagrad): s ← s + g²; w ← w - lr·g / (√s + ε)",
        OptimizerKindSpec.RMSProp => "RMSProp (Hinton 2012, PyTorch RMSprop): s ← α·s + (1-α)·g²; "
            + (o.Centered ? "m ← α·m + (1-α)·g; d = √(s - m²) + ε" : "d = √s + ε")
            + "; momentum: b ← μ·b + g/d, w ← w - lr·b; else w ← w - lr·g/d",
        _ => $"{o.Kind} (Kingma & Ba 2015{(o.Kind == OptimizerKindSpec.AdamW ? "; Loshchilov & Hutter 2019" : string.Empty)}{(o.Amsgrad ? "; AMSGrad, Reddi et al. 2018" : string.Empty)}), in PyTorch's arrangement: "
            + "m ← β1·m + (1-β1)·g; v ← β2·v + (1-β2)·g²; "
            + (o.Amsgrad ? "v̂ ← max(v̂, v); w ← w - (lr / (1-β1^t))·m / (√v̂ / √(1-β2^t) + ε)" : "w ← w - (lr / (1-β1^t))·m / (√v / √(1-β2^t) + ε)"),
    };

    /// <summary>One element (scalar) or one vector of the update; the same template for both.</summary>
    private static void Body(CodeWriter w, NetworkPlan plan, bool vector)
    {
        string t = vector ? $"{Vector}<float>" : "float";
        string Load(string buffer) => vector ? $"{Vector}.LoadUnsafe(ref {buffer}, (nuint)i)" : $"{UnsafeRef}.Add(ref {buffer}, i)";
        string Store(string buffer, string value) => vector ? $"{Vector}.StoreUnsafe({value}, ref {buffer}, (nuint)i);" : $"{UnsafeRef}.Add(ref {buffer}, i) = {value};";
        string Sqrt(string value) => vector ? $"{Vector}.SquareRoot({value})" : $"global::System.MathF.Sqrt({value})";
        string Max(string a, string b) => vector ? $"{Vector}.Max({a}, {b})" : $"global::System.MathF.Max({a}, {b})";
        string Broadcast(string scalar) => vector ? $"new {Vector}<float>({scalar})" : scalar;
        string Sign(string value) => vector ? $"Sign({value})" : $"({value} > 0f ? 1f : {value} < 0f ? -1f : 0f)";

        w.Line($"{t} w0 = {Load("w")};");
        w.Line($"{t} gi = {Load("g")}{(plan.L1 is not null ? $" + l1 * {Sign("w0")}" : string.Empty)}{(plan.L2 is not null ? " + l2 * w0" : string.Empty)};");
        w.Line(plan.WeightDecay is not null ? $"{t} wi = w0 * decayFactor;" : $"{t} wi = w0;");
        switch (plan.Optimizer.Kind)
        {
            case OptimizerKindSpec.Sgd:
                w.Line(Store("w", "wi - learningRate * gi"));
                break;
            case OptimizerKindSpec.Momentum:
            case OptimizerKindSpec.Nesterov:
                w.Line($"{t} v = momentum * {Load("velocity")} + gi;");
                w.Line(Store("velocity", "v"));
                w.Line(Store("w", plan.Optimizer.Kind == OptimizerKindSpec.Nesterov ? "wi - learningRate * (gi + momentum * v)" : "wi - learningRate * v"));
                break;
            case OptimizerKindSpec.AdaGrad:
                w.Line($"{t} s = {Load("squareSums")} + gi * gi;");
                w.Line(Store("squareSums", "s"));
                w.Line(Store("w", $"wi - learningRate * gi / ({Sqrt("s")} + {Broadcast("epsilon")})"));
                break;
            case OptimizerKindSpec.RMSProp:
                w.Line($"{t} s = alpha * {Load("squareAverages")} + (1f - alpha) * gi * gi;");
                w.Line(Store("squareAverages", "s"));
                if (plan.Optimizer.Centered)
                {
                    w.Line($"{t} m = alpha * {Load("gradientAverages")} + (1f - alpha) * gi;");
                    w.Line(Store("gradientAverages", "m"));
                    w.Line($"{t} d = {Sqrt("s - m * m")} + {Broadcast("epsilon")};");
                }
                else
                {
                    w.Line($"{t} d = {Sqrt("s")} + {Broadcast("epsilon")};");
                }

                w.Open("if (useMomentum)");
                w.Line($"{t} b = momentum * {Load("velocity")} + gi / d;");
                w.Line(Store("velocity", "b"));
                w.Line(Store("w", "wi - learningRate * b"));
                w.Close();
                w.Open("else");
                w.Line(Store("w", "wi - learningRate * gi / d"));
                w.Close();
                break;
            default:
                w.Line($"{t} m = beta1 * {Load("firstMoments")} + (1f - beta1) * gi;");
                w.Line($"{t} v = beta2 * {Load("secondMoments")} + (1f - beta2) * gi * gi;");
                w.Line(Store("firstMoments", "m"));
                w.Line(Store("secondMoments", "v"));
                if (plan.Optimizer.Amsgrad)
                {
                    w.Line($"{t} vMax = {Max(Load("maxSecondMoments"), "v")};");
                    w.Line(Store("maxSecondMoments", "vMax"));
                }

                string denominator = $"{Sqrt(plan.Optimizer.Amsgrad ? "vMax" : "v")} / biasCorrection2Sqrt + {Broadcast("epsilon")}";
                w.Line(Store("w", $"wi - stepSize * m / ({denominator})"));
                break;
        }
    }
}
