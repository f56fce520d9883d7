namespace StaticNet;

/// <summary>Checks <see cref="ModelFile"/> makes when it loads a file.</summary>
public sealed record ModelLoadOptions
{
    /// <summary>The defaults: every check on.</summary>
    public static ModelLoadOptions Default { get; } = new();

    /// <summary>Refuse a file holding a NaN or an infinity (default true): such a network can only predict NaN.</summary>
    public bool RejectNonFinite { get; init; } = true;

    /// <summary>
    /// Refuse a file whose <c>staticnet.fingerprint</c> differs from the network's (default true), even when every
    /// tensor's shape matches: the architecture differs (an activation, say). A file without StaticNet metadata (written
    /// by PyTorch) is checked by its tensors' names and shapes only.
    /// </summary>
    public bool CheckArchitecture { get; init; } = true;
}
