using System;
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
    private static DiagnosticDescriptor[] All => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void EveryDescriptorHasAUniqueIdATestAndAReleaseEntry()
    {
        string[] ids = All.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^SN[0-9]{4}$", id));
        Assert.Equal(DiagnosticTests.TestedIds.OrderBy(i => i), ids.OrderBy(i => i));

        string releases = FindReleaseNotes();
        foreach (DiagnosticDescriptor descriptor in All)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases);
        }
    }

    [Fact]
    public void EveryDescriptorIsAnEnabledErrorWithTitleMessageAndHelp()
    {
        Assert.All(All, d =>
        {
            // Only SN0016 (a Softmax that cannot learn, yet compiles and runs) is a warning; everything else stops generation.
            Assert.Equal(d.Id == "SN0016" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
            Assert.StartsWith("StaticNet.", d.Category);
            Assert.NotEmpty(d.Title.ToString());
            Assert.NotEmpty(d.Description.ToString());
            Assert.EndsWith("#" + d.Id.ToLowerInvariant(), d.HelpLinkUri);
            Assert.DoesNotContain("{", d.Title.ToString());
        });
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

    private static string FindReleaseNotes([CallerFilePath] string thisFile = "")
    {
        for (DirectoryInfo? dir = new(Path.GetDirectoryName(thisFile) is { Length: > 0 } d && Directory.Exists(d) ? d : AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "Generator", "Diagnostics", "AnalyzerReleases.Unshipped.md");
            if (File.Exists(candidate))
            {
                string shipped = Path.Combine(dir.FullName, "src", "Generator", "Diagnostics", "AnalyzerReleases.Shipped.md");
                return File.ReadAllText(candidate) + File.ReadAllText(shipped);
            }
        }

        throw new InvalidOperationException("AnalyzerReleases.Unshipped.md not found above " + thisFile);
    }
}
