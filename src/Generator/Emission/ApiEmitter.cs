using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emission;

/// <summary>
/// The user's partial class: constants, constructors and the documented public members, each forwarding to the
/// implementation. Framework names carry <c>global::</c> (the user's own names are in scope here); crefs to exceptions use
/// the <c>T:</c> form, which the compiler takes as written.
/// </summary>
internal static class ApiEmitter
{
    private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    private const string Span = "global::System.Span<float>";
    private const string BadArguments = "/// <exception cref=\"T:System.ArgumentException\">A span's length is wrong, or the batch size is out of range.</exception>";
    private const string Busy = "/// <exception cref=\"T:System.InvalidOperationException\">Another thread is running a call on this instance.</exception>";

    public static void Emit(CodeWriter w, NetworkPlan plan)
    {
        if (plan.Namespace is not null)
        {
            w.Open($"namespace {plan.Namespace}");
        }

        foreach (ContainingTypeSpec type in plan.ContainingTypes)
        {
            w.Open($"partial {type.Keyword} {type.Name}");
        }

        string self = plan.ClassName;
        w.Summary($"Network {self}: see the header of this file for its architecture and parameter layout.");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"StaticNet.Generator\", \"{plan.GeneratorVersion}\")]");
        w.Open($"partial class {self} : global::StaticNet.{(plan.IsClassifier ? "IClassifier" : "INetwork")}<{self}>");
        Constants(w, plan);
        Constructors(w, plan);
        Views(w, plan);
        HyperParameters(w, plan);
        Calls(w, plan);
        w.Close();
        foreach (ContainingTypeSpec _ in plan.ContainingTypes)
        {
            w.Close();
        }

        if (plan.Namespace is not null)
        {
            w.Close();
        }
    }

    private static void Constants(CodeWriter w, NetworkPlan plan)
    {
        w.Summary("Number of input features per sample.");
        w.Line($"public const int InputSize = {plan.InputSize};");
        w.Summary("Number of outputs per sample (units of the last layer).");
        w.Line($"public const int OutputSize = {plan.OutputSize};");
        w.Summary("Number of trainable parameters (Keras <c>count_params()</c>).");
        w.Line($"public const int ParameterCount = {plan.ParameterCount};");
        w.Summary("Length of <see cref=\"Parameters\"/> and <see cref=\"Gradients\"/>: the tensors, each starting on a 64-byte boundary, and zero padding.");
        w.Line($"public const int ParameterBufferLength = {plan.ParameterBufferLength};");
        w.Summary("Largest batch accepted, so that every workspace of <c>[batch, widest layer]</c> fits an array.");
        w.Line($"public const int MaxBatchSize = {plan.MaxBatchSize};");
        w.Summary("Floating-point operations per sample of a forward pass.");
        w.Line($"public const long ForwardFlopsPerSample = {plan.ForwardFlopsPerSample};");
        w.Summary("Floating-point operations per sample of a training step's forward and backward passes.");
        w.Line($"public const long TrainingFlopsPerSample = {plan.TrainingFlopsPerSample};");
        w.Summary("A Keras-style table of the layers, their output shapes and parameter counts.");
        w.Line("public const string Summary =");
        string[] rows = plan.Summary.TrimEnd('\n').Split('\n');
        for (int r = 0; r < rows.Length; r++)
        {
            w.Line($"    {Format.String(rows[r] + "\n")}{(r < rows.Length - 1 ? " +" : ";")}");
        }

        foreach (TensorPlan tensor in plan.Tensors)
        {
            BufferSlice slice = tensor.Slice;
            string what = $"{tensor.Owner} {tensor.What} <c>{tensor.Shape}</c>{(tensor.IsBias ? string.Empty : " (row-major, inputs by units)")}";
            w.Summary($"Offset of {what} in <see cref=\"Parameters\"/>.");
            w.Line($"public const int {slice.Name}Offset = {slice.Offset};");
            w.Summary($"Length of {what}.");
            w.Line($"public const int {slice.Name}Length = {slice.Length};");
        }

        w.Summary("How the parameters are written to a model file (<c>StaticNet.ModelFile</c>): PyTorch's names and shapes, and the architecture.");
        w.Line($"public static global::StaticNet.ModelLayout Layout => global::StaticNet.Generated.{plan.ImplementationName}.Layout;");
        w.Line();
        string contract = $"global::StaticNet.INetwork<{plan.ClassName}>";
        w.Line($"static int {contract}.InputSize => InputSize;");
        w.Line($"static int {contract}.OutputSize => OutputSize;");
        w.Line($"static int {contract}.ParameterCount => ParameterCount;");
        w.Line($"static int {contract}.ParameterBufferLength => ParameterBufferLength;");
        w.Line($"static int {contract}.MaxBatchSize => MaxBatchSize;");
        w.Line($"global::StaticNet.ITrainingState {contract}.TrainingState => _network;");
        w.Line($"static {plan.ClassName} {contract}.Create(int seed) => new {plan.ClassName}(seed);");
        w.Line();
        w.Line($"private readonly global::StaticNet.Generated.{plan.ImplementationName} _network;");
        w.Line();
    }

    private static void Constructors(CodeWriter w, NetworkPlan plan)
    {
        w.Summary($"Creates the network with weights initialised from seed 0; see <see cref=\"{plan.ClassName}(int)\"/>.");
        w.Line($"public {plan.ClassName}() : this(0)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary(
            "Creates the network. Weights are drawn from <paramref name=\"seed\"/>, layer by layer, with each layer's initialisation",
            "(see the file header); biases start at zero. The same seed gives the same parameters, bit for bit.");
        w.Line($"/// <param name=\"seed\">Seed of the weight initialisation{(plan.HasDropout ? " and of the dropout masks" : string.Empty)}.</param>");
        w.Line($"public {plan.ClassName}(int seed) => _network = new(seed);");
        w.Line();
    }

    private static void Views(CodeWriter w, NetworkPlan plan)
    {
        w.Summary(
            "All trainable parameters in one flat buffer of <see cref=\"ParameterBufferLength\"/> floats, layer by layer: weights",
            "<c>[inputs x units]</c> row-major, then biases, each tensor 64-byte aligned (offsets in the <c>...Offset</c> constants;",
            "the padding between and after the tensors never affects an output, so copy tensors by their offsets or named views,",
            "not as one packed vector of ParameterCount floats). Writable: changes take effect at the next call.");
        w.Line($"public {Span} Parameters => _network.Parameters;");
        w.Summary("Gradients of the mean batch loss from the last <c>ComputeGradients</c>, laid out like <see cref=\"Parameters\"/>; no penalty terms.");
        w.Line($"public {Span} Gradients => _network.Gradients;");
        foreach (TensorPlan tensor in plan.Tensors)
        {
            string name = tensor.Slice.Name, shape = $"<c>{tensor.Shape}</c>{(tensor.IsBias ? string.Empty : " row-major")}";
            w.Summary($"{Capitalized(tensor.Owner)} {tensor.What}, {shape}: a view of <see cref=\"Parameters\"/>.");
            w.Line($"public {Span} {name} => _network.Parameters.Slice({name}Offset, {name}Length);");
            w.Summary($"Gradients of {tensor.Owner} {tensor.What}, {shape}: a view of <see cref=\"Gradients\"/>.");
            w.Line($"public {Span} {tensor.GradientView} => _network.Gradients.Slice({name}Offset, {name}Length);");
        }

        w.Line();
    }

    private static void HyperParameters(CodeWriter w, NetworkPlan plan)
    {
        foreach (HyperParameterPlan parameter in plan.HyperParameters)
        {
            w.Summary($"{parameter.Summary} Default {Format.Number(parameter.Default)}.");
            w.Line($"/// <exception cref=\"T:System.ArgumentOutOfRangeException\">The value is not {parameter.Range.Describe()}.</exception>");
            w.Line($"public float {parameter.Name} {{ get => _network.{parameter.Name}; set => _network.{parameter.Name} = value; }}");
            w.Line();
        }

        w.Summary("Number of optimizer steps taken so far (Adam's t).");
        w.Line("public long StepCount => _network.StepCount;");
        w.Line();
        if (plan.HasDropout)
        {
            w.Summary("Restarts the dropout masks from <paramref name=\"seed\"/>: the same seed gives the same masks (for gradient checks and reproducible runs).");
            w.Line("/// <param name=\"seed\">Seed of the mask generator; the constructor uses the network's seed.</param>");
            w.Line("public void SeedDropout(int seed) => _network.SeedDropout(seed);");
            w.Line();
        }
    }

    private static void Calls(CodeWriter w, NetworkPlan plan)
    {
        string outputs = plan.FusedOutput ? "probabilities" : "outputs";
        w.Summary("Runs the network on one sample. Allocation-free after the first call; not thread-safe.");
        w.Line("/// <param name=\"input\">The sample, length <see cref=\"InputSize\"/>.</param>");
        w.Line($"/// <param name=\"output\">Receives the {outputs}, length <see cref=\"OutputSize\"/>.</param>");
        w.Line("/// <exception cref=\"T:System.ArgumentException\">A span's length differs from the stated length.</exception>");
        w.Line(Busy);
        Forward(w, $"public void Predict({ReadOnlySpan} input, {Span} output)", "_network.Predict(input, output);");
        w.Line();
        w.Summary("Runs the network on a batch. Allocation-free once a batch this large has been seen; not thread-safe.");
        BatchParameters(w, "outputs", $"Receives the {outputs}, <c>[batchSize, OutputSize]</c> row-major.");
        w.Line(BadArguments);
        w.Line(Busy);
        Forward(w, $"public void Predict({ReadOnlySpan} inputs, {Span} outputs, int batchSize)", "_network.Predict(inputs, outputs, batchSize);");
        w.Line();

        foreach ((string type, string name, string doc) in Targets(plan))
        {
            string signature = $"({ReadOnlySpan} inputs, {type} {name}, int batchSize)";
            w.Summary("One training step on a batch: forward pass, backward pass, optimizer step (<c>ComputeGradients</c>, then <c>ApplyGradients</c>).");
            BatchParameters(w, name, doc);
            w.Line($"/// <returns>The mean loss of the batch before the step{(plan.IsClassifier || plan.Loss == LossKind.BinaryCrossEntropy ? ", in nats" : string.Empty)}; the penalty excluded.</returns>");
            Exceptions(w, name);
            Forward(w, $"public float TrainStep{signature}", $"_network.TrainStep(inputs, {name}, batchSize);");
            w.Line();
            w.Summary("Forward and backward pass: overwrites <see cref=\"Gradients\"/> with the gradients of the mean batch loss; parameters unchanged.");
            BatchParameters(w, name, doc);
            w.Line("/// <returns>The mean loss of the batch; the penalty excluded.</returns>");
            Exceptions(w, name);
            Forward(w, $"public float ComputeGradients{signature}", $"_network.ComputeGradients(inputs, {name}, batchSize);");
            w.Line();
            w.Summary(plan.HasDropout
                ? "Forward pass only, in inference mode (no dropout): the mean loss of the batch. Parameters and gradients unchanged."
                : "Forward pass only: the mean loss of the batch. Parameters and gradients unchanged.");
            BatchParameters(w, name, doc);
            w.Line("/// <returns>The mean loss of the batch; the penalty excluded.</returns>");
            Exceptions(w, name);
            Forward(w, $"public float ComputeLoss{signature}", $"_network.ComputeLoss(inputs, {name}, batchSize, training: false);");
            w.Line();
            if (plan.HasDropout)
            {
                w.Summary("Forward pass only: the mean loss of the batch, with fresh dropout masks when <paramref name=\"training\"/>; nothing else changes.");
                BatchParameters(w, name, doc);
                w.Line("/// <param name=\"training\">Whether dropout is active, as in a training step.</param>");
                w.Line("/// <returns>The mean loss of the batch; the penalty excluded.</returns>");
                Exceptions(w, name);
                Forward(w, $"public float ComputeLoss({ReadOnlySpan} inputs, {type} {name}, int batchSize, bool training)", $"_network.ComputeLoss(inputs, {name}, batchSize, training);");
                w.Line();
            }
        }

        if (plan.IsClassifier)
        {
            w.Summary("The mean loss of a batch and the outputs <c>Predict</c> gives, from one forward pass (validation loss and accuracy).");
            BatchParameters(w, "labels", Targets(plan)[1].Doc);
            w.Line($"/// <param name=\"outputs\">Receives the {outputs}, <c>[batchSize, OutputSize]</c> row-major.</param>");
            w.Line("/// <returns>The mean loss of the batch; the penalty excluded.</returns>");
            Exceptions(w, "labels");
            Forward(
                w,
                $"public float ComputeLoss(\n    {ReadOnlySpan} inputs, global::System.ReadOnlySpan<int> labels, {Span} outputs, int batchSize)",
                "_network.ComputeLoss(inputs, labels, outputs, batchSize);");
            w.Line();
        }

        w.Summary(
            $"One optimizer step from the current <see cref=\"Gradients\"/>: {OptimizerEmitter.Describe(plan.Optimizer).Replace("&", "&amp;")}",
            (plan.HasRegularization ? $"with the {Penalties(plan)} gradients added in the same sweep" : "in one sweep over the parameters")
                + (plan.WeightDecay is not null ? ", after decoupled weight decay" : string.Empty) + ".",
            plan.ClipNorm is not null || plan.ClipValue is not null
                ? "Clips <see cref=\"Gradients\"/> in place first; increments <see cref=\"StepCount\"/>. Allocation-free."
                : "Increments <see cref=\"StepCount\"/>; leaves <see cref=\"Gradients\"/> as it was"
                    + (plan.Padding.Count > 0 ? " but for its padding, zeroed" : string.Empty) + ". Allocation-free.");
        w.Line(Busy);
        w.Line("public void ApplyGradients() => _network.ApplyGradients();");
        w.Line();
        w.Summary(plan.HasRegularization
            ? $"The penalty <c>{PenaltyFormula(plan)}</c> over the {(plan.PenalizeBiases ? "weights and biases" : "weights (biases excluded)")}, not part of the losses returned."
            : "0: the network declares no L1 or L2 penalty (decoupled weight decay is not a loss term).");
        w.Line("public float RegularizationLoss() => _network.RegularizationLoss();");
    }

    private static (string Type, string Name, string Doc)[] Targets(NetworkPlan plan)
    {
        string targets = "Targets, <c>[batchSize, OutputSize]</c> row-major" + plan.Loss switch
        {
            LossKind.CrossEntropy => " (one-hot or probability rows).",
            LossKind.BinaryCrossEntropy => " (each 0 or 1, or a probability).",
            _ => ".",
        };
        var floats = ("global::System.ReadOnlySpan<float>", "targets", targets);
        if (!plan.IsClassifier)
        {
            return new[] { floats };
        }

        string labels = plan.Loss == LossKind.CrossEntropy
            ? "Class indices in <c>[0, OutputSize)</c>, length <c>batchSize</c>."
            : "Labels 0 or 1, length <c>batchSize</c>.";
        return new[] { floats, ("global::System.ReadOnlySpan<int>", "labels", labels) };
    }

    /// <summary>The declared penalties' names: <c>L1</c>, <c>L2</c> or <c>L1 and L2</c>.</summary>
    internal static string Penalties(NetworkPlan plan) =>
        plan.L1 is not null && plan.L2 is not null ? "L1 and L2" : plan.L1 is not null ? "L1" : "L2";

    /// <summary>The declared penalty as a formula: <c>λ1·Σ|w|</c>, <c>(λ2/2)·Σw²</c> or their sum.</summary>
    internal static string PenaltyFormula(NetworkPlan plan) =>
        plan.L1 is not null && plan.L2 is not null ? "λ1·Σ|w| + (λ2/2)·Σw²" : plan.L1 is not null ? "λ1·Σ|w|" : "(λ2/2)·Σw²";

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>A member forwarding to the implementation, its expression body on the next line.</summary>
    private static void Forward(CodeWriter w, string signature, string call)
    {
        w.Lines(signature);
        w.Line($"    => {call}");
    }

    private static void BatchParameters(CodeWriter w, string name, string doc)
    {
        w.Line("/// <param name=\"inputs\">The samples, <c>[batchSize, InputSize]</c> row-major.</param>");
        w.Line($"/// <param name=\"{name}\">{doc}</param>");
        w.Line("/// <param name=\"batchSize\">Number of samples, 1 to <see cref=\"MaxBatchSize\"/>.</param>");
    }

    private static void Exceptions(CodeWriter w, string name)
    {
        w.Line(name == "labels"
            ? "/// <exception cref=\"T:System.ArgumentException\">A span's length is wrong, or the batch size or a label is out of range.</exception>"
            : BadArguments);
        w.Line(Busy);
    }
}
