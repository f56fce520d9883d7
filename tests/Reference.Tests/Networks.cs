// The networks compared with torch. An architecture is fixed at compile time, so each case is a declaration here
// plus one line in a test class. 20-16-8-3 unless stated; the generated code is under obj/.../generated.
namespace StaticNet.Reference.Tests;

// ---- Gradients: each activation on both hidden layers, Softmax + CrossEntropy ----

[Network(InputSize = 20)]
[Dense(16, Activation.Identity)]
[Dense(8, Activation.Identity)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenIdentity { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenReLU { }

[Network(InputSize = 20)]
[Dense(16, Activation.Sigmoid)]
[Dense(8, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenSigmoid { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenTanh { }

/// <summary>Sizes that are not multiples of any vector width (tails everywhere), mixed activations, 10 classes.</summary>
[Network(InputSize = 45)]
[Dense(37, Activation.ReLU)]
[Dense(21, Activation.Tanh)]
[Dense(13, Activation.Sigmoid)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradWideMixed { }

/// <summary>No hidden layer: softmax regression.</summary>
[Network(InputSize = 20)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradSingleLayer { }

// ---- Gradients: MeanSquaredError on each output activation (not fused: the activation's own backward pass) ----

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMseIdentity { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMseReLU { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMseSigmoid { }

[Network(InputSize = 20)]
[Dense(16, Activation.Sigmoid)]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Tanh)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMseTanh { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMseSoftmax { }

// ---- Gradients: BinaryCrossEntropy, fused with the Sigmoid ----

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradBinaryMulti { }

/// <summary>One Sigmoid output: a classifier, labels 0/1 accepted.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradBinarySingle { }

// ---- Training: every optimizer, without and with L1 and L2 (20-16-8-3, ReLU, Tanh, Softmax + CrossEntropy) ----
// The plain ones keep the documented defaults but for SGD's and Momentum's learning rate (0.001 would hardly move the
// weights in 20 steps); the regularized ones set every hyper-parameter.

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05f)]
public partial class TrainSgd { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[L1(0.002f)]
public partial class TrainSgdL1 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[L2(0.05f)]
public partial class TrainSgdL2 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[L1(0.002f)]
[L2(0.05f)]
public partial class TrainSgdL1L2 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.01f)]
public partial class TrainMomentum { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f)]
[L1(0.002f)]
public partial class TrainMomentumL1 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f)]
[L2(0.05f)]
public partial class TrainMomentumL2 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f)]
[L1(0.002f)]
[L2(0.05f)]
public partial class TrainMomentumL1L2 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class TrainAdam { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f)]
[L1(0.002f)]
public partial class TrainAdamL1 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f)]
[L2(0.05f)]
public partial class TrainAdamL2 { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f)]
[L1(0.002f)]
[L2(0.05f)]
public partial class TrainAdamL1L2 { }

// ---- Training with other losses and float targets ----

/// <summary>Regression: MeanSquaredError, Momentum with L2.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.ReLU)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.05f, Momentum = 0.9f)]
[L2(0.02f)]
public partial class TrainMseMomentumL2 { }

/// <summary>Multi-label: BinaryCrossEntropy, Adam with L1.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Sigmoid)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.01f)]
[L1(0.001f)]
public partial class TrainBinaryAdamL1 { }

// ---- Gradients: the activations of ActivationFunctions on both hidden layers, Softmax + CrossEntropy ----

[Network(InputSize = 20)]
[Dense(16, Activation.LeakyReLU, NegativeSlope = 0.1f)]
[Dense(8, Activation.LeakyReLU, NegativeSlope = 0.1f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenLeakyReLU { }

[Network(InputSize = 20)]
[Dense(16, Activation.ELU, Alpha = 0.7f)]
[Dense(8, Activation.ELU, Alpha = 0.7f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenELU { }

[Network(InputSize = 20)]
[Dense(16, Activation.GELU)]
[Dense(8, Activation.GELU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenGELU { }

[Network(InputSize = 20)]
[Dense(16, Activation.GELUTanh)]
[Dense(8, Activation.GELUTanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenGELUTanh { }

[Network(InputSize = 20)]
[Dense(16, Activation.SiLU)]
[Dense(8, Activation.SiLU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenSiLU { }

[Network(InputSize = 20)]
[Dense(16, Activation.Softplus)]
[Dense(8, Activation.Softplus)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenSoftplus { }

[Network(InputSize = 20)]
[Dense(16, Activation.Softsign)]
[Dense(8, Activation.Softsign)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenSoftsign { }

[Network(InputSize = 20)]
[Dense(16, Activation.HardSigmoid)]
[Dense(8, Activation.HardSigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenHardSigmoid { }

[Network(InputSize = 20)]
[Dense(16, Activation.HardSwish)]
[Dense(8, Activation.HardSwish)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHiddenHardSwish { }

/// <summary>Odd sizes (vector tails), new activations mixed, per-layer initialisation, 10 classes, label smoothing.</summary>
[Network(InputSize = 45)]
[Dense(37, Activation.SiLU, WeightInit = WeightInitialization.LeCunNormal)]
[Dense(21, Activation.ELU, Alpha = 1.3f, WeightInit = WeightInitialization.HeUniform)]
[Dense(13, Activation.Softsign, WeightInit = WeightInitialization.GlorotNormal)]
[Dense(10, Activation.Softmax, WeightInit = WeightInitialization.LeCunUniform)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.05f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradWideNewActivations { }

// ---- Gradients: each new activation on the output layer (its own backward pass), with MSE, MAE or Huber ----
// LeakyReLU and ELU keep their default slope and α here.

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutLeakyReLUMse { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.ELU)]
[Loss(LossFunction.Huber)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutELUHuber { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.GELU)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutGELUMae { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.GELUTanh)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutGELUTanhMse { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.SiLU)]
[Loss(LossFunction.Huber, Delta = 0.3f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutSiLUHuber { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softplus)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutSoftplusMae { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softsign)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutSoftsignMse { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.HardSigmoid)]
[Loss(LossFunction.Huber, Delta = 0.2f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutHardSigmoidHuber { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.HardSwish)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradOutHardSwishMae { }

// ---- Gradients: MeanAbsoluteError, Huber and label smoothing on the usual outputs ----

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMaeIdentity { }

[Network(InputSize = 20)]
[Dense(16, Activation.Tanh)]
[Dense(8, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradMaeSoftmax { }

/// <summary>Huber with δ = 0.5: the regression targets put some differences on each side of δ.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.Huber, Delta = 0.5f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHuberIdentity { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.Huber)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradHuberSigmoid { }

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.1f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradCeSmoothing { }

// ---- Gradients through dropout (masks replayed from the seed) ----

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dropout(0.3f)]
[Dense(8, Activation.Tanh)]
[Dropout(0.5f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradDropout { }

[Network(InputSize = 20)]
[Dense(16, Activation.GELU)]
[Dense(8, Activation.SiLU)]
[Dropout(0.25f)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.Huber, Delta = 0.4f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class GradDropoutHuber { }

// ---- Training with the new losses, activations and dropout (dropout masks replayed from the seed) ----

[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dropout(0.3f)]
[Dense(8, Activation.SiLU)]
[Dropout(0.2f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.1f)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.005f)]
public partial class TrainDropoutAdam { }

[Network(InputSize = 20)]
[Dense(16, Activation.GELU)]
[Dropout(0.4f)]
[Dense(8, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.Huber, Delta = 0.5f)]
[Optimizer(OptimizerKind.Nesterov, LearningRate = 0.05f)]
[L2(0.02f)]
public partial class TrainDropoutHuberNesterov { }

/// <remarks>
/// ε = 1e-5, not the default 1e-8: with 1e-8 this run is ill-conditioned in float32. At step 1 the gradient of
/// Dense1Weights[0, 7] cancels to 4.85e-6 (8 terms of ~1e-2; StaticNet 4.84502e-6, torch 4.84654e-6, one ulp of the
/// terms), clipping scales it to 3.6e-7, and there RMSProp's g/(√s + ε) with √s = 0.1·|g| ≈ 3.6e-8 ≈ ε has a slope of
/// ε/(√s + ε)² ≈ 5e6 per unit of g, which turns the 1e-10 rounding into a 1.06e-6 parameter error after one step.
/// Any float32 implementation has that error; with ε = 1e-5 the slope is at most 1/ε and the rounding stays ~1e-8.
/// </remarks>
[Network(InputSize = 20)]
[Dense(16, Activation.ELU)]
[Dense(8, Activation.Softplus)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Momentum = 0.5f, Epsilon = 1e-5f)]
[ClipGradientNorm(0.1f)]
public partial class TrainMaeRmsProp { }

[Network(InputSize = 20)]
[Dense(16, Activation.LeakyReLU, NegativeSlope = 0.05f)]
[Dense(8, Activation.HardSwish)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.AdaGrad, LearningRate = 0.05f)]
[WeightDecay(0.1f)]
public partial class TrainBinaryAdaGradDecay { }

[Network(InputSize = 20)]
[Dense(16, Activation.GELUTanh)]
[Dense(8, Activation.Softsign)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.2f)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true)]
[ClipGradientValue(0.05f)]
public partial class TrainSmoothingAdamW { }

// ---- Dropout semantics ----

/// <summary>
/// Dense(64) with W = I and b = 0 (set by the test), dropout, Dense(64) with W = I: the output is the dropped input,
/// so the MSE against 0 (or against 1/(1-p)) reads off the mask statistics in training mode.
/// </summary>
[Network(InputSize = 64)]
[Dense(64, Activation.Identity, WeightInit = WeightInitialization.Zeros)]
[Dropout(0.3f)]
[Dense(64, Activation.Identity, WeightInit = WeightInitialization.Zeros)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class DropoutProbe { }

// ---- Defaults: optimizers declared without hyper-parameters (DefaultsTests); softmax regression keeps them small ----

[Network(InputSize = 20), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd)] public partial class DefaultsSgd { }
[Network(InputSize = 20), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Momentum)] public partial class DefaultsMomentum { }
[Network(InputSize = 20), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov)] public partial class DefaultsNesterov { }
[Network(InputSize = 20), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp)] public partial class DefaultsRmsProp { }
[Network(InputSize = 20), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW)] public partial class DefaultsAdamW { }

// ---- Model files: moved between StaticNet and TorchSharp (ModelFileInteropTests) ----

/// <summary>Linear 0, ReLU 1, Dropout 2, Linear 3 (identity), Linear 4, Tanh 5, Linear 6, Softmax 7.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dropout(0.25f)]
[Dense(12)]
[Dense(8, Activation.Tanh)]
[Dense(5, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class InteropMlp { }
