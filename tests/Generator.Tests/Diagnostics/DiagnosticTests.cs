using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;
using static StaticNet.Generator.Tests.Infrastructure.ExpectedDiagnostic;

namespace StaticNet.Generator.Tests.Diagnostics;

/// <summary>
/// One small source per rule, with the exact span (<c>{|#N:...|}</c>) and message of every diagnostic. Each test
/// asserts the whole list: a missing or an extra diagnostic fails it. Every descriptor must be asserted by some test
/// (<see cref="DescriptorTests.EveryDescriptorIsAssertedByATest"/> reads these sources to check it).
/// </summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void ValidDeclarationReportsNothing()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(Sources.Xor);
        Assert.Single(run.Sources);
    }

    // ---- SN0001 NotPartial ----

    [Fact]
    public void SN0001_ClassNotPartial_IsReportedOnTheNetworkAttribute()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network(InputSize = 2)|}]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.NotPartial, 0, "Net", "Net"));
    }

    [Fact]
    public void SN0001_ContainingTypeNotPartial_NamesTheContainingType()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            namespace App;

            class Outer
            {
                [{|#0:Network(InputSize = 2)|}]
                [Dense(1, Activation.Sigmoid)]
                [Loss(LossFunction.BinaryCrossEntropy)]
                [Optimizer(OptimizerKind.Adam)]
                partial class Net
                {
                }
            }
            """,
            Of(DiagnosticDescriptors.NotPartial, 0, "Outer", "App.Outer.Net"));

        Assert.Equal(
            "Type 'Outer' must be declared 'partial' so that StaticNet can add the generated members of network 'App.Outer.Net'",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0001_NeitherPartial_ReportsEachType()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            class Outer
            {
                [{|#0:Network(InputSize = 2)|}]
                [Dense(1, Activation.Sigmoid)]
                [Loss(LossFunction.BinaryCrossEntropy)]
                [Optimizer(OptimizerKind.Adam)]
                class Net
                {
                }
            }
            """,
            Of(DiagnosticDescriptors.NotPartial, 0, "Net", "Outer.Net"),
            Of(DiagnosticDescriptors.NotPartial, 0, "Outer", "Outer.Net"));
    }

    // ---- SN0002 NoLayers ----

    [Fact]
    public void SN0002_NoDenseLayer_IsReportedOnTheNetworkAttribute()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network(InputSize = 4)|}]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.NoLayers, 0, "Net"));

        Assert.Equal(
            "Network 'Net' declares no layer; add at least one [Dense(units, activation)] attribute",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- SN0003 InvalidUnits ----

    [Fact]
    public void SN0003_ZeroUnits_IsReportedOnTheUnitsArgument()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 4)]
            [Dense({|#0:0|}, Activation.ReLU)]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidUnits, 0, 0, "Net", 0));

        Assert.Equal(
            "Layer 0 of network 'Net' has 0 units; a Dense layer needs at least 1",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0003_NegativeUnits_ByNameAndPosition_AreEachReported()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 4)]
            [Dense(8, Activation.ReLU)]
            [Dense(activation: Activation.Tanh, units: {|#0:-3|})]
            [Dense({|#1:-1|}, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidUnits, 0, 1, "Net", -3),
            Of(DiagnosticDescriptors.InvalidUnits, 1, 2, "Net", -1));
    }

    // ---- SN0004 SoftmaxOnHiddenLayer ----

    [Fact]
    public void SN0004_SoftmaxOnHiddenLayer_IsReportedOnTheActivationArgument()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            namespace App;

            [Network(InputSize = 4)]
            [Dense(16, {|#0:Activation.Softmax|})]
            [Dense(3, Activation.Softmax)]
            [Loss(LossFunction.CrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.SoftmaxOnHiddenLayer, 0, 0, "App.Net"));

        Assert.Equal(
            "Layer 0 of network 'App.Net' uses Softmax but is not the last layer; use Identity, ReLU, Sigmoid, Tanh, LeakyReLU, ELU, GELU, GELUTanh, SiLU,"
            + " Softplus, Softsign, HardSigmoid or HardSwish on hidden layers",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- SN0005 MissingInputSize ----

    [Fact]
    public void SN0005_MissingInputSize_IsReportedOnTheNetworkAttribute()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network|}]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.MissingInputSize, 0, "Net"));

        Assert.Equal(
            "Network 'Net' does not give its input size; write [Network(InputSize = N)] with N the number of features per sample",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0005_EmptyArgumentList_IsReportedOnTheNetworkAttribute()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network()|}]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.MissingInputSize, 0, "Net"));
    }

    // ---- SN0006 InvalidInputSize ----

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-784", -784)]
    public void SN0006_InputSizeNotPositive_IsReportedOnTheValue(string written, int value)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = {|#0:{{written}}|})]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidInputSize, 0, "Net", value));
    }

    // ---- SN0007 MissingLoss, SN0008 MissingOptimizer ----

    [Fact]
    public void SN0007_MissingLoss_IsReportedOnTheNetworkAttribute()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network(InputSize = 2)|}]
            [Dense(1, Activation.Sigmoid)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.MissingLoss, 0, "Net"));

        Assert.Equal(
            "Network 'Net' declares no loss; add [Loss(LossFunction.Name)] with Name one of MeanSquaredError, CrossEntropy, BinaryCrossEntropy, MeanAbsoluteError or Huber",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0008_MissingOptimizer_IsReportedOnTheNetworkAttribute()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network(InputSize = 2)|}]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.MissingOptimizer, 0, "Net"));
    }

    [Fact]
    public void EverythingMissing_ReportsEachRuleOnce()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [{|#0:Network|}]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.MissingInputSize, 0, "Net"),
            Of(DiagnosticDescriptors.NoLayers, 0, "Net"),
            Of(DiagnosticDescriptors.MissingLoss, 0, "Net"),
            Of(DiagnosticDescriptors.MissingOptimizer, 0, "Net"));
    }

    // ---- SN0009 LossActivationMismatch ----

    [Theory]
    [InlineData("CrossEntropy", "Sigmoid", "Softmax")]
    [InlineData("CrossEntropy", "Identity", "Softmax")]
    [InlineData("BinaryCrossEntropy", "Softmax", "Sigmoid")]
    [InlineData("BinaryCrossEntropy", "Tanh", "Sigmoid")]
    public void SN0009_LossDoesNotFitOutput_IsReportedOnTheLossArgument(string loss, string output, string required)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 4)]
            [Dense(8, Activation.ReLU)]
            [Dense(2, Activation.{{output}})]
            [Loss({|#0:LossFunction.{{loss}}|})]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.LossActivationMismatch, 0, loss, required, "Net", output));
    }

    [Theory]
    [InlineData("Identity")]
    [InlineData("Sigmoid")]
    [InlineData("Softmax")]
    public void MeanSquaredError_FitsAnyOutput(string output)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 4)]
            [Dense(2, Activation.{{output}})]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """);
    }

    // ---- SN0015 HyperParameterNotApplicable ----

    [Theory]
    [InlineData("Sgd", "Momentum = {|#0:0.9f|}", "Momentum", "it is read by Momentum, Nesterov and RMSProp only")]
    [InlineData("Sgd", "Beta1 = {|#0:0.5f|}", "Beta1", "it is read by Adam and AdamW only")]
    [InlineData("Momentum", "Epsilon = {|#0:1e-6f|}", "Epsilon", "it is read by AdaGrad, RMSProp, Adam and AdamW only")]
    [InlineData("Adam", "Momentum = {|#0:0.9f|}", "Momentum", "it is read by Momentum, Nesterov and RMSProp only")]
    [InlineData("Adam", "Centered = {|#0:true|}", "Centered", "it is read by RMSProp only")]
    [InlineData("RMSProp", "Amsgrad = {|#0:true|}", "Amsgrad", "it is read by Adam and AdamW only")]
    public void SN0015_HyperParameterOfAnotherOptimizer_IsReportedOnTheArgument(string kind, string argument, string name, string fix)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.{{kind}}, {{argument}})]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.HyperParameterNotApplicable, 0, name, "optimizer " + kind, "Net", fix));
    }

    [Theory]
    [InlineData("[Dense(4, Activation.ReLU, NegativeSlope = {|#0:0.1f|})]", "NegativeSlope", "activation ReLU of layer 0", "it is read by LeakyReLU only")]
    [InlineData("[Dense(4, Activation.Tanh, Alpha = {|#0:1f|})]", "Alpha", "activation Tanh of layer 0", "it is read by ELU only")]
    public void SN0015_ActivationParameterOfAnotherActivation_IsReportedOnTheArgument(string layer, string name, string owner, string readers)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            {{layer}}
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.HyperParameterNotApplicable, 0, name, owner, "Net", readers));
    }

    [Theory]
    [InlineData("LabelSmoothing = {|#0:0.1f|}", "LabelSmoothing", "loss MeanSquaredError", "it is read by CrossEntropy only")]
    [InlineData("Delta = {|#0:2f|}", "Delta", "loss MeanSquaredError", "it is read by Huber only")]
    public void SN0015_LossParameterOfAnotherLoss_IsReportedOnTheArgument(string argument, string name, string owner, string readers)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError, {{argument}})]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.HyperParameterNotApplicable, 0, name, owner, "Net", readers));
    }

    // ---- SN0018 DropoutPlacement ----

    [Theory]
    [InlineData("[{|#0:Dropout(0.5f)|}]\n[Dense(4, Activation.ReLU)]\n[Dense(1)]", "comes before the first [Dense] layer; it applies to the output of the layer declared just before it")]
    [InlineData("[Dense(4, Activation.ReLU)]\n[Dropout(0.5f)]\n[{|#0:Dropout(0.2f)|}]\n[Dense(1)]", "follows another [Dropout]; declare one per layer")]
    [InlineData("[Dense(4, Activation.ReLU)]\n[Dense(1)]\n[{|#0:Dropout(0.5f)|}]", "follows the output layer; dropout applies to hidden layers only")]
    public void SN0018_MisplacedDropout_IsReportedOnTheDropout(string layers, string problem)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            namespace App.Models;

            [Network(InputSize = 2)]
            {{layers}}
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.DropoutPlacement, 0, "App.Models.Net", problem));
    }

    [Fact]
    public void SN0010_NesterovWithoutMomentum_IsReportedOnTheValue()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Nesterov, Momentum = {|#0:0f|})]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, "Momentum", "Net", "0", "in (0, 1) for Nesterov"));
    }

    // ---- SN0017 LayersOnSeveralParts ----

    [Fact]
    public void SN0017_LayersOnTwoParts_IsReportedOnTheFirstLayerOfTheSecondPart()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(8, Activation.ReLU)]
            partial class Net
            {
            }

            [{|#0:Dense(1)|}]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.LayersOnSeveralParts, 0, "Net"));
    }

    // ---- SN0016 SingleUnitSoftmax ----

    [Fact]
    public void SN0016_SoftmaxOverOneUnit_IsAWarningOnTheActivationAndStillGenerates()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1, {|#0:Activation.Softmax|})]
            [Loss(LossFunction.CrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.SingleUnitSoftmax, 0, "Net"));
        Assert.Single(run.Sources);
    }

    // ---- SN0010 InvalidHyperParameter ----

    [Theory]
    [InlineData("LearningRate = {|#0:0f|}", "LearningRate", "0", "finite and greater than 0")]
    [InlineData("LearningRate = {|#0:-0.5f|}", "LearningRate", "-0.5", "finite and greater than 0")]
    [InlineData("LearningRate = {|#0:float.PositiveInfinity|}", "LearningRate", "Infinity", "finite and greater than 0")]
    [InlineData("Beta1 = {|#0:1f|}", "Beta1", "1", "in [0, 1)")]
    [InlineData("Beta2 = {|#0:-0.1f|}", "Beta2", "-0.1", "in [0, 1)")]
    [InlineData("Epsilon = {|#0:0f|}", "Epsilon", "0", "finite and greater than 0")]
    public void SN0010_AdamHyperParameterOutOfRange_IsReportedOnTheValue(string argument, string name, string value, string range)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam, {{argument}})]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, name, "Net", value, range));
    }

    [Fact]
    public void SN0010_MomentumOfOne_IsReportedWithTheRange()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Momentum, Momentum = {|#0:1f|})]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, "Momentum", "Net", "1", "in [0, 1)"));

        Assert.Equal(
            "Momentum of network 'Net' is 1; it must be in [0, 1)",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("L1({|#0:-1f|})", "L1 strength", "-1")]
    [InlineData("L2({|#0:-0.001f|})", "L2 strength", "-0.001")]
    [InlineData("L2({|#0:float.NaN|})", "L2 strength", "NaN")]
    [InlineData("L1({|#0:float.NegativeInfinity|})", "L1 strength", "-Infinity")]
    public void SN0010_NegativeOrNonFinitePenalty_IsReportedOnTheStrength(string attribute, string name, string value)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            [{{attribute}}]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, name, "Net", value, "finite and at least 0"));
    }

    [Fact]
    public void SN0010_SeveralOutOfRange_AreEachReported()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1, Activation.Sigmoid)]
            [Loss(LossFunction.BinaryCrossEntropy)]
            [Optimizer(OptimizerKind.Adam, LearningRate = {|#0:0f|}, Beta2 = {|#1:2f|})]
            [L1(0f)]
            [L2({|#2:-1f|})]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, "LearningRate", "Net", "0", "finite and greater than 0"),
            Of(DiagnosticDescriptors.InvalidHyperParameter, 1, "Beta2", "Net", "2", "in [0, 1)"),
            Of(DiagnosticDescriptors.InvalidHyperParameter, 2, "L2 strength", "Net", "-1", "finite and at least 0"));
    }

    [Theory]
    [InlineData("[Optimizer(OptimizerKind.Sgd, LearningRate = {|#0:float.NaN|})]", "", "LearningRate", "finite and greater than 0")]
    [InlineData("[Optimizer(OptimizerKind.Momentum, Momentum = {|#0:float.NaN|})]", "", "Momentum", "in [0, 1)")]
    [InlineData("[Optimizer(OptimizerKind.Adam, Beta1 = {|#0:float.NaN|})]", "", "Beta1", "in [0, 1)")]
    [InlineData("[Optimizer(OptimizerKind.Adam, Beta2 = {|#0:float.NaN|})]", "", "Beta2", "in [0, 1)")]
    [InlineData("[Optimizer(OptimizerKind.Adam, Epsilon = {|#0:float.NaN|})]", "", "Epsilon", "finite and greater than 0")]
    [InlineData("[Optimizer(OptimizerKind.RMSProp, Alpha = {|#0:float.NaN|})]", "", "Alpha", "in [0, 1)")]
    [InlineData("[Optimizer(OptimizerKind.Adam)]", "[Loss(LossFunction.Huber, Delta = {|#0:float.NaN|})]", "Delta", "finite and greater than 0")]
    public void SN0010_ExplicitNaN_IsReportedNotDefaulted(string optimizer, string loss, string name, string range)
    {
        // A value is "not written" only when it is absent: an explicit NaN is out of every range.
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            {{(loss.Length == 0 ? "[Loss(LossFunction.MeanSquaredError)]" : loss)}}
            {{optimizer}}
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, name, "Net", "NaN", range));
    }

    [Fact]
    public void SN0010_ExplicitNaN_OnLabelSmoothingAndNegativeSlope_IsReported()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(3, Activation.LeakyReLU, NegativeSlope = {|#0:float.NaN|})]
            [Dense(2, Activation.Softmax)]
            [Loss(LossFunction.CrossEntropy, LabelSmoothing = {|#1:float.NaN|})]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.InvalidHyperParameter, 0, "NegativeSlope", "Net", "NaN", "finite"),
            Of(DiagnosticDescriptors.InvalidHyperParameter, 1, "LabelSmoothing", "Net", "NaN", "in [0, 1)"));
    }

    // ---- SN0011 GenericNetwork ----

    [Fact]
    public void SN0011_GenericClass_IsReportedOnTheClassName()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class {|#0:Net|}<T>
            {
            }
            """,
            Of(DiagnosticDescriptors.GenericNetwork, 0, "Net"));
    }

    [Fact]
    public void SN0011_GenericContainingType_IsReportedOnTheClassName()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            namespace App;

            partial class Outer<T>
            {
                [Network(InputSize = 2)]
                [Dense(1)]
                [Loss(LossFunction.MeanSquaredError)]
                [Optimizer(OptimizerKind.Sgd)]
                partial class {|#0:Net|}
                {
                }
            }
            """,
            Of(DiagnosticDescriptors.GenericNetwork, 0, "App.Outer.Net"));
    }

    // ---- SN0012 UnknownEnumValue ----

    [Fact]
    public void SN0012_UndefinedActivation_IsReportedOnTheArgument()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(4, {|#0:(Activation)42|})]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.UnknownEnumValue, 0, 42, "Activation"));

        Assert.Equal("42 is not a known Activation", run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0012_UndefinedLossAndOptimizer_AreEachReported()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss({|#0:(LossFunction)7|})]
            [Optimizer(kind: {|#1:(OptimizerKind)(-1)|})]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.UnknownEnumValue, 0, 7, "LossFunction"),
            Of(DiagnosticDescriptors.UnknownEnumValue, 1, -1, "OptimizerKind"));
    }

    [Fact]
    public void SN0012_UndefinedOutputActivation_IsNotAlsoAMismatch()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(3, {|#0:(Activation)42|})]
            [Loss(LossFunction.CrossEntropy)]
            [Optimizer(OptimizerKind.Adam)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.UnknownEnumValue, 0, 42, "Activation"));
    }

    // ---- SN0013 UnsupportedNetworkType ----

    [Theory]
    [InlineData("{|#0:static|} partial class Net", "static")]
    [InlineData("{|#0:abstract|} partial class Net", "abstract")]
    [InlineData("{|#0:file|} partial class Net", "file")]
    [InlineData("partial {|#0:record|} Net", "record")]
    [InlineData("partial {|#0:record|} class Net", "record")]
    public void SN0013_UnsupportedKindOfClass_IsReportedOnTheKeyword(string declaration, string keyword)
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            {{declaration}}
            {
            }
            """,
            Of(DiagnosticDescriptors.UnsupportedNetworkType, 0, "Net", keyword));

        Assert.Equal(
            $"Network 'Net' is declared '{keyword}'; declare it as a 'partial class' that is not static, abstract, file-local or a record",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0013_ModifierOnAnotherPart_IsReportedThere()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }

            {|#0:abstract|} partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.UnsupportedNetworkType, 0, "Net", "abstract"));
    }

    [Fact]
    public void StaticOrRecordContainingType_IsSupported()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            static partial class Models
            {
                partial record Group
                {
                    [Network(InputSize = 2)]
                    [Dense(1)]
                    [Loss(LossFunction.MeanSquaredError)]
                    [Optimizer(OptimizerKind.Sgd)]
                    internal sealed partial class Net
                    {
                    }
                }
            }
            """);
        Assert.Equal("Models.Group.Net.Network.ebe82963.g.cs", Assert.Single(run.Sources).HintName);
        Assert.Empty(run.OutputDiagnostics);
    }

    // ---- SN0014 NetworkTooLarge ----

    [Fact]
    public void SN0014_TooManyParameters_IsReportedOnTheLayerThatCrossesTheLimit()
    {
        // 20,001 x 20,000 = 400,020,000 parameters per layer: the second layer crosses 536,870,911 (int.MaxValue / 4).
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 20000)]
            [Dense(20000, Activation.ReLU)]
            [Dense({|#0:20000|}, Activation.ReLU)]
            [Dense(20000, Activation.ReLU)]
            [Dense(10)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.NetworkTooLarge, 0, "Net", "800,040,000", 1, "536,870,911"));

        Assert.Equal(
            "Network 'Net' has 800,040,000 parameters up to layer 1; StaticNet supports at most 536,870,911 per network",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0014_OneHugeLayer_IsReportedOnIt()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = int.MaxValue)]
            [Dense({|#0:int.MaxValue|})]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.NetworkTooLarge, 0, "Net", "4,611,686,016,279,904,256", 0, "536,870,911"));
    }
}
