namespace StaticNet.Compare;

/// <summary>W1: 784 → 128 ReLU → 10 Softmax, CrossEntropy, Adam lr 1e-3 (the first training workload).</summary>
[Network(InputSize = 784)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
public partial class W1
{
}

/// <summary>
/// W2: 784 → 256 ReLU → 128 ReLU → 10 Softmax, CrossEntropy, Adam lr 1e-3: the main job's architecture. W3, the
/// inference workload, is this network's <c>Predict</c>.
/// </summary>
[Network(InputSize = 784)]
[Dense(256, Activation.ReLU)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
public partial class W2
{
}
