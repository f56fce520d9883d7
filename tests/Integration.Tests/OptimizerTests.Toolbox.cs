using System;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// The optimizers and step options added with the toolbox, against the same double-precision reference and with the
/// same tolerance (1e-6 · max(1, |w_ref|)) as OptimizerTests.cs, three steps each:
/// <list type="bullet">
/// <item>Nesterov (PyTorch SGD(nesterov=True)): <c>v ← μ·v + g; w ← w - lr·(g + μ·v)</c></item>
/// <item>AdaGrad (PyTorch Adagrad): <c>s ← s + g²; w ← w - lr·g/(√s + ε)</c></item>
/// <item>RMSProp (PyTorch RMSprop): <c>s ← α·s + (1-α)·g²</c>; centered <c>m ← α·m + (1-α)·g</c>, <c>avg = √(s - m²) + ε</c>,
/// else <c>avg = √s + ε</c>; with momentum <c>b ← μ·b + g/avg; w ← w - lr·b</c>, else <c>w ← w - lr·g/avg</c></item>
/// <item>AdamW, and Adam with [WeightDecay]: <c>w ← w·(1 - lr·λ)</c>, then Adam</item>
/// <item>AMSGrad: <c>v̂ ← max(v̂, v)</c>, denominator <c>√v̂/√(1-β2^t) + ε</c></item>
/// <item>Clipping (PyTorch clip_grad_value_ then clip_grad_norm_, coefficient <c>max/(norm + 1e-6)</c> when below 1),
/// in place in Gradients, before L1/L2 are added</item>
/// <item>PenalizeBiases: L1, L2 and weight decay on the biases too</item>
/// </list>
/// </summary>
public sealed partial class OptimizerTests
{
    [Fact]
    public void Nesterov()
    {
        var network = new StepNesterov(1);
        Assert.Equal((0.001f, 0.9f), (network.LearningRate, network.Momentum)); // compile-time defaults (PyTorch's lr, μ 0.9)
        CheckSteps(network, Optimizer.Nesterov(network.LearningRate, network.Momentum), (n, r, step) =>
        {
            if (step == 2)
            {
                n.LearningRate = r.LearningRate = 0.05f;
            }

            if (step == 3)
            {
                n.Momentum = r.Momentum = 0.5f;
            }
        });
    }

    [Fact]
    public void AdaGrad()
    {
        var network = new StepAdaGrad(1);
        Assert.Equal((0.01f, 1e-10f), (network.LearningRate, network.Epsilon)); // compile-time defaults (PyTorch's)
        CheckSteps(network, Optimizer.AdaGrad(network.LearningRate, network.Epsilon), (n, r, step) =>
        {
            if (step == 3)
            {
                n.LearningRate = r.LearningRate = 0.1f;
                n.Epsilon = r.Epsilon = 0.5f; // large enough to matter against √s of about 1
            }
        });
    }

    [Fact]
    public void RMSProp()
    {
        var network = new StepRMSProp(1);
        Assert.Equal((0.01f, 0.99f, 1e-8f, 0f), (network.LearningRate, network.Alpha, network.Epsilon, network.Momentum)); // PyTorch's defaults
        CheckSteps(network, Optimizer.RMSProp(network.LearningRate, network.Alpha, network.Epsilon, network.Momentum, centered: false), (n, r, step) =>
        {
            if (step == 2)
            {
                n.Alpha = r.Alpha = 0.5f;
            }
        });
    }

    [Fact]
    public void RMSProp_WithMomentum()
    {
        var network = new StepRMSPropMomentum(1);
        Assert.Equal((0.005f, 0.9f, 0.9f), (network.LearningRate, network.Alpha, network.Momentum));
        CheckSteps(network, Optimizer.RMSProp(network.LearningRate, network.Alpha, network.Epsilon, network.Momentum, centered: false), (n, r, step) =>
        {
            if (step == 3)
            {
                // Momentum switched off at run time: PyTorch's plain branch (the buffer is kept, unused).
                n.Momentum = r.Momentum = 0f;
            }
        });
    }

    [Fact]
    public void RMSProp_Centered()
    {
        var network = new StepRMSPropCentered(1);
        Assert.Equal((0.01f, 0.8f, 1e-6f, 0f), (network.LearningRate, network.Alpha, network.Epsilon, network.Momentum));
        CheckSteps(network, Optimizer.RMSProp(network.LearningRate, network.Alpha, network.Epsilon, network.Momentum, centered: true), (_, _, _) => { });
    }

    [Fact]
    public void RMSProp_CenteredWithMomentum()
    {
        var network = new StepRMSPropCenteredMomentum(1);
        Assert.Equal((0.02f, 0.99f, 0.5f), (network.LearningRate, network.Alpha, network.Momentum));
        CheckSteps(network, Optimizer.RMSProp(network.LearningRate, network.Alpha, network.Epsilon, network.Momentum, centered: true), (n, r, step) =>
        {
            if (step == 2)
            {
                n.LearningRate = r.LearningRate = 0.01f;
                n.Momentum = r.Momentum = 0.8f;
            }
        });
    }

    [Fact]
    public void AdamW_DefaultWeightDecay()
    {
        var network = new StepAdamW(1);
        Assert.Equal((0.001f, 0.9f, 0.999f, 1e-8f, 0.01f), (network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.WeightDecay));
        CheckSteps(network, Optimizer.AdamFamily(OptimizerKind.AdamW, network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.WeightDecay), (n, r, step) =>
        {
            if (step == 2)
            {
                // The decay factor is 1 - lr·λ with the current learning rate.
                n.LearningRate = r.LearningRate = 0.1f;
            }

            if (step == 3)
            {
                n.WeightDecay = r.WeightDecay = 0.5f;
            }
        });
    }

    [Fact]
    public void AdamW_CustomWeightDecay()
    {
        var network = new StepAdamWDecay(1);
        Assert.Equal((0.05f, 0.8f, 0.3f), (network.LearningRate, network.Beta1, network.WeightDecay));
        CheckSteps(network, Optimizer.AdamFamily(OptimizerKind.AdamW, network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.WeightDecay), (n, r, step) =>
        {
            if (step == 3)
            {
                n.WeightDecay = r.WeightDecay = 0f;
            }
        });
    }

    [Fact]
    public void Adam_WithWeightDecay()
    {
        var network = new StepAdamWeightDecay(1);
        Assert.Equal((0.05f, 0.2f), (network.LearningRate, network.WeightDecay));
        CheckSteps(network, Optimizer.AdamFamily(OptimizerKind.Adam, network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.WeightDecay), (_, _, _) => { });
    }

    [Fact]
    public void Adam_Amsgrad()
    {
        var network = new StepAdamAmsgrad(1);
        Assert.Equal((0.01f, 0.5f), (network.LearningRate, network.Beta2));
        var reference = Optimizer.AdamFamily(OptimizerKind.Adam, network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, 0f, amsgrad: true);

        // Shrinking gradients make v fall below its running maximum, where AMSGrad differs from Adam.
        CheckSteps(network, reference, (_, _, _) => { }, step => step == 1 ? 1f : step == 2 ? 0.3f : 0.05f);
        Assert.True(reference.AmsgradHeld > 40, $"the maximum exceeded v for only {reference.AmsgradHeld} elements over the steps");
    }

    [Fact]
    public void AdamW_Amsgrad()
    {
        var network = new StepAdamWAmsgrad(1);
        Assert.Equal((0.02f, 0.6f, 0.01f), (network.LearningRate, network.Beta2, network.WeightDecay));
        var reference = Optimizer.AdamFamily(OptimizerKind.AdamW, network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.WeightDecay, amsgrad: true);
        CheckSteps(network, reference, (n, r, step) =>
        {
            if (step == 3)
            {
                n.WeightDecay = r.WeightDecay = 0.2f;
            }
        }, step => step == 1 ? 1f : step == 2 ? 0.3f : 0.05f);
        Assert.True(reference.AmsgradHeld > 40, $"the maximum exceeded v for only {reference.AmsgradHeld} elements over the steps");
    }

    [Fact]
    public void Sgd_WithWeightDecay_OnBiasesToo()
    {
        var network = new StepSgdWeightDecayBiases(1);
        Assert.Equal((0.1f, 0.5f), (network.LearningRate, network.WeightDecay));

        // Parameter 32 is a bias with a zero gradient at step 1: only the decay moves it (by a factor 0.95).
        CheckSteps(network, Optimizer.AdamFamily(OptimizerKind.Sgd, network.LearningRate, 0, 0, 0, network.WeightDecay).WithBiasesPenalized(), (_, _, _) => { });
    }

    [Fact]
    public void ClipByValue_BeforeL2()
    {
        var network = new StepClipValue(1);
        Assert.Equal((0.1f, 0.5f, 0.3f), (network.LearningRate, network.GradientClipValue, network.L2Strength));
        var reference = Optimizer.Sgd(network.LearningRate, l2: network.L2Strength);
        reference.ClipValue = network.GradientClipValue;
        CheckSteps(network, reference, (n, r, step) =>
        {
            if (step == 3)
            {
                n.GradientClipValue = 1.5f;
                r.ClipValue = 1.5f;
            }
        });

        // Gradients are in ±[0.01, 2): about three quarters exceed 0.5 and an eighth exceed 1.5.
        Assert.InRange(reference.ValueClipped, 60, 159 - 20);
    }

    [Fact]
    public void ClipByNorm_Triggered_BeforeL1()
    {
        var network = new StepClipNorm(1);
        Assert.Equal((0.1f, 2f, 0.05f), (network.LearningRate, network.MaxGradientNorm, network.L1Strength));
        var reference = Optimizer.Sgd(network.LearningRate, l1: network.L1Strength);
        reference.MaxNorm = network.MaxGradientNorm;
        CheckSteps(network, reference, (_, _, _) => { });
        Assert.Equal(3, reference.NormClipped);
        output.WriteLine($"largest gradient norm {reference.LargestNorm:G4}");
    }

    [Fact]
    public void ClipByNorm_NotTriggered_LeavesGradientsExactly()
    {
        var network = new StepClipNormLoose(1);
        Assert.Equal(100f, network.MaxGradientNorm);
        var reference = Optimizer.WithMomentum(network.LearningRate, network.Momentum);
        reference.MaxNorm = network.MaxGradientNorm;
        CheckSteps(network, reference, (_, _, _) => { });
        Assert.Equal(0, reference.NormClipped);
        Assert.InRange(reference.LargestNorm, 5, 50);
    }

    [Fact]
    public void ClipByValueThenByNorm()
    {
        var network = new StepClipBoth(1);
        Assert.Equal((0.8f, 1.5f), (network.GradientClipValue, network.MaxGradientNorm));
        var reference = Optimizer.Adam(network.LearningRate, network.Beta1, network.Beta2, network.Epsilon);
        reference.ClipValue = network.GradientClipValue;
        reference.MaxNorm = network.MaxGradientNorm;
        CheckSteps(network, reference, (_, _, _) => { });
        Assert.True(reference.ValueClipped > 20, $"only {reference.ValueClipped} gradients clipped by value");
        Assert.Equal(3, reference.NormClipped);
    }

    [Fact]
    public void Sgd_WithL1AndL2_OnBiasesToo()
    {
        var network = new StepL1L2Biases(1);
        Assert.Equal((0.1f, 0.02f, 0.3f), (network.LearningRate, network.L1Strength, network.L2Strength));

        // Parameter 51 is a bias at exactly 0: L1's sign(0) = 0 there.
        CheckSteps(network, Optimizer.Sgd(network.LearningRate, network.L1Strength, network.L2Strength).WithBiasesPenalized(), (_, _, _) => { });
    }

    [Fact]
    public void Adam_WithL1L2WeightDecayAndClipping_OnBiasesToo()
    {
        var network = new StepAdamEverything(1);
        Assert.Equal((0.03f, 0.01f, 0.1f, 0.4f, 1f), (network.LearningRate, network.L1Strength, network.L2Strength, network.WeightDecay, network.GradientClipValue));
        var reference = Optimizer.AdamFamily(OptimizerKind.Adam, network.LearningRate, network.Beta1, network.Beta2, network.Epsilon, network.WeightDecay).WithBiasesPenalized();
        reference.L1 = network.L1Strength;
        reference.L2 = network.L2Strength;
        reference.ClipValue = network.GradientClipValue;
        CheckSteps(network, reference, (n, r, step) =>
        {
            if (step == 2)
            {
                n.LearningRate = r.LearningRate = 0.01f;
            }
        });
        Assert.True(reference.ValueClipped > 0);
    }

    [Fact]
    public void ToolboxHyperParameters_InvalidValues_ThrowNamingThem_AndLeaveTheValue()
    {
        float[] notFinite = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        float[] notPositive = [0f, -1e-8f, -1f, .. notFinite];
        float[] notInUnitInterval = [1f, 1.5f, -0.1f, .. notFinite];
        float[] negative = [-1e-6f, -1f, .. notFinite];

        var rmsProp = new StepRMSPropCenteredMomentum(1);
        AssertRejects(notInUnitInterval, "Alpha", () => rmsProp.Alpha, v => rmsProp.Alpha = v);
        AssertRejects(notInUnitInterval, "Momentum", () => rmsProp.Momentum, v => rmsProp.Momentum = v);
        AssertRejects(notPositive, "Epsilon", () => rmsProp.Epsilon, v => rmsProp.Epsilon = v);

        // Nesterov needs a momentum at run time too, as the declaration does (SN0010) and PyTorch requires.
        var nesterov = new StepNesterov(1);
        AssertRejects([0f, .. notInUnitInterval], "Momentum", () => nesterov.Momentum, v => nesterov.Momentum = v);

        var adaGrad = new StepAdaGrad(1);
        AssertRejects(notPositive, "Epsilon", () => adaGrad.Epsilon, v => adaGrad.Epsilon = v);
        AssertRejects(notPositive, "LearningRate", () => adaGrad.LearningRate, v => adaGrad.LearningRate = v);

        var everything = new StepAdamEverything(1);
        AssertRejects(negative, "WeightDecay", () => everything.WeightDecay, v => everything.WeightDecay = v);
        AssertRejects(notPositive, "GradientClipValue", () => everything.GradientClipValue, v => everything.GradientClipValue = v);

        var clipNorm = new StepClipNorm(1);
        AssertRejects(notPositive, "MaxGradientNorm", () => clipNorm.MaxGradientNorm, v => clipNorm.MaxGradientNorm = v);

        var smoothing = new CheckLabelSmoothing(1);
        AssertRejects(notInUnitInterval, "LabelSmoothing", () => smoothing.LabelSmoothing, v => smoothing.LabelSmoothing = v);

        var huber = new CheckHuber(1);
        AssertRejects(notPositive, "HuberDelta", () => huber.HuberDelta, v => huber.HuberDelta = v);

        var dropout = new CheckDropout(1);
        AssertRejects(notInUnitInterval, "Dense0DropoutRate", () => dropout.Dense0DropoutRate, v => dropout.Dense0DropoutRate = v);
        AssertRejects(notInUnitInterval, "Dense1DropoutRate", () => dropout.Dense1DropoutRate, v => dropout.Dense1DropoutRate = v);

        // The edges of the ranges are accepted.
        everything.WeightDecay = 0f;
        smoothing.LabelSmoothing = 0f;
        dropout.Dense0DropoutRate = 0f;
        rmsProp.Alpha = 0f;
        Assert.Equal((0f, 0f, 0f, 0f), (everything.WeightDecay, smoothing.LabelSmoothing, dropout.Dense0DropoutRate, rmsProp.Alpha));
    }
}
