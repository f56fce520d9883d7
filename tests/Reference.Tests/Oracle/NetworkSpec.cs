using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>One Dense layer of a StaticNet network and where its tensors live in the flat parameter buffer.</summary>
/// <param name="Index">Layer index (the <c>i</c> of <c>Dense{i}Weights</c>).</param>
/// <param name="Inputs">Inputs of the layer.</param>
/// <param name="Units">Outputs of the layer.</param>
/// <param name="Activation">Activation applied to the outputs.</param>
/// <param name="WeightsOffset">Offset of <c>W[Inputs x Units]</c> (row-major) in <c>Parameters</c> and <c>Gradients</c>.</param>
/// <param name="BiasOffset">Offset of <c>b[Units]</c>.</param>
/// <param name="NegativeSlope">LeakyReLU's slope below zero (<c>[Dense(NegativeSlope = ...)]</c>, default 0.01), as the float32 the generated code uses.</param>
/// <param name="Alpha">ELU's α (<c>[Dense(Alpha = ...)]</c>, default 1).</param>
/// <param name="HasDropout">Whether a <c>[Dropout]</c> follows the layer (its rate is the generated <c>Dense{i}DropoutRate</c> property).</param>
public sealed record LayerSpec(
    int Index, int Inputs, int Units, Activation Activation, int WeightsOffset, int BiasOffset,
    double NegativeSlope = 0.01f, double Alpha = 1f, bool HasDropout = false)
{
    /// <summary>The generated property holding the dropout rate after this layer.</summary>
    public string DropoutRateProperty => $"Dense{Index}DropoutRate";
}

/// <summary>
/// A StaticNet network's declaration, read from its attributes (<c>[Network]</c>, <c>[Dense]</c> in source order,
/// <c>[Dropout]</c>, <c>[Loss]</c>, <c>[Optimizer]</c>, <c>[L1]</c>, <c>[L2]</c>, <c>[WeightDecay]</c>, <c>[ClipGradientNorm]</c>,
/// <c>[ClipGradientValue]</c>) and its generated layout constants
/// (<c>Dense{i}WeightsOffset</c>, <c>Dense{i}WeightsLength</c>, <c>Dense{i}BiasOffset</c>, <c>Dense{i}BiasLength</c>),
/// so the torch oracle is built from the same declaration as the generated code and a new test case needs no
/// hand-written description of the architecture.
/// </summary>
/// <remarks>
/// Only what is fixed at compile time is read here. Hyper-parameters that the generated code exposes as properties
/// (learning rate, momentum, L1/L2 strengths, weight decay, clipping thresholds, label smoothing, Huber δ, dropout rates)
/// are read from the network instance when the torch copy is built (<see cref="HyperParameter"/>), so run-time changes
/// and the documented defaults are both what torch gets.
/// </remarks>
public sealed record NetworkSpec(
    string Name, int InputSize, int ParameterBufferLength, IReadOnlyList<LayerSpec> Layers,
    LossFunction Loss, OptimizerKind Optimizer, bool HasL1, bool HasL2)
{
    /// <summary>The last layer.</summary>
    public LayerSpec Output => Layers[^1];

    /// <summary><c>[Network(PenalizeBiases = true)]</c>: L1, L2 and decoupled weight decay also apply to the biases.</summary>
    public bool PenalizeBiases { get; init; }

    /// <summary><c>[WeightDecay]</c> declared (AdamW decays without it too, with its default λ; see <see cref="TorchTraining"/>).</summary>
    public bool HasWeightDecay { get; init; }

    /// <summary><c>[ClipGradientNorm]</c> declared.</summary>
    public bool HasClipNorm { get; init; }

    /// <summary><c>[ClipGradientValue]</c> declared.</summary>
    public bool HasClipValue { get; init; }

    /// <summary><c>[Loss(LabelSmoothing = ...)]</c> declared (the generated <c>LabelSmoothing</c> property exists).</summary>
    public bool HasLabelSmoothing { get; init; }

    /// <summary><c>[Optimizer(Centered = true)]</c> (RMSProp).</summary>
    public bool Centered { get; init; }

    /// <summary><c>[Optimizer(Amsgrad = true)]</c> (Adam, AdamW).</summary>
    public bool Amsgrad { get; init; }

    /// <summary>Whether any layer is followed by <c>[Dropout]</c>.</summary>
    public bool HasDropout => Layers.Any(l => l.HasDropout);

    /// <summary>The layers followed by <c>[Dropout]</c>, in order (the order the generated forward pass draws their masks).</summary>
    public IEnumerable<LayerSpec> DropoutLayers => Layers.Where(l => l.HasDropout);

    /// <summary>Reads the declaration of <typeparamref name="TNetwork"/>.</summary>
    public static NetworkSpec Of<TNetwork>() where TNetwork : INetwork<TNetwork>
    {
        Type type = typeof(TNetwork);
        NetworkAttribute network = type.GetCustomAttribute<NetworkAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Network].");
        // Roslyn writes a type's attributes to metadata in source order and reflection returns them in metadata order;
        // the layout constants below check the sizes layer by layer.
        DenseAttribute[] dense = type.GetCustomAttributes<DenseAttribute>(inherit: false).ToArray();
        LossAttribute loss = type.GetCustomAttribute<LossAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Loss].");
        OptimizerAttribute optimizer = type.GetCustomAttribute<OptimizerAttribute>() ?? throw new InvalidOperationException($"{type.Name} has no [Optimizer].");

        RejectUnmodelledDeclarations(type);
        int dropoutCount = type.GetCustomAttributes<DropoutAttribute>(inherit: false).Count();

        var layers = new List<LayerSpec>();
        int inputs = network.InputSize;
        for (int i = 0; i < dense.Length; i++)
        {
            int units = dense[i].Units;
            int weightsLength = Constant(type, $"Dense{i}WeightsLength");
            int biasLength = Constant(type, $"Dense{i}BiasLength");
            if (weightsLength != inputs * units || biasLength != units)
            {
                throw new InvalidOperationException(
                    $"{type.Name} layer {i}: [Dense({units})] after {inputs} inputs needs W[{inputs}x{units}] and b[{units}], " +
                    $"but the generated layout has {weightsLength} weights and {biasLength} biases.");
            }
            // [Dropout] attaches to the [Dense] before it; the generated Dense{i}DropoutRate property says which.
            bool dropout = type.GetProperty($"Dense{i}DropoutRate", BindingFlags.Public | BindingFlags.Instance) is not null;
            layers.Add(new LayerSpec(
                i, inputs, units, dense[i].Activation, Constant(type, $"Dense{i}WeightsOffset"), Constant(type, $"Dense{i}BiasOffset"),
                NegativeSlope: float.IsNaN(dense[i].NegativeSlope) ? 0.01f : dense[i].NegativeSlope,
                Alpha: float.IsNaN(dense[i].Alpha) ? 1f : dense[i].Alpha,
                HasDropout: dropout));
            inputs = units;
        }
        if (type.GetField($"Dense{dense.Length}WeightsOffset") is not null)
        {
            throw new InvalidOperationException($"{type.Name} has {dense.Length} [Dense] attributes but the generated code has more layers.");
        }
        if (TNetwork.InputSize != network.InputSize || TNetwork.OutputSize != inputs)
        {
            throw new InvalidOperationException($"{type.Name}: declared {network.InputSize} -> {inputs}, generated {TNetwork.InputSize} -> {TNetwork.OutputSize}.");
        }

        if (layers.Count(l => l.HasDropout) != dropoutCount)
        {
            throw new InvalidOperationException($"{type.Name} declares {dropoutCount} [Dropout] but the generated code has {layers.Count(l => l.HasDropout)} Dense{{i}}DropoutRate properties.");
        }

        return new NetworkSpec(
            type.Name, network.InputSize, TNetwork.ParameterBufferLength, layers, loss.Function, optimizer.Kind,
            HasL1: type.GetCustomAttribute<L1Attribute>() is not null,
            HasL2: type.GetCustomAttribute<L2Attribute>() is not null)
        {
            PenalizeBiases = network.PenalizeBiases,
            HasWeightDecay = type.GetCustomAttribute<WeightDecayAttribute>() is not null,
            HasClipNorm = type.GetCustomAttribute<ClipGradientNormAttribute>() is not null,
            HasClipValue = type.GetCustomAttribute<ClipGradientValueAttribute>() is not null,
            HasLabelSmoothing = !float.IsNaN(loss.LabelSmoothing),
            Centered = optimizer.Centered,
            Amsgrad = optimizer.Amsgrad,
        };
    }

    /// <summary>The current value of a generated hyper-parameter property (<c>Momentum</c>, <c>Beta1</c>, <c>L2Strength</c>...).</summary>
    /// <exception cref="InvalidOperationException">The network has no such property (its declaration does not use it).</exception>
    public static float HyperParameter(object network, string name)
    {
        PropertyInfo property = network.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{network.GetType().Name} has no hyper-parameter property {name}.");
        return (float)property.GetValue(network)!;
    }

    /// <summary>The current value of a generated hyper-parameter property, or <paramref name="absent"/> when the network has none.</summary>
    public static double HyperParameterOr(object network, string name, double absent) =>
        network.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is { } property ? (float)property.GetValue(network)! : absent;

    /// <summary>Sets a generated hyper-parameter property.</summary>
    public static void SetHyperParameter(object network, string name, float value)
    {
        PropertyInfo property = network.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{network.GetType().Name} has no hyper-parameter property {name}.");
        property.SetValue(network, value);
    }

    /// <summary>Names a position in the flat parameter buffer, e.g. <c>Dense1Weights[in 3, unit 5]</c>.</summary>
    public string Describe(int flatIndex)
    {
        foreach (LayerSpec layer in Layers)
        {
            int w = flatIndex - layer.WeightsOffset;
            if (w >= 0 && w < layer.Inputs * layer.Units)
            {
                return $"Dense{layer.Index}Weights[in {w / layer.Units}, unit {w % layer.Units}]";
            }
            int b = flatIndex - layer.BiasOffset;
            if (b >= 0 && b < layer.Units)
            {
                return $"Dense{layer.Index}Bias[{b}]";
            }
        }
        return $"padding[{flatIndex}]";
    }

    // What the torch oracle models. A StaticNet attribute or a named argument outside these would change what the
    // generated code computes without changing the torch copy, so it is refused rather than silently mis-modelled;
    // modelling it means adding it here and to TorchMlp or TorchOptimizer.
    // WeightInit only changes the initial weights, which the torch copy takes from the network.
    private static readonly Dictionary<Type, string[]> Modelled = new()
    {
        [typeof(NetworkAttribute)] = [nameof(NetworkAttribute.InputSize), nameof(NetworkAttribute.PenalizeBiases)],
        [typeof(DenseAttribute)] = [nameof(DenseAttribute.NegativeSlope), nameof(DenseAttribute.Alpha), nameof(DenseAttribute.WeightInit)],
        [typeof(DropoutAttribute)] = [],
        [typeof(LossAttribute)] = [nameof(LossAttribute.LabelSmoothing), nameof(LossAttribute.Delta)],
        [typeof(OptimizerAttribute)] =
        [
            nameof(OptimizerAttribute.LearningRate), nameof(OptimizerAttribute.Momentum), nameof(OptimizerAttribute.Beta1),
            nameof(OptimizerAttribute.Beta2), nameof(OptimizerAttribute.Epsilon), nameof(OptimizerAttribute.Alpha),
            nameof(OptimizerAttribute.Centered), nameof(OptimizerAttribute.Amsgrad),
        ],
        [typeof(L1Attribute)] = [],
        [typeof(L2Attribute)] = [],
        [typeof(WeightDecayAttribute)] = [],
        [typeof(ClipGradientNormAttribute)] = [],
        [typeof(ClipGradientValueAttribute)] = [],
    };

    private static void RejectUnmodelledDeclarations(Type type)
    {
        foreach (CustomAttributeData attribute in type.GetCustomAttributesData())
        {
            Type attributeType = attribute.AttributeType;
            if (attributeType.Assembly != typeof(NetworkAttribute).Assembly)
            {
                continue;
            }
            if (!Modelled.TryGetValue(attributeType, out string[]? named))
            {
                throw new NotSupportedException($"{type.Name}: the torch oracle does not model [{attributeType.Name.Replace("Attribute", "")}] yet; add it to {nameof(NetworkSpec)}.{nameof(Modelled)} and to TorchMlp or TorchOptimizer.");
            }
            foreach (CustomAttributeNamedArgument argument in attribute.NamedArguments)
            {
                if (Array.IndexOf(named, argument.MemberName) < 0)
                {
                    throw new NotSupportedException($"{type.Name}: the torch oracle does not model {attributeType.Name.Replace("Attribute", "")}.{argument.MemberName} yet; add it to {nameof(NetworkSpec)}.{nameof(Modelled)} and to TorchMlp or TorchOptimizer.");
                }
            }
        }
    }

    private static int Constant(Type type, string name) =>
        type.GetField(name, BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            ? (int)field.GetRawConstantValue()!
            : throw new InvalidOperationException($"{type.Name} has no generated constant {name}.");
}
