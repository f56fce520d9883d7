using System;
using StaticNet;

// XOR, the smallest network that needs a hidden layer: 2 inputs, 4 tanh units, 1 sigmoid output.
float[] inputs = { 0, 0, 0, 1, 1, 0, 1, 1 };
int[] labels = { 0, 1, 1, 0 };

var network = new XorNetwork(seed: 1);
Console.WriteLine(XorNetwork.Summary);
for (int epoch = 1; epoch <= 2000; epoch++)
{
    float loss = network.TrainStep(inputs, labels, batchSize: 4);
    if (epoch % 400 == 0)
    {
        Console.WriteLine($"epoch {epoch,4}: loss {loss:F4}");
    }
}

Span<float> probability = stackalloc float[1];
for (int i = 0; i < 4; i++)
{
    network.Predict(inputs.AsSpan(i * 2, 2), probability);
    Console.WriteLine($"{inputs[i * 2]} xor {inputs[i * 2 + 1]} = {labels[i]}: predicted {probability[0]:F3}");
}

/// <summary>2-4-1 network learning XOR with binary cross-entropy and Adam.</summary>
[Network(InputSize = 2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.05f)]
public partial class XorNetwork
{
}
