using StaticNet.Generator.Model;

namespace StaticNet.Generator.Layers.Dense;

internal sealed partial class DenseKind
{
    protected override DensePlan Plan(DenseSpec layer, LayerPlanning context)
    {
        int index = context.DenseCount++;
        int inputs = context.Inputs;
        BufferSlice weights = context.PlaceTensor($"Dense{index}Weights", inputs * layer.Units);
        BufferSlice bias = context.PlaceTensor($"Dense{index}Bias", layer.Units);
        context.Inputs = layer.Units;
        InitKind init = layer.WeightInit != InitKind.Default ? layer.WeightInit
            : ActivationFacts.IsReLUFamily(layer.Activation) ? InitKind.HeNormal : InitKind.GlorotUniform;
        return new DensePlan(
            context.Position,
            inputs,
            layer.Units,
            index,
            layer.Activation,
            layer.Activation switch
            {
                ActivationKind.LeakyReLU => layer.NegativeSlope ?? HyperParameters.DefaultNegativeSlope,
                ActivationKind.ELU => layer.Alpha ?? HyperParameters.DefaultEluAlpha,
                _ => 0f,
            },
            weights,
            bias,
            init,
            init switch
            {
                InitKind.Zeros => EquatableArray<int>.Empty,
                InitKind.GlorotNormal or InitKind.GlorotUniform => new[] { inputs, layer.Units }.ToEquatableArray(),
                _ => new[] { inputs }.ToEquatableArray(),
            },
            KeepsLogits: context.IsLast && ActivationFacts.IsFusedWith(layer.Activation, context.Spec.Loss!.Function),
            Input: context.Previous?.TrainingOutput,
            InputSymbol: context.Previous?.OutputSymbol ?? "x",
            InputGradients: context.Previous?.OutputGradients);
    }
}
