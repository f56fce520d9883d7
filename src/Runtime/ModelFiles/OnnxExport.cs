using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Google.Protobuf;
using Onnx;

namespace StaticNet;

/// <summary>
/// Writes a network's inference graph as an ONNX model (opset 20), so that it runs wherever ONNX Runtime runs: per Dense
/// layer a <c>Gemm</c> with the weights <c>[out, in]</c> and <c>transB = 1</c>, as <c>torch.onnx.export</c> writes
/// <c>nn.Linear</c>, then the layer's activation (Softmax over axis 1 on the output; dropout is the identity in
/// inference and has no node). The initializers carry the safetensors names (<c>0.weight</c>, <c>0.bias</c>); the input
/// is <c>input</c> <c>[batch, InputSize]</c>, the output <c>output</c> <c>[batch, OutputSize]</c>, the batch dimension
/// symbolic. The outputs are those of <see cref="INetwork{TSelf}.Predict(ReadOnlySpan{float}, Span{float}, int)"/>.
/// </summary>
public static class OnnxExport
{
    /// <summary>The graph's input: <c>[batch, InputSize]</c> floats.</summary>
    public const string InputName = "input";

    /// <summary>The graph's output: <c>[batch, OutputSize]</c> floats, probabilities after Softmax or Sigmoid.</summary>
    public const string OutputName = "output";

    /// <summary>The ONNX opset the graph uses (20: <c>Gelu</c> is an operator of its own from there).</summary>
    public const int Opset = 20;

    /// <summary>The serialised ONNX model of <paramref name="network"/>'s inference graph.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network; its parameters are copied into the model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is null.</exception>
    public static byte[] ToBytes<TNetwork>(TNetwork network)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        ModelLayout layout = TNetwork.Layout;
        var tensors = layout.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var graph = new GraphProto { Name = typeof(TNetwork).Name, DocString = layout.Architecture };
        graph.Input.Add(Value(InputName, TNetwork.InputSize));
        graph.Output.Add(Value(OutputName, TNetwork.OutputSize));
        ReadOnlySpan<float> parameters = network.Parameters;
        string previous = InputName;
        for (int l = 0; l < layout.Layers.Count; l++)
        {
            ModelLayer layer = layout.Layers[l];
            graph.Initializer.Add(Initializer(layer.Weights, tensors[layer.Weights], parameters));
            graph.Initializer.Add(Initializer(layer.Bias, tensors[layer.Bias], parameters));
            bool last = l == layout.Layers.Count - 1;
            string product = last && layer.Activation == Activation.Identity ? OutputName : $"z{l}";
            NodeProto gemm = Node("Gemm", $"gemm{l}", new[] { previous, layer.Weights, layer.Bias }, product);
            gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            graph.Node.Add(gemm);
            previous = product;
            if (layer.Activation != Activation.Identity)
            {
                previous = AddActivation(graph, layer, l, product, last ? OutputName : $"a{l}");
            }
        }

        var model = new ModelProto
        {
            IrVersion = 9,
            ProducerName = "StaticNet",
            ProducerVersion = typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? string.Empty,
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelFile.ArchitectureKey, Value = layout.Architecture });
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelFile.FingerprintKey, Value = layout.Fingerprint });
        return model.ToByteArray();
    }

    /// <summary>Writes the ONNX model of <paramref name="network"/> to <paramref name="path"/>, atomically (as <see cref="ModelFile"/> does).</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to write (conventionally <c>.onnx</c>); its folder must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="IOException">The file cannot be written (the previous file, if any, is unchanged).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file is not writable.</exception>
    public static void Save<TNetwork>(TNetwork network, string path)
        where TNetwork : INetwork<TNetwork>
    {
        AtomicFile.Write(ModelFile.FilePath(path, nameof(path)), ToBytes(network));
    }

    // The activation's nodes from `input` to `output`; returns `output`.
    private static string AddActivation(GraphProto graph, ModelLayer layer, int index, string input, string output)
    {
        string name = $"activation{index}";
        switch (layer.Activation)
        {
            case Activation.SiLU:
                // z·σ(z): ONNX has no SiLU operator before opset 24.
                graph.Node.Add(Node("Sigmoid", $"{name}_sigmoid", new[] { input }, $"{name}_s"));
                graph.Node.Add(Node("Mul", name, new[] { input, $"{name}_s" }, output));
                return output;
            case Activation.GELUTanh:
                graph.Node.Add(With(Node("Gelu", name, new[] { input }, output), "approximate", "tanh"));
                return output;
            case Activation.HardSigmoid:
                // PyTorch's Hardsigmoid is clamp(z/6 + 1/2, 0, 1); ONNX's defaults are alpha 0.2, beta 0.5.
                graph.Node.Add(With(With(Node("HardSigmoid", name, new[] { input }, output), "alpha", 1f / 6), "beta", 0.5f));
                return output;
            case Activation.Softmax:
                graph.Node.Add(With(Node("Softmax", name, new[] { input }, output), "axis", 1L));
                return output;
            case Activation.LeakyReLU:
                graph.Node.Add(With(Node("LeakyRelu", name, new[] { input }, output), "alpha", layer.ActivationParameter));
                return output;
            case Activation.ELU:
                graph.Node.Add(With(Node("Elu", name, new[] { input }, output), "alpha", layer.ActivationParameter));
                return output;
            default:
                string op = layer.Activation switch
                {
                    Activation.ReLU => "Relu",
                    Activation.Sigmoid => "Sigmoid",
                    Activation.Tanh => "Tanh",
                    Activation.GELU => "Gelu",
                    Activation.Softplus => "Softplus",
                    Activation.Softsign => "Softsign",
                    Activation.HardSwish => "HardSwish",
                    _ => throw new NotSupportedException($"Activation {layer.Activation} has no ONNX operator here."),
                };
                graph.Node.Add(Node(op, name, new[] { input }, output));
                return output;
        }
    }

    private static NodeProto Node(string op, string name, IEnumerable<string> inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    private static NodeProto With(NodeProto node, string name, float value)
    {
        node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });
        return node;
    }

    private static NodeProto With(NodeProto node, string name, long value)
    {
        node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });
        return node;
    }

    private static NodeProto With(NodeProto node, string name, string value)
    {
        node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });
        return node;
    }

    // A tensor in the file's layout ([out, in] for weights), copied out of the parameter buffer.
    private static TensorProto Initializer(string name, ModelTensor tensor, ReadOnlySpan<float> parameters)
    {
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(tensor.Shape.Select(d => (long)d));
        float[] values = new float[tensor.Length];
        tensor.CopyToFileOrder(parameters, values);
        proto.FloatData.AddRange(values);
        return proto;
    }

    private static ValueInfoProto Value(string name, int features)
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
