// The networks under test. Each architecture is fixed at compile time, so every combination a test needs is declared
// here once and the generator emits its code into this assembly (readable under obj/.../generated).
namespace StaticNet.Integration.Tests;

// ---- Forward on fixed weights (ForwardTests) ----

/// <summary>2-3-2: ReLU hidden layer, linear output, MeanSquaredError.</summary>
[Network(InputSize = 2)]
[Dense(3, Activation.ReLU)]
[Dense(2)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class Forward232Identity { }

/// <summary>2-3-2: ReLU hidden layer, Softmax output fused with CrossEntropy.</summary>
[Network(InputSize = 2)]
[Dense(3, Activation.ReLU)]
[Dense(2, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class Forward232Softmax { }

/// <summary>2-3-2: Tanh hidden layer, two Sigmoid outputs fused with BinaryCrossEntropy.</summary>
[Network(InputSize = 2)]
[Dense(3, Activation.Tanh)]
[Dense(2, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class Forward232Sigmoid { }

/// <summary>Wide enough for the vector tiles and their tails (vectors of 4, 8 or 16 floats): 13-37-21-11.</summary>
[Network(InputSize = 13)]
[Dense(37, Activation.Sigmoid)]
[Dense(21, Activation.Tanh)]
[Dense(11, Activation.Softmax)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class ForwardWide { }

// ---- Gradient checks (GradientCheckTests): 5-4-3 unless stated, one per hidden activation and per loss ----

/// <summary>Identity hidden layer, Softmax + CrossEntropy.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Identity)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenIdentity { }

/// <summary>ReLU hidden layer, Softmax + CrossEntropy.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenReLU { }

/// <summary>Sigmoid hidden layer, Softmax + CrossEntropy.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Sigmoid)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenSigmoid { }

/// <summary>Tanh hidden layer, Softmax + CrossEntropy (also used with one-hot and soft targets).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckHiddenTanh { }

/// <summary>MeanSquaredError on a linear output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseIdentity { }

/// <summary>MeanSquaredError on a Sigmoid output (not fused: the Sigmoid's own backward pass).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseSigmoid { }

/// <summary>MeanSquaredError on a Tanh output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseTanh { }

/// <summary>MeanSquaredError on a Softmax output (not fused: the Softmax Jacobian-vector product).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseSoftmax { }

/// <summary>MeanSquaredError on a ReLU output.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.ReLU)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckMseReLU { }

/// <summary>BinaryCrossEntropy on one Sigmoid output (a classifier: int labels accepted too).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckBinarySingle { }

/// <summary>BinaryCrossEntropy on three independent Sigmoid outputs (multi-label; float targets only).</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckBinaryMulti { }

/// <summary>Two hidden layers wide enough for the vector tiles and tails: 7-19-10-9, ReLU, Tanh, Softmax + CrossEntropy.</summary>
[Network(InputSize = 7)]
[Dense(19, Activation.ReLU)]
[Dense(10, Activation.Tanh)]
[Dense(9, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckDeep { }

/// <summary>No hidden layer at all (multinomial logistic regression): 5-3.</summary>
[Network(InputSize = 5)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class CheckSingleLayer { }

// With L1/L2: SGD with learning rate 1, so that params_before - params_after one ApplyGradients() is the effective gradient.

/// <summary>L1 only.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 1f)]
[L1(0.05f)]
public partial class CheckL1 { }

/// <summary>L2 only.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.Sigmoid)]
[Dense(3, Activation.Identity)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 1f)]
[L2(0.1f)]
public partial class CheckL2 { }

/// <summary>L1 and L2 together.</summary>
[Network(InputSize = 5)]
[Dense(4, Activation.ReLU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 1f)]
[L1(0.03f)]
[L2(0.07f)]
public partial class CheckL1L2 { }

// ---- Optimizer steps (OptimizerTests): 6-5-3, so that the 30 weights of layer 0 fill vectors and leave a tail ----

/// <summary>SGD with its default learning rate (0.01).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd)]
public partial class StepSgd { }

/// <summary>SGD with L1 and L2.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[L1(0.02f)]
[L2(0.3f)]
public partial class StepSgdRegularized { }

/// <summary>Momentum with its defaults (learning rate 0.01, momentum 0.9).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Momentum)]
public partial class StepMomentum { }

/// <summary>Momentum with L1 and L2 and non-default hyper-parameters.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 0.05f, Momentum = 0.8f)]
[L1(0.01f)]
[L2(0.2f)]
public partial class StepMomentumRegularized { }

/// <summary>Adam with its defaults (learning rate 0.001, β1 0.9, β2 0.999, ε 1e-8).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam)]
public partial class StepAdam { }

/// <summary>Adam with L1 only and non-default hyper-parameters.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.02f, Beta1 = 0.8f, Beta2 = 0.99f, Epsilon = 1e-6f)]
[L1(0.05f)]
public partial class StepAdamL1 { }

/// <summary>Adam with L2 only.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.03f)]
[L2(0.4f)]
public partial class StepAdamL2 { }

/// <summary>Adam with L1 and L2.</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.Tanh)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.05f, Beta1 = 0.85f, Beta2 = 0.995f)]
[L1(0.03f)]
[L2(0.25f)]
public partial class StepAdamRegularized { }

// ---- Numerical stability (StabilityTests) ----

/// <summary>One Dense layer of 3 Softmax outputs: with zero weights the logits are the biases.</summary>
[Network(InputSize = 2)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class StableSoftmax { }

/// <summary>One Dense layer of 1 Sigmoid output: with zero weights the logit is the bias.</summary>
[Network(InputSize = 2)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd)]
public partial class StableSigmoid { }

// ---- Training (TrainingTests) ----

/// <summary>XOR: 2-4-1, Tanh then Sigmoid + BinaryCrossEntropy, Adam.</summary>
[Network(InputSize = 2)]
[Dense(4, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 0.05f)]
public partial class XorNet { }

/// <summary>Fashion-MNIST: 784-64-10, ReLU then Softmax + CrossEntropy, Adam.</summary>
[Network(InputSize = 784)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-3f)]
public partial class FashionNet { }

// ---- Allocation and argument checks ----

/// <summary>A classifier with every moving part: ReLU, fused Softmax + CrossEntropy, Adam, L1 and L2.</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
[L1(1e-4f)]
[L2(1e-3f)]
public partial class AllocationClassifier { }

/// <summary>A regressor: Sigmoid, Tanh output with MeanSquaredError, Momentum, L2.</summary>
[Network(InputSize = 12)]
[Dense(9, Activation.Sigmoid)]
[Dense(3, Activation.Tanh)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Momentum)]
[L2(1e-3f)]
public partial class AllocationRegressor { }

// ---- Initialisation (InitializationTests) ----

/// <summary>784-256-10: a He-initialised ReLU layer of 784x256 and a Glorot-initialised Softmax layer of 256x10.</summary>
[Network(InputSize = 784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class InitNet { }
