using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Emission;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;
using StaticNet.Generator.Parsing;
using StaticNet.Generator.Validation;

namespace StaticNet.Generator.Layers.Dropout;

/// <summary>Inverted dropout on the output of the Dense layer declared before it; its stages are the methods below.</summary>
internal sealed class DropoutKind : LayerKind<DropoutSpec, DropoutPlan>
{
    public override string Attribute => "DropoutAttribute";

    public override LayerSpec Parse(AttributeReader reader) => new DropoutSpec(reader.Positional<float>(0, "rate"));

    protected override void Validate(DropoutSpec layer, LayerValidation context)
    {
        LayerSpec? previous = context.Position > 0 ? context.Spec.Layers[context.Position - 1] : null;
        string? misplaced = previous switch
        {
            null => "comes before the first [Dense] layer; it applies to the output of the layer declared just before it",
            DropoutSpec => "follows another [Dropout]; declare one per layer",
            _ when !HasDenseAfter(context) => "follows the output layer; dropout applies to hidden layers only",
            _ => null,
        };
        if (misplaced is not null)
        {
            context.Report(DiagnosticDescriptors.DropoutPlacement, context.Location(), context.Spec.FullName, misplaced);
        }

        Rules.Range(context, HyperParameters.DropoutRate(string.Empty, 0), layer.Rate, context.Location("rate"));
        context.Outputs = context.Inputs;
    }

    protected override DropoutPlan Plan(DropoutSpec layer, LayerPlanning context)
    {
        var below = (DensePlan)context.Previous!;
        HyperParameter rate = HyperParameters.DropoutRate($"{below.Name}DropoutRate", below.Index);
        return new DropoutPlan(
            context.Position,
            context.Inputs,
            below.Index,
            new HyperParameterPlan(rate.Property!, rate.Field, layer.Rate, rate.Range, rate.Summary),
            below.TrainingOutput,
            below.OutputSymbol,
            below.OutputGradients);
    }

    protected override string EmitForward(CodeWriter w, NetworkPlan plan, DropoutPlan layer, string input)
    {
        int i = layer.Index;
        string rows = $"batchSize * {layer.Units}";
        w.Line($"// ---- {layer.Title}: on {layer.InputSymbol}, Dense {i}'s activations ----");
        w.Line($"// d{i} = {input} ⊙ mask{i} in training, mask 0 with probability rate else 1/(1 - rate); the identity in inference");
        w.Line($"ReadOnlySpan<float> d{i} = {input};");
        w.Open("if (training)");
        w.Line($"Span<float> mask{i} = {layer.Mask}.AsSpan(0, {rows}), dropped{i} = {layer.TrainingOutput}.AsSpan(0, {rows});");
        w.Line($"DropoutMask.Fill(mask{i}, {layer.Rate.Field}, ref _dropoutState);");
        w.Line($"TensorPrimitives.Multiply<float>({input}, mask{i}, dropped{i});");
        w.Line($"d{i} = dropped{i};");
        w.Close();
        return $"d{i}";
    }

    protected override void EmitBackward(CodeWriter w, NetworkPlan plan, DropoutPlan layer)
    {
        int i = layer.Index;
        string rows = $"batchSize * {layer.Units}";
        w.Line($"// ---- {layer.Title}: on {layer.InputSymbol}, Dense {i}'s activations ----");
        w.Line($"// da{i} = dd{i} ⊙ mask{i}");
        w.Line($"Span<float> da{i} = {layer.Gradients}.AsSpan(0, {rows});");
        w.Line($"TensorPrimitives.Multiply<float>(da{i}, {layer.Mask}.AsSpan(0, {rows}), da{i});");
    }

    private static bool HasDenseAfter(LayerValidation context)
    {
        for (int i = context.Position + 1; i < context.Spec.Layers.Count; i++)
        {
            if (context.Spec.Layers[i] is DenseSpec)
            {
                return true;
            }
        }

        return false;
    }
}
