using StaticNet;

namespace FashionMnistSample;

/// <summary>
/// The main job's network: 784 pixels → 256 ReLU → 128 ReLU → 10 classes, Softmax with CrossEntropy, trained with Adam.
/// Everything else (forward, backward, Adam, the parameter layout) is generated at compile time.
/// </summary>
[Network(InputSize = 784)]
[Dense(256, Activation.ReLU)]
[Dense(128, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
public partial class FashionMlp
{
}
