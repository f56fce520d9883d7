using System.Linq;
using Microsoft.CodeAnalysis;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Diagnostics;

/// <summary>
/// Declarations the compiler itself rejects: the generator must not crash (no exception, no SN0099), must add no
/// diagnostic of its own on top of the compiler's error, and must generate nothing.
/// </summary>
public sealed class MalformedInputTests
{
    private const string Rest = """
        [Loss(LossFunction.MeanSquaredError)]
        [Optimizer(OptimizerKind.Sgd)]
        """;

    public static TheoryData<string, string> CompilerRejects => new()
    {
        { "string units", "[Network(InputSize = 2)] [Dense(\"x\")] " + Rest + " partial class Net { }" },
        { "Dense without arguments", "[Network(InputSize = 2)] [Dense] " + Rest + " partial class Net { }" },
        { "Dense without units", "[Network(InputSize = 2)] [Dense(activation: Activation.ReLU)] " + Rest + " partial class Net { }" },
        { "unknown activation member", "[Network(InputSize = 2)] [Dense(2, Activation.Swish)] " + Rest + " partial class Net { }" },
        { "wrong enum type", "[Network(InputSize = 2)] [Dense(2, LossFunction.CrossEntropy)] " + Rest + " partial class Net { }" },
        { "constant overflow", "[Network(InputSize = 2)] [Dense(int.MaxValue + 1)] " + Rest + " partial class Net { }" },
        { "non-constant units", "[Network(InputSize = 2)] [Dense(System.Environment.ProcessorCount)] " + Rest + " partial class Net { }" },
        { "InputSize without value", "[Network(InputSize = )] [Dense(2)] " + Rest + " partial class Net { }" },
        { "string InputSize", "[Network(InputSize = \"784\")] [Dense(2)] " + Rest + " partial class Net { }" },
        { "Network with a positional argument", "[Network(784)] [Dense(2)] " + Rest + " partial class Net { }" },
        { "Loss without argument", "[Network(InputSize = 2)] [Dense(2)] [Loss] [Optimizer(OptimizerKind.Sgd)] partial class Net { }" },
        { "string learning rate", "[Network(InputSize = 2)] [Dense(2)] [Loss(LossFunction.MeanSquaredError)] [Optimizer(OptimizerKind.Sgd, LearningRate = \"fast\")] partial class Net { }" },
        { "L1 without strength", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " [L1] partial class Net { }" },
        { "double L2 strength", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " [L2(0.1)] partial class Net { }" },
        { "struct", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " partial struct Net { }" },
        { "record struct", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " partial record struct Net;" },
        { "interface", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " partial interface INet { }" },
        { "on a method", "partial class Net { [Network(InputSize = 2)] [Dense(2)] void M() { } }" },
    };

    [Theory]
    [MemberData(nameof(CompilerRejects))]
    public void CompilerErrorOnTheAttributes_GeneratorAddsNothing(string what, string declaration)
    {
        GeneratorRun run = GeneratorHarness.Run("using StaticNet;\n" + declaration);

        Assert.True(run.Exception is null, $"{what}: the generator threw {run.Exception}");
        Assert.Contains(run.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"{what}: unexpected generator diagnostics:\n" + string.Join("\n", run.GeneratorDiagnostics));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void UnknownNamedArgument_IsTheCompilersToReport()
    {
        // The compiler drops an argument it cannot bind (CS0246) and keeps the rest: the network is generated from
        // what was bound, and StaticNet reports nothing of its own.
        GeneratorRun run = GeneratorHarness.Run(
            "using StaticNet;\n[Network(InputSize = 2)] [Dense(2)] [Loss(LossFunction.MeanSquaredError)] [Optimizer(OptimizerKind.Sgd, Nesterov = true)] partial class Net { }");

        Assert.Null(run.Exception);
        Assert.Equal("CS0246", Assert.Single(run.CompilerDiagnostics).Id);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "CS0246" }, run.OutputDiagnostics.Select(d => d.Id));
    }

    public static TheoryData<string, string, string> GeneratorRejects => new()
    {
        { "undefined activation", "[Network(InputSize = 2)] [Dense(2, (Activation)42)] " + Rest + " partial class Net { }", "SN0012" },
        { "generic class", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " partial class Net<T> { }", "SN0011" },
        { "record class", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " partial record class Net;", "SN0013" },
        { "static class", "[Network(InputSize = 2)] [Dense(2)] " + Rest + " static partial class Net { }", "SN0013" },
        { "nothing but [Network]", "[Network] class Net { }", "SN0001 SN0002 SN0005 SN0007 SN0008" },
    };

    [Theory]
    [MemberData(nameof(GeneratorRejects))]
    public void ValidCSharpButNotANetwork_GetsStaticNetDiagnosticsOnly(string what, string declaration, string ids)
    {
        GeneratorRun run = GeneratorHarness.Run("using StaticNet;\n" + declaration);

        Assert.True(run.Exception is null, $"{what}: the generator threw {run.Exception}");
        Assert.Empty(run.CompilerDiagnostics);
        Assert.Equal(ids, string.Join(" ", run.GeneratorDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id)));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void IncompleteSource_DoesNotCrashTheGenerator()
    {
        // Mid-typing states an IDE hands the generator on every keystroke.
        string[] states =
        {
            "[Network(",
            "[Network(InputSize = 2)] [Dense(",
            "[Network(InputSize = 2)] [Dense(2, Activation.)] partial class",
            "[Network(InputSize = 2)] [Dense(2)] partial class Net",
            "[Network(InputSize = 2)] [Dense(2)] [Loss(LossFunction.MeanSquaredError)] [Optimizer(OptimizerKind.Sgd)] partial class Net {",
            "[Network(InputSize = 2)] [Dense(2)] [Loss(LossFunction.MeanSquaredError)] [Optimizer(OptimizerKind.Sgd, LearningRate = 1e)] partial class Net { }",
            "namespace A { [Network(InputSize = 2)] [Dense(2)] [Loss(LossFunction.MeanSquaredError)] [Optimizer(OptimizerKind.Sgd)] partial class Net { }",
        };

        foreach (string state in states)
        {
            GeneratorRun run = GeneratorHarness.Run("using StaticNet;\n" + state);
            Assert.True(run.Exception is null, $"'{state}': the generator threw {run.Exception}");
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "SN0099");
            Assert.Contains(run.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
    }

    [Theory]
    [InlineData("class Math { }")]
    [InlineData("class Random { }")]
    [InlineData("class Vector { }")]
    [InlineData("class MemoryMarshal { }")]
    public void UserTypesNamedLikeFrameworkTypes_DoNotBreakTheGeneratedCode(string userType)
    {
        GeneratorRun run = GeneratorHarness.Run(
            "using StaticNet;\nnamespace App;\n" + userType
            + "\n[Network(InputSize = 4)] [Dense(8, Activation.ReLU)] [Dense(3, Activation.Softmax)] [Loss(LossFunction.CrossEntropy)] [Optimizer(OptimizerKind.Adam)] partial class Net { }");

        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics.Take(5)));
    }

    [Theory]
    [InlineData("namespace @namespace;", "partial class Net", "namespace.Net.Network.bb7219ad.g.cs")]
    [InlineData("namespace App;", "partial class @class", "App.class.Network.71c62d66.g.cs")]
    [InlineData("namespace @class.@record;", "partial class @record", "class.record.record.Network.b18aa3e1.g.cs")]
    public void KeywordNames_GenerateCleanCode(string ns, string declaration, string hintName)
    {
        GeneratorRun run = GeneratorHarness.Run($$"""
            using StaticNet;
            {{ns}}
            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            {{declaration}} { }
            """);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(hintName, Assert.Single(run.Sources).HintName);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
    }
}
