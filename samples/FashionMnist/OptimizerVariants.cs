using StaticNet;

namespace FashionMnistSample;

// The same architecture as FashionMlp with each optimizer at its default hyper-parameters (PyTorch's), for
// `--optimizer NAME`. The optimizer is part of the architecture, fixed at compile time, hence one class each.

/// <summary>784-256-128-10 with SGD (lr 0.001).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd)]
public partial class FashionMlpSgd { }

/// <summary>784-256-128-10 with SGD + momentum (lr 0.001, momentum 0.9).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Momentum)]
public partial class FashionMlpMomentum { }

/// <summary>784-256-128-10 with Nesterov momentum (lr 0.001, momentum 0.9).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov)]
public partial class FashionMlpNesterov { }

/// <summary>784-256-128-10 with AdaGrad (lr 0.01).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad)]
public partial class FashionMlpAdaGrad { }

/// <summary>784-256-128-10 with RMSProp (lr 0.01, alpha 0.99).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp)]
public partial class FashionMlpRMSProp { }

/// <summary>784-256-128-10 with AdamW (lr 0.001, weight decay 0.01).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW)]
public partial class FashionMlpAdamW { }

/// <summary>784-256-128-10 with Adam, AMSGrad variant (lr 0.001).</summary>
[Network(InputSize = 784), Dense(256, Activation.ReLU), Dense(128, Activation.ReLU), Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, Amsgrad = true)]
public partial class FashionMlpAmsgrad { }
