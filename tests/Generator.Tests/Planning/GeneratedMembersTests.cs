using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticNet.Generator.Model;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Planning;

/// <summary>
/// <see cref="GeneratedMembers"/>, the one list of names the generated code declares, checked against what the
/// generator really emits, so that the collision diagnostics (SN0020, SN0021, SN0027) cannot go stale.
/// </summary>
public sealed class GeneratedMembersTests
{
    // With the snapshot declarations, every option that adds a member: AdaGrad's state, MeanAbsoluteError, and an
    // unfused Softmax output (its backward helper).
    private const string AdaGradMae = """
        using StaticNet;

        namespace Samples;

        [Network(InputSize = 3)]
        [Dense(4, Activation.ReLU)]
        [Dense(2, Activation.Softmax)]
        [Loss(LossFunction.MeanAbsoluteError)]
        [Optimizer(OptimizerKind.AdaGrad)]
        partial class AdaGradNet
        {
        }
        """;

    private const string NesterovBce = """
        using StaticNet;

        namespace Samples;

        [Network(InputSize = 3)]
        [Dense(5, Activation.SiLU)]
        [Dense(3, Activation.Sigmoid)]
        [Loss(LossFunction.BinaryCrossEntropy)]
        [Optimizer(OptimizerKind.Nesterov)]
        partial class NesterovNet
        {
        }
        """;

    private static readonly string[] Declarations =
    {
        Sources.FashionMlp, Sources.Xor, Sources.Regression, Sources.SgdClassifier, Sources.Toolbox, Sources.RmsPropRegression, AdaGradMae, NesterovBce,
    };

    [Fact]
    public void TheListIsExactlyWhatTheGeneratedCodeDeclares()
    {
        var fixedSeen = new HashSet<string>(StringComparer.Ordinal);
        var templatesSeen = new HashSet<string>(StringComparer.Ordinal);
        var unlisted = new List<string>();
        foreach (string source in Declarations)
        {
            int layers = Regex.Matches(source, @"\[Dense\(").Count;
            foreach (string name in DeclaredNames(source))
            {
                if (!GeneratedMembers.IsGenerated(name, layers))
                {
                    unlisted.Add(name);
                }

                if (GeneratedMembers.Fixed.Contains(name))
                {
                    fixedSeen.Add(name);
                }

                templatesSeen.UnionWith(GeneratedMembers.PerLayer.Where(t => GeneratedMembers.LayerOf(name, t) is not null));
            }
        }

        Assert.True(unlisted.Count == 0, "Generated but not in GeneratedMembers: " + string.Join(", ", unlisted.Distinct()));
        Assert.Equal(GeneratedMembers.Fixed.OrderBy(n => n, StringComparer.Ordinal), fixedSeen.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(GeneratedMembers.PerLayer.OrderBy(n => n, StringComparer.Ordinal), templatesSeen.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void TheDiagnosticsReferenceListsEveryName()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        string[] missing = GeneratedMembers.Fixed
            .Concat(GeneratedMembers.PerLayer.Select(t => t.Replace(GeneratedMembers.LayerIndex, "<i>", StringComparison.Ordinal)))
            .Where(name => !docs.Contains($"`{name}`", StringComparison.Ordinal))
            .ToArray();
        Assert.True(missing.Length == 0, "docs/diagnostics.md (SN0020) does not list: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("Dense0Weights", "Dense{0}Weights", 0)]
    [InlineData("Dense12Weights", "Dense{0}Weights", 12)]
    [InlineData("Dense3BiasGradients", "Dense{0}BiasGradients", 3)]
    [InlineData("Dense00Weights", "Dense{0}Weights", null)]
    [InlineData("DenseWeights", "Dense{0}Weights", null)]
    [InlineData("Dense-1Weights", "Dense{0}Weights", null)]
    [InlineData("Dense0WeightsOffset", "Dense{0}Weights", null)]
    [InlineData("Dense99999999999Weights", "Dense{0}Weights", null)]
    public void LayerOf_ReadsTheIndexAsTheEmitterPrintsIt(string name, string template, int? index)
    {
        Assert.Equal(index, GeneratedMembers.LayerOf(name, template));
    }

    [Fact]
    public void LayerNames_AreGeneratedOnlyForTheNetworksLayers()
    {
        Assert.True(GeneratedMembers.IsGenerated("Dense1Bias", denseLayers: 2));
        Assert.False(GeneratedMembers.IsGenerated("Dense2Bias", denseLayers: 2));
        Assert.True(GeneratedMembers.IsGenerated("Predict", denseLayers: 0));
        Assert.False(GeneratedMembers.IsGenerated("predict", denseLayers: 1));
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (DirectoryInfo? dir = new(Path.GetDirectoryName(thisFile) is { Length: > 0 } d && Directory.Exists(d) ? d : AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "diagnostics.md")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("docs/diagnostics.md not found above " + thisFile);
    }

    /// <summary>The names of the members the generated file declares in the user's network class (constructors and explicit interface implementations aside).</summary>
    private static IEnumerable<string> DeclaredNames(string source)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
        SyntaxTree tree = Assert.Single(run.Sources).SyntaxTree;
        Compilation compilation = run.Input.AddSyntaxTrees(tree);
        SemanticModel model = compilation.GetSemanticModel(tree);
        // The user's partial class (it implements INetwork<T>), not the implementation class in StaticNet.Generated.
        ClassDeclarationSyntax network = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Single(c => c.BaseList is not null && !c.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Name.ToString() == "StaticNet.Generated"));
        var type = (INamedTypeSymbol)model.GetDeclaredSymbol(network)!;
        return type.GetMembers()
            .Where(m => m.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == tree) && !m.IsImplicitlyDeclared)
            .Where(m => m is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.PropertyGet or MethodKind.PropertySet })
            .Select(m => m.Name)
            .Where(n => !n.Contains('.', StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }
}
