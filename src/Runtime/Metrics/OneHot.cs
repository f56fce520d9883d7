using System;

namespace StaticNet;

/// <summary>One-hot encoding of class indices into the target rows expected by <see cref="INetwork{TSelf}.TrainStep"/>.</summary>
public static class OneHot
{
    /// <summary>
    /// Writes one row per label, 1 at the label's column and 0 elsewhere. The labels are all checked before
    /// anything is written, so on an exception <paramref name="destination"/> is unchanged. Allocation-free.
    /// </summary>
    /// <param name="labels">Class indices, each in <c>[0, classCount)</c>.</param>
    /// <param name="classCount">Number of classes (columns), at least 1.</param>
    /// <param name="destination">Receives <c>[labels.Length, classCount]</c>, row-major.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 1, or a label is outside <c>[0, classCount)</c> (the message gives its index, its value and the range).</exception>
    /// <exception cref="ArgumentException">The length of <paramref name="destination"/> is not <c>labels.Length * classCount</c>.</exception>
    public static void Encode(ReadOnlySpan<int> labels, int classCount, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        long expected = (long)labels.Length * classCount;
        if (destination.Length != expected)
        {
            throw new ArgumentException(
                $"Expected a destination of {expected} floats ({labels.Length} labels x {classCount} classes), but its length is {destination.Length}.",
                nameof(destination));
        }

        NetworkArguments.CheckLabels(labels, classCount);
        destination.Clear();
        for (int i = 0; i < labels.Length; i++)
        {
            destination[i * classCount + labels[i]] = 1f;
        }
    }
}
