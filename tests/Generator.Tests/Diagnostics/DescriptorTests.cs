using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Diagnostics;

/// <summary>The descriptors themselves, and SN0099, which no declaration can trigger.</summary>
public sealed class DescriptorTests
{
    /// <summary>The descriptor fields of <see cref="DiagnosticDescriptors"/>, by reflection.</summary>
    private static FieldInfo[] Fields => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .ToArray();

    private static DiagnosticDescriptor[] All => Fields.Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToArray();

    [Fact]
    public void EveryDescriptorHasAUniqueIdAndAReleaseEntry()
    {
        string[] ids = All.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        NonEmpty.All(ids, id => Assert.Matches("^SN[0-9]{4}$", id), "the descriptor ids");

        string releases = FindReleaseNotes();
        foreach (DiagnosticDescriptor descriptor in All)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases);
        }

        // The help links point at docs/diagnostics.md#snxxxx: each descriptor has its section there.
        string docs = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "docs", "diagnostics.md"));
        foreach (DiagnosticDescriptor descriptor in All)
        {
            Assert.Matches($"(?m)^## {descriptor.Id}( |$)", docs);
        }
    }

    [Theory]
    [InlineData(typeof(ActivationKind), typeof(Activation))]
    [InlineData(typeof(LossKind), typeof(LossFunction))]
    [InlineData(typeof(OptimizerKindSpec), typeof(OptimizerKind))]
    [InlineData(typeof(InitKind), typeof(WeightInitialization))]
    public void TheGeneratorsEnumsMirrorTheRuntimes(Type generator, Type runtime)
    {
        // The lists in SN0004 and SN0007 and the SN0012 checks come from the generator's mirrors: they must name every member, with the runtime's values.
        Assert.Equal(
            Enum.GetValues(runtime).Cast<object>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))),
            Enum.GetValues(generator).Cast<object>().Select(v => (v.ToString(), Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// Every descriptor (found by reflection) is asserted by at least one test (found in the test sources): passed to
    /// <see cref="DiagnosticVerifier.Verify"/> in an <see cref="ExpectedDiagnostic"/>, or compared by a positive
    /// <c>Assert</c>, inside a <c>[Fact]</c> or <c>[Theory]</c> (the rule of <see cref="AssertedDescriptors"/>). No list
    /// is kept by hand: a new descriptor fails here until a test asserts it, and deleting the last test of one does too.
    /// </summary>
    [Fact]
    public void EveryDescriptorIsAssertedByATest()
    {
        Dictionary<string, SortedSet<string>> asserted = AssertedDescriptors.Find(TestProject.Sources);

        string[] untested = Fields
            .Where(f => !asserted.ContainsKey(f.Name))
            .Select(f => $"{((DiagnosticDescriptor)f.GetValue(null)!).Id} DiagnosticDescriptors.{f.Name}")
            .ToArray();

        Assert.True(
            untested.Length == 0,
            "No test asserts these descriptors; add a test in Diagnostics/ that passes ExpectedDiagnostic.Of(DiagnosticDescriptors.<Name>, ...)"
            + " to DiagnosticVerifier.Verify:\n" + string.Join("\n", untested));
        Assert.Empty(asserted.Keys.Except(Fields.Select(f => f.Name))); // every name found is a descriptor
    }

    [Fact]
    public void TheCoverageScanReadsTheTestsThisAssemblyRuns()
    {
        // The scan is only as good as the files it reads: they must declare exactly the tests compiled here.
        var compiled = new SortedSet<string>(
            typeof(DescriptorTests).Assembly.GetTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
                    .Select(m => $"{t.Name}.{m.Name}")),
            StringComparer.Ordinal);

        Assert.Contains($"{nameof(DescriptorTests)}.{nameof(TheCoverageScanReadsTheTestsThisAssemblyRuns)}", compiled);
        Assert.Equal(compiled, AssertedDescriptors.TestMethods(TestProject.Sources));
    }

    [Fact]
    public void TheCoverageScanCountsOnlyPositiveAssertionsInTests()
    {
        SyntaxTree source = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            public sealed class Sample
            {
                [Fact]
                public void Verified() => DiagnosticVerifier.Verify("src", Of(DiagnosticDescriptors.NotPartial, 0, "Net"));

                [Theory]
                [InlineData(1)]
                public void Compared(int x)
                {
                    Assert.Same(StaticNet.Generator.Diagnostics.DiagnosticDescriptors.NoLayers, run.Descriptor);
                    Assert.Equal(DiagnosticDescriptors.InvalidUnits.Id, run.Id);
                }

                [Fact]
                public void NotAnAssertion()
                {
                    var descriptor = DiagnosticDescriptors.MissingLoss;
                    Helper(DiagnosticDescriptors.MissingLoss);
                    Assert.DoesNotContain(run.Diagnostics, d => d.Descriptor == DiagnosticDescriptors.MissingOptimizer);
                    Assert.NotEqual(DiagnosticDescriptors.MissingOptimizer.Id, run.Id);
                }

                public void NotATest() => DiagnosticVerifier.Verify("src", Of(DiagnosticDescriptors.GenericNetwork, 0));
            }
            """);

        Dictionary<string, SortedSet<string>> asserted = AssertedDescriptors.Find(new[] { source });

        Assert.Equal(new[] { "InvalidUnits", "NoLayers", "NotPartial" }, asserted.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { "Sample.Verified" }, asserted["NotPartial"]);
        Assert.Equal(new[] { "Sample.Compared" }, asserted["NoLayers"]);
        Assert.Equal(new[] { "Sample.Compared", "Sample.NotAnAssertion", "Sample.Verified" }, AssertedDescriptors.TestMethods(new[] { source }));
    }

    [Fact]
    public void EveryDescriptorIsAnEnabledErrorWithTitleMessageAndHelp()
    {
        NonEmpty.All(All, d =>
        {
            // Only SN0016 (a Softmax that cannot learn, yet compiles and runs) is a warning; everything else stops generation.
            Assert.Equal(d.Id == "SN0016" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
            Assert.StartsWith("StaticNet.", d.Category);
            Assert.NotEmpty(d.Title.ToString());
            Assert.NotEmpty(d.Description.ToString());
            Assert.EndsWith("#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.DoesNotContain("{", d.Title.ToString());
        }, "the descriptors");
    }

    [Fact]
    public void SN0099_AnExceptionInThePlannerBecomesOneDiagnosticOnTheClassName()
    {
        // No declaration gets past the validator into a failing planner, so the pipeline's guards are called directly:
        // a spec with no layer (which validation would have stopped) makes the planner throw.
        var classNameLocation = new LocationInfo("/test/Net.cs", new TextSpan(40, 3), new LinePositionSpan(new LinePosition(2, 14), new LinePosition(2, 17)));
        NetworkSpec spec = Specs.Create(4, Array.Empty<(int, ActivationKind)>());

        object planResult = Invoke("PlanSafely", spec, CancellationToken.None);
        var planned = Assert.IsType<NetworkGenerator.PlanResult>(planResult);
        Assert.Null(planned.Plan);
        Assert.NotNull(planned.Failure);

        var generated = Assert.IsType<NetworkGenerator.GeneratedNetwork>(Invoke("EmitSafely", planned));
        Assert.Null(generated.Source);
        Assert.Equal(planned.Failure, generated.Failure);

        // The failure is located through the declaration's validation result (the plan holds no locations).
        var declaration = new ValidationResult(spec, EquatableArray<DiagnosticInfo>.Empty, HasErrors: false, classNameLocation);
        DiagnosticInfo failure = Assert.Single(NetworkGenerator.Failures(
            System.Collections.Immutable.ImmutableArray.Create(generated), System.Collections.Immutable.ImmutableArray.Create(declaration)));
        Diagnostic diagnostic = failure.ToDiagnostic();
        Assert.Same(DiagnosticDescriptors.GeneratorFailure, diagnostic.Descriptor);
        Assert.Equal("SN0099", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/test/Net.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(new TextSpan(40, 3), diagnostic.Location.SourceSpan);
        Assert.Equal("Net", failure.Arguments[0]);
        Assert.StartsWith("ArgumentOutOfRangeException: ", failure.Arguments[1]);
        Assert.StartsWith(
            "StaticNet could not generate network 'Net': ArgumentOutOfRangeException: ",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void SN0099_CancellationIsNotTurnedIntoADiagnostic()
    {
        NetworkSpec spec = Specs.Create(4, new[] { (3, ActivationKind.Identity) });
        var exception = Assert.Throws<TargetInvocationException>(() => Invoke("PlanSafely", spec, new CancellationToken(canceled: true)));
        Assert.IsAssignableFrom<OperationCanceledException>(exception.InnerException);
    }

    private static object Invoke(string name, params object[] arguments)
    {
        MethodInfo method = typeof(NetworkGenerator).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"NetworkGenerator.{name} not found: update this test with the pipeline's guard.");
        return method.Invoke(null, arguments)!;
    }

    private static string FindReleaseNotes()
    {
        string root = FindRepositoryRoot();
        string notes = Path.Combine(root, "src", "Generator", "Diagnostics");
        return File.ReadAllText(Path.Combine(notes, "AnalyzerReleases.Unshipped.md")) + File.ReadAllText(Path.Combine(notes, "AnalyzerReleases.Shipped.md"));
    }

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (DirectoryInfo? dir = new(Path.GetDirectoryName(thisFile) is { Length: > 0 } d && Directory.Exists(d) ? d : AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AnalyzerReleases.Unshipped.md not found above " + thisFile);
    }
}
