using Xunit;

namespace StaticNet.Reference.Tests;

/// <summary>
/// The oracle builds torch from the generated hyper-parameter properties, so a wrong default would reach torch too and
/// go unnoticed there. These pin the defaults of networks declared without hyper-parameters to PyTorch's documented
/// defaults (torch.optim.SGD lr 1e-3; Adagrad lr 1e-2, eps 1e-10; RMSprop lr 1e-2, alpha 0.99, eps 1e-8, momentum 0;
/// Adam and AdamW lr 1e-3, betas (0.9, 0.999), eps 1e-8; AdamW weight_decay 1e-2; HuberLoss delta 1), as float32, and
/// Momentum's and Nesterov's μ to StaticNet's documented 0.9 (PyTorch's SGD has momentum 0 by default).
/// LeakyReLU's 0.01 and ELU's 1 are compile-time constants; the oracle assumes them (NetworkSpec) and the networks that
/// leave them unset (GradOutLeakyReLUMse, GradOutELUHuber) check them against torch.
/// </summary>
public sealed class DefaultsTests
{
    [Fact]
    public void Sgd() => Assert.Equal(1e-3f, new DefaultsSgd().LearningRate);

    [Fact]
    public void Momentum()
    {
        var n = new DefaultsMomentum();
        Assert.Equal((1e-3f, 0.9f), (n.LearningRate, n.Momentum));
    }

    [Fact]
    public void Nesterov()
    {
        var n = new DefaultsNesterov();
        Assert.Equal((1e-3f, 0.9f), (n.LearningRate, n.Momentum));
    }

    [Fact]
    public void AdaGrad()
    {
        var n = new TrainAdaGrad();
        Assert.Equal((1e-2f, 1e-10f), (n.LearningRate, n.Epsilon));
    }

    [Fact]
    public void RmsProp()
    {
        var n = new DefaultsRmsProp();
        Assert.Equal((1e-2f, 0.99f, 1e-8f, 0f), (n.LearningRate, n.Alpha, n.Epsilon, n.Momentum));
    }

    [Fact]
    public void Adam()
    {
        var n = new TrainAdam();
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f), (n.LearningRate, n.Beta1, n.Beta2, n.Epsilon));
    }

    [Fact]
    public void AdamW()
    {
        var n = new DefaultsAdamW();
        Assert.Equal((1e-3f, 0.9f, 0.999f, 1e-8f, 1e-2f), (n.LearningRate, n.Beta1, n.Beta2, n.Epsilon, n.WeightDecay));
    }

    [Fact]
    public void HuberDelta() => Assert.Equal(1f, new GradHuberSigmoid().HuberDelta);
}
