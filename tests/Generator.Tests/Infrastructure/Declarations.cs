using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// The shared test declarations of <see cref="Sources"/>, found by reflection (a declaration added there is checked by
/// every test that takes <see cref="All"/>), and their generated files, generated once per test run.
/// </summary>
internal static class Declarations
{
    private static readonly ConcurrentDictionary<string, Lazy<GeneratedFile>> Generated = new(StringComparer.Ordinal);

    /// <summary>The names of the <c>const string</c> declarations of <see cref="Sources"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(Sources)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => f.Name)
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every declaration, as theory data.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in Names)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static string Source(string name) =>
        (string)(typeof(Sources).GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue()
            ?? throw new ArgumentException($"Sources has no declaration {name}.", nameof(name)));

    /// <summary>The name of the class carrying <c>[Network]</c> in <paramref name="source"/>.</summary>
    public static string NetworkClassName(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Single(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Network" or "NetworkAttribute" or "StaticNet.Network"))
            .Identifier.ValueText;

    /// <summary>The generated file of declaration <paramref name="name"/>; the generator must report nothing and write one file.</summary>
    public static GeneratedFile Generate(string name) => Generated.GetOrAdd(name, n => new Lazy<GeneratedFile>(() => Run(n))).Value;

    private static GeneratedFile Run(string name)
    {
        string source = Source(name);
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        return new GeneratedFile(Assert.Single(run.Sources).SourceText.ToString(), NetworkClassName(source));
    }
}
