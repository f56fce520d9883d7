using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace StaticNet;

/// <summary>
/// Finds NaN and infinities where data enters: <see cref="Dataset"/> checks its features with it, and a custom
/// training loop can check each batch (<see cref="ThrowIfNonFinite"/>) for about 0.1 ns per value, a few microseconds
/// for a batch of 64 Fashion-MNIST images against the hundreds a training step takes.
/// </summary>
public static class FiniteCheck
{
    /// <summary>The index of the first NaN or infinity in <paramref name="values"/>, or -1 when every value is finite.</summary>
    /// <param name="values">The values to search.</param>
    public static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        // x - x is 0 for every finite x and NaN for NaN and ±∞: whole vectors are tested at once.
        int i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            ReadOnlySpan<Vector<float>> vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            for (int v = 0; v < vectors.Length; v++)
            {
                Vector<float> difference = vectors[v] - vectors[v];
                if (!Vector.EqualsAll(difference, Vector<float>.Zero))
                {
                    i = v * Vector<float>.Count;
                    break;
                }

                i = (v + 1) * Vector<float>.Count;
            }
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Throws if <paramref name="values"/>, rows of <paramref name="rowLength"/> values, hold a NaN or an infinity,
    /// naming the row and the column: <c>inputs[3, 17] is NaN</c>.
    /// </summary>
    /// <param name="values">Row-major <c>[rows, rowLength]</c>.</param>
    /// <param name="rowLength">Values per row (features per sample), at least 1.</param>
    /// <param name="name">The values' name in the message, e.g. <c>inputs</c>.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite (<c>ParamName</c> is <paramref name="name"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1.</exception>
    public static void ThrowIfNonFinite(ReadOnlySpan<float> values, int rowLength, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowLength, 1);
        int index = IndexOfNonFinite(values);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"{name}[{index / rowLength}, {index % rowLength}] is {values[index].ToString(System.Globalization.CultureInfo.InvariantCulture)}: a NaN or an infinity would make the loss and every parameter NaN.",
                name);
        }
    }
}
