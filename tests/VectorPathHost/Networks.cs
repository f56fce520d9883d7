namespace StaticNet.VectorPathHost;

/// <summary>
/// Awkward sizes for every width: 33 and 17 columns are 512-bit vectors plus a scalar column, 10 is one 256-bit vector
/// plus two scalars, 37 inputs put a scalar tail in the input gradients; smooth activations so that no gradient sits
/// on a kink. SGD, so that a difference in the last bit of a gradient moves a weight by the same tiny amount.
/// </summary>
[Network(InputSize = 37)]
[Dense(33, Activation.Tanh)]
[Dense(17, Activation.Sigmoid)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f)]
[L2(0.01f)]
public partial class Awkward
{
}

/// <summary>The main job's first layer widths, 784 → 128: the 4-by-4-vector tiles of 512-bit vectors.</summary>
[Network(InputSize = 784)]
[Dense(128, Activation.Tanh)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05f)]
public partial class Wide
{
}
