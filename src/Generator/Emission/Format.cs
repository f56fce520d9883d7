using System.Globalization;

namespace StaticNet.Generator.Emission;

/// <summary>Invariant-culture literals for emitted code and comments.</summary>
internal static class Format
{
    /// <summary>A C# float literal that round-trips (<c>0.001f</c>).</summary>
    public static string Float(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
        {
            text += ".0";
        }

        return text + "f";
    }

    /// <summary>A number for comments, round-tripping and without suffix (<c>0.001</c>).</summary>
    public static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators for comments (<c>101,770</c>).</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A size in KiB with one decimal (<c>397.5 KiB</c>).</summary>
    public static string Kibibytes(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";

    /// <summary>A C# verbatim-free string literal with escapes.</summary>
    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
