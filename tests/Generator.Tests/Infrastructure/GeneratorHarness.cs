using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// Builds a compilation from test sources, runs the <see cref="NetworkGenerator"/> on it with a
/// <see cref="CSharpGeneratorDriver"/> and returns what came out: the lighter alternative of STYLE.md §4, with no
/// reference assemblies downloaded at test time.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>Parse options of every tree: latest C#, documentation comments checked as a real build with docs would.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>A library with nullable on and every warning wave (the SDK's <c>AnalysisLevel</c> latest).</summary>
    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable)
        .WithWarningLevel(9999)
        .WithDeterministic(true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>The framework (the test host's trusted platform assemblies), the StaticNet runtime and System.Numerics.Tensors.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>The path given to the <paramref name="index"/>th test source.</summary>
    public static string PathOf(int index) => $"/test/Source{index}.cs";

    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    /// <summary>Compiles with other parse options (a language version); nullable is off below C# 8, as it must be.</summary>
    public static CSharpCompilation Compile(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, PathOf(i))),
            References,
            parseOptions.LanguageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp8
                ? CompilationOptions
                : CompilationOptions.WithNullableContextOptions(NullableContextOptions.Disable));

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    public static GeneratorDriver CreateDriver(bool trackSteps = false, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Compiles <paramref name="sources"/> and runs the generator once on them.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(Compile(sources));

    /// <summary>Compiles <paramref name="sources"/> with <paramref name="parseOptions"/> and runs the generator (given the same options) once on them.</summary>
    public static GeneratorRun Run(CSharpParseOptions parseOptions, params string[] sources) => Run(Compile(parseOptions, sources), parseOptions);

    public static GeneratorRun Run(CSharpCompilation compilation, CSharpParseOptions? parseOptions = null)
    {
        GeneratorDriver driver = CreateDriver(parseOptions: parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(
            compilation,
            result.GeneratedSources,
            result.Diagnostics,
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
            result.Exception);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework's assemblies from the test host's trusted list; app-local assemblies (xunit, Roslyn,
        // the generator itself) are left out so the test compilations see only what a user's project would.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .ToList();
        paths.Add(typeof(NetworkAttribute).Assembly.Location);
        paths.Add(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location);
        return paths
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.Last()))
            .ToImmutableArray();
    }
}

/// <summary>What one run of the generator produced.</summary>
/// <param name="Input">The compilation the generator ran on (user sources only).</param>
/// <param name="Sources">The generated files.</param>
/// <param name="GeneratorDiagnostics">What the generator reported (SNxxxx).</param>
/// <param name="OutputDiagnostics">Warnings and errors of the compilation with the generated files added.</param>
/// <param name="Exception">An exception the generator let escape into the compiler (must never happen).</param>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    ImmutableArray<GeneratedSourceResult> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    Exception? Exception)
{
    /// <summary>Warnings and errors the compiler reports on the user's sources alone.</summary>
    public IEnumerable<Diagnostic> CompilerDiagnostics => Input.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
