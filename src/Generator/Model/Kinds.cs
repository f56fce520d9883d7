namespace StaticNet.Generator.Model;

// Mirrors of the runtime enums (StaticNet.Activation, LossFunction, OptimizerKind): the generator targets
// netstandard2.0 and cannot reference the runtime. The numeric values must stay equal to the runtime's.

internal enum ActivationKind
{
    Identity = 0,
    ReLU = 1,
    Sigmoid = 2,
    Tanh = 3,
    Softmax = 4,
}

internal enum LossKind
{
    MeanSquaredError = 0,
    CrossEntropy = 1,
    BinaryCrossEntropy = 2,
}

internal enum OptimizerKindSpec
{
    Sgd = 0,
    Momentum = 1,
    Adam = 2,
}

internal enum InitKind
{
    HeNormal,
    GlorotUniform,
}
