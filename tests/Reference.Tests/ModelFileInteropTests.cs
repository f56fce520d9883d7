using System;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using Xunit;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests;

/// <summary>
/// A model file moves both ways between StaticNet and TorchSharp (safetensors through TorchSharp.PyBridge 1.4.4): the
/// same <c>nn.Sequential</c> gives the same outputs, to 1e-5, on 100 random inputs.
/// </summary>
public sealed class ModelFileInteropTests : IDisposable
{
    private const int Samples = 100;
    private readonly string _folder = Directory.CreateTempSubdirectory("staticnet-interop-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AStaticNetFile_LoadsIntoTorchSharp_WithTheSameOutputs()
    {
        var network = new InteropMlp(11);
        TrainAFewSteps(network);
        string path = Path.Combine(_folder, "staticnet.safetensors");
        ModelFile.Save(network, path);

        using Sequential torchModel = TorchSequential();
        torchModel.load_safetensors(path, strict: true);

        AssertSameOutputs(network, torchModel);
    }

    [Fact]
    public void ATorchSharpTrainedFile_LoadsIntoStaticNet_WithTheSameOutputs()
    {
        torch.manual_seed(12);
        using Sequential torchModel = TorchSequential();
        TrainInTorch(torchModel);
        string path = Path.Combine(_folder, "torchsharp.safetensors");
        torchModel.save_safetensors(path);

        var network = new InteropMlp(13);
        ModelFile.Load(network, path); // no StaticNet metadata: checked by names and shapes

        AssertSameOutputs(network, torchModel);
    }

    // The nn.Sequential InteropMlp's file names describe.
    private static Sequential TorchSequential() => nn.Sequential(
        ("0", nn.Linear(20, 16)),
        ("1", nn.ReLU()),
        ("2", nn.Dropout(0.25)),
        ("3", nn.Linear(16, 12)),
        ("4", nn.Linear(12, 8)),
        ("5", nn.Tanh()),
        ("6", nn.Linear(8, 5)),
        ("7", nn.Softmax(1)));

    private static void AssertSameOutputs(InteropMlp network, Sequential torchModel)
    {
        torchModel.eval();
        var random = new Random(14);
        float[] inputs = new float[Samples * InteropMlp.InputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (random.NextSingle() * 2) - 1;
        }

        float[] expected = new float[Samples * InteropMlp.OutputSize];
        network.Predict(inputs, expected, Samples);
        using Tensor x = tensor(inputs, Samples, InteropMlp.InputSize);
        using Tensor y = torchModel.forward(x);
        float[] actual = y.data<float>().ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5, $"output {i}: StaticNet {expected[i]}, TorchSharp {actual[i]}");
        }
    }

    // Ten Adam steps in TorchSharp on random data, so that the file holds trained weights, not an initialisation.
    private static void TrainInTorch(Sequential model)
    {
        model.train();
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        using Tensor x = rand(16, InteropMlp.InputSize);
        using Tensor labels = arange(16, dtype: ScalarType.Int64) % InteropMlp.OutputSize;
        for (int step = 0; step < 10; step++)
        {
            optimizer.zero_grad();
            using Tensor probabilities = model.forward(x);
            using Tensor loss = nn.functional.nll_loss(probabilities.log(), labels);
            loss.backward();
            optimizer.step();
        }
    }

    private static void TrainAFewSteps(InteropMlp network)
    {
        var random = new Random(15);
        float[] inputs = new float[16 * InteropMlp.InputSize];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextSingle();
        }

        int[] labels = new int[16];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = i % InteropMlp.OutputSize;
        }

        for (int step = 0; step < 10; step++)
        {
            network.TrainStep(inputs, labels, 16);
        }
    }
}
