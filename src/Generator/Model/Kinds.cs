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
    LeakyReLU = 5,
    ELU = 6,
    GELU = 7,
    GELUTanh = 8,
    SiLU = 9,
    Softplus = 10,
    Softsign = 11,
    HardSigmoid = 12,
    HardSwish = 13,
}

internal enum LossKind
{
    MeanSquaredError = 0,
    CrossEntropy = 1,
    BinaryCrossEntropy = 2,
    MeanAbsoluteError = 3,
    Huber = 4,
}

internal enum OptimizerKindSpec
{
    Sgd = 0,
    Momentum = 1,
    Adam = 2,
    Nesterov = 3,
    AdaGrad = 4,
    RMSProp = 5,
    AdamW = 6,
}

/// <summary>Mirror of StaticNet.WeightInitialization.</summary>
internal enum InitKind
{
    Default = 0,
    HeNormal = 1,
    HeUniform = 2,
    GlorotNormal = 3,
    GlorotUniform = 4,
    LeCunNormal = 5,
    LeCunUniform = 6,
    Zeros = 7,
}

internal static class ActivationFacts
{
    /// <summary>Activations whose backward pass needs the pre-activation z (the original four work from a = f(z)).</summary>
    public static bool NeedsPreActivation(ActivationKind activation) => activation >= ActivationKind.LeakyReLU;

    /// <summary>Whether the loss works on the logits of this output activation (CrossEntropy with Softmax, BinaryCrossEntropy with Sigmoid).</summary>
    public static bool IsFusedWith(ActivationKind activation, LossKind loss) =>
        (loss == LossKind.CrossEntropy && activation == ActivationKind.Softmax) || (loss == LossKind.BinaryCrossEntropy && activation == ActivationKind.Sigmoid);

    /// <summary>The ReLU family, initialised with He normal by default.</summary>
    public static bool IsReLUFamily(ActivationKind activation) => activation is ActivationKind.ReLU or ActivationKind.LeakyReLU
        or ActivationKind.ELU or ActivationKind.GELU or ActivationKind.GELUTanh or ActivationKind.SiLU or ActivationKind.HardSwish;
}
