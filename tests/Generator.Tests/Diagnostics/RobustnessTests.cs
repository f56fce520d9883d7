using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Planning;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;
using static StaticNet.Generator.Tests.Infrastructure.ExpectedDiagnostic;

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

    // ---- SN0019 LanguageVersionTooLow ----

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp9, "9.0")]
    [InlineData(LanguageVersion.CSharp10, "10.0")]
    public void SN0019_LanguageVersionBelow11_IsOneDiagnosticOnTheNetworkAttributeAndNoSource(LanguageVersion version, string display)
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            new VerifyOptions(version),
            """
            using StaticNet;

            namespace App
            {
                [{|#0:Network(InputSize = 2)|}]
                [Dense(4, Activation.ReLU)]
                [Dense(1)]
                [Loss(LossFunction.MeanSquaredError)]
                [Optimizer(OptimizerKind.Adam)]
                partial class Net
                {
                }
            }
            """,
            Of(DiagnosticDescriptors.LanguageVersionTooLow, 0, "App.Net", "11.0", display));

        Assert.Equal(
            $"Network 'App.Net' needs C# 11.0 or later, but the project compiles with C# {display}; set <LangVersion> to 11.0 or later, or remove it to take the SDK's default",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.OutputDiagnostics);
    }

    [Fact]
    public void CSharp11_CompilesTheGeneratedCode()
    {
        // C# 11 is the real minimum: the snapshot declarations, which use every option, compile there without an error
        // or a warning (the snapshot tests compile them with the latest C#).
        foreach (string source in new[] { Sources.FashionMlp, Sources.Xor, Sources.Regression, Sources.SgdClassifier, Sources.Toolbox, Sources.RmsPropRegression })
        {
            GeneratorRun run = GeneratorHarness.Run(new CSharpParseOptions(LanguageVersion.CSharp11, DocumentationMode.Diagnose), source);
            Assert.Null(run.Exception);
            Assert.Empty(run.GeneratorDiagnostics);
            Assert.Single(run.Sources);
            Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
        }
    }

    // ---- SN0020 MemberNameTaken ----

    [Theory]
    [InlineData("public int {|#0:_network|} = 1;", "field", "_network")]
    [InlineData("public class {|#0:Parameters|} { }", "nested type", "Parameters")]
    [InlineData("public void {|#0:Predict|}(System.ReadOnlySpan<float> input, System.Span<float> output) { }", "method", "Predict")]
    [InlineData("public void {|#0:Predict|}(float[] input) { }", "method", "Predict")]
    [InlineData("public float {|#0:LearningRate|} => 0.1f;", "property", "LearningRate")]
    [InlineData("public const int {|#0:InputSize|} = 2;", "constant", "InputSize")]
    [InlineData("public event System.Action {|#0:ApplyGradients|} { add { } remove { } }", "event", "ApplyGradients")]
    [InlineData("private static void {|#0:RegularizationLoss|}() { }", "method", "RegularizationLoss")]
    [InlineData("public int {|#0:Dense0Weights|} => 0;", "property", "Dense0Weights")]
    [InlineData("public const int {|#0:Dense0BiasLength|} = 1;", "constant", "Dense0BiasLength")]
    [InlineData("public float[] {|#0:Dense0DropoutRate|} = new float[1];", "field", "Dense0DropoutRate")]
    public void SN0020_MemberNamedLikeAGeneratedMember_IsReportedOnTheMember(string member, string kind, string name)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            {{Layers}}
            partial class Net
            {
                {{member}}
            }
            """,
            Of(DiagnosticDescriptors.MemberNameTaken, 0, kind, name, "Net"));
    }

    [Fact]
    public void SN0020_MemberOnAnotherPart_IsReportedThere()
    {
        DiagnosticVerifier.Verify(
            """
            using StaticNet;

            namespace App;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }

            partial class Net
            {
                public string {|#0:Summary|} => "mine";

                public int {|#1:StepCount|} { get; set; }
            }
            """,
            Of(DiagnosticDescriptors.MemberNameTaken, 0, "property", "Summary", "App.Net"),
            Of(DiagnosticDescriptors.MemberNameTaken, 1, "property", "StepCount", "App.Net"));
    }

    [Fact]
    public void MembersOfLayersTheNetworkDoesNotHave_AndOtherNames_AreFree()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net : System.IDisposable
            {
                public int Dense1Weights => 1;

                public int Dense00Weights => 2;

                public int _parameterCount = 3;

                // The implementation's members live in StaticNet.Generated: their names are free here.
                private readonly float[] _parameters = new float[1];

                public float[] _a0 = new float[1];

                public void Forward() { }

                public static void ColumnSums() { }

                public float First => _parameters[0];

                public void Train() { }

                void System.IDisposable.Dispose() { }
            }
            """);

        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
    }

    // ---- SN0021 NetworkNamedLikeGeneratedMember ----

    [Theory]
    [InlineData("Summary")]
    [InlineData("Parameters")]
    [InlineData("Predict")]
    [InlineData("TrainStep")]
    [InlineData("Dense0Weights")]
    [InlineData("_network")]
    public void SN0021_NetworkClassNamedLikeAGeneratedMember_IsReportedOnTheClassName(string name)
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            namespace App;

            {{Layers}}
            partial class {|#0:{{name}}|}
            {
            }
            """,
            Of(DiagnosticDescriptors.NetworkNamedLikeGeneratedMember, 0, "App." + name, name));

        Assert.Equal(
            $"Network 'App.{name}' is named '{name}', the name of a member StaticNet generates into it, and a member cannot have the name of its class; rename the class",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- SN0022 ConstructorConflict ----

    [Theory]
    [InlineData("partial class Net{|#0:(int x)|}\n{\n    public int X => x;\n}", "a primary constructor")]
    [InlineData("partial class Net{|#0:()|}\n{\n}", "a primary constructor")]
    [InlineData("partial class Net\n{\n    public {|#0:Net|}() { }\n}", "a parameterless constructor")]
    [InlineData("partial class Net\n{\n    public {|#0:Net|}(int size) { }\n}", "a constructor taking an int")]
    [InlineData("partial class Net\n{\n    private {|#0:Net|}(in int size) { }\n}", "a constructor taking an int")]
    public void SN0022_ConstructorOfTheGeneratedSignatures_IsReportedOnIt(string declaration, string what)
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            {{Layers}}
            {{declaration}}
            """,
            Of(DiagnosticDescriptors.ConstructorConflict, 0, "Net", what, "Net"));

        Assert.Equal(
            $"Network 'Net' declares {what}; StaticNet generates 'Net()' and 'Net(int seed)'. Remove it; to run code at construction, declare a constructor with other parameters that calls this(seed).",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ConstructorsOfOtherSignatures_AreSupported()
    {
        // They call the generated constructors, so the source compiles only with the generated file.
        GeneratorRun run = GeneratorHarness.Run(
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
                static Net() { }

                public Net(string name) : this(name.Length) => Name = name;

                public Net(int seed, float learningRate) : this(seed) => LearningRate = learningRate;

                public string Name { get; } = "";
            }
            """);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
    }

    // ---- SN0023 BaseWithoutParameterlessConstructor ----

    [Fact]
    public void SN0023_BaseWithoutParameterlessConstructor_IsReportedOnTheBaseType()
    {
        // The user's own constructor calls base(...), so only the generated constructors would fail.
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            namespace App;

            class Base
            {
                private Base() { }

                public Base(int size) { }
            }

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net : {|#0:Base|}
            {
                public Net(string name) : base(name.Length) { }
            }
            """,
            Of(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, 0, "App.Base", "App.Net"));

        Assert.Empty(run.OutputDiagnostics);
    }

    [Fact]
    public void SN0023_WithoutAnyConstructor_IsReportedBesideTheCompilersError()
    {
        // The class's implicit constructor already fails (CS7036); StaticNet says why its own would too, and adds no file.
        DiagnosticVerifier.Verify(
            new VerifyOptions(LanguageVersion.Latest, "CS7036"),
            """
            using StaticNet;

            class Base
            {
                public Base(int size) { }
            }

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net : {|#0:Base|}, System.IDisposable
            {
                public void Dispose() { }
            }
            """,
            Of(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, 0, "Base", "Net"));
    }

    [Theory]
    [InlineData("class Base { protected Base() { } }")]
    [InlineData("class Base { public Base(int size = 4) { } }")]
    [InlineData("class Base { internal Base(params int[] sizes) { } }")]
    [InlineData("abstract class Base { public abstract string Name { get; } }")]
    public void BaseWithACallableParameterlessConstructor_IsSupported(string baseClass)
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            {{baseClass}}

            {{Layers}}
            partial class Net : Base
            {
                {{(baseClass.Contains("abstract", StringComparison.Ordinal) ? "public override string Name => \"net\";" : string.Empty)}}
            }
            """);

        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
    }

    // ---- SN0024 NestedInFileLocalType ----

    [Fact]
    public void SN0024_NetworkNestedInAFileLocalClass_IsReportedOnTheFileModifier()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            """
            using StaticNet;

            namespace App;

            {|#0:file|} static partial class Models
            {
                [Network(InputSize = 2)]
                [Dense(1)]
                [Loss(LossFunction.MeanSquaredError)]
                [Optimizer(OptimizerKind.Sgd)]
                public partial class Net
                {
                }
            }
            """,
            Of(DiagnosticDescriptors.NestedInFileLocalType, 0, "App.Models.Net", "Models"));

        Assert.Equal(
            "Network 'App.Models.Net' is nested in the file-local type 'Models', which the generated code, in a file of its own, cannot extend; remove 'file' from 'Models'",
            run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.OutputDiagnostics);
    }

    // ---- SN0025 UnexpectedArgumentType ----

    [Fact]
    public void SN0025_RedefinedAttributeWithOtherParameterTypes_IsReportedOnTheArguments()
    {
        // The project's own StaticNet.DenseAttribute takes the place of StaticNet's (the compiler warns, CS0436).
        GeneratorRun run = DiagnosticVerifier.Verify(
            new VerifyOptions(LanguageVersion.Latest, "CS0436"),
            """
            using StaticNet;

            namespace StaticNet
            {
                class DenseAttribute : System.Attribute
                {
                    public DenseAttribute(string s) { }
                }
            }

            [Network(InputSize = 2)]
            [{|#1:Dense({|#0:"x"|})|}]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.UnexpectedArgumentType, 0, "units", "Dense", "Net", "of type 'string'", "type 'int'"),
            Of(DiagnosticDescriptors.UnexpectedArgumentType, 1, "activation", "Dense", "Net", "missing", "type 'Activation'"));

        Assert.Equal(
            "Argument 'units' of [Dense] on network 'Net' is of type 'string'; StaticNet expects type 'int', as its own StaticNet.DenseAttribute declares",
            run.GeneratorDiagnostics.Single(d => d.Location.SourceSpan.Length == 3).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("class OptimizerAttribute : System.Attribute { public OptimizerAttribute(OptimizerKind kind) { } public double LearningRate { get; set; } }",
        "[Optimizer(OptimizerKind.Sgd, LearningRate = {|#0:0.5|})]", "[Loss(LossFunction.MeanSquaredError)]", "LearningRate", "Optimizer", "double", "float")]
    [InlineData("class LossAttribute : System.Attribute { public LossAttribute(int function) { } }",
        "[Optimizer(OptimizerKind.Sgd)]", "[Loss({|#0:1|})]", "function", "Loss", "int", "LossFunction")]
    [InlineData("class NetworkAttribute : System.Attribute { public long InputSize { get; set; } }",
        "[Optimizer(OptimizerKind.Sgd)]", "[Loss(LossFunction.MeanSquaredError)]", "InputSize", "Network", "long", "int")]
    public void SN0025_ArgumentOfAnotherType_IsReportedOnTheArgument(string redefinition, string optimizer, string loss, string argument, string attribute, string found, string expected)
    {
        string network = attribute == "Network" ? "[Network(InputSize = {|#0:2L|})]" : "[Network(InputSize = 2)]";
        DiagnosticVerifier.Verify(
            new VerifyOptions(LanguageVersion.Latest, "CS0436"),
            $$"""
            using StaticNet;

            namespace StaticNet
            {
                {{redefinition}}
            }

            {{network}}
            [Dense(1)]
            {{loss}}
            {{optimizer}}
            partial class Net
            {
            }
            """,
            Of(DiagnosticDescriptors.UnexpectedArgumentType, 0, argument, attribute, "Net", $"of type '{found}'", $"type '{expected}'"));
    }

    // ---- SN0026 DerivesFromNetwork ----

    [Fact]
    public void SN0026_NetworkDerivingFromANetwork_IsReportedOnTheBaseType()
    {
        // The base network itself is generated, and compiles cleanly.
        GeneratorRun run = DiagnosticVerifier.Verify(
            VerifyOptions.Default with { GeneratedNetworks = new[] { "App.Small" } },
            """
            using StaticNet;

            namespace App;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Small
            {
            }

            [Network(InputSize = 2)]
            [Dense(4, Activation.ReLU)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Large : {|#0:Small|}
            {
            }
            """,
            Of(DiagnosticDescriptors.DerivesFromNetwork, 0, "App.Large", "App.Small"));

        Assert.Empty(run.OutputDiagnostics);
    }

    [Fact]
    public void SN0026_NetworkFurtherUpTheChain_IsNamed()
    {
        DiagnosticVerifier.Verify(
            VerifyOptions.Default with { GeneratedNetworks = new[] { "Small" } },
            """
            using StaticNet;

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Small
            {
            }

            class Middle : Small
            {
            }

            [Network(InputSize = 2)]
            [Dense(1)]
            [Loss(LossFunction.MeanSquaredError)]
            [Optimizer(OptimizerKind.Sgd)]
            partial class Large : {|#0:Middle|}
            {
            }
            """,
            Of(DiagnosticDescriptors.DerivesFromNetwork, 0, "Large", "Small"));
    }

    // ---- SN0027 BaseMemberCollision ----

    [Theory]
    [InlineData("class Base { public virtual void Predict(System.ReadOnlySpan<float> input, System.Span<float> output) { } }", "Base", "'Predict'")]
    [InlineData("class Base { protected float[] _network = new float[1]; public virtual int InputSize => 1; }", "Base", "'_network', 'InputSize'")]
    [InlineData("class Root { public const string Summary = \"root\"; } class Base : Root { }", "Root", "'Summary'")]
    public void SN0027_BaseMemberNamedLikeAGeneratedMember_IsReportedOnTheBaseType(string baseClasses, string declaring, string names)
    {
        DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            {{baseClasses}}

            {{Layers}}
            partial class Net : {|#0:Base|}
            {
            }
            """,
            Of(DiagnosticDescriptors.BaseMemberCollision, 0, declaring, "Net", names));
    }

    [Fact]
    public void SN0027_AbstractBaseMember_IsReportedBesideTheCompilersError()
    {
        // The class already fails to implement it (CS0534); a generated Predict would not implement it either.
        DiagnosticVerifier.Verify(
            new VerifyOptions(LanguageVersion.Latest, "CS0534"),
            $$"""
            using StaticNet;

            abstract class Base
            {
                public abstract void Predict(System.ReadOnlySpan<float> input, System.Span<float> output);
            }

            {{Layers}}
            partial class Net : {|#0:Base|}
            {
            }
            """,
            Of(DiagnosticDescriptors.BaseMemberCollision, 0, "Base", "Net", "'Predict'"));
    }

    [Fact]
    public void BaseMembersTheNetworkCannotSee_DoNotCollide()
    {
        GeneratorRun run = DiagnosticVerifier.Verify(
            $$"""
            using StaticNet;

            class Base
            {
                private readonly float[] _network = new float[1];

                public float First => _network[0];

                public override string ToString() => "base";
            }

            {{Layers}}
            partial class Net : Base
            {
            }
            """);

        Assert.Single(run.Sources);
        Assert.True(run.OutputDiagnostics.IsEmpty, string.Join("\n", run.OutputDiagnostics));
    }
}
