using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace StaticNet;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/), gzipped or raw; gzip is
/// detected from the first two bytes (0x1F 0x8B), not from the file name.
/// </summary>
/// <remarks>
/// An IDX file is a big-endian header followed by the data: the magic number <c>0x00 0x00 type ndims</c>, then
/// <c>ndims</c> int32 dimensions, then the elements row-major. Only unsigned bytes (type 0x08) are supported:
/// images have 3 dimensions (magic 0x00000803: count, rows, columns), labels 1 (magic 0x00000801: count).
/// The header is checked field by field before any data is read, and the data must have exactly the length the header
/// announces, at most <see cref="MaxBytes"/>; it is read in chunks as it arrives, so a lying header or a gzip bomb costs
/// at most twice the bytes that really arrive. Every problem is reported as an <see cref="InvalidDataException"/> whose
/// message names the source and gives the expected and the actual value.
/// </remarks>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;
    private const int ImageMagic = 0x00000803;
    private const int LabelMagic = 0x00000801;
    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// The largest data section read, in bytes (1 GiB; the Fashion-MNIST training images take 47 MB): a header announcing
    /// more is refused before any of it is read.
    /// </summary>
    public const int MaxBytes = 1 << 30;

    /// <summary>Reads an IDX image file (magic 0x00000803), gzipped or raw.</summary>
    /// <param name="path">Path of the file; also used in error messages.</param>
    /// <returns>The images, <see cref="IdxImages.Pixels"/> of length <c>Count * Rows * Columns</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty, or names a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names the path).</exception>
    /// <exception cref="DirectoryNotFoundException">A folder of the path does not exist (the message names the path).</exception>
    /// <exception cref="InvalidDataException">The file is not a valid IDX image file: wrong magic number, data type or number of dimensions, a dimension less than 1, a total size over <see cref="MaxBytes"/>, a truncated header or pixel data, trailing bytes, or corrupt gzip data.</exception>
    public static IdxImages ReadImages(string path)
    {
        using FileStream stream = OpenFile(path);
        return ReadImages(stream, path);
    }

    /// <summary>Reads IDX image data (magic 0x00000803), gzipped or raw, from the current position to the end of <paramref name="stream"/>.</summary>
    /// <param name="stream">The data; read to its end and left open.</param>
    /// <param name="sourceName">Name of the source (a path or a URL) used in error messages.</param>
    /// <returns>The images, <see cref="IdxImages.Pixels"/> of length <c>Count * Rows * Columns</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable (closed, or write-only).</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid IDX image file: wrong magic number, data type or number of dimensions, a dimension less than 1, a total size over <see cref="MaxBytes"/>, a truncated header or pixel data, trailing bytes, or corrupt gzip data.</exception>
    public static IdxImages ReadImages(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        Stream payload = OpenPayload(stream, sourceName);
        try
        {
            int[] dimensions = ReadHeader(payload, sourceName, 3, ImageMagic, "unsigned-byte images, 3 dimensions", ["image count", "rows", "columns"]);
            int count = dimensions[0], rows = dimensions[1], columns = dimensions[2];
            // Each factor is at most int.MaxValue, so the product fits 94 bits: Int128 cannot wrap, whatever the header says.
            Int128 total = (Int128)count * rows * columns;
            if (total > MaxBytes)
            {
                throw Invalid(sourceName, $"{count} images of {rows} x {columns} pixels are {total} bytes, more than IdxReader.MaxBytes ({MaxBytes} bytes).");
            }

            string description = $"{total} bytes of pixel data ({count} {(count == 1 ? "image" : "images")} of {rows} x {columns})";
            byte[] pixels = ReadPayload(payload, sourceName, (int)total, description);
            return new IdxImages(count, rows, columns, pixels);
        }
        finally
        {
            CloseIfOwned(payload, stream);
        }
    }

    /// <summary>Reads an IDX label file (magic 0x00000801), gzipped or raw.</summary>
    /// <param name="path">Path of the file; also used in error messages.</param>
    /// <returns>One label per sample, as stored (class indices 0..9 for MNIST / Fashion-MNIST).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty, or names a folder.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist (the message names the path).</exception>
    /// <exception cref="DirectoryNotFoundException">A folder of the path does not exist (the message names the path).</exception>
    /// <exception cref="InvalidDataException">The file is not a valid IDX label file: wrong magic number, data type or number of dimensions, a count less than 1 or over <see cref="MaxBytes"/>, a truncated header or label data, trailing bytes, or corrupt gzip data.</exception>
    public static byte[] ReadLabels(string path)
    {
        using FileStream stream = OpenFile(path);
        return ReadLabels(stream, path);
    }

    /// <summary>Reads IDX label data (magic 0x00000801), gzipped or raw, from the current position to the end of <paramref name="stream"/>.</summary>
    /// <param name="stream">The data; read to its end and left open.</param>
    /// <param name="sourceName">Name of the source (a path or a URL) used in error messages.</param>
    /// <returns>One label per sample, as stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable (closed, or write-only).</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    /// <exception cref="InvalidDataException">The data is not a valid IDX label file: wrong magic number, data type or number of dimensions, a count less than 1 or over <see cref="MaxBytes"/>, a truncated header or label data, trailing bytes, or corrupt gzip data.</exception>
    public static byte[] ReadLabels(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        Stream payload = OpenPayload(stream, sourceName);
        try
        {
            int count = ReadHeader(payload, sourceName, 1, LabelMagic, "unsigned-byte labels, 1 dimension", ["label count"])[0];
            return ReadPayload(payload, sourceName, count, $"{count} bytes of label data ({count} {(count == 1 ? "label" : "labels")})");
        }
        finally
        {
            CloseIfOwned(payload, stream);
        }
    }

    private static FileStream OpenFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a folder; give the path of an IDX file.", nameof(path));
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
    }

    // Returns the stream to parse: a decompressing view when the data starts with the gzip magic, otherwise the
    // stream itself. The two bytes peeked at are read, not sought back to, so that a stream that cannot seek (a
    // network stream) is never buffered: they are replayed in front of the rest. The caller's stream is never closed here.
    private static Stream OpenPayload(Stream stream, string sourceName)
    {
        if (!stream.CanRead)
        {
            throw new ArgumentException($"The stream of '{sourceName}' is not readable (closed, or opened for writing only).", nameof(stream));
        }

        byte[] head = new byte[2];
        int read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        Stream source = new ReplayStream(head.AsMemory(0, read), stream);
        bool gzip = read == 2 && head[0] == 0x1F && head[1] == 0x8B;
        return gzip ? new GzipGuard(source) : source;
    }

    private static void CloseIfOwned(Stream payload, Stream callerStream)
    {
        if (!ReferenceEquals(payload, callerStream))
        {
            payload.Dispose();
        }
    }

    private static int[] ReadHeader(Stream payload, string sourceName, int expectedDimensions, int expectedMagic, string expectedMeaning, string[] dimensionNames)
    {
        Span<byte> magicBytes = stackalloc byte[4];
        int read = Read(payload, magicBytes, sourceName);
        if (read < 4)
        {
            throw Invalid(sourceName, $"truncated header: expected 4 bytes of magic number, found only {read}.");
        }

        int magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        byte type = magicBytes[2];
        int dimensionCount = magicBytes[3];
        string? problem =
            magicBytes[0] != 0 || magicBytes[1] != 0 ? "not an IDX file: its first two bytes must be 0"
            : type != UnsignedByteType ? $"data type 0x{type:X2} ({TypeName(type)}) is not supported, only 0x08 (unsigned byte)"
            : dimensionCount != expectedDimensions ? $"{dimensionCount} {(dimensionCount == 1 ? "dimension" : "dimensions")}{(dimensionCount == 1 ? ", an IDX label file" : dimensionCount == 3 ? ", an IDX image file" : "")}"
            : null;
        if (problem is not null)
        {
            throw Invalid(sourceName, $"wrong magic number: expected 0x{expectedMagic:X8} ({expectedMeaning}), found 0x{magic:X8} ({problem}).");
        }

        int headerBytes = 4 * expectedDimensions;
        Span<byte> dimensionBytes = stackalloc byte[headerBytes];
        read = Read(payload, dimensionBytes, sourceName);
        if (read < headerBytes)
        {
            throw Invalid(sourceName, $"truncated header: expected {headerBytes} bytes of dimensions after the magic number, found only {read}.");
        }

        var dimensions = new int[expectedDimensions];
        for (int i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes.Slice(4 * i, 4));
            if (dimensions[i] < 1)
            {
                throw Invalid(sourceName, $"dimension {i} ({dimensionNames[i]}) is {dimensions[i]}; every dimension must be at least 1.");
            }
        }

        return dimensions;
    }

    private static byte[] ReadPayload(Stream payload, string sourceName, int expected, string description)
    {
        // The header is untrusted: a corrupt one can announce 2 GB, and a small gzip can expand to that much. Data is
        // read in chunks as it arrives, up to what the header announces (checked against MaxBytes first), and copied
        // into one array only once all of it is there: a load allocates at most twice the bytes that really arrive.
        if (expected > MaxBytes)
        {
            throw Invalid(sourceName, $"the header announces {description}, more than IdxReader.MaxBytes ({MaxBytes} bytes).");
        }

        var chunks = new System.Collections.Generic.List<byte[]>();
        long filled = 0;
        while (filled < expected)
        {
            byte[] chunk = new byte[(int)Math.Min(ChunkBytes, expected - filled)];
            int read = Read(payload, chunk, sourceName);
            filled += read;
            if (read < chunk.Length)
            {
                throw Invalid(sourceName, $"truncated data: expected {description}, found only {filled}.");
            }

            chunks.Add(chunk);
        }

        long trailing = CountRemaining(payload, sourceName);
        if (trailing > 0)
        {
            throw Invalid(sourceName, $"{trailing} {(trailing == 1 ? "byte" : "bytes")} of trailing data after the expected {description}.");
        }

        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        byte[] data = new byte[expected];
        int position = 0;
        foreach (byte[] chunk in chunks)
        {
            chunk.CopyTo(data, position);
            position += chunk.Length;
        }

        return data;
    }

    private static long CountRemaining(Stream payload, string sourceName)
    {
        Span<byte> scratch = stackalloc byte[4096];
        long count = 0;
        int read;
        // Counted up to a limit: an endless stream after the data is reported as trailing data, not read forever.
        while (count < ChunkBytes && (read = Read(payload, scratch, sourceName)) > 0)
        {
            count += read;
        }

        return count;
    }

    // Reads until the span is full or the stream ends; returns the number of bytes read.
    private static int Read(Stream payload, Span<byte> destination, string sourceName)
    {
        try
        {
            return payload.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException exception)
        {
            // GZipStream's own message does not say which file is damaged.
            throw Invalid(sourceName, $"corrupt gzip data: {exception.Message}", exception);
        }
    }

    private static string TypeName(byte type) => type switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "unknown type",
    };

    private static InvalidDataException Invalid(string sourceName, string message, Exception? inner = null) =>
        new($"IDX file '{sourceName}': {message}", inner);
}
