namespace StaticNet.Integration.Tests;

// Networks of the model-file tests: pairs that a file must not move between.

/// <summary>4-2-1, Tanh then Sigmoid: 13 parameters.</summary>
[Network(InputSize = 4)]
[Dense(2, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class File421 { }

/// <summary>2-3-1, also 13 parameters, in other shapes.</summary>
[Network(InputSize = 2)]
[Dense(3, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class File231 { }

/// <summary>4-2-1 like <see cref="File421"/> but ReLU in place of Tanh: the same tensors, another function.</summary>
[Network(InputSize = 4)]
[Dense(2, Activation.ReLU)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class File421ReLU { }

/// <summary>A deeper classifier with dropout (a module of its own in PyTorch's numbering) and an identity layer (none).</summary>
[Network(InputSize = 20)]
[Dense(16, Activation.ReLU)]
[Dropout(0.25f)]
[Dense(12)]
[Dense(8, Activation.LeakyReLU)]
[Dense(5, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class FileDeep { }

/// <summary>4-2-1 like <see cref="File421"/> with another optimizer: its parameters fit, its checkpoints do not.</summary>
[Network(InputSize = 4)]
[Dense(2, Activation.Tanh)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Momentum)]
public partial class File421Momentum { }

/// <summary>Three optimizer state buffers (RMSProp centered, with momentum).</summary>
[Network(InputSize = 6)]
[Dense(5, Activation.ELU)]
[Dense(3, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.RMSProp, Centered = true, Momentum = 0.5f)]
public partial class FileRmsProp { }

/// <summary>The network tests/SaveHost saves while it is killed (the same declaration, so the same file layout).</summary>
[Network(InputSize = 784)]
[Dense(256, Activation.ReLU)]
[Dense(10, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class CrashSaveNet { }

// ---- ONNX export: every activation, each network a chain of several (OnnxExportTests) ----

/// <summary>ReLU, Sigmoid, Tanh, LeakyReLU, and Softmax on the output.</summary>
[Network(InputSize = 6)]
[Dense(7, Activation.ReLU)]
[Dense(6, Activation.Sigmoid)]
[Dense(5, Activation.Tanh)]
[Dense(6, Activation.LeakyReLU, NegativeSlope = 0.2f)]
[Dense(4, Activation.Softmax)]
[Loss(LossFunction.CrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class OnnxFirst { }

/// <summary>ELU, GELU, GELU (tanh), SiLU, and a single Sigmoid output.</summary>
[Network(InputSize = 6)]
[Dense(7, Activation.ELU, Alpha = 0.7f)]
[Dense(6, Activation.GELU)]
[Dense(5, Activation.GELUTanh)]
[Dense(6, Activation.SiLU)]
[Dense(1, Activation.Sigmoid)]
[Loss(LossFunction.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam)]
public partial class OnnxSecond { }

/// <summary>Softplus, Softsign, HardSigmoid, HardSwish, dropout, and a linear output.</summary>
[Network(InputSize = 6)]
[Dense(7, Activation.Softplus)]
[Dense(6, Activation.Softsign)]
[Dropout(0.5f)]
[Dense(5, Activation.HardSigmoid)]
[Dense(6, Activation.HardSwish)]
[Dense(3)]
[Loss(LossFunction.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam)]
public partial class OnnxThird { }
