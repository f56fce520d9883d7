using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StaticNet.Generator.Model;

/// <summary>
/// What the generator needs to know of the project it generates into, selected from the parse options (never the
/// compilation, so that it stays equal across edits): the C# language version.
/// </summary>
internal sealed record TargetInfo(LanguageVersion LanguageVersion)
{
    /// <summary>
    /// The oldest C# the generated code compiles with: it implements the static abstract members of
    /// <c>INetwork&lt;T&gt;</c> (C# 11), and C# 11 also brings the <c>file</c> types the emitted helpers may use.
    /// </summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    /// <summary>A target that takes the generated code (the latest C#), for callers that have no parse options.</summary>
    public static readonly TargetInfo Latest = new(LanguageVersion.Latest.MapSpecifiedToEffectiveVersion());

    public bool SupportsGeneratedCode => LanguageVersion >= MinimumLanguageVersion;

    public static TargetInfo From(ParseOptions options) =>
        options is CSharpParseOptions csharp ? new TargetInfo(csharp.LanguageVersion.MapSpecifiedToEffectiveVersion()) : Latest;
}
