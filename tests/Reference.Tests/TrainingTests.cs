using System.Linq;
using StaticNet.Reference.Tests.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Reference.Tests;

/// <summary>
/// 20 <c>TrainStep</c>s on seeded mini-batches of 8 in StaticNet and in torch (<see cref="TorchOptimizer"/>: torch.optim
/// SGD / Adagrad / RMSprop / Adam / AdamW, L2 as <c>weight_decay</c> on the penalized parameter group, L1 as
/// <c>λ·sign(w)</c> added to the gradients, clip_grad_value_ / clip_grad_norm_, decoupled decay as AdamW's or by hand):
/// the loss, every parameter and the L1/L2 penalty must agree after every step (<see cref="Tolerance"/>), and torch
/// without each option must end measurably elsewhere. Every optimizer without and with each regularizer (the matrix in
/// TrainingMatrix.cs), plus schedules, run-time hyper-parameter changes, the new losses and dropout.
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

    /// <summary>The optimizer × regularizer matrix (TrainingMatrix.cs): one row per network.</summary>
    public static TheoryData<string, string> MatrixRows()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in TrainingMatrix.Rows)
        {
            data.Add(row.Optimizer, row.Regularizer);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MatrixRows))]
    public void Matrix(string optimizer, string regularizer) =>
        output.WriteLine(TrainingMatrix.Rows.Single(r => r.Optimizer == optimizer && r.Regularizer == regularizer).Run());

    // Decoupled weight decay follows the learning rate of each step (w ← w·(1 - lr·λ)).
    [Fact] public void Nesterov_WeightDecay_LearningRateSchedule() =>
        output.WriteLine(TorchOracle.TrainingFromLabels<TrainNesterovWeightDecay>(seed: 4, learningRate: step => 0.03f / step));
    [Fact] public void AdamW_Amsgrad_Everything_LearningRateSchedule() =>
        output.WriteLine(TorchOracle.TrainingFromLabels<TrainAdamWAmsgradAll>(seed: 4, learningRate: step => step <= 10 ? 0.01f : 0.003f));

    // Hyper-parameters changed at run time through the generated properties (torch is built from the new values).
    [Fact] public void RmsPropCentered_All_HyperParametersChangedAtRunTime() =>
        output.WriteLine(TorchOracle.TrainingFromLabels<TrainRmsPropCenteredAll>(seed: 5, configure: n =>
        {
            n.Alpha = 0.8f;
            n.Momentum = 0.3f;
            n.WeightDecay = 0.1f;
            n.MaxGradientNorm = 0.5f;
            n.GradientClipValue = 0.05f;
            n.L1Strength = 0.001f;
            n.L2Strength = 0.1f;
        }));

    // New losses, activations and dropout in training; float targets.
    [Fact] public void Dropout_Adam_LabelSmoothing() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainDropoutAdam>());
    [Fact] public void Dropout_Adam_LabelSmoothing_ProbabilityRows() => output.WriteLine(TorchOracle.Training<TrainDropoutAdam>(Targets.Probabilities, seed: 6));
    [Fact] public void Dropout_Huber_Nesterov_L2_Regression() => output.WriteLine(TorchOracle.Training<TrainDropoutHuberNesterov>(Targets.Regression));
    [Fact] public void Mae_RmsPropMomentum_ClipNorm_Regression() => output.WriteLine(TorchOracle.Training<TrainMaeRmsProp>(Targets.Regression));
    [Fact] public void BinaryCrossEntropy_AdaGrad_WeightDecay_MultiLabel() => output.WriteLine(TorchOracle.Training<TrainBinaryAdaGradDecay>(Targets.Binary));
    [Fact] public void LabelSmoothing_AdamWAmsgrad_ClipValue() => output.WriteLine(TorchOracle.TrainingFromLabels<TrainSmoothingAdamW>());
}
