using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>A diagnostic a test expects: descriptor, marked location (<c>{|#N:...|}</c>) and message arguments.</summary>
internal sealed record ExpectedDiagnostic(DiagnosticDescriptor Descriptor, int Location, object[] Arguments)
{
    public static ExpectedDiagnostic Of(DiagnosticDescriptor descriptor, int location, params object[] arguments) => new(descriptor, location, arguments);

    /// <summary>The message this diagnostic must have: the descriptor's format with the arguments, invariant culture.</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), Arguments);
}

/// <summary>How <see cref="DiagnosticVerifier"/> compiles: the language version and the compiler diagnostics the test source has.</summary>
internal sealed record VerifyOptions(LanguageVersion LanguageVersion, params string[] CompilerDiagnostics)
{
    public static readonly VerifyOptions Default = new(LanguageVersion.Latest);

    /// <summary>
    /// With an expected error, the full names of the networks of the test source that are still generated (another
    /// network than the one at fault); none by default.
    /// </summary>
    public string[] GeneratedNetworks { get; init; } = System.Array.Empty<string>();
}

/// <summary>
/// Runs the generator on marked-up source and asserts the exact list of its diagnostics: ids, severities, spans and
/// messages, nothing missing and nothing unexpected (Mapperly's "have asserted all diagnostics").
/// </summary>
internal static class DiagnosticVerifier
{
    /// <summary>
    /// Checks that <paramref name="markup"/> compiles cleanly on its own and that the generator reports exactly
    /// <paramref name="expected"/>, and generates nothing when any of them is an error.
    /// </summary>
    public static GeneratorRun Verify(string markup, params ExpectedDiagnostic[] expected) => Verify(VerifyOptions.Default, markup, expected);

    /// <summary>
    /// As <see cref="Verify(string, ExpectedDiagnostic[])"/>, with another language version, or with the compiler's own
    /// diagnostics on the test source (ids, in any order) that the declaration cannot avoid.
    /// </summary>
    public static GeneratorRun Verify(VerifyOptions options, string markup, params ExpectedDiagnostic[] expected)
    {
        Markup parsed = Markup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(new CSharpParseOptions(options.LanguageVersion, DocumentationMode.Diagnose), parsed.Source);

        Assert.Null(run.Exception);
        Assert.True(
            run.CompilerDiagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal).SequenceEqual(options.CompilerDiagnostics.OrderBy(id => id, System.StringComparer.Ordinal)),
            $"The test source itself should have {(options.CompilerDiagnostics.Length == 0 ? "no diagnostics" : string.Join(", ", options.CompilerDiagnostics))}, it has:\n"
            + string.Join("\n", run.CompilerDiagnostics));

        string path = GeneratorHarness.PathOf(0);
        IEnumerable<string> expectedLines = expected
            .Select(e => (Span: parsed.Locations.TryGetValue(e.Location, out TextSpan span) ? span : throw new KeyNotFoundException($"No location #{e.Location} in the markup."), e))
            .OrderBy(x => x.Span.Start).ThenBy(x => x.e.Descriptor.Id, System.StringComparer.Ordinal)
            .Select(x => Describe(x.e.Descriptor.Id, x.e.Descriptor.DefaultSeverity, path, x.Span, parsed.Source, x.e.Message));
        IEnumerable<string> actualLines = run.GeneratorDiagnostics
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => Describe(d.Id, d.Severity, d.Location.GetLineSpan().Path, d.Location.SourceSpan, parsed.Source, d.GetMessage(CultureInfo.InvariantCulture)));

        Assert.Equal(string.Join("\n", expectedLines), string.Join("\n", actualLines));

        if (expected.Any(e => e.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            Assert.Equal(
                options.GeneratedNetworks.OrderBy(n => n, System.StringComparer.Ordinal),
                run.Sources.Select(s => s.HintName.Substring(0, s.HintName.IndexOf(".Network.", System.StringComparison.Ordinal))).OrderBy(n => n, System.StringComparer.Ordinal));
        }

        return run;
    }

    // One line per diagnostic, with the marked text, so a failure shows at a glance what was expected where.
    private static string Describe(string id, DiagnosticSeverity severity, string path, TextSpan span, string source, string message)
    {
        string text = span.End <= source.Length ? source.Substring(span.Start, span.Length) : "?";
        return $"{id} {severity} {path}[{span.Start}..{span.End}) '{text}': {message}";
    }
}
