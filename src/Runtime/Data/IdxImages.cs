namespace StaticNet;

/// <summary>
/// Images read from an IDX file by <see cref="IdxReader.ReadImages(string)"/>: unsigned bytes as stored in the file
/// (0 = background, 255 = full intensity for MNIST / Fashion-MNIST).
/// </summary>
public sealed class IdxImages
{
    internal IdxImages(int count, int rows, int columns, byte[] pixels)
    {
        Count = count;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
    }

    /// <summary>Number of images, at least 1.</summary>
    public int Count { get; }

    /// <summary>Height of every image in pixels, at least 1.</summary>
    public int Rows { get; }

    /// <summary>Width of every image in pixels, at least 1.</summary>
    public int Columns { get; }

    /// <summary>
    /// All pixels, <c>[Count, Rows, Columns]</c> row-major (image by image, each row by row), length
    /// <c>Count * Rows * Columns</c>.
    /// </summary>
    public byte[] Pixels { get; }
}
