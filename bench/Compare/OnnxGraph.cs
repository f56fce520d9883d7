using System.Linq;
using Google.Protobuf;
using Onnx;

namespace StaticNet.Compare;

/// <summary>
/// The MLP as an ONNX model (opset 13): per layer <c>Gemm(x, W, b)</c> with W as StaticNet stores it (<c>[in, out]</c>,
/// so no transB), <c>Relu</c> between layers and <c>Softmax(axis 1)</c> at the end; the batch dimension is symbolic.
/// </summary>
internal static class OnnxGraph
{
    /// <summary>The graph input, <c>[batch, 784]</c>.</summary>
    public const string InputName = "pixels";

    /// <summary>The graph output, <c>[batch, 10]</c> probabilities.</summary>
    public const string OutputName = "probabilities";

    /// <summary>The serialised model for <paramref name="shape"/> with <paramref name="parameters"/>.</summary>
    public static byte[] Build(MlpShape shape, (float[] Weights, float[] Bias)[] parameters)
    {
        var graph = new GraphProto { Name = shape.Name };
        graph.Input.Add(Tensor(InputName, shape.InputSize));
        graph.Output.Add(Tensor(OutputName, shape.OutputSize));
        string previous = InputName;
        for (int layer = 0; layer < shape.LayerCount; layer++)
        {
            string w = $"W{layer}", b = $"b{layer}", z = $"z{layer}";
            graph.Initializer.Add(Initializer(w, parameters[layer].Weights, shape.Sizes[layer], shape.Sizes[layer + 1]));
            graph.Initializer.Add(Initializer(b, parameters[layer].Bias, shape.Sizes[layer + 1]));
            graph.Node.Add(Node("Gemm", [previous, w, b], z));
            bool last = layer == shape.LayerCount - 1;
            NodeProto activation = Node(last ? "Softmax" : "Relu", [z], last ? OutputName : $"a{layer}");
            if (last)
            {
                activation.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            }

            graph.Node.Add(activation);
            previous = activation.Output[0];
        }

        var model = new ModelProto { IrVersion = 7, ProducerName = "StaticNet.Compare", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 13 });
        return model.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static TensorProto Initializer(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    // A float tensor [batch, features] with a symbolic batch dimension.
    private static ValueInfoProto Tensor(string name, int features)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = features });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
