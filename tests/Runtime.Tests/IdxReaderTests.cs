using System;
using System.IO;
using Xunit;

namespace StaticNet.Tests;

public class IdxReaderTests
{
    private const string Source = "tiny-images.idx";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_RoundTripsRawAndGzipped(bool gzip)
    {
        byte[] pixels = TestFiles.Sequence(2 * 3 * 4);
        byte[] file = TestFiles.Images(2, 3, 4, pixels);

        IdxImages images = IdxReader.ReadImages(new MemoryStream(gzip ? TestFiles.Gzip(file) : file), Source);

        Assert.Equal(2, images.Count);
        Assert.Equal(3, images.Rows);
        Assert.Equal(4, images.Columns);
        Assert.Equal(pixels, images.Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_RoundTripsRawAndGzipped(bool gzip)
    {
        byte[] file = TestFiles.Labels(3, 1, 4, 1, 5);

        byte[] labels = IdxReader.ReadLabels(new MemoryStream(gzip ? TestFiles.Gzip(file) : file), "labels.idx");

        Assert.Equal(new byte[] { 3, 1, 4, 1, 5 }, labels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_FromFile_DetectsGzipByContentNotName(bool gzip)
    {
        using var temp = new TempDirectory();
        byte[] pixels = TestFiles.Sequence(5 * 2 * 2);
        byte[] file = TestFiles.Images(5, 2, 2, pixels);
        string path = temp.Write("images.bin", gzip ? TestFiles.Gzip(file) : file);

        IdxImages images = IdxReader.ReadImages(path);

        Assert.Equal(5, images.Count);
        Assert.Equal(pixels, images.Pixels);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_ReadsNonSeekableStreams(bool gzip)
    {
        byte[] pixels = TestFiles.Sequence(3 * 2 * 2);
        byte[] file = TestFiles.Images(3, 2, 2, pixels);

        IdxImages images = IdxReader.ReadImages(new NonSeekableStream(gzip ? TestFiles.Gzip(file) : file), Source);

        Assert.Equal(pixels, images.Pixels);
    }

    [Fact]
    public void ReadImages_LeavesTheCallersStreamOpen()
    {
        var stream = new MemoryStream(TestFiles.Gzip(TestFiles.Images(1, 1, 1, [7])));

        IdxReader.ReadImages(stream, Source);

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void ReadImages_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "staticnet-no-such-file-" + Guid.NewGuid().ToString("N") + ".gz");

        var exception = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, exception.Message);
    }

    [Fact]
    public void ReadImages_LabelFile_ReportsWrongMagic()
    {
        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(TestFiles.Labels(1, 2)), Source));

        AssertMentions(exception, Source, "expected 0x00000803", "found 0x00000801", "label file");
    }

    [Fact]
    public void ReadLabels_ImageFile_ReportsWrongMagic()
    {
        byte[] file = TestFiles.Images(1, 2, 2, new byte[4]);

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(file), "labels.idx"));

        AssertMentions(exception, "labels.idx", "expected 0x00000801", "found 0x00000803", "image file");
    }

    [Fact]
    public void ReadImages_NotIdxAtAll_ReportsWrongMagic()
    {
        byte[] file = "PK\u0003\u0004 this is a zip archive"u8.ToArray();

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "expected 0x00000803", "found 0x504B0304", "not an IDX file");
    }

    [Fact]
    public void ReadImages_FloatData_ReportsWrongDataType()
    {
        byte[] file = [.. TestFiles.Header(0x00000D03, 1, 1, 1), 0, 0, 0, 0];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "expected 0x00000803", "found 0x00000D03", "data type 0x0D (float32)", "0x08 (unsigned byte)");
    }

    [Fact]
    public void ReadImages_WrongDimensionCount_ReportsWrongMagic()
    {
        byte[] file = [.. TestFiles.Header(0x00000804, 1, 2, 2, 1), 0, 0, 0, 0];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "expected 0x00000803", "found 0x00000804", "4 dimensions");
    }

    [Theory]
    [InlineData(0, 28, 28, "dimension 0 (image count) is 0")]
    [InlineData(10, -28, 28, "dimension 1 (rows) is -28")]
    [InlineData(10, 28, 0, "dimension 2 (columns) is 0")]
    public void ReadImages_DimensionBelowOne_IsReported(int count, int rows, int columns, string expected)
    {
        byte[] file = TestFiles.Header(0x00000803, count, rows, columns);

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, expected);
    }

    [Fact]
    public void ReadImages_SizeOverflowingAnArray_IsReported()
    {
        byte[] file = TestFiles.Header(0x00000803, 100_000, 100_000, 100_000);

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "100000 images of 100000 x 100000", "1000000000000000 bytes", IdxReader.MaxBytes.ToString());
    }

    [Fact]
    public void ReadImages_SizeWhoseProductWrapsALong_IsStillReported()
    {
        // 16 x 657,916,229 x 1,752,383,440 wraps to 12,544 in 64-bit arithmetic: a header that once passed as 16 small images.
        byte[] file = [.. TestFiles.Header(0x00000803, 16, 657_916_229, 1_752_383_440), .. new byte[12_544]];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "16 images of 657916229 x 1752383440", "18446744073709564160 bytes", IdxReader.MaxBytes.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_TruncatedPixelData_ReportsExpectedAndFoundBytes(bool gzip)
    {
        byte[] file = TestFiles.Images(3, 4, 4, TestFiles.Sequence(40));

        var exception = Assert.Throws<InvalidDataException>(
            () => IdxReader.ReadImages(new MemoryStream(gzip ? TestFiles.Gzip(file) : file), Source));

        AssertMentions(exception, Source, "expected 48 bytes of pixel data (3 images of 4 x 4), found only 40");
    }

    [Fact]
    public void ReadImages_HugeCountWithLittleData_ReportsTruncationWithoutTrustingTheHeader()
    {
        // The full training set's header with one image of data behind it, through gzip so the length is unknown.
        byte[] file = TestFiles.Gzip(TestFiles.Images(60_000, 28, 28, TestFiles.Sequence(784)));

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "expected 47040000 bytes of pixel data (60000 images of 28 x 28), found only 784");
    }

    [Fact]
    public void ReadLabels_TruncatedLabelData_ReportsExpectedAndFoundBytes()
    {
        byte[] file = [.. TestFiles.Header(0x00000801, 10), 1, 2, 3];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(file), "labels.idx"));

        AssertMentions(exception, "labels.idx", "expected 10 bytes of label data (10 labels), found only 3");
    }

    [Fact]
    public void ReadImages_TruncatedMagic_IsReported()
    {
        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream([0, 0]), Source));

        AssertMentions(exception, Source, "truncated header", "expected 4 bytes of magic number, found only 2");
    }

    [Fact]
    public void ReadImages_EmptyFile_IsReported()
    {
        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream([]), Source));

        AssertMentions(exception, Source, "expected 4 bytes of magic number, found only 0");
    }

    [Fact]
    public void ReadImages_TruncatedDimensions_IsReported()
    {
        byte[] file = TestFiles.Header(0x00000803, 60_000, 28)[..10];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(file), Source));

        AssertMentions(exception, Source, "truncated header", "expected 12 bytes of dimensions after the magic number, found only 6");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_TrailingData_IsRejectedWithItsLength(bool gzip)
    {
        byte[] file = [.. TestFiles.Images(2, 2, 2, TestFiles.Sequence(8)), .. new byte[5]];

        var exception = Assert.Throws<InvalidDataException>(
            () => IdxReader.ReadImages(new MemoryStream(gzip ? TestFiles.Gzip(file) : file), Source));

        AssertMentions(exception, Source, "5 bytes of trailing data after the expected 8 bytes of pixel data (2 images of 2 x 2)");
    }

    [Fact]
    public void ReadLabels_TrailingData_IsRejectedWithItsLength()
    {
        byte[] file = [.. TestFiles.Labels(1, 2, 3), 9];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(file), "labels.idx"));

        AssertMentions(exception, "labels.idx", "1 byte of trailing data after the expected 3 bytes of label data (3 labels)");
    }

    [Fact]
    public void ReadImages_CorruptGzip_NamesTheSource()
    {
        byte[] compressed = TestFiles.Gzip(TestFiles.Images(4, 8, 8, TestFiles.Sequence(256)));
        for (int i = 10; i < compressed.Length - 8; i++)
        {
            compressed[i] = 0xFF; // keep the gzip magic, destroy the deflate stream
        }

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(compressed), Source));

        Assert.Contains(Source, exception.Message);
    }

    [Fact]
    public void ReadImages_CutGzip_NamesTheSource()
    {
        byte[] compressed = TestFiles.Gzip(TestFiles.Images(4, 8, 8, TestFiles.Sequence(256)));

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream(compressed[..(compressed.Length / 2)]), Source));

        Assert.Contains(Source, exception.Message);
    }

    [Fact]
    public void ANonSeekableStreamOfGarbage_IsRefusedAtItsMagic_WithoutBeingBuffered()
    {
        // 512 MiB of garbage behind a wrong magic: refused after reading its first bytes.
        var garbage = new PatternStream([], [0x42]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(garbage, Source));

        Assert.Contains("wrong magic number", exception.Message);
        Assert.True(garbage.BytesRead < 1024, $"{garbage.BytesRead} bytes read");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20);
    }

    [Fact]
    public void ASmallGzipDeclaringABillionLabels_AllocatesOnlyWhatArrives()
    {
        // A header announcing 10^9 labels, then 4 MiB of zeros: about 4 KiB gzipped.
        byte[] file = TestFiles.Gzip([.. TestFiles.Header(0x00000801, 1_000_000_000), .. new byte[4 << 20]]);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(file), Source));

        Assert.Contains("truncated data", exception.Message);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 << 20, $"{allocated} bytes allocated");
    }

    [Fact]
    public void ANonSeekableStream_ReadsLikeASeekableOne()
    {
        byte[] file = TestFiles.Gzip(TestFiles.Images(2, 2, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));

        IdxImages images = IdxReader.ReadImages(new PatternStream(file, null), Source);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, images.Pixels);
    }

    [Fact]
    public void AFolder_OrAnUnreadableStream_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => IdxReader.ReadImages(Path.GetTempPath()));
        var closed = new MemoryStream(new byte[16]);
        closed.Dispose();
        Assert.Contains("not readable", Assert.Throws<ArgumentException>(() => IdxReader.ReadLabels(closed, Source)).Message);
        using var writeOnly = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose);
        Assert.Throws<ArgumentException>(() => IdxReader.ReadLabels(writeOnly, Source));
    }

    [Fact]
    public void AnEndlessGzipOfEmptyBlocks_IsRefused_NotReadForever()
    {
        // A gzip header, then empty stored blocks (00 00 00 FF FF) forever: deflate that decompresses to nothing.
        byte[] header = { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03 };
        var stream = new PatternStream(header, new byte[] { 0x00, 0x00, 0x00, 0xFF, 0xFF });

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(stream, Source));

        Assert.Contains("decompressed to only 0", exception.Message);
        Assert.True(stream.BytesRead < 1 << 20, $"{stream.BytesRead} bytes read");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void AGzipCutInsideItsTrailer_IsRefused(int cut)
    {
        byte[] file = TestFiles.Gzip(TestFiles.Labels(1, 2, 3));

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(file[..^cut]), Source));

        Assert.Contains(Source, exception.Message);
    }

    [Fact]
    public void BytesAfterTheGzipData_AreRefused()
    {
        byte[] file = [.. TestFiles.Gzip(TestFiles.Labels(1, 2, 3)), .. new byte[100]];

        var exception = Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream(file), Source));

        Assert.Contains(Source, exception.Message);
    }

    /// <summary>Not seekable: a prefix, then a pattern repeated forever (or nothing more when it is null).</summary>
    private sealed class PatternStream(byte[] prefix, byte[]? pattern) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (pattern is null)
            {
                count = (int)Math.Min(count, prefix.Length - BytesRead);
            }

            for (int i = 0; i < count; i++)
            {
                long at = BytesRead + i;
                buffer[offset + i] = at < prefix.Length ? prefix[at] : pattern![(at - prefix.Length) % pattern.Length];
            }

            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static void AssertMentions(Exception exception, params string[] fragments)
    {
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, exception.Message);
        }
    }
}
