using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Snapshots;

/// <summary>
/// Expected generated text, in <c>Snapshots/&lt;TestName&gt;/</c> (see README.md there). One whole file, the
/// FashionMnist network's, shows the product as its user reads it; every other declaration snapshots only the regions
/// of the concerns it exists to cover (<see cref="Region"/>), so that a change to one kernel call or one optimizer
/// rewrites a few expected lines, not every file. Facts that hold for every file (line lengths, <c>global::</c>,
/// banners) are in <see cref="Emission.EmittedTextTests"/>.
/// Each test also checks that the output compiles with no error and no warning, and that a second run gives the same bytes.
/// </summary>
public sealed class SnapshotTests
{
    /// <summary>The showcase: 784-256-128-10, ReLU/Softmax, CrossEntropy, Adam; the whole file.</summary>
    [Fact]
    public void FashionMlp()
    {
        GeneratedSourceResult generated = GenerateChecked(Sources.FashionMlp, "FashionMnistSample.FashionMlp.Network.4ce7579f.g.cs");
        Snapshot.Verify(new[] { generated });
    }

    /// <summary>Global namespace; Tanh then Sigmoid; BinaryCrossEntropy on a sigmoid output.</summary>
    [Fact]
    public void Xor() => VerifyRegions(
        Sources.Xor, "XorNetwork.Network.e11bb05c.g.cs",
        [Region.Header, Region.Declaration, Region.Forward, Region.Backward, Region.Loss]);

    /// <summary>A network nested in a static class in a block namespace; Sigmoid, Tanh and Identity; MSE; Momentum with L1 and L2.</summary>
    [Fact]
    public void NestedRegression() => VerifyRegions(
        Sources.Regression, "Samples.Regression.Models.Regressor.Network.383098fb.g.cs",
        [Region.Header, Region.Declaration, Region.Forward, Region.Backward, Region.Loss, Region.Optimizer, Region.HyperParameters]);

    /// <summary>Plain SGD with its defaults and an L2 penalty: no optimizer state.</summary>
    [Fact]
    public void SgdClassifier() => VerifyRegions(
        Sources.SgdClassifier, "Samples.IrisNet.Network.905a0b60.g.cs",
        [Region.Header, Region.State, Region.Optimizer, Region.HyperParameters]);

    /// <summary>GELU, dropout, LeakyReLU; label smoothing; AdamW with AMSGrad; L1 on biases too; clipping by value and norm.</summary>
    [Fact]
    public void Toolbox() => VerifyRegions(
        Sources.Toolbox, "Samples.ToolboxNet.Network.3b64483c.g.cs",
        [Region.Header, Region.State, Region.Forward, Region.Backward, Region.Loss, Region.Optimizer, Region.HyperParameters]);

    /// <summary>ELU, HardSwish, Softplus; Huber; centered RMSProp with momentum; decoupled weight decay.</summary>
    [Fact]
    public void RmsPropRegression() => VerifyRegions(
        Sources.RmsPropRegression, "Samples.RobustRegressor.Network.45b4ff91.g.cs",
        [Region.Header, Region.State, Region.Forward, Region.Backward, Region.Loss, Region.Optimizer, Region.HyperParameters]);

    /// <summary>Every folder of Snapshots/ is a test's; an update run deletes the others (and fails).</summary>
    [Fact]
    public void EverySnapshotFolderBelongsToATest()
    {
        IReadOnlyList<string> failures = Snapshot.CheckFolders(Snapshot.SnapshotsDirectory, typeof(SnapshotTests), Snapshot.Updating);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static void VerifyRegions(string source, string hintName, Region[] regions, [CallerMemberName] string testName = "")
    {
        GeneratedSourceResult generated = GenerateChecked(source, hintName);
        var file = new GeneratedFile(generated.SourceText.ToString(), Declarations.NetworkClassName(source));
        Assert.Equal(regions.Length, regions.Select(r => r.FileName).Distinct(StringComparer.Ordinal).Count());
        Snapshot.Verify(regions.ToDictionary(r => r.FileName, r => r.Cut(file), StringComparer.Ordinal), testName);
    }

    /// <summary>The generated file of <paramref name="source"/>, checked: clean, named <paramref name="hintName"/>, deterministic.</summary>
    private static GeneratedSourceResult GenerateChecked(string source, string hintName)
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
        return first;
    }
}
