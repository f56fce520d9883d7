using StaticNet.Reference.Tests.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Reference.Tests;

/// <summary>
/// 20 <c>TrainStep</c>s on seeded mini-batches of 8 in StaticNet and in torch (torch.optim.SGD / Adam, L2 as
/// <c>weight_decay</c> on a weights-only parameter group, L1 as <c>λ·sign(w)</c> added to the weight gradients):
/// the loss, every parameter and the L1/L2 penalty must agree after every step (<see cref="Tolerance"/>).
/// Every optimizer without and with L1 and L2; one line per case, the networks are in Networks.cs.
/// </summary>
public sealed class TrainingTests(ITestOutputHelper output)
{
    [Fact] public void Sgd() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainSgd>());
    [Fact] public void Sgd_L1() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainSgdL1>());
    [Fact] public void Sgd_L2() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainSgdL2>());
    [Fact] public void Sgd_L1_L2() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainSgdL1L2>());

    [Fact] public void Momentum() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainMomentum>());
    [Fact] public void Momentum_L1() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainMomentumL1>());
    [Fact] public void Momentum_L2() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainMomentumL2>());
    [Fact] public void Momentum_L1_L2() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainMomentumL1L2>());

    [Fact] public void Adam() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainAdam>());
    [Fact] public void Adam_L1() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainAdamL1>());
    [Fact] public void Adam_L2() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainAdamL2>());
    [Fact] public void Adam_L1_L2() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainAdamL1L2>());

    // Float targets through TrainStep(inputs, targets, batchSize), and a learning rate changed between steps.
    [Fact] public void Mse_Momentum_L2_Regression() => output.WriteLine(TorchOracle.Training<TrainMseMomentumL2>(Targets.Regression));
    [Fact] public void BinaryCrossEntropy_Adam_L1_MultiLabel() => output.WriteLine(TorchOracle.Training<TrainBinaryAdamL1>(Targets.Binary));
    [Fact] public void Adam_L1_L2_LearningRateSchedule() =>
        output.WriteLine(TorchOracle.TrainingFromLabels<TrainAdamL1L2>(seed: 3, learningRate: step => step <= 10 ? 0.005f : 0.002f));
    [Fact] public void Momentum_L1_L2_LearningRateSchedule() =>
        output.WriteLine(TorchOracle.TrainingFromLabels<TrainMomentumL1L2>(seed: 3, learningRate: step => 0.03f / step));
}
