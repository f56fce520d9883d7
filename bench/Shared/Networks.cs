namespace StaticNet.Bench;

// The two MLPs every benchmark project measures (bench/StaticNet.Benchmarks, bench/Compare), declared once.

/// <summary>
/// W1: 784 → 128 ReLU → 10 Softmax, CrossEntropy, Adam lr 1e-3. The smaller of the two benchmarked MLPs
/// (101,770 parameters); the generator emits all of its training code at compile time.
/// </summary>
[Network(InputSize = 784)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
public partial class W1
{
}

/// <summary>
/// W2: 784 → 256 ReLU → 128 ReLU → 10 Softmax, CrossEntropy, Adam lr 1e-3. The architecture of the main job
/// (samples/FashionMnist) without its optimizer variants; its Predict is bench/Compare's W3 inference workload.
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
