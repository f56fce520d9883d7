using System.Linq;
using StaticNet.Generator.Model;
using StaticNet.Generator.Validation;
using StaticNet.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticNet.Generator.Tests.Planning;

/// <summary>The validator as a pure function on hand-built specs, for limits too large to write as test sources.</summary>
public sealed class ValidatorTests
{
    private static string[] Ids(NetworkSpec spec) =>
        NetworkValidator.Validate(new ParseResult(spec, null, EquatableArray<DiagnosticInfo>.Empty)).Diagnostics.Select(d => d.Descriptor.Id).ToArray();

    [Fact]
    public void ValidSpec_HasNoDiagnostics()
    {
        ValidationResult result = NetworkValidator.Validate(new ParseResult(Specs.Mnist128(), null, EquatableArray<DiagnosticInfo>.Empty));

        Assert.False(result.HasErrors);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(Specs.Mnist128(), result.Spec);
    }

    [Fact]
    public void ParameterLimit_IsInclusive()
    {
        // InputSize 1, one layer of u units: 2u parameters. The limit is int.MaxValue / 4 = 536,870,911 (odd), so
        // 2u can reach 536,870,910 but not 536,870,912; a second layer of 1 unit adds u + 1.
        const int units = 268_435_455; // 2u = 536,870,910
        Assert.Empty(Ids(Specs.Create(1, new[] { (units, ActivationKind.Identity) })));
        Assert.Equal(new[] { "SN0014" }, Ids(Specs.Create(1, new[] { (units + 1, ActivationKind.Identity) })));
        Assert.Equal(new[] { "SN0014" }, Ids(Specs.Create(1, new[] { (units, ActivationKind.Identity), (1, ActivationKind.Identity) })));
        Assert.Equal(536_870_911L, NetworkValidator.MaxParameters);
    }

    [Fact]
    public void ParameterLimit_IsReportedOnceEvenIfLaterLayersAddMore()
    {
        NetworkSpec spec = Specs.Create(100_000, Enumerable.Repeat((100_000, ActivationKind.ReLU), 5));
        Assert.Equal(new[] { "SN0014" }, Ids(spec));
    }

    [Fact]
    public void ParseFailure_PassesItsDiagnosticsThrough()
    {
        DiagnosticInfo failure = DiagnosticInfo.Create(Generator.Diagnostics.DiagnosticDescriptors.GeneratorFailure, null, "Net", "boom");
        ValidationResult result = NetworkValidator.Validate(new ParseResult(null, null, new[] { failure }.ToEquatableArray()));

        Assert.True(result.HasErrors);
        Assert.Null(result.Spec);
        Assert.Equal(failure, Assert.Single(result.Diagnostics));
    }
}
