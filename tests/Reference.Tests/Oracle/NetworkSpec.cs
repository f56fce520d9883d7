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
public sealed record LayerSpec(int Index, int Inputs, int Units, Activation Activation, int WeightsOffset, int BiasOffset);

/// <summary>
/// A StaticNet network's declaration, read from its attributes (<c>[Network]</c>, <c>[Dense]</c> in source order,
/// <c>[Loss]</c>, <c>[Optimizer]</c>, <c>[L1]</c>, <c>[L2]</c>) and its generated layout constants
/// (<c>Dense{i}WeightsOffset</c>, <c>Dense{i}WeightsLength</c>, <c>Dense{i}BiasOffset</c>, <c>Dense{i}BiasLength</c>),
/// so the torch oracle is built from the same declaration as the generated code and a new test case needs no
/// hand-written description of the architecture.
/// </summary>
public sealed record NetworkSpec(
    string Name, int InputSize, int ParameterCount, IReadOnlyList<LayerSpec> Layers,
    LossFunction Loss, OptimizerKind Optimizer, bool HasL1, bool HasL2)
{
    /// <summary>The last layer.</summary>
    public LayerSpec Output => Layers[^1];

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
            layers.Add(new LayerSpec(i, inputs, units, dense[i].Activation, Constant(type, $"Dense{i}WeightsOffset"), Constant(type, $"Dense{i}BiasOffset")));
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

        return new NetworkSpec(
            type.Name, network.InputSize, TNetwork.ParameterCount, layers, loss.Function, optimizer.Kind,
            HasL1: type.GetCustomAttribute<L1Attribute>() is not null,
            HasL2: type.GetCustomAttribute<L2Attribute>() is not null);
    }

    /// <summary>The current value of a generated hyper-parameter property (<c>Momentum</c>, <c>Beta1</c>, <c>L2Strength</c>...).</summary>
    /// <exception cref="InvalidOperationException">The network has no such property (its declaration does not use it).</exception>
    public static float HyperParameter(object network, string name)
    {
        PropertyInfo property = network.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{network.GetType().Name} has no hyper-parameter property {name}.");
        return (float)property.GetValue(network)!;
    }

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
    private static readonly Dictionary<Type, string[]> Modelled = new()
    {
        [typeof(NetworkAttribute)] = [nameof(NetworkAttribute.InputSize)],
        [typeof(DenseAttribute)] = [],
        [typeof(LossAttribute)] = [],
        [typeof(OptimizerAttribute)] =
        [
            nameof(OptimizerAttribute.LearningRate), nameof(OptimizerAttribute.Momentum), nameof(OptimizerAttribute.Beta1),
            nameof(OptimizerAttribute.Beta2), nameof(OptimizerAttribute.Epsilon),
        ],
        [typeof(L1Attribute)] = [],
        [typeof(L2Attribute)] = [],
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
