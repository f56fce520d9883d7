namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>Declarations shared by several tests.</summary>
internal static class Sources
{
    /// <summary>The FashionMnist sample's network: 784-256-128-10, ReLU/Softmax, CrossEntropy, Adam.</summary>
    public const string FashionMlp = """
        using StaticNet;

        namespace FashionMnistSample;

        /// <summary>784 pixels, 256 ReLU, 128 ReLU, 10 classes.</summary>
        [Network(InputSize = 784)]
        [Dense(256, Activation.ReLU)]
        [Dense(128, Activation.ReLU)]
        [Dense(10, Activation.Softmax)]
        [Loss(LossFunction.CrossEntropy)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 1e-3f)]
        public partial class FashionMlp
        {
        }
        """;

    /// <summary>The XOR sample's network: 2-4-1, Tanh/Sigmoid, BinaryCrossEntropy, Adam, global namespace.</summary>
    public const string Xor = """
        using StaticNet;

        /// <summary>2-4-1 network learning XOR.</summary>
        [Network(InputSize = 2)]
        [Dense(4, Activation.Tanh)]
        [Dense(1, Activation.Sigmoid)]
        [Loss(LossFunction.BinaryCrossEntropy)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 0.05f)]
        public partial class XorNetwork
        {
        }
        """;

    /// <summary>A regression net nested in a containing class inside a namespace: MSE, Momentum, L1 and L2.</summary>
    public const string Regression = """
        using StaticNet;

        namespace Samples.Regression
        {
            /// <summary>Holds the model.</summary>
            public static partial class Models
            {
                /// <summary>3 features to 2 targets.</summary>
                [Network(InputSize = 3)]
                [Dense(8, Activation.Sigmoid)]
                [Dense(8, Activation.Tanh)]
                [Dense(2, Activation.Identity)]
                [Loss(LossFunction.MeanSquaredError)]
                [Optimizer(OptimizerKind.Momentum, LearningRate = 0.05f, Momentum = 0.8f)]
                [L1(1e-5f)]
                [L2(1e-4f)]
                internal partial class Regressor
                {
                }
            }
        }
        """;

    /// <summary>Plain SGD with defaults, one ReLU hidden layer, a Softmax output of 3 classes, L2 only.</summary>
    public const string SgdClassifier = """
        using StaticNet;

        namespace Samples;

        /// <summary>Iris-sized classifier.</summary>
        [Network(InputSize = 4)]
        [Dense(16, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        [Loss(LossFunction.CrossEntropy)]
        [Optimizer(OptimizerKind.Sgd)]
        [L2(0.001f)]
        public sealed partial class IrisNet
        {
        }
        """;

    public const string Toolbox = """
        using StaticNet;

        namespace Samples;

        /// <summary>Most of the toolbox in one declaration: new activations, dropout, AdamW with AMSGrad, clipping, label smoothing.</summary>
        [Network(InputSize = 12, PenalizeBiases = true)]
        [Dense(32, Activation.GELU, WeightInit = WeightInitialization.HeUniform)]
        [Dropout(0.25f)]
        [Dense(16, Activation.LeakyReLU, NegativeSlope = 0.2f)]
        [Dense(5, Activation.Softmax)]
        [Loss(LossFunction.CrossEntropy, LabelSmoothing = 0.1f)]
        [Optimizer(OptimizerKind.AdamW, Amsgrad = true)]
        [L1(1e-5f)]
        [ClipGradientNorm(1f)]
        [ClipGradientValue(0.5f)]
        public sealed partial class ToolboxNet
        {
        }
        """;

    public const string RmsPropRegression = """
        using StaticNet;

        namespace Samples;

        /// <summary>Regression with Huber loss, centered RMSProp, decoupled weight decay and an ELU/Softplus stack.</summary>
        [Network(InputSize = 6)]
        [Dense(20, Activation.ELU, Alpha = 0.5f)]
        [Dense(10, Activation.HardSwish)]
        [Dense(2, Activation.Softplus)]
        [Loss(LossFunction.Huber, Delta = 0.5f)]
        [Optimizer(OptimizerKind.RMSProp, Momentum = 0.5f, Centered = true)]
        [WeightDecay(0.01f)]
        public sealed partial class RobustRegressor
        {
        }
        """;
}
