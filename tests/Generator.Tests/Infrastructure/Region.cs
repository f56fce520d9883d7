using System;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// A part of a generated file that one concern decides, snapshotted in a file of its own
/// (<c>Snapshots/&lt;TestName&gt;/&lt;FileName&gt;</c>), so that a change in one concern rewrites the expected lines of
/// that concern only. Cut from the emitted text by <see cref="GeneratedFile"/>.
/// </summary>
internal sealed record Region(string FileName, Func<GeneratedFile, string> Cut)
{
    /// <summary>Separates the user's partial class and the implementation in a region taken from both.</summary>
    public const string ImplementationMarker = "// ---- in namespace StaticNet.Generated ----";

    /// <summary>The file header: architecture, loss, optimizer, penalties, totals.</summary>
    public static readonly Region Header = new("Header.g.cs", f => f.Header);

    /// <summary>Namespaces, containing types, attributes and base types of both classes.</summary>
    public static readonly Region Declaration = new("Declaration.g.cs", f => f.Declaration());

    /// <summary>The implementation's fields: buffers, optimizer state, workspaces, hyper-parameter defaults.</summary>
    public static readonly Region State = new("State.g.cs", f => f.ImplementationMembers(Member.Where(IsField, "a field")));

    /// <summary>The forward pass.</summary>
    public static readonly Region Forward = new("Forward.g.cs", f => f.ImplementationMembers(Member.StartingWith("private void Forward(")));

    /// <summary>The backward pass.</summary>
    public static readonly Region Backward = new("Backward.g.cs", f => f.ImplementationMembers(Member.StartingWith("private void Backward(")));

    /// <summary>The loss and what <c>Predict</c> applies to the last layer.</summary>
    public static readonly Region Loss = new(
        "Loss.g.cs",
        f => f.ImplementationMembers(Member.StartingWith("private void WriteOutputs("), Member.StartingWith("private float Loss(")));

    /// <summary>The optimizer step and the penalty, as documented to the user and as implemented.</summary>
    public static readonly Region Optimizer = new(
        "Optimizer.g.cs",
        f => f.UserMembers(Member.StartingWith("public void ApplyGradients("), Member.StartingWith("public float RegularizationLoss("))
            + "\n" + ImplementationMarker + "\n"
            + f.ImplementationMembers(
                Member.StartingWith("public void ApplyGradients("), Member.StartingWith("private void Update("), Member.StartingWith("public float RegularizationLoss(")));

    /// <summary>The run-time hyper-parameter properties: documentation, defaults and valid ranges.</summary>
    public static readonly Region HyperParameters = new(
        "HyperParameters.g.cs",
        f => f.UserMembers(Member.Where(l => l.Contains("{ get => _network.", StringComparison.Ordinal), "a property '{ get => _network.X; ... }'"))
            + "\n" + ImplementationMarker + "\n"
            + f.ImplementationMembers(Member.Where(
                l => l.TrimStart().StartsWith("public float ", StringComparison.Ordinal) && !l.Contains('(', StringComparison.Ordinal),
                "a property 'public float X' with get and set on the lines below")));

    /// <summary>
    /// A field declaration: <c>private</c>, no <c>=&gt;</c>, and no parenthesis before its initializer (which tells it
    /// from a method or a property).
    /// </summary>
    public static bool IsField(string trimmedLine)
    {
        if (!trimmedLine.StartsWith("private ", StringComparison.Ordinal) || trimmedLine.Contains("=>", StringComparison.Ordinal))
        {
            return false;
        }

        int end = trimmedLine.IndexOfAny(new[] { '=', ';' });
        return end > 0 && trimmedLine.IndexOf('(', 0, end) < 0 && trimmedLine.IndexOf('{', 0, end) < 0;
    }
}
