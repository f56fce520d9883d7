using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StaticNet.Generator.Tests.Diagnostics;

/// <summary>
/// Finds, in test sources, which descriptors of <c>DiagnosticDescriptors</c> a test asserts: the field names written
/// as <c>DiagnosticDescriptors.Name</c> inside the arguments of an assertion, in a method marked <c>[Fact]</c> or
/// <c>[Theory]</c>.
/// </summary>
/// <remarks>
/// An assertion is a call of <c>DiagnosticVerifier.Verify</c> (which fails on any missing, extra or different
/// diagnostic, so every <c>ExpectedDiagnostic.Of(DiagnosticDescriptors.X, ...)</c> passed to it is checked against the
/// generator's output) or of <c>Assert.Equal</c>, <c>Assert.Same</c>, <c>Assert.Contains</c> or <c>Assert.Single</c>.
/// Negative assertions (<c>DoesNotContain</c>, <c>NotEqual</c>, <c>Empty</c>...) do not count: they test that a
/// diagnostic is absent. A mention anywhere else (a helper, a field, a non-test method, a local variable) does not
/// count either.
/// </remarks>
internal static class AssertedDescriptors
{
    public const string DescriptorsClass = "DiagnosticDescriptors";

    private static readonly HashSet<string> PositiveAsserts = new(StringComparer.Ordinal) { "Equal", "Same", "Contains", "Single" };

    /// <summary>Descriptor field name to the tests (<c>Class.Method</c>) that assert it.</summary>
    public static Dictionary<string, SortedSet<string>> Find(IEnumerable<SyntaxTree> sources)
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (MethodDeclarationSyntax test in sources.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()).Where(IsTest))
        {
            string testName = QualifiedName(test);
            IEnumerable<string> names = test.DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .Where(IsAssertion)
                .SelectMany(call => call.ArgumentList.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
                .Where(access => LastIdentifier(access.Expression) == DescriptorsClass)
                .Select(access => access.Name.Identifier.ValueText);
            foreach (string name in names)
            {
                if (!found.TryGetValue(name, out SortedSet<string>? tests))
                {
                    found[name] = tests = new SortedSet<string>(StringComparer.Ordinal);
                }

                tests.Add(testName);
            }
        }

        return found;
    }

    /// <summary>The test methods of <paramref name="sources"/>, as <c>Class.Method</c>.</summary>
    public static SortedSet<string> TestMethods(IEnumerable<SyntaxTree> sources) => new(
        sources.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()).Where(IsTest).Select(QualifiedName),
        StringComparer.Ordinal);

    private static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Any(a => LastIdentifier(a.Name) is "Fact" or "FactAttribute" or "Theory" or "TheoryAttribute");

    private static bool IsAssertion(InvocationExpressionSyntax call) => call.Expression is MemberAccessExpressionSyntax access && (LastIdentifier(access.Expression), access.Name.Identifier.ValueText) switch
    {
        ("DiagnosticVerifier", "Verify") => true,
        ("Assert", string name) => PositiveAsserts.Contains(name),
        _ => false,
    };

    private static string? LastIdentifier(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static string QualifiedName(MethodDeclarationSyntax method) =>
        $"{(method.Parent as TypeDeclarationSyntax)?.Identifier.ValueText ?? "?"}.{method.Identifier.ValueText}";
}
