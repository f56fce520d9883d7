using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Tests;

/// <summary>
/// A seeded mutation fuzzer over valid IDX image and label files, raw and gzipped: bit flips, interesting bytes in the
/// header, truncations, insertions, overwritten dimensions. Every mutated file either reads, giving exactly the bytes
/// it holds, or throws <see cref="InvalidDataException"/>; nothing else, and no read allocates more than a stated
/// bound. CI runs 3,000 inputs per base file; set <c>STATICNET_FUZZ_INPUTS</c> for a longer run.
/// </summary>
public sealed class IdxFuzzTests(ITestOutputHelper output)
{
    // The base files are a few KiB; a read holds its chunks and the final array, and a gzip stream its window.
    private const long MaxAllocatedBytes = 8L << 20;

    private static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("STATICNET_FUZZ_INPUTS"), out int n) && n > 0 ? n : 3_000;

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MutatedIdxFiles_ReadExactlyOrThrowInvalidDataException(bool labels, bool gzip)
    {
        var random = new Random(labels ? 11 : 12);
        byte[] raw = labels
            ? TestFiles.Labels(Enumerable.Range(0, 300).Select(i => (byte)(i % 10)).ToArray())
            : TestFiles.Images(5, 28, 28, Enumerable.Range(0, 5 * 784).Select(i => (byte)i).ToArray());
        int read = 0, refused = 0;
        long mostAllocated = 0;
        for (int i = 0; i < Inputs; i++)
        {
            byte[] mutatedRaw = Mutate(raw, random);
            byte[] file = gzip ? (random.Next(3) == 0 ? Mutate(TestFiles.Gzip(mutatedRaw), random) : TestFiles.Gzip(mutatedRaw)) : mutatedRaw;
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                byte[] data = labels ? IdxReader.ReadLabels(new MemoryStream(file), "fuzz") : IdxReader.ReadImages(new MemoryStream(file), "fuzz").Pixels;
                read++;
                // What reads is a whole header and exactly the data after it.
                int header = labels ? 8 : 16;
                Assert.True(!gzip || file.SequenceEqual(TestFiles.Gzip(mutatedRaw)) ? data.SequenceEqual(mutatedRaw.Skip(header)) : data.Length > 0, $"input {i}: other data than the file holds");
            }
            catch (InvalidDataException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"input {i} threw {e.GetType().Name}: {e.Message}\n{Convert.ToBase64String(file)}");
            }

            mostAllocated = Math.Max(mostAllocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        output.WriteLine($"{(labels ? "labels" : "images")}{(gzip ? ", gzipped" : string.Empty)}: {Inputs:N0} mutated files, {read:N0} read, {refused:N0} refused; at most {mostAllocated:N0} bytes allocated by one read");
        Assert.True(mostAllocated <= MaxAllocatedBytes, $"a read allocated {mostAllocated:N0} bytes");
        Assert.True(refused > 0 && read > 0);
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        byte[] file = valid.ToArray();
        if (file.Length == 0)
        {
            return file;
        }

        switch (random.Next(6))
        {
            case 0:
                for (int flips = random.Next(1, 5); flips > 0; flips--)
                {
                    int at = random.Next(2) == 0 ? random.Next(Math.Min(16, file.Length)) : random.Next(file.Length);
                    file[at] ^= (byte)(1 << random.Next(8));
                }

                return file;
            case 1:
                byte[] interesting = { 0x00, 0xFF, 0x7F, 0x80, 0x01, 0x08, 0x03, 0x1F, 0x8B };
                file[random.Next(Math.Min(16, file.Length))] = interesting[random.Next(interesting.Length)];
                return file;
            case 2:
                return file[..random.Next(file.Length)];
            case 3:
            {
                int at = random.Next(file.Length + 1);
                byte[] inserted = new byte[random.Next(1, 9)];
                random.NextBytes(inserted);
                return [.. file[..at], .. inserted, .. file[at..]];
            }

            case 4:
            {
                // A dimension overwritten with a value that matters: 0, -1, huge, off by one.
                int[] values = { 0, -1, int.MaxValue, int.MinValue, 1_000_000_000, 1, 2, 784, 29 };
                int dimensions = file.Length >= 4 ? Math.Min((int)file[3], 3) : 0;
                if (dimensions > 0 && file.Length >= 4 + (4 * dimensions))
                {
                    int which = random.Next(dimensions);
                    System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(4 + (4 * which)), values[random.Next(values.Length)]);
                }

                return file;
            }

            default:
                return [.. file, .. new byte[random.Next(1, 5)]];
        }
    }
}
