namespace StaticNet.Generator.Model;

/// <summary>The values a hyper-parameter accepts, checked by the validator at compile time and by the generated setter at run time.</summary>
internal enum ValueRange
{
    /// <summary>Any finite value.</summary>
    Finite,

    /// <summary>Finite and greater than 0.</summary>
    Positive,

    /// <summary>Finite and at least 0.</summary>
    NonNegative,

    /// <summary>In [0, 1).</summary>
    UnitInterval,

    /// <summary>In (0, 1).</summary>
    OpenUnitInterval,
}

internal static class ValueRanges
{
    public static bool Contains(this ValueRange range, float value) => range switch
    {
        ValueRange.Positive => IsFinite(value) && value > 0,
        ValueRange.NonNegative => IsFinite(value) && value >= 0,
        ValueRange.UnitInterval => value >= 0 && value < 1,
        ValueRange.OpenUnitInterval => value > 0 && value < 1,
        _ => IsFinite(value),
    };

    /// <summary>The range in words, completing "must be ...".</summary>
    public static string Describe(this ValueRange range) => range switch
    {
        ValueRange.Positive => "finite and greater than 0",
        ValueRange.NonNegative => "finite and at least 0",
        ValueRange.UnitInterval => "in [0, 1)",
        ValueRange.OpenUnitInterval => "in (0, 1)",
        _ => "finite",
    };

    /// <summary>The <c>StaticNet.NetworkArguments</c> method that checks the range at run time.</summary>
    public static string RuntimeCheck(this ValueRange range) => range switch
    {
        ValueRange.Positive => "Positive",
        ValueRange.NonNegative => "NonNegative",
        ValueRange.UnitInterval => "UnitInterval",
        ValueRange.OpenUnitInterval => "OpenUnitInterval",
        _ => "Finite",
    };

    private static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);
}
