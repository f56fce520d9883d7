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

    // The activations of ActivationFunctions on both hidden layers (torch leaky_relu, elu, gelu, gelu tanh, silu,
    // softplus, softsign, hardsigmoid, hardswish), then with inputs ×8 so that many pre-activations sit in the tails and on
    // the flat parts (the reports give their ranges). Much larger inputs make the logits so large that float32's
    // rounding of them (relative 6e-8 of |z|, an absolute error in every softmax exponent) nears 1e-5 of the gradients:
    // an ill-conditioned comparison for any float32 implementation, not a test of the activations.
    [Fact] public void HiddenLeakyReLU() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenLeakyReLU>());
    [Fact] public void HiddenELU() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenELU>());
    [Fact] public void HiddenGELU() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenGELU>());
    [Fact] public void HiddenGELUTanh() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenGELUTanh>());
    [Fact] public void HiddenSiLU() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSiLU>());
    [Fact] public void HiddenSoftplus() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSoftplus>());
    [Fact] public void HiddenSoftsign() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSoftsign>());
    [Fact] public void HiddenHardSigmoid() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenHardSigmoid>());
    [Fact] public void HiddenHardSwish() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenHardSwish>());
    [Fact] public void WideNewActivations_PerLayerInit_LabelSmoothing() => output.WriteLine(TorchOracle.GradientsFromLabels<GradWideNewActivations>(batchSize: 13));

    [Fact] public void HiddenLeakyReLU_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenLeakyReLU>(inputScale: 8));
    [Fact] public void HiddenELU_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenELU>(inputScale: 8));
    [Fact] public void HiddenGELU_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenGELU>(inputScale: 8));
    [Fact] public void HiddenGELUTanh_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenGELUTanh>(inputScale: 8));
    [Fact] public void HiddenSiLU_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSiLU>(inputScale: 8));
    [Fact] public void HiddenSoftplus_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSoftplus>(inputScale: 8));
    [Fact] public void HiddenSoftsign_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSoftsign>(inputScale: 8));
    [Fact] public void HiddenHardSigmoid_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenHardSigmoid>(inputScale: 8));
    [Fact] public void HiddenSoftplus_BeyondItsThreshold() =>
        output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenSoftplus>(configure: n =>
        {
            // First-layer weights ×30: pre-activations of about ±40, many above Softplus's threshold of 20 (where it is z).
            foreach (ref float w in n.Parameters.Slice(GradHiddenSoftplus.Dense0WeightsOffset, GradHiddenSoftplus.Dense0WeightsLength))
            {
                w *= 30;
            }
        }));
    [Fact] public void HiddenHardSwish_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradHiddenHardSwish>(inputScale: 8));

    // Each new activation on the output layer, through MSE, MAE (torch l1_loss) or Huber (torch huber_loss).
    [Fact] public void Mse_LeakyReLUOutput() => output.WriteLine(TorchOracle.Gradients<GradOutLeakyReLUMse>(Targets.Regression));
    [Fact] public void Huber_ELUOutput() => output.WriteLine(TorchOracle.Gradients<GradOutELUHuber>(Targets.Regression));
    [Fact] public void Mae_GELUOutput() => output.WriteLine(TorchOracle.Gradients<GradOutGELUMae>(Targets.Regression));
    [Fact] public void Mse_GELUTanhOutput() => output.WriteLine(TorchOracle.Gradients<GradOutGELUTanhMse>(Targets.Regression));
    [Fact] public void Huber_SiLUOutput() => output.WriteLine(TorchOracle.Gradients<GradOutSiLUHuber>(Targets.Regression));
    [Fact] public void Mae_SoftplusOutput() => output.WriteLine(TorchOracle.Gradients<GradOutSoftplusMae>(Targets.UnitInterval));
    [Fact] public void Mse_SoftsignOutput() => output.WriteLine(TorchOracle.Gradients<GradOutSoftsignMse>(Targets.Regression));
    [Fact] public void Huber_HardSigmoidOutput() => output.WriteLine(TorchOracle.Gradients<GradOutHardSigmoidHuber>(Targets.UnitInterval));
    [Fact] public void Mae_HardSwishOutput() => output.WriteLine(TorchOracle.Gradients<GradOutHardSwishMae>(Targets.Regression));

    // MeanAbsoluteError and Huber on the usual outputs; Huber's δ declared, default, and changed at run time.
    [Fact] public void Mae_IdentityOutput() => output.WriteLine(TorchOracle.Gradients<GradMaeIdentity>(Targets.Regression));
    [Fact] public void Mae_SoftmaxOutput() => output.WriteLine(TorchOracle.Gradients<GradMaeSoftmax>(Targets.Probabilities));
    [Fact] public void Huber_IdentityOutput_Delta05() => output.WriteLine(TorchOracle.Gradients<GradHuberIdentity>(Targets.Regression));
    [Fact] public void Huber_IdentityOutput_Delta005_MostlyLinear() =>
        output.WriteLine(TorchOracle.Gradients<GradHuberIdentity>(Targets.Regression, configure: n => n.HuberDelta = 0.05f));
    [Fact] public void Huber_IdentityOutput_Delta5_AllQuadratic() =>
        output.WriteLine(TorchOracle.Gradients<GradHuberIdentity>(Targets.Regression, configure: n => n.HuberDelta = 5f));
    [Fact] public void Huber_SigmoidOutput_DefaultDelta() => output.WriteLine(TorchOracle.Gradients<GradHuberSigmoid>(Targets.UnitInterval));

    // CrossEntropy with label smoothing (torch cross_entropy(label_smoothing)) from labels, one-hot and soft rows.
    [Fact] public void CrossEntropy_LabelSmoothing_ClassLabels() => output.WriteLine(TorchOracle.GradientsFromLabels<GradCeSmoothing>());
    [Fact] public void CrossEntropy_LabelSmoothing_OneHotRows() => output.WriteLine(TorchOracle.Gradients<GradCeSmoothing>(Targets.OneHot));
    [Fact] public void CrossEntropy_LabelSmoothing_ProbabilityRows() => output.WriteLine(TorchOracle.Gradients<GradCeSmoothing>(Targets.Probabilities));
    [Fact] public void CrossEntropy_LabelSmoothing_ChangedAtRunTime() =>
        output.WriteLine(TorchOracle.GradientsFromLabels<GradCeSmoothing>(seed: 3, configure: n => n.LabelSmoothing = 0.35f));
    [Fact] public void CrossEntropy_LabelSmoothing_LargeInputs() => output.WriteLine(TorchOracle.GradientsFromLabels<GradCeSmoothing>(inputScale: 8));

    // Dropout in training (ComputeGradients) with StaticNet's masks replayed in torch; Predict and ComputeLoss in eval mode.
    [Fact] public void Dropout_TwoLayers() => output.WriteLine(TorchOracle.GradientsFromLabels<GradDropout>());
    [Fact] public void Dropout_TwoLayers_Seed5_Batch40() => output.WriteLine(TorchOracle.GradientsFromLabels<GradDropout>(seed: 5, batchSize: 40));
    [Fact] public void Dropout_RateChangedAtRunTime() =>
        output.WriteLine(TorchOracle.GradientsFromLabels<GradDropout>(configure: n => { n.Dense0DropoutRate = 0.7f; n.Dense1DropoutRate = 0f; }));
    [Fact] public void Dropout_Huber() => output.WriteLine(TorchOracle.Gradients<GradDropoutHuber>(Targets.Regression));
}
