namespace StaticNet.Generator;

/// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Attributes read into a <c>NetworkSpec</c>.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The project's language version, from the parse options.</summary>
    public const string Target = nameof(Target);

    /// <summary>Spec checked, diagnostics collected.</summary>
    public const string Validate = nameof(Validate);

    /// <summary>Spec turned into a <c>NetworkPlan</c>.</summary>
    public const string Plan = nameof(Plan);

    /// <summary>Plan printed as C#.</summary>
    public const string Emit = nameof(Emit);
}
