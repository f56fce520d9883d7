using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
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
    public static GeneratorRun Verify(string markup, params ExpectedDiagnostic[] expected)
    {
        Markup parsed = Markup.Parse(markup);
        GeneratorRun run = GeneratorHarness.Run(parsed.Source);

        Assert.Null(run.Exception);
        Assert.True(!run.CompilerDiagnostics.Any(), "The test source itself has diagnostics:\n" + string.Join("\n", run.CompilerDiagnostics));

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
            Assert.Empty(run.Sources);
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
