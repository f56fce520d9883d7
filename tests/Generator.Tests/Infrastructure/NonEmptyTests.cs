using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using Xunit.Sdk;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>The non-vacuous <c>Assert.All</c>, and the rule that every test uses it.</summary>
public sealed class NonEmptyTests
{
    [Fact]
    public void AnEmptySequenceFails()
    {
        var failure = Assert.Throws<TrueException>(() => NonEmpty.All(Array.Empty<int>(), _ => { }, "the reasons"));
        Assert.Contains("Nothing to check: the reasons is empty.", failure.Message);
    }

    [Fact]
    public void EachItemIsChecked()
    {
        Assert.Throws<AllException>(() => NonEmpty.All(new[] { 1, 2, 3 }, i => Assert.NotEqual(2, i)));
        int seen = 0;
        NonEmpty.All(new[] { 1, 2, 3 }, _ => seen++);
        Assert.Equal(3, seen);
    }

    [Fact]
    public void NoTestCallsAssertAllDirectly()
    {
        // Assert.All passes on an empty sequence; NonEmpty.All is the only caller allowed.
        string[] calls = TestProject.Sources
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            .Where(call => call.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Assert" }, Name.Identifier.Text: "All" })
            .Where(call => call.FirstAncestorOrSelf<ClassDeclarationSyntax>()?.Identifier.Text != nameof(NonEmpty))
            .Select(call => $"{call.SyntaxTree.FilePath}({call.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {call}")
            .ToArray();

        Assert.True(calls.Length == 0, "Use NonEmpty.All instead of Assert.All:\n" + string.Join("\n", calls));
        Assert.Contains(TestProject.Sources, tree => tree.FilePath.EndsWith("NonEmpty.cs", StringComparison.Ordinal)); // the scan sees the sources
    }
}
