using System.Linq;
using Microsoft.CodeAnalysis;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Snapshots;

/// <summary>
/// The generated file of each declaration, compared exactly with <c>Snapshots/&lt;TestName&gt;/&lt;HintName&gt;</c>.
/// Each also checks that the output compiles with no error and no warning, and that a second run gives the same bytes.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void FashionMlp() => VerifyDeclaration(Sources.FashionMlp, "FashionMnistSample.FashionMlp.Network.g.cs");

    [Fact]
    public void Xor() => VerifyDeclaration(Sources.Xor, "XorNetwork.Network.g.cs");

    [Fact]
    public void NestedRegression() => VerifyDeclaration(Sources.Regression, "Samples.Regression.Models.Regressor.Network.g.cs");

    [Fact]
    public void SgdClassifier() => VerifyDeclaration(Sources.SgdClassifier, "Samples.IrisNet.Network.g.cs");

    [Fact]
    public void Toolbox() => VerifyDeclaration(Sources.Toolbox, "Samples.ToolboxNet.Network.g.cs");

    [Fact]
    public void RmsPropRegression() => VerifyDeclaration(Sources.RmsPropRegression, "Samples.RobustRegressor.Network.g.cs");

    private static void VerifyDeclaration(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorHarness.Run(source);

        Assert.Null(run.Exception);
        Assert.Empty(run.CompilerDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { hintName }, run.Sources.Select(s => s.HintName));

        // Generated code must be clean at -warnaserror: no error and no warning in the output compilation.
        Assert.True(run.OutputDiagnostics.IsEmpty, "The generated code has diagnostics:\n" + string.Join("\n", run.OutputDiagnostics));

        // Deterministic: a second, independent run gives the same bytes.
        GeneratorRun again = GeneratorHarness.Run(source);
        GeneratedSourceResult first = run.Sources.Single();
        GeneratedSourceResult second = again.Sources.Single();
        Assert.Equal(first.SourceText.ToString(), second.SourceText.ToString());
        Assert.Equal(first.SourceText.Encoding?.WebName, second.SourceText.Encoding?.WebName);
        Assert.Equal(first.SourceText.GetChecksum().ToArray(), second.SourceText.GetChecksum().ToArray());

        Snapshot.Verify(run.Sources, testName);
    }
}
