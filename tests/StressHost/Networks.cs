// The networks hammered from several threads: together they cover the fused Softmax and Sigmoid losses, MSE, a GELU
// hidden layer with dropout, L2, gradient clipping and three optimizers (Adam, Momentum, RMSProp).
namespace StaticNet.StressHost;

/// <summary>Fashion-MNIST shaped classifier: 784-64-10, ReLU, Softmax + CrossEntropy, Adam.</summary>
[Network(InputSize = 784)]
[Dense(64, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
public partial class StressClassifier { }

/// <summary>Regressor: 16-32-4, GELU with Dropout 0.2, linear output, MeanSquaredError, Momentum, L2.</summary>
[Network(InputSize = 16)]
[Dense(32, Activation.GELU)]
[Dropout(0.2f)]
[Dense(4)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Momentum, LearningRate = 1e-3f)]
[L2(1e-4f)]
public partial class StressRegressor { }

/// <summary>Binary classifier: 10-24-1, Tanh, Sigmoid + BinaryCrossEntropy, RMSProp, gradient norm clipped to 1.</summary>
[Network(InputSize = 10)]
[Dense(24, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.RMSProp, LearningRate = 1e-3f)]
[ClipGradientNorm(1f)]
public partial class StressBinary { }
