using System;

namespace StaticNet.Generator.Model;

/// <summary>Where one part of a declaration is written, under a key such as <c>Layer2.Units</c> or <c>Optimizer.LearningRate</c>.</summary>
internal sealed record ArgumentLocation(string Key, LocationInfo Location);

/// <summary>
/// The source locations of a declaration, beside its <see cref="NetworkSpec"/>: read by the validator to put each
/// diagnostic on the attribute or argument at fault, never by the planner. Keys name an attribute (<c>Loss</c>,
/// <c>Layer0</c>) or one of its arguments (<c>Loss.Function</c>, <c>Layer0.Units</c>); <see cref="Of"/> falls back
/// from an argument to its attribute, then to the <c>[Network]</c> attribute and the class name.
/// </summary>
internal sealed record NetworkLocations(LocationInfo? ClassName, LocationInfo? NetworkAttribute, EquatableArray<ArgumentLocation> Parts)
{
    /// <summary>The location of <paramref name="key"/>, else of its attribute, else of the network.</summary>
    public LocationInfo? Of(string key)
    {
        LocationInfo? exact = Find(key);
        if (exact is not null)
        {
            return exact;
        }

        int dot = key.IndexOf('.');
        return (dot > 0 ? Find(key.Substring(0, dot)) : null) ?? Network;
    }

    /// <summary>The location of exactly <paramref name="key"/> when written, else null.</summary>
    public LocationInfo? Find(string key)
    {
        foreach (ArgumentLocation part in Parts)
        {
            if (string.Equals(part.Key, key, StringComparison.Ordinal))
            {
                return part.Location;
            }
        }

        return null;
    }

    /// <summary>The <c>[Network]</c> attribute, else the class name.</summary>
    public LocationInfo? Network => NetworkAttribute ?? ClassName;

    /// <summary>No locations (hand-built specs in tests).</summary>
    public static NetworkLocations None { get; } = new(null, null, EquatableArray<ArgumentLocation>.Empty);
}
