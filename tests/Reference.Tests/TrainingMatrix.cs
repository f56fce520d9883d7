// The optimizer x regularizer matrix of TrainingTests.Matrix: every optimizer (rows) with no regularization and with
// each regularizer alone (L1, L2, decoupled WeightDecay, ClipGradientNorm, ClipGradientValue, PenalizeBiases with L2),
// plus "All" (L1 + L2 + WeightDecay + both clippings + PenalizeBiases) for six of them, on the same 20-16-8-3 MLP
// (ReLU, Tanh, Softmax + CrossEntropy). One declaration per line, one network per (optimizer, regularizer) pair;
// Sgd, Momentum and Adam without regularization and with L1 or L2 are the networks and Facts that TrainingTests already
// had (TrainSgd ... TrainAdamL2 in Networks.cs), so they are not repeated here.
// Hyper-parameters: the optimizer's own per row, the regularizer's the same in every row; AdaGrad keeps PyTorch's
// defaults (lr 0.01, eps 1e-10), AMSGrad rows use beta2 = 0.9 so that the second-moment estimate falls at times and
// AMSGrad's running maximum differs from Adam within 20 steps; AdamW rows without [WeightDecay] decay with the default
// 0.01. The strengths are large enough that torch without each of them ends measurably elsewhere (checked per test).
// The gradient norms here are 0.6 to 1.5 (0.2 to 0.4 after value clipping), so norm clipping at 1 (0.3 in "All")
// scales some steps and leaves others alone; value clipping at 0.02 changes about half of the gradient elements.
namespace StaticNet.Reference.Tests;

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f), WeightDecay(0.3f)] public partial class TrainSgdWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f), ClipGradientNorm(1f)] public partial class TrainSgdClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f), ClipGradientValue(0.02f)] public partial class TrainSgdClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f), L2(0.05f)] public partial class TrainSgdPenalizeBiasesL2 { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Sgd, LearningRate = 0.1f), L1(0.002f), L2(0.05f), WeightDecay(0.3f), ClipGradientValue(0.02f), ClipGradientNorm(0.3f)] public partial class TrainSgdAll { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f), WeightDecay(0.3f)] public partial class TrainMomentumWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f), ClipGradientNorm(1f)] public partial class TrainMomentumClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f), ClipGradientValue(0.02f)] public partial class TrainMomentumClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Momentum, LearningRate = 0.03f, Momentum = 0.8f), L2(0.05f)] public partial class TrainMomentumPenalizeBiasesL2 { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f)] public partial class TrainNesterov { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), L1(0.002f)] public partial class TrainNesterovL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), L2(0.05f)] public partial class TrainNesterovL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), WeightDecay(0.3f)] public partial class TrainNesterovWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), ClipGradientNorm(1f)] public partial class TrainNesterovClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), ClipGradientValue(0.02f)] public partial class TrainNesterovClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), L2(0.05f)] public partial class TrainNesterovPenalizeBiasesL2 { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Nesterov, LearningRate = 0.03f, Momentum = 0.8f), L1(0.002f), L2(0.05f), WeightDecay(0.3f), ClipGradientValue(0.02f), ClipGradientNorm(0.3f)] public partial class TrainNesterovAll { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad)] public partial class TrainAdaGrad { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), L1(0.002f)] public partial class TrainAdaGradL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), L2(0.05f)] public partial class TrainAdaGradL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), WeightDecay(0.3f)] public partial class TrainAdaGradWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), ClipGradientNorm(1f)] public partial class TrainAdaGradClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), ClipGradientValue(0.02f)] public partial class TrainAdaGradClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), L2(0.05f)] public partial class TrainAdaGradPenalizeBiasesL2 { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdaGrad), L1(0.002f), L2(0.05f), WeightDecay(0.3f), ClipGradientValue(0.02f), ClipGradientNorm(0.3f)] public partial class TrainAdaGradAll { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f)] public partial class TrainRmsProp { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f), L1(0.002f)] public partial class TrainRmsPropL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f), L2(0.05f)] public partial class TrainRmsPropL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f), WeightDecay(0.3f)] public partial class TrainRmsPropWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f), ClipGradientNorm(1f)] public partial class TrainRmsPropClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f), ClipGradientValue(0.02f)] public partial class TrainRmsPropClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f), L2(0.05f)] public partial class TrainRmsPropPenalizeBiasesL2 { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f)] public partial class TrainRmsPropMomentum { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f), L1(0.002f)] public partial class TrainRmsPropMomentumL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f), L2(0.05f)] public partial class TrainRmsPropMomentumL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f), WeightDecay(0.3f)] public partial class TrainRmsPropMomentumWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f), ClipGradientNorm(1f)] public partial class TrainRmsPropMomentumClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f), ClipGradientValue(0.02f)] public partial class TrainRmsPropMomentumClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.001f, Momentum = 0.8f, Alpha = 0.95f, Epsilon = 1e-6f), L2(0.05f)] public partial class TrainRmsPropMomentumPenalizeBiasesL2 { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true)] public partial class TrainRmsPropCentered { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), L1(0.002f)] public partial class TrainRmsPropCenteredL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), L2(0.05f)] public partial class TrainRmsPropCenteredL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), WeightDecay(0.3f)] public partial class TrainRmsPropCenteredWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), ClipGradientNorm(1f)] public partial class TrainRmsPropCenteredClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), ClipGradientValue(0.02f)] public partial class TrainRmsPropCenteredClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), L2(0.05f)] public partial class TrainRmsPropCenteredPenalizeBiasesL2 { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.RMSProp, LearningRate = 0.002f, Alpha = 0.9f, Centered = true), L1(0.002f), L2(0.05f), WeightDecay(0.3f), ClipGradientValue(0.02f), ClipGradientNorm(0.3f)] public partial class TrainRmsPropCenteredAll { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f), WeightDecay(0.3f)] public partial class TrainAdamWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f), ClipGradientNorm(1f)] public partial class TrainAdamClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f), ClipGradientValue(0.02f)] public partial class TrainAdamClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta1 = 0.85f, Beta2 = 0.99f, Epsilon = 1e-7f), L2(0.05f)] public partial class TrainAdamPenalizeBiasesL2 { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true)] public partial class TrainAdamAmsgrad { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), L1(0.002f)] public partial class TrainAdamAmsgradL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), L2(0.05f)] public partial class TrainAdamAmsgradL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), WeightDecay(0.3f)] public partial class TrainAdamAmsgradWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), ClipGradientNorm(1f)] public partial class TrainAdamAmsgradClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), ClipGradientValue(0.02f)] public partial class TrainAdamAmsgradClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), L2(0.05f)] public partial class TrainAdamAmsgradPenalizeBiasesL2 { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.Adam, LearningRate = 0.005f, Beta2 = 0.9f, Amsgrad = true), L1(0.002f), L2(0.05f), WeightDecay(0.3f), ClipGradientValue(0.02f), ClipGradientNorm(0.3f)] public partial class TrainAdamAmsgradAll { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f)] public partial class TrainAdamW { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f), L1(0.002f)] public partial class TrainAdamWL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f), L2(0.05f)] public partial class TrainAdamWL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f), WeightDecay(0.3f)] public partial class TrainAdamWWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f), ClipGradientNorm(1f)] public partial class TrainAdamWClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f), ClipGradientValue(0.02f)] public partial class TrainAdamWClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f), L2(0.05f)] public partial class TrainAdamWPenalizeBiasesL2 { }

[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true)] public partial class TrainAdamWAmsgrad { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), L1(0.002f)] public partial class TrainAdamWAmsgradL1 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), L2(0.05f)] public partial class TrainAdamWAmsgradL2 { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), WeightDecay(0.3f)] public partial class TrainAdamWAmsgradWeightDecay { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), ClipGradientNorm(1f)] public partial class TrainAdamWAmsgradClipNorm { }
[Network(InputSize = 20), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), ClipGradientValue(0.02f)] public partial class TrainAdamWAmsgradClipValue { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), L2(0.05f)] public partial class TrainAdamWAmsgradPenalizeBiasesL2 { }
[Network(InputSize = 20, PenalizeBiases = true), Dense(16, Activation.ReLU), Dense(8, Activation.Tanh), Dense(3, Activation.Softmax), Loss(LossFunction.CrossEntropy), Optimizer(OptimizerKind.AdamW, LearningRate = 0.01f, Beta2 = 0.9f, Amsgrad = true), L1(0.002f), L2(0.05f), WeightDecay(0.3f), ClipGradientValue(0.02f), ClipGradientNorm(0.3f)] public partial class TrainAdamWAmsgradAll { }

/// <summary>The matrix rows: optimizer, regularizer, and the oracle call for the network.</summary>
internal static class TrainingMatrix
{
    public static readonly (string Optimizer, string Regularizer, System.Func<string> Run)[] Rows =
    [
        ("Sgd", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainSgdWeightDecay>()),
        ("Sgd", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainSgdClipNorm>()),
        ("Sgd", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainSgdClipValue>()),
        ("Sgd", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainSgdPenalizeBiasesL2>()),
        ("Sgd", "All", () => Oracle.TorchOracle.TrainingFromLabels<TrainSgdAll>()),
        ("Momentum", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainMomentumWeightDecay>()),
        ("Momentum", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainMomentumClipNorm>()),
        ("Momentum", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainMomentumClipValue>()),
        ("Momentum", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainMomentumPenalizeBiasesL2>()),
        ("Nesterov", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterov>()),
        ("Nesterov", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovL1>()),
        ("Nesterov", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovL2>()),
        ("Nesterov", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovWeightDecay>()),
        ("Nesterov", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovClipNorm>()),
        ("Nesterov", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovClipValue>()),
        ("Nesterov", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovPenalizeBiasesL2>()),
        ("Nesterov", "All", () => Oracle.TorchOracle.TrainingFromLabels<TrainNesterovAll>()),
        ("AdaGrad", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGrad>()),
        ("AdaGrad", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradL1>()),
        ("AdaGrad", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradL2>()),
        ("AdaGrad", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradWeightDecay>()),
        ("AdaGrad", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradClipNorm>()),
        ("AdaGrad", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradClipValue>()),
        ("AdaGrad", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradPenalizeBiasesL2>()),
        ("AdaGrad", "All", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdaGradAll>()),
        ("RmsProp", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsProp>()),
        ("RmsProp", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropL1>()),
        ("RmsProp", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropL2>()),
        ("RmsProp", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropWeightDecay>()),
        ("RmsProp", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropClipNorm>()),
        ("RmsProp", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropClipValue>()),
        ("RmsProp", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropPenalizeBiasesL2>()),
        ("RmsPropMomentum", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentum>()),
        ("RmsPropMomentum", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentumL1>()),
        ("RmsPropMomentum", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentumL2>()),
        ("RmsPropMomentum", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentumWeightDecay>()),
        ("RmsPropMomentum", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentumClipNorm>()),
        ("RmsPropMomentum", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentumClipValue>()),
        ("RmsPropMomentum", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropMomentumPenalizeBiasesL2>()),
        ("RmsPropCentered", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCentered>()),
        ("RmsPropCentered", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredL1>()),
        ("RmsPropCentered", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredL2>()),
        ("RmsPropCentered", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredWeightDecay>()),
        ("RmsPropCentered", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredClipNorm>()),
        ("RmsPropCentered", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredClipValue>()),
        ("RmsPropCentered", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredPenalizeBiasesL2>()),
        ("RmsPropCentered", "All", () => Oracle.TorchOracle.TrainingFromLabels<TrainRmsPropCenteredAll>()),
        ("Adam", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWeightDecay>()),
        ("Adam", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamClipNorm>()),
        ("Adam", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamClipValue>()),
        ("Adam", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamPenalizeBiasesL2>()),
        ("AdamAmsgrad", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgrad>()),
        ("AdamAmsgrad", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradL1>()),
        ("AdamAmsgrad", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradL2>()),
        ("AdamAmsgrad", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradWeightDecay>()),
        ("AdamAmsgrad", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradClipNorm>()),
        ("AdamAmsgrad", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradClipValue>()),
        ("AdamAmsgrad", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradPenalizeBiasesL2>()),
        ("AdamAmsgrad", "All", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamAmsgradAll>()),
        ("AdamW", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamW>()),
        ("AdamW", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWL1>()),
        ("AdamW", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWL2>()),
        ("AdamW", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWWeightDecay>()),
        ("AdamW", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWClipNorm>()),
        ("AdamW", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWClipValue>()),
        ("AdamW", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWPenalizeBiasesL2>()),
        ("AdamWAmsgrad", "None", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgrad>()),
        ("AdamWAmsgrad", "L1", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradL1>()),
        ("AdamWAmsgrad", "L2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradL2>()),
        ("AdamWAmsgrad", "WeightDecay", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradWeightDecay>()),
        ("AdamWAmsgrad", "ClipNorm", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradClipNorm>()),
        ("AdamWAmsgrad", "ClipValue", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradClipValue>()),
        ("AdamWAmsgrad", "PenalizeBiasesL2", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradPenalizeBiasesL2>()),
        ("AdamWAmsgrad", "All", () => Oracle.TorchOracle.TrainingFromLabels<TrainAdamWAmsgradAll>()),
    ];
}
