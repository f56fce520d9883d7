using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticNet.Generator.Model;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Incremental;

/// <summary>
/// Runs a driver with tracked steps, edits the compilation, runs the same driver again and checks the reason of each
/// output of the named steps (Parse, Validate, Plan, Emit): an edit elsewhere regenerates nothing.
/// </summary>
public sealed class IncrementalTests
{
    private static readonly string[] Steps = { TrackingNames.Parse, TrackingNames.Validate, TrackingNames.Plan, TrackingNames.Emit };

    private const string NetworkFile = """
        using StaticNet;

        namespace App;

        [Network(InputSize = 4)]
        [Dense(8, Activation.ReLU)]
        [Dense(3, Activation.Softmax)]
        [Loss(LossFunction.CrossEntropy)]
        [Optimizer(OptimizerKind.Adam)]
        public partial class Classifier
        {
        }

        public static class Helpers
        {
            public static int Answer() => 42;
        }
        """;

    private const string SecondNetworkFile = """
        using StaticNet;

        namespace App;

        [Network(InputSize = 2)]
        [Dense(1, Activation.Sigmoid)]
        [Loss(LossFunction.BinaryCrossEntropy)]
        [Optimizer(OptimizerKind.Sgd)]
        public partial class Second
        {
        }
        """;

    [Fact]
    public void AddingAnUnrelatedType_RegeneratesNothing()
    {
        (GeneratorRunResult first, GeneratorRunResult second) = RunTwice(
            c => c.AddSyntaxTrees(GeneratorHarness.Parse("namespace App; public sealed class Unrelated { public int X; }", "/test/Unrelated.cs")));

        AssertAllCachedOrUnchanged(second);
        Assert.Equal(first.GeneratedSources.Single().SourceText.ToString(), second.GeneratedSources.Single().SourceText.ToString());

        // The language version comes from the parse options, which an edit leaves as they were.
        IncrementalStepRunReason[] target = Reasons(second, TrackingNames.Target);
        Assert.True(target.Length == 1 && target[0] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, string.Join(", ", target));
    }

    [Fact]
    public void EditingAnUnrelatedMethodBodyInTheSameFile_RegeneratesNothing()
    {
        (_, GeneratorRunResult second) = RunTwice(
            c => ReplaceNetworkFile(c, NetworkFile.Replace("=> 42;", "=> 6 * 7 + 0;", StringComparison.Ordinal)));

        AssertAllCachedOrUnchanged(second);
    }

    [Fact]
    public void MovingTheNetworkDownTheFile_RunsNoPlanAndNoEmit()
    {
        // Every location moves, so Parse and Validate see a new value (diagnostics need the new spans); the spec the
        // plan reads holds no location, so Plan and Emit do not run at all (Cached, not merely Unchanged).
        (_, GeneratorRunResult second) = RunTwice(c => ReplaceNetworkFile(c, "// A comment above the network.\n\n\n" + NetworkFile));

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, TrackingNames.Parse));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, TrackingNames.Validate));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(second, TrackingNames.Plan));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(second, TrackingNames.Emit));
    }

    [Fact]
    public void AddingAMemberToTheNetworkClass_RunsNoPlanAndNoEmit()
    {
        // The declaration facts (members named like generated ones, constructors, base class) are the validator's:
        // the plan gets the spec without them, so a new member of the class leaves Plan and Emit cached.
        string withMember = NetworkFile.Replace(
            "public partial class Classifier\n{\n}", "public partial class Classifier\n{\n    public Classifier(string name) : this(name.Length) { }\n\n    public int Size() => 1;\n}", StringComparison.Ordinal);
        Assert.NotEqual(NetworkFile, withMember);
        (_, GeneratorRunResult second) = RunTwice(c => ReplaceNetworkFile(c, withMember));

        Assert.Empty(second.Diagnostics);
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(second, TrackingNames.Plan));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(second, TrackingNames.Emit));
    }

    [Fact]
    public void EditingAMethodBodyOfTheNetworkClass_RunsNoPlanAndNoEmit()
    {
        string withMethod = NetworkFile.Replace(
            "public partial class Classifier\n{\n}", "public partial class Classifier\n{\n    public int Size() => 1;\n}", StringComparison.Ordinal);
        Assert.NotEqual(NetworkFile, withMethod);
        (_, GeneratorRunResult second) = RunTwice(
            c => ReplaceNetworkFile(c, withMethod.Replace("=> 1;", "=> 2 + 3;", StringComparison.Ordinal)),
            withMethod);

        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(second, TrackingNames.Plan));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, Reasons(second, TrackingNames.Emit));
    }

    [Fact]
    public void AddingASecondNetwork_LeavesTheFirstCachedAndAddsTheNew()
    {
        (_, GeneratorRunResult second) = RunTwice(c => c.AddSyntaxTrees(GeneratorHarness.Parse(SecondNetworkFile, "/test/Second.cs")));

        foreach (string step in Steps)
        {
            var reasons = ReasonsByNetwork(second, step);
            Assert.True(
                reasons.TryGetValue("App.Classifier", out var old) && old.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                $"{step}: App.Classifier should be Cached or Unchanged: {Describe(reasons)}");
            Assert.True(
                reasons.TryGetValue("App.Second", out var added) && added.SequenceEqual(new[] { IncrementalStepRunReason.New }),
                $"{step}: App.Second should be New: {Describe(reasons)}");
        }

        Assert.Equal(
            new[] { "App.Classifier.Network.2223e14f.g.cs", "App.Second.Network.bf0634f2.g.cs" },
            second.GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
    }

    [Fact]
    public void ChangingOneLayerSize_ModifiesPlanAndEmit()
    {
        (GeneratorRunResult first, GeneratorRunResult second) = RunTwice(
            c => ReplaceNetworkFile(c, NetworkFile.Replace("[Dense(8, Activation.ReLU)]", "[Dense(9, Activation.ReLU)]", StringComparison.Ordinal)));

        foreach (string step in Steps)
        {
            Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, step));
        }

        Assert.Contains("public const int ParameterCount = 75;", second.GeneratedSources.Single().SourceText.ToString()); // 4*9+9 + 9*3+3
        Assert.NotEqual(first.GeneratedSources.Single().SourceText.ToString(), second.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void ChangingOnlyAHyperParameterDefault_ModifiesPlanAndEmit()
    {
        (_, GeneratorRunResult second) = RunTwice(
            c => ReplaceNetworkFile(c, NetworkFile.Replace("[Optimizer(OptimizerKind.Adam)]", "[Optimizer(OptimizerKind.Adam, LearningRate = 0.01f)]", StringComparison.Ordinal)));

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, TrackingNames.Plan));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, TrackingNames.Emit));
        Assert.Contains("private float _learningRate = 0.01f;", second.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void IntroducingAnError_RemovesTheSourceAndFixingItBringsItBack()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true);
        CSharpCompilation valid = GeneratorHarness.Compile(NetworkFile);
        driver = driver.RunGenerators(valid);
        CSharpCompilation broken = ReplaceNetworkFile(valid, NetworkFile.Replace("[Dense(8,", "[Dense(0,", StringComparison.Ordinal));
        driver = driver.RunGenerators(broken);
        GeneratorRunResult brokenResult = driver.GetRunResult().Results.Single();
        Assert.Empty(brokenResult.GeneratedSources);
        Assert.Equal("SN0003", Assert.Single(brokenResult.Diagnostics).Id);

        driver = driver.RunGenerators(valid);
        GeneratorRunResult fixedResult = driver.GetRunResult().Results.Single();
        Assert.Single(fixedResult.GeneratedSources);
        Assert.Empty(fixedResult.Diagnostics);
    }

    [Fact]
    public void RaisingTheLanguageVersion_RemovesTheDiagnosticAndGeneratesTheNetwork()
    {
        var csharp10 = new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.Diagnose);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true, parseOptions: csharp10);
        driver = driver.RunGenerators(GeneratorHarness.Compile(csharp10, NetworkFile));
        GeneratorRunResult old = driver.GetRunResult().Results.Single();
        Assert.Empty(old.GeneratedSources);
        Assert.Equal("SN0019", Assert.Single(old.Diagnostics).Id);

        driver = driver.WithUpdatedParseOptions(GeneratorHarness.ParseOptions).RunGenerators(GeneratorHarness.Compile(NetworkFile));
        GeneratorRunResult current = driver.GetRunResult().Results.Single();
        Assert.Empty(current.Diagnostics);
        Assert.Single(current.GeneratedSources);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(current, TrackingNames.Target));
    }

    [Fact]
    public void NoStepOutputHoldsASymbolSyntaxLocationOrCompilation()
    {
        var edits = new Func<CSharpCompilation, CSharpCompilation>[]
        {
            c => c.AddSyntaxTrees(GeneratorHarness.Parse("class Unrelated { }", "/test/Unrelated.cs")),
            c => c.AddSyntaxTrees(GeneratorHarness.Parse(SecondNetworkFile, "/test/Second.cs")),
            c => ReplaceNetworkFile(c, NetworkFile.Replace("[Dense(8,", "[Dense(0,", StringComparison.Ordinal)),
        };

        int walked = 0;
        foreach (var edit in edits)
        {
            (GeneratorRunResult first, GeneratorRunResult second) = RunTwice(edit);
            foreach (GeneratorRunResult result in new[] { first, second })
            {
                foreach (string step in Steps.Append(TrackingNames.Target))
                {
                    foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
                    {
                        foreach ((object value, _) in run.Outputs)
                        {
                            List<string> found = ForbiddenContent.Find(value);
                            Assert.True(found.Count == 0, $"{step} output holds compilation state:\n" + string.Join("\n", found));
                            walked++;
                        }
                    }
                }
            }
        }

        Assert.True(walked >= 24, $"Only {walked} step outputs were walked.");
    }

    [Fact]
    public void TheWalkerFindsForbiddenContent()
    {
        // The check above is only as good as the walker: it must see through records, arrays and EquatableArray.
        CSharpCompilation compilation = GeneratorHarness.Compile("class C { }");
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        var nested = new ParseResult(null, null, new[] { DiagnosticInfo.Create(Generator.Diagnostics.DiagnosticDescriptors.NoLayers, null, "C") }.ToEquatableArray());

        Assert.Empty(ForbiddenContent.Find(nested));
        Assert.NotEmpty(ForbiddenContent.Find(new object[] { 1, new[] { tree.GetRoot() } }));
        Assert.NotEmpty(ForbiddenContent.Find(Tuple.Create("x", tree.GetRoot().GetLocation())));
        Assert.NotEmpty(ForbiddenContent.Find(ImmutableArray.Create<object>(compilation.GetTypeByMetadataName("C")!)));
        Assert.NotEmpty(ForbiddenContent.Find(new KeyValuePair<string, object>("c", compilation)));
        Assert.NotEmpty(ForbiddenContent.Find(new Holder(compilation.GetSemanticModel(tree))));
    }

    private sealed record Holder(object Value);

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(Func<CSharpCompilation, CSharpCompilation> edit, string source = NetworkFile)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true);
        CSharpCompilation compilation = GeneratorHarness.Compile(source);
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.Single(first.GeneratedSources);

        driver = driver.RunGenerators(edit(compilation));
        GeneratorRunResult second = driver.GetRunResult().Results.Single();
        Assert.Null(second.Exception);
        return (first, second);
    }

    private static CSharpCompilation ReplaceNetworkFile(CSharpCompilation compilation, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.PathOf(0));
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(text, old.FilePath));
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (string step in Steps)
        {
            IncrementalStepRunReason[] reasons = Reasons(result, step);
            Assert.True(
                reasons.Length > 0 && reasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                $"{step}: expected only Cached or Unchanged, got {string.Join(", ", reasons)}");
        }
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    /// <summary>The reasons of a step's outputs, grouped by the network each output belongs to.</summary>
    private static Dictionary<string, List<IncrementalStepRunReason>> ReasonsByNetwork(GeneratorRunResult result, string step)
    {
        var byNetwork = new Dictionary<string, List<IncrementalStepRunReason>>();
        foreach ((object value, IncrementalStepRunReason reason) in result.TrackedSteps[step].SelectMany(s => s.Outputs))
        {
            string network = value switch
            {
                ParseResult p => p.Spec?.FullName ?? "?",
                ValidationResult v => v.Spec?.FullName ?? "?",
                NetworkGenerator.PlanResult p => p.FullName,
                NetworkGenerator.GeneratedNetwork g => g.FullName,
                _ => value.GetType().Name,
            };
            if (!byNetwork.TryGetValue(network, out var reasons))
            {
                byNetwork[network] = reasons = new List<IncrementalStepRunReason>();
            }

            reasons.Add(reason);
        }

        return byNetwork;
    }

    private static string Describe(Dictionary<string, List<IncrementalStepRunReason>> reasons) =>
        string.Join("; ", reasons.Select(r => $"{r.Key}: {string.Join(", ", r.Value)}"));
}

/// <summary>
/// Walks an object graph (fields of records and structs, elements of arrays and collections) looking for what must
/// never be cached in an incremental pipeline: symbols, syntax, locations, semantic models and compilations.
/// </summary>
internal static class ForbiddenContent
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel), typeof(Compilation),
    };

    public static List<string> Find(object? root)
    {
        var found = new List<string>();
        Walk(root, "output", new HashSet<object>(ReferenceEqualityComparer.Instance), found, depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> found, int depth)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (Forbidden.Any(f => f.IsInstanceOfType(value)))
        {
            found.Add($"{path}: {type.FullName}");
            return;
        }

        // Leaves: primitives, strings, enums; descriptors are static metadata with no syntax (and reflection-heavy inside).
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or DiagnosticDescriptor or Type or MemberInfo || depth > 32)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Walk(item, $"{path}[{index++}]", seen, found, depth + 1);
            }
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name.Replace("k__BackingField", string.Empty, StringComparison.Ordinal).Trim('<', '>')}", seen, found, depth + 1);
            }
        }
    }
}
