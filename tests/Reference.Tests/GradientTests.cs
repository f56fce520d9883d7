using StaticNet.Reference.Tests.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Reference.Tests;

/// <summary>
/// One batch (11 samples: row tiles of 4 and a tail) through a fresh StaticNet network and the same network in torch:
/// <c>Predict</c> outputs, the loss from <c>ComputeGradients</c> and every parameter gradient must agree
/// (<see cref="Tolerance"/>). One line per case; the networks are in Networks.cs.
/// </summary>
public sealed class GradientTests(ITestOutputHelper output)
{
    // Each activation on the hidden layers (Softmax + CrossEntropy from class labels).
    [Fact] public void HiddenIdentity() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenIdentity>());
    [Fact] public void HiddenReLU() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenReLU>());
    [Fact] public void HiddenSigmoid() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSigmoid>());
    [Fact] public void HiddenTanh() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenTanh>());
    [Fact] public void WideMixedActivations() => output.WriteLine(TorchOracle.GradientsFromLabels<GradWideMixed>(batchSize: 13));
    [Fact] public void NoHiddenLayer() => output.WriteLine(TorchOracle.GradientsFromLabels<GradSingleLayer>());

    // CrossEntropy (torch cross_entropy on the logits) from each kind of target.
    [Fact] public void CrossEntropy_ClassLabels() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenTanh>(seed: 2));
    [Fact] public void CrossEntropy_OneHotRows() => output.WriteLine(TorchOracle.Gradients<GradHiddenTanh>(Targets.OneHot));
    [Fact] public void CrossEntropy_ProbabilityRows() => output.WriteLine(TorchOracle.Gradients<GradHiddenReLU>(Targets.Probabilities));

    // MeanSquaredError (torch mse_loss) on each output activation.
    [Fact] public void Mse_IdentityOutput() => output.WriteLine(TorchOracle.Gradients<GradMseIdentity>(Targets.Regression));
    [Fact] public void Mse_ReLUOutput() => output.WriteLine(TorchOracle.Gradients<GradMseReLU>(Targets.Regression));
    [Fact] public void Mse_SigmoidOutput() => output.WriteLine(TorchOracle.Gradients<GradMseSigmoid>(Targets.UnitInterval));
    [Fact] public void Mse_TanhOutput() => output.WriteLine(TorchOracle.Gradients<GradMseTanh>(Targets.Regression));
    [Fact] public void Mse_SoftmaxOutput() => output.WriteLine(TorchOracle.Gradients<GradMseSoftmax>(Targets.Probabilities));

    // BinaryCrossEntropy (torch binary_cross_entropy_with_logits).
    [Fact] public void BinaryCrossEntropy_BinaryRows() => output.WriteLine(TorchOracle.Gradients<GradBinaryMulti>(Targets.Binary));
    [Fact] public void BinaryCrossEntropy_SoftRows() => output.WriteLine(TorchOracle.Gradients<GradBinaryMulti>(Targets.UnitInterval));
    [Fact] public void BinaryCrossEntropy_SingleOutput_ClassLabels() => output.WriteLine(TorchOracle.GradientsFromLabels<GradBinarySingle>());
    [Fact] public void BinaryCrossEntropy_SingleOutput_Rows() => output.WriteLine(TorchOracle.Gradients<GradBinarySingle>(Targets.Binary));
}
