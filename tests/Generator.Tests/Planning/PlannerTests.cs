using System;
using System.Linq;
using System.Threading;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;
using StaticNet.Generator.Planning;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Planning;

/// <summary>The planner on hand-built specs: offsets, totals, FLOPs, tiles and defaults, with no compilation.</summary>
public sealed class PlannerTests
{
    private static NetworkPlan Plan(NetworkSpec spec) => NetworkPlanner.Plan(spec, "1.2.3.4");

    [Fact]
    public void Mnist784x128x10_HasTheLayoutOfStyleGuideSection5()
    {
        NetworkPlan plan = Plan(Specs.Mnist128());

        Assert.Equal(784, plan.InputSize);
        Assert.Equal(10, plan.OutputSize);
        Assert.Equal(101_770, plan.ParameterCount);
        Assert.Equal(2, plan.Layers.Count);

        var hidden = (DensePlan)plan.Layers[0];
        Assert.Equal((0, 784, 128, ActivationKind.ReLU, InitKind.HeNormal, false), (hidden.Index, hidden.Inputs, hidden.Units, hidden.Activation, hidden.Init, hidden.KeepsLogits));
        Assert.Equal(new BufferSlice("Dense0Weights", 0, 100_352), hidden.Weights);
        Assert.Equal(new BufferSlice("Dense0Bias", 100_352, 128), hidden.Bias);

        var output = (DensePlan)plan.Layers[1];
        Assert.Equal((1, 128, 10, ActivationKind.Softmax, InitKind.GlorotUniform, true), (output.Index, output.Inputs, output.Units, output.Activation, output.Init, output.KeepsLogits));
        Assert.Equal(new BufferSlice("Dense1Weights", 100_480, 1_280), output.Weights);
        Assert.Equal(new BufferSlice("Dense1Bias", 101_760, 10), output.Bias);
        Assert.Same(output, plan.OutputLayer);
    }

    [Fact]
    public void Mnist784x128x10_Flops()
    {
        NetworkPlan plan = Plan(Specs.Mnist128());

        // Forward: 2·(784·128 + 128·10) multiply-adds per sample.
        Assert.Equal(203_264, plan.ForwardFlopsPerSample);
        Assert.Equal(2L * 784 * 128, plan.Layers[0].ForwardFlops);
        Assert.Equal(2L * 128 * 10, plan.Layers[1].ForwardFlops);

        // Training: forward + weight gradients for every layer, + input gradients for all but the first.
        Assert.Equal(409_088, plan.TrainingFlopsPerSample);
        Assert.Equal((2 * 100_352 * 2) + (2 * 1_280 * 3), plan.TrainingFlopsPerSample);

        Assert.Equal(138, plan.ActivationFloatsPerSample);
    }

    [Fact]
    public void Mnist784x128x10_LossOptimizerAndNames()
    {
        NetworkPlan plan = Plan(Specs.Mnist128() with { Namespace = "Samples" });

        Assert.Equal(LossKind.CrossEntropy, plan.Loss);
        Assert.True(plan.FusedOutput);
        Assert.True(plan.IsClassifier);
        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.Adam, 1e-3f, 0.9f, 0.9f, 0.999f, 1e-8f, 0.99f, false, false), plan.Optimizer);
        Assert.Null(plan.L1);
        Assert.Null(plan.L2);
        Assert.False(plan.HasRegularization);
        Assert.Equal("Samples.FashionMlp", plan.FullName);
        Assert.Equal("Samples.FashionMlp.Network.af2cc7ad.g.cs", plan.HintName);
        Assert.Equal("1.2.3.4", plan.GeneratorVersion);
        Assert.Equal(0x7FFFFFC7 / 784, plan.MaxBatchSize);
        Assert.Equal("Samples_FashionMlp_Network", plan.ImplementationName);
        Assert.Equal("A__B_Net_Network", NetworkPlanner.ImplementationName("A_B.Net"));
        Assert.Equal("A_B__Net_Network", NetworkPlanner.ImplementationName("A.B_Net"));
        Assert.Equal("Dense_Network", NetworkPlanner.ImplementationName("Dense")); // never the runtime's Dense
    }

    [Fact]
    public void Summary_IsAKerasStyleTable()
    {
        NetworkPlan plan = Plan(Specs.Mnist128());

        Assert.Equal(
            """
            Model: "FashionMlp"
            ===============================================
            Layer (type)              Output Shape  Param #
            ===============================================
            input (Input)             (batch, 784)        0
            -----------------------------------------------
            dense_0 (Dense, ReLU)     (batch, 128)  100,480
            -----------------------------------------------
            dense_1 (Dense, Softmax)  (batch, 10)     1,290
            -----------------------------------------------
            Total params: 101,770 (397.5 KiB)

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            plan.Summary);
    }

    [Theory]
    [InlineData(new[] { 2, 4, 1 })]
    [InlineData(new[] { 784, 256, 128, 10 })]
    [InlineData(new[] { 3, 8, 8, 2 })]
    [InlineData(new[] { 1, 1 })]
    [InlineData(new[] { 17, 5, 33, 48, 7 })]
    public void Slices_AreInSourceOrder_EachOnA64ByteLine_AndSumToParameterCount(int[] sizes)
    {
        NetworkSpec spec = Specs.Create(sizes[0], sizes.Skip(1).Select(units => (units, ActivationKind.Tanh)));
        NetworkPlan plan = Plan(spec);

        int offset = 0, count = 0;
        long forward = 0;
        for (int i = 0; i < plan.Layers.Count; i++)
        {
            var layer = (DensePlan)plan.Layers[i];
            Assert.Equal(sizes[i], layer.Inputs);
            Assert.Equal(sizes[i + 1], layer.Units);
            // Each tensor at the first multiple of 16 floats (64 bytes) past the previous one.
            Assert.Equal(Line(offset), layer.Weights.Offset);
            Assert.Equal(sizes[i] * sizes[i + 1], layer.Weights.Length);
            Assert.Equal(Line(layer.Weights.End), layer.Bias.Offset);
            Assert.Equal(sizes[i + 1], layer.Bias.Length);
            Assert.Equal($"Dense{i}Weights", layer.Weights.Name);
            Assert.Equal($"Dense{i}Bias", layer.Bias.Name);
            Assert.Equal(i == plan.Layers.Count - 1, ReferenceEquals(layer, plan.OutputLayer));
            offset = layer.Bias.End;
            count += layer.Weights.Length + layer.Bias.Length;
            forward += 2L * sizes[i] * sizes[i + 1];
        }

        Assert.Equal(count, plan.ParameterCount);
        Assert.Equal(Line(offset), plan.ParameterBufferLength);

        // The optimizer's sweeps cover the buffer end to end, each on whole lines.
        Assert.Equal(0, plan.UpdateRanges[0].Offset);
        Assert.Equal(plan.ParameterBufferLength, plan.UpdateRanges.Sum(r => r.Length));
        NonEmpty.All(plan.UpdateRanges, r => Assert.Equal(0, r.Offset % 16), "the update ranges");
        static int Line(int offset) => (offset + 15) / 16 * 16;
        Assert.Equal(forward, plan.ForwardFlopsPerSample);
        Assert.Equal(0x7FFFFFC7 / sizes.Max(), plan.MaxBatchSize);
        Assert.Equal(sizes.Skip(1).Sum(), plan.ActivationFloatsPerSample);
        Assert.Equal(sizes[^1], plan.OutputSize);
    }

    [Theory]
    [InlineData("ReLU", "HeNormal")]
    [InlineData("Identity", "GlorotUniform")]
    [InlineData("Sigmoid", "GlorotUniform")]
    [InlineData("Tanh", "GlorotUniform")]
    [InlineData("Softmax", "GlorotUniform")]
    public void Initialisation_FollowsTheActivation(string activation, string init)
    {
        // Names, not the generator's internal enums, in the signature: xunit theories must be public.
        NetworkPlan plan = Plan(Specs.Create(4, new[] { (3, Enum.Parse<ActivationKind>(activation)) }));
        Assert.Equal(Enum.Parse<InitKind>(init), ((DensePlan)plan.Layers[0]).Init);
    }

    [Theory]
    [InlineData("CrossEntropy", "Softmax", 3, true, true)]
    [InlineData("BinaryCrossEntropy", "Sigmoid", 1, true, true)]
    [InlineData("BinaryCrossEntropy", "Sigmoid", 3, true, false)]
    [InlineData("MeanSquaredError", "Identity", 2, false, false)]
    [InlineData("MeanSquaredError", "Softmax", 2, false, false)]
    [InlineData("MeanSquaredError", "Sigmoid", 1, false, false)]
    public void FusionAndClassifier_FollowTheLossAndOutput(string loss, string output, int units, bool fused, bool classifier)
    {
        NetworkPlan plan = Plan(Specs.Create(4, new[] { (units, Enum.Parse<ActivationKind>(output)) }, Enum.Parse<LossKind>(loss)));

        Assert.Equal(fused, plan.FusedOutput);
        Assert.Equal(classifier, plan.IsClassifier);
    }

    [Fact]
    public void OptimizerDefaults_DependOnTheKind()
    {
        NetworkSpec spec = Specs.Create(2, new[] { (1, ActivationKind.Identity) });

        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.Sgd, 0.001f, 0.9f, 0.9f, 0.999f, 1e-8f, 0.99f, false, false), Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.Sgd) }).Optimizer);
        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.Momentum, 0.001f, 0.9f, 0.9f, 0.999f, 1e-8f, 0.99f, false, false), Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.Momentum) }).Optimizer);
        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.Adam, 0.001f, 0.9f, 0.9f, 0.999f, 1e-8f, 0.99f, false, false), Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.Adam) }).Optimizer);
        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.AdaGrad, 0.01f, 0.9f, 0.9f, 0.999f, 1e-10f, 0.99f, false, false), Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.AdaGrad) }).Optimizer);
        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.RMSProp, 0.01f, 0f, 0.9f, 0.999f, 1e-8f, 0.99f, false, false), Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.RMSProp) }).Optimizer);
        Assert.Equal(0.01f, Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.AdamW) }).WeightDecay);
        Assert.Null(Plan(spec with { Optimizer = Specs.Optimizer(OptimizerKindSpec.Adam) }).WeightDecay);
    }

    [Fact]
    public void WrittenHyperParameters_OverrideTheDefaults()
    {
        NetworkSpec spec = Specs.Create(2, new[] { (1, ActivationKind.Identity) }, l1: 1e-5f, l2: 0f) with
        {
            Optimizer = Specs.Optimizer(OptimizerKindSpec.Adam, learningRate: 0.05f, momentum: 0.5f, beta1: 0.8f, beta2: 0.99f, epsilon: 1e-6f),
        };

        NetworkPlan plan = Plan(spec);

        Assert.Equal(new OptimizerPlan(OptimizerKindSpec.Adam, 0.05f, 0.5f, 0.8f, 0.99f, 1e-6f, 0.99f, false, false), plan.Optimizer);
        Assert.Equal(1e-5f, plan.L1);
        Assert.Equal(0f, plan.L2); // written as 0: kept (a zero penalty is still a declared, run-time-changeable penalty)
        Assert.True(plan.HasRegularization);
    }

    [Fact]
    public void ContainingTypes_ArePartOfTheNamesOuterFirst()
    {
        NetworkSpec spec = Specs.Create(2, new[] { (1, ActivationKind.Identity) }) with
        {
            Namespace = "A.B",
            ContainingTypes = new[] { new ContainingTypeSpec("class", "Outer"), new ContainingTypeSpec("record", "Inner") }.ToEquatableArray(),
        };

        NetworkPlan plan = Plan(spec);

        Assert.Equal("A.B.Outer.Inner.Net", plan.FullName);
        Assert.Equal("A.B.Outer.Inner.Net.Network.c1771b02.g.cs", plan.HintName);
        Assert.Equal(spec.ContainingTypes, plan.ContainingTypes);
    }

    [Fact]
    public void SamePlanForTheSameSpec_ValueEqual()
    {
        // The incremental pipeline caches on value equality: two plans of equal specs must be equal, hash included.
        NetworkPlan first = Plan(Specs.Mnist128());
        NetworkPlan second = Plan(Specs.Mnist128());

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Plan(Specs.Create(784, new[] { (129, ActivationKind.ReLU), (10, ActivationKind.Softmax) }, LossKind.CrossEntropy, className: "FashionMlp")));
    }

    [Fact]
    public void Cancellation_IsObserved()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkPlanner.Plan(Specs.Mnist128(), "1.0.0.0", new CancellationToken(canceled: true)));
    }

    [Fact]
    public void EmittedHeader_PrintsThePlannedNumbers()
    {
        // The emitter decides nothing: the header's offsets, totals and FLOPs are the plan's.
        string source = StaticNet.Generator.Emission.NetworkEmitter.Emit(Plan(Specs.Mnist128()));

        Assert.StartsWith("// <auto-generated/>\n// Network FashionMlp - generated by StaticNet.Generator 1.2.3.4 from the attributes on FashionMlp.\n", source);
        Assert.Contains("params[0 .. 100352)", source);
        Assert.Contains("params[101760 .. 101770)", source);
        Assert.Contains("101,770 parameters (397.5 KiB); 138 activation floats per sample", source);
        Assert.Contains("203,264 per sample forward; 409,088 per sample for a training step", source);
        Assert.Contains("public const int ParameterCount = 101770;", source);
        Assert.Contains("public const int Dense1WeightsOffset = 100480;", source);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"StaticNet.Generator\", \"1.2.3.4\")]", source);
        Assert.Contains("\n#nullable enable\n", source);
    }
}
