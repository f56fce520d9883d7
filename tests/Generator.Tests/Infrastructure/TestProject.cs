using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// The test project's folder in the source tree and the C# files compiled into this assembly: what the snapshot helper
/// writes to and what the source scans (diagnostic coverage, no bare <c>Assert.All</c>) read.
/// </summary>
internal static class TestProject
{
    public const string ProjectFile = "StaticNet.Generator.Tests.csproj";

    private static readonly Lazy<string> LazyDirectory = new(FindDirectory);
    private static readonly Lazy<IReadOnlyList<SyntaxTree>> LazySources = new(ParseSources);

    /// <summary>The folder holding <see cref="ProjectFile"/>.</summary>
    public static string Directory => LazyDirectory.Value;

    /// <summary>
    /// Every C# file the project compiles: <c>*.cs</c> under <see cref="Directory"/>, without <c>bin/</c>, <c>obj/</c>
    /// and the expected files of <c>Snapshots/</c> (<c>*.g.cs</c>, removed from <c>Compile</c> in the project file).
    /// </summary>
    public static IReadOnlyList<SyntaxTree> Sources => LazySources.Value;

    /// <summary>Whether the project compiles <paramref name="path"/> (the rule of <see cref="Sources"/>).</summary>
    public static bool IsCompiled(string relativePath)
    {
        string[] parts = relativePath.Split('/', '\\');
        return relativePath.EndsWith(".cs", StringComparison.Ordinal)
            && parts[0] is not ("bin" or "obj")
            && !(parts[0] == "Snapshots" && relativePath.EndsWith(".g.cs", StringComparison.Ordinal));
    }

    private static IReadOnlyList<SyntaxTree> ParseSources()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        return System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => IsCompiled(Path.GetRelativePath(Directory, f)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .ToList();
    }

    private static string FindDirectory() => FindDirectory(ThisFile());

    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>
    /// Above this file when its compile-time path still exists (a normal build), else above the test binaries (a build
    /// that mapped source paths).
    /// </summary>
    private static string FindDirectory(string callerFilePath)
    {
        foreach (string? start in new[] { Path.GetDirectoryName(callerFilePath), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = start is { Length: > 0 } && System.IO.Directory.Exists(start) ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find {ProjectFile} above {callerFilePath} or {AppContext.BaseDirectory}.");
    }
}
