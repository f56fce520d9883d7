using System;
using System.Collections.Generic;

namespace StaticNet;

/// <summary>
/// One tensor of a model file: its name and shape as PyTorch's <c>nn.Sequential</c> of <c>nn.Linear</c> writes them
/// (<c>0.weight</c> <c>[out, in]</c>, <c>0.bias</c> <c>[out]</c>) and where it lives in a network's
/// <see cref="INetwork{TSelf}.Parameters"/>.
/// </summary>
/// <param name="Name">The tensor's name in the file, e.g. <c>2.weight</c>.</param>
/// <param name="Shape">Its shape in the file: <c>[out, in]</c> for weights, <c>[out]</c> for biases.</param>
/// <param name="Offset">Offset of its first element in the parameter buffer.</param>
/// <param name="Transposed">
/// True for a Dense layer's weights: the buffer holds them <c>[in, out]</c> row-major (inputs by units), the file
/// <c>[out, in]</c>, so they are transposed on the way in and out.
/// </param>
public sealed record ModelTensor(string Name, IReadOnlyList<int> Shape, int Offset, bool Transposed)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/>.</summary>
    public int Length
    {
        get
        {
            long length = 1;
            foreach (int dimension in Shape)
            {
                length *= dimension;
            }

            return checked((int)length);
        }
    }

    /// <summary>The shape as PyTorch prints it, e.g. <c>[256, 784]</c>.</summary>
    public string ShapeText => ModelTensor.Format(Shape);

    /// <summary>Rows of the file's shape: <c>out</c>.</summary>
    internal int Rows => Shape[0];

    /// <summary>Columns of the file's shape: <c>in</c> for weights, 1 for a bias.</summary>
    internal int Columns => Shape.Count == 2 ? Shape[1] : 1;

    /// <summary>
    /// Where element <paramref name="fileIndex"/> of the file's row-major order lives in the parameter buffer: the one
    /// mapping between PyTorch's <c>[out, in]</c> and the buffer's <c>[in, out]</c>, for reading and writing alike.
    /// </summary>
    /// <param name="fileIndex">The element's index in the file, row-major over <c>[rows, columns]</c>.</param>
    /// <param name="rows"><see cref="Rows"/>, hoisted by the caller's loop.</param>
    /// <param name="columns"><see cref="Columns"/>, hoisted by the caller's loop.</param>
    internal int BufferIndex(int fileIndex, int rows, int columns) =>
        Offset + (Transposed ? ((fileIndex % columns) * rows) + (fileIndex / columns) : fileIndex);

    /// <summary>The tensor in the file's order, copied out of <paramref name="buffer"/> (a parameter or state buffer).</summary>
    internal void CopyToFileOrder(ReadOnlySpan<float> buffer, Span<float> destination)
    {
        // Shape is a list behind an interface and Length a product over it: both read once, not per element.
        int rows = Rows, columns = Columns, length = rows * columns;
        for (int i = 0; i < length; i++)
        {
            destination[i] = buffer[BufferIndex(i, rows, columns)];
        }
    }

    internal static string Format(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";

    internal static string Format(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>Checks that the tensor lies inside a buffer of <paramref name="bufferLength"/> floats.</summary>
    internal void CheckWithin(int bufferLength)
    {
        if (Shape.Count is < 1 or > 2 || (Transposed && Shape.Count != 2))
        {
            throw new ArgumentException($"Tensor {Name}: a shape of {ShapeText} is not a weight matrix or a bias vector.");
        }

        foreach (int dimension in Shape)
        {
            if (dimension < 1)
            {
                throw new ArgumentException($"Tensor {Name}: shape {ShapeText} has a dimension below 1.");
            }
        }

        if (Offset < 0 || (long)Offset + Length > bufferLength)
        {
            throw new ArgumentException($"Tensor {Name}: elements [{Offset}, {(long)Offset + Length}) do not lie within the {bufferLength} floats of the parameter buffer.");
        }
    }
}
