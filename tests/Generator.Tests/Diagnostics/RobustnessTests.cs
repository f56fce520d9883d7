using System;
using System.Linq;
using StaticNet.Generator.Planning;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Diagnostics;

/// <summary>
/// Declarations that used to break the generator or the generated file (issue 6, "Generator robustness"): each now
/// generates clean code or gets a StaticNet diagnostic on the user's declaration, with its exact span, and nothing is
/// generated into a file that would not compile.
/// </summary>
public sealed class RobustnessTests
{
    private const string Layers = """
        [Network(InputSize = 2)]
        [Dense(1)]
        [Loss(LossFunction.MeanSquaredError)]
        [Optimizer(OptimizerKind.Sgd)]
        """;

    // ---- Hint names unique ignoring case (was: CS8785, every network lost its code) ----

    [Theory]
    [InlineData("namespace S { " + Layers + " partial class Net { } " + Layers + " partial class NET { } }", "S.Net", "S.NET")]
    [InlineData("namespace ns { " + Layers + " partial class Net { } } namespace NS { " + Layers + " partial class Net { } }", "ns.Net", "NS.Net")]
    public void NamesDifferingOnlyInCase_GetOneFileEach(string declarations, string first, string second)
    {
        GeneratorRun run = DiagnosticVerifier.Verify("using StaticNet;\n" + declarations);

        string[] hintNames = run.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal).ToArray();
        Assert.Equal(2, hintNames.Length);
        Assert.Equal(2, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(hintNames, h => h.StartsWith(first + ".Network.", StringComparison.Ordinal));
        Assert.Contains(hintNames, h => h.StartsWith(second + ".Network.", StringComparison.Ordinal));
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
    }

    [Fact]
    public void HintName_IsTheFullNameAndAStableHashOfIt()
    {
        Assert.Equal("S.Net.Network.f82f62cf.g.cs", NetworkPlanner.HintName("S.Net"));
        Assert.Equal("S.NET.Network.d7df7e8f.g.cs", NetworkPlanner.HintName("S.NET"));
        Assert.Equal("App.class.Network.71c62d66.g.cs", NetworkPlanner.HintName("App.@class"));
    }
}
