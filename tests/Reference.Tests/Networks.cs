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
