// The networks that exercise the toolbox added after the first release: the activations beyond ReLU/Sigmoid/Tanh/Softmax,
// MeanAbsoluteError, Huber, label smoothing, Dropout, per-layer weight initialisation, Nesterov, AdaGrad, RMSProp, AdamW,
// AMSGrad, decoupled weight decay, gradient clipping and bias penalization. As in Networks.cs, every combination a test
// needs is declared once here (generated code readable under obj/.../generated).
namespace StaticNet.Integration.Tests;

// ---- Gradient checks (GradientCheckTests.Toolbox.cs): 5-4-3, each new activation on the hidden layer, Softmax + CrossEntropy ----

/// <summary>LeakyReLU hidden layer with the default slope 0.01.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.LeakyReLU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenLeakyReLU { }

/// <summary>LeakyReLU hidden layer with a custom slope of 0.2.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.LeakyReLU, NegativeSlope = 0.2f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenLeakyReLUSlope { }

/// <summary>ELU hidden layer with the default α = 1.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.ELU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenELU { }

/// <summary>ELU hidden layer with a custom α = 0.4 (its derivative then jumps at 0, from 0.4 to 1).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.ELU, Alpha = 0.4f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenELUAlpha { }

/// <summary>GELU (exact) hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.GELU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenGELU { }

/// <summary>GELU (tanh approximation) hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.GELUTanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenGELUTanh { }

/// <summary>SiLU hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.SiLU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenSiLU { }

/// <summary>Softplus hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Softplus)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenSoftplus { }

/// <summary>Softsign hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Softsign)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenSoftsign { }

/// <summary>HardSigmoid hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.HardSigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenHardSigmoid { }

/// <summary>HardSwish hidden layer.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.HardSwish)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenHardSwish { }

// ---- Each new activation on the OUTPUT layer with MeanSquaredError (the loss's backward reads the kept pre-activations) ----

/// <summary>LeakyReLU output with slope 0.1.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.LeakyReLU, NegativeSlope = 0.1f)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseLeakyReLU { }

/// <summary>ELU output with α = 0.6.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.ELU, Alpha = 0.6f)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseELU { }

/// <summary>GELU output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.GELU)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseGELU { }

/// <summary>GELUTanh output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.GELUTanh)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseGELUTanh { }

/// <summary>SiLU output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.SiLU)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseSiLU { }

/// <summary>Softplus output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softplus)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseSoftplus { }

/// <summary>Softsign output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softsign)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseSoftsign { }

/// <summary>HardSigmoid output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.HardSigmoid)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseHardSigmoid { }

/// <summary>HardSwish output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.HardSwish)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseHardSwish { }

// ---- The new losses ----

/// <summary>MeanAbsoluteError on a Tanh output (the activation's backward from a = f(z)).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMae { }

/// <summary>MeanAbsoluteError on a linear output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanAbsoluteError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMaeIdentity { }

/// <summary>Huber with δ = 0.5 on a linear output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.Huber, Delta = 0.5f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHuber { }

/// <summary>Huber with δ = 0.5 on a Softplus output (the activation's backward from z).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softplus)]
[Loss(LossFunction.Huber, Delta = 0.5f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHuberSoftplus { }

/// <summary>Huber with the default δ = 1.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.Huber)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHuberDefault { }

/// <summary>CrossEntropy with label smoothing 0.2 (same architecture as CheckHiddenTanh).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.2f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckLabelSmoothing { }

// ---- Dropout ----

/// <summary>Two hidden layers, each followed by dropout: 5-6-5-3, Tanh, Dropout 0.3, SiLU, Dropout 0.5, Softmax + CrossEntropy.</summary>
[Network(InputSize = 5)]
[Dense(6, Activation.Tanh)]
[Dropout(0.3f)]
[Dense(5, Activation.SiLU)]
[Dropout(0.5f)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckDropout { }

/// <summary>
/// Wide enough for the vector tiles and tails (as CheckDeep): 7-19-10-9, HardSwish with Dropout 0.2, ELU with α = 0.7,
/// Softmax + CrossEntropy with label smoothing 0.1.
/// </summary>
[Network(InputSize = 7)]
[Dense(19, Activation.HardSwish)]
[Dropout(0.2f)]
[Dense(10, Activation.ELU, Alpha = 0.7f)]
[Dense(9, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.1f)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckDeepToolbox { }

/// <summary>L1 and L2 on weights and biases, through SGD with learning rate 1.</summary>
[Network(InputSize = 5, PenalizeBiases = true)]
[Dense(4, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 1f)]
[L1(0.03f)]
[L2(0.07f)]
public partial class CheckL1L2Biases { }

// ---- Optimizer steps (OptimizerTests.Toolbox.cs): 6-5-3 as the other Step* networks ----

/// <summary>Nesterov with its defaults (learning rate 0.001, momentum 0.9).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Nesterov)]
public partial class StepNesterov { }

/// <summary>AdaGrad with its defaults (learning rate 0.01, ε 1e-10).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.AdaGrad)]
public partial class StepAdaGrad { }

/// <summary>RMSProp with its defaults (learning rate 0.01, α 0.99, ε 1e-8, no momentum, not centered).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.RMSProp)]
public partial class StepRMSProp { }

/// <summary>RMSProp with momentum 0.9 and α 0.9.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.RMSProp, LearningRate = 0.005f, Momentum = 0.9f, Alpha = 0.9f)]
public partial class StepRMSPropMomentum { }

/// <summary>Centered RMSProp, no momentum.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.RMSProp, Centered = true, Alpha = 0.8f, Epsilon = 1e-6f)]
public partial class StepRMSPropCentered { }

/// <summary>Centered RMSProp with momentum 0.5.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.RMSProp, LearningRate = 0.02f, Centered = true, Momentum = 0.5f)]
public partial class StepRMSPropCenteredMomentum { }

/// <summary>AdamW with its defaults (learning rate 0.001, weight decay 0.01 without [WeightDecay]).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.AdamW)]
public partial class StepAdamW { }

/// <summary>AdamW with a custom decoupled weight decay of 0.3.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 0.05f, Beta1 = 0.8f)]
[WeightDecay(0.3f)]
public partial class StepAdamWDecay { }

/// <summary>Adam with decoupled weight decay 0.2 (AdamW's rule on Adam).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.05f)]
[WeightDecay(0.2f)]
public partial class StepAdamWeightDecay { }

/// <summary>Adam with AMSGrad; β2 0.5 so that the second moment falls when the gradients shrink.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.01f, Beta2 = 0.5f, Amsgrad = true)]
public partial class StepAdamAmsgrad { }

/// <summary>AdamW with AMSGrad and the default weight decay.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 0.02f, Beta2 = 0.6f, Amsgrad = true)]
public partial class StepAdamWAmsgrad { }

/// <summary>SGD with decoupled weight decay 0.5 on weights and biases.</summary>
[Network(InputSize = 6, PenalizeBiases = true)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[WeightDecay(0.5f)]
public partial class StepSgdWeightDecayBiases { }

/// <summary>SGD with gradients clipped to ±0.5, and L2 (added after the clipping).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[ClipGradientValue(0.5f)]
[L2(0.3f)]
public partial class StepClipValue { }

/// <summary>SGD with the global gradient norm clipped to 2 (the test's gradients have a norm near 8), and L1 (added after).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[ClipGradientNorm(2f)]
[L1(0.05f)]
public partial class StepClipNorm { }

/// <summary>Momentum with the global gradient norm clipped to 100, above the test's gradients: no clipping.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.05f)]
[ClipGradientNorm(100f)]
public partial class StepClipNormLoose { }

/// <summary>Adam with both clippings: by value to ±0.8, then by norm to 1.5.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.02f)]
[ClipGradientValue(0.8f)]
[ClipGradientNorm(1.5f)]
public partial class StepClipBoth { }

/// <summary>SGD with L1 and L2 on weights and biases.</summary>
[Network(InputSize = 6, PenalizeBiases = true)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[L1(0.02f)]
[L2(0.3f)]
public partial class StepL1L2Biases { }

/// <summary>Adam with L1, L2 and decoupled weight decay on weights and biases, clipped by value.</summary>
[Network(InputSize = 6, PenalizeBiases = true)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.03f)]
[L1(0.01f)]
[L2(0.1f)]
[WeightDecay(0.4f)]
[ClipGradientValue(1f)]
public partial class StepAdamEverything { }

// ---- Dropout semantics (DropoutTests) ----

/// <summary>
/// 1-256-256, linear: with W0 = 0, b0 = 1, W1 = I and b1 = 0 the training output is the dropout mask itself, and with
/// targets 0 the output-bias gradients of a one-sample batch are mask/128.
/// </summary>
[Network(InputSize = 1)]
[Dense(256)]
[Dropout(0.25f)]
[Dense(256)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class DropoutMaskNet { }

/// <summary>6-16-3, Tanh with dropout 0.25, linear output, MeanSquaredError.</summary>
[Network(InputSize = 6)]
[Dense(16, Activation.Tanh)]
[Dropout(0.25f)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class DropoutNet { }

/// <summary>DropoutNet with a dropout rate of 0.</summary>
[Network(InputSize = 6)]
[Dense(16, Activation.Tanh)]
[Dropout(0f)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class DropoutZeroNet { }

/// <summary>DropoutNet without dropout.</summary>
[Network(InputSize = 6)]
[Dense(16, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class NoDropoutNet { }

/// <summary>A classifier with dropout on a GELU layer, for the label and target overloads.</summary>
[Network(InputSize = 6)]
[Dense(16, Activation.GELU)]
[Dropout(0.4f)]
[Dense(4, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class DropoutClassifier { }

// ---- Weight initialisation (InitializationTests.Toolbox.cs) ----

/// <summary>256-wide layers, one per explicit WeightInitialization.</summary>
[Network(InputSize = 256)]
[Dense(256, WeightInit = WeightInitialization.HeNormal)]
[Dense(256, WeightInit = WeightInitialization.HeUniform)]
[Dense(256, WeightInit = WeightInitialization.GlorotNormal)]
[Dense(256, WeightInit = WeightInitialization.GlorotUniform)]
[Dense(256, WeightInit = WeightInitialization.LeCunNormal)]
[Dense(256, WeightInit = WeightInitialization.LeCunUniform)]
[Dense(256, Activation.ReLU, WeightInit = WeightInitialization.Zeros)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class InitKinds { }

/// <summary>
/// 64 -> 512 layers (fanIn 64, fanOut 512) with each non-zero initialisation, so that He (2/fanIn), LeCun (1/fanIn) and
/// Glorot (2/(fanIn + fanOut)) scales differ by far more than the sampling error; 512 -> 64 layers in between.
/// </summary>
[Network(InputSize = 64)]
[Dense(512, WeightInit = WeightInitialization.HeNormal)]
[Dense(64)]
[Dense(512, WeightInit = WeightInitialization.HeUniform)]
[Dense(64)]
[Dense(512, WeightInit = WeightInitialization.GlorotNormal)]
[Dense(64)]
[Dense(512, WeightInit = WeightInitialization.GlorotUniform)]
[Dense(64)]
[Dense(512, WeightInit = WeightInitialization.LeCunNormal)]
[Dense(64)]
[Dense(512, WeightInit = WeightInitialization.LeCunUniform)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class InitFans { }

/// <summary>256-wide layers with each new activation and the default initialisation.</summary>
[Network(InputSize = 256)]
[Dense(256, Activation.LeakyReLU)]
[Dense(256, Activation.ELU)]
[Dense(256, Activation.GELU)]
[Dense(256, Activation.GELUTanh)]
[Dense(256, Activation.SiLU)]
[Dense(256, Activation.HardSwish)]
[Dense(256, Activation.Softplus)]
[Dense(256, Activation.Softsign)]
[Dense(256, Activation.HardSigmoid)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class InitDefaults { }

// ---- Allocation ----

/// <summary>A classifier with the new moving parts: GELU, Dropout, LeakyReLU, label smoothing, AdamW + AMSGrad, both clippings.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.GELU)]
[Dropout(0.2f)]
[Dense(12, Activation.LeakyReLU)]
[Dropout(0.1f)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.1f)]
[Optimizer(OptimizerKind.AdamW, Amsgrad = true)]
[ClipGradientValue(1f)]
[ClipGradientNorm(5f)]
public partial class AllocationToolboxClassifier { }

/// <summary>A regressor: HardSwish with Dropout, Softplus output, Huber, centered RMSProp with momentum, L1 + weight decay on biases.</summary>
[Network(InputSize = 12, PenalizeBiases = true)]
[Dense(9, Activation.HardSwish)]
[Dropout(0.3f)]
[Dense(3, Activation.Softplus)]
[Loss(LossFunction.Huber, Delta = 0.5f)]
[Optimizer(OptimizerKind.RMSProp, Momentum = 0.9f, Centered = true)]
[L1(1e-4f)]
[WeightDecay(1e-3f)]
[ClipGradientNorm(1f)]
public partial class AllocationToolboxRegressor { }
