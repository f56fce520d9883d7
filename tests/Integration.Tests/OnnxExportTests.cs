using System;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// The ONNX model <see cref="OnnxExport"/> writes, run by ONNX Runtime 1.31.1, gives the outputs of <c>Predict</c> to
/// 1e-5 on 100 random inputs, for every activation (three networks chain them all).
/// </summary>
public sealed class OnnxExportTests
{
    private const int Samples = 100;

    [Fact]
    public void ReLUSigmoidTanhLeakyReLUSoftmax_MatchPredict() => AssertMatches(new OnnxFirst(3));

    [Fact]
    public void ELUGELUGELUTanhSiLUSigmoid_MatchPredict() => AssertMatches(new OnnxSecond(4));

    [Fact]
    public void SoftplusSoftsignHardSigmoidHardSwishDropoutIdentity_MatchPredict() => AssertMatches(new OnnxThird(5));

    [Fact]
    public void TheGraph_NamesItsInitializersAsTheModelFile()
    {
        var model = Onnx.ModelProto.Parser.ParseFrom(OnnxExport.ToBytes(new OnnxThird(1)));

        Assert.Equal(OnnxExport.Opset, model.OpsetImport.Single().Version);
        Assert.Equal(OnnxThird.Layout.Tensors.Select(t => t.Name), model.Graph.Initializer.Select(i => i.Name));
        Assert.Equal(new long[] { 7, 6 }, model.Graph.Initializer[0].Dims);
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType == "Dropout");
        Assert.Equal(OnnxThird.Layout.Fingerprint, model.MetadataProps.Single(p => p.Key == ModelFile.FingerprintKey).Value);
    }

    private static void AssertMatches<TNetwork>(TNetwork network)
        where TNetwork : INetwork<TNetwork>
    {
        var random = new Random(6);
        float[] inputs = TestData.Uniform(random, Samples * TNetwork.InputSize, -3, 3);
        float[] expected = new float[Samples * TNetwork.OutputSize];
        network.Predict(inputs, expected, Samples);

        using var session = new InferenceSession(OnnxExport.ToBytes(network));
        var input = new DenseTensor<float>(inputs, new[] { Samples, TNetwork.InputSize });
        using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor(OnnxExport.InputName, input) });
        float[] actual = results.Single(r => r.Name == OnnxExport.OutputName).AsEnumerable<float>().ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5, $"{typeof(TNetwork).Name} output {i}: Predict {expected[i]}, ONNX Runtime {actual[i]}");
        }
    }
}
