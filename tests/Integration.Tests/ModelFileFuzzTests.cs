using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>
/// A seeded mutation fuzzer over valid model files and checkpoints: bit flips, byte replacements, truncations,
/// insertions, header-length overwrites and edits of the JSON's numbers and names, alone and in pairs. Every mutated
/// file either loads, giving exactly the floats it holds, or throws <see cref="ModelFileException"/> leaving the network
/// as it was; nothing else, and no load allocates more than a stated bound. CI runs 3,000 inputs per base file; set
/// <c>STATICNET_FUZZ_INPUTS</c> for a longer run (the closing notes quote 100,000).
/// </summary>
public sealed class ModelFileFuzzTests(ITestOutputHelper output)
{
    // A header is at most 1 MiB; its strings, entries and the staging buffers of these small networks stay well below.
    private const long MaxAllocatedBytes = 8L << 20;

    private static readonly byte[] Interesting = "\0\xff\"{}[],:9-e .\x80"u8.ToArray();

    private static int Inputs => int.TryParse(Environment.GetEnvironmentVariable("STATICNET_FUZZ_INPUTS"), out int n) && n > 0 ? n : 3_000;

    [Fact]
    public void MutatedParameterFiles_LoadExactlyOrThrowModelFileException() =>
        Fuzz<File421>(Bytes(w => ModelFile.Save(Trained421(), w)), seed: 1, checkpoint: false);

    [Fact]
    public void MutatedDeeperFiles_LoadExactlyOrThrowModelFileException() =>
        Fuzz<FileDeep>(Bytes(w => ModelFile.Save(new FileDeep(5), w)), seed: 2, checkpoint: false);

    [Fact]
    public void MutatedCheckpoints_LoadExactlyOrThrowModelFileException()
    {
        File421 network = Trained421();
        byte[] file = Bytes(w => ModelFile.SaveCheckpoint(network, w));
        Fuzz<File421>(file, seed: 3, checkpoint: true);
        Fuzz<File421>(file, seed: 4, checkpoint: false);
    }

    private void Fuzz<TNetwork>(byte[] valid, int seed, bool checkpoint)
        where TNetwork : INetwork<TNetwork>
    {
        var random = new Random(seed);
        int loaded = 0, refused = 0;
        long mostAllocated = 0;
        for (int i = 0; i < Inputs; i++)
        {
            byte[] file = Mutate(valid, random);
            if (random.Next(4) == 0)
            {
                file = Mutate(file, random);
            }

            foreach (bool seekable in new[] { true, false })
            {
                TNetwork network = TNetwork.Create(99);
                int[] before = TestData.Bits(network.Parameters);
                Stream stream = seekable ? new MemoryStream(file) : new ForwardOnlyStream(file, maxRead: 5);
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    if (checkpoint)
                    {
                        ModelFile.LoadCheckpoint(network, stream);
                    }
                    else
                    {
                        ModelFile.Load(network, stream);
                    }

                    loaded++;
                    Assert.True(Expected<TNetwork>(file) is float[] expected && TestData.Bits(expected).SequenceEqual(TestData.Bits(network.Parameters)),
                        $"input {i} (seed {seed}) loaded other parameters than the file holds: {Convert.ToBase64String(file)}");
                }
                catch (ModelFileException)
                {
                    refused++;
                    Assert.True(before.SequenceEqual(TestData.Bits(network.Parameters)), $"input {i} (seed {seed}) changed the network and was refused");
                }
                catch (Exception e)
                {
                    Assert.Fail($"input {i} (seed {seed}) threw {e.GetType().Name}: {e.Message}\n{Convert.ToBase64String(file)}");
                }

                mostAllocated = Math.Max(mostAllocated, GC.GetAllocatedBytesForCurrentThread() - allocated);
            }
        }

        output.WriteLine($"{typeof(TNetwork).Name}{(checkpoint ? " checkpoint" : string.Empty)}, seed {seed}: {Inputs:N0} mutated files, each from a seekable and a forward-only stream: {loaded:N0} loads, {refused:N0} refusals; at most {mostAllocated:N0} bytes allocated by one load");
        Assert.True(mostAllocated <= MaxAllocatedBytes, $"a load allocated {mostAllocated:N0} bytes");
        Assert.True(refused > 0);
    }

    // The parameters a file holds, read by a reader of this test's own (JsonNode over the header): null if it cannot tell.
    private static float[]? Expected<TNetwork>(byte[] file)
        where TNetwork : INetwork<TNetwork>
    {
        int length = (int)BitConverter.ToUInt64(file, 0);
        JsonObject header = JsonNode.Parse(Encoding.UTF8.GetString(file, 8, length))!.AsObject();
        float[] parameters = new float[TNetwork.ParameterBufferLength];
        foreach (ModelTensor tensor in TNetwork.Layout.Tensors)
        {
            long begin = (long)header[tensor.Name]!["data_offsets"]![0]!;
            int rows = tensor.Shape[0], columns = tensor.Shape.Count == 2 ? tensor.Shape[1] : 1;
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    float value = BitConverter.ToSingle(file, 8 + length + (int)begin + (((r * columns) + c) * 4));
                    parameters[tensor.Offset + (tensor.Transposed ? (c * rows) + r : (r * columns) + c)] = value;
                }
            }
        }

        return parameters;
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        byte[] file = valid.ToArray();
        if (file.Length < 9)
        {
            // A second mutation of a file already cut short: cut or keep it.
            return file[..random.Next(file.Length + 1)];
        }

        int headerEnd = 8 + (int)Math.Min(BitConverter.ToUInt64(valid, 0), (ulong)(valid.Length - 8));
        switch (random.Next(8))
        {
            case 0: // bit flips, mostly in the header
                for (int flips = random.Next(1, 9); flips > 0; flips--)
                {
                    int at = random.Next(2) == 0 ? random.Next(headerEnd) : random.Next(file.Length);
                    file[at] ^= (byte)(1 << random.Next(8));
                }

                return file;
            case 1: // interesting bytes
                for (int n = random.Next(1, 4); n > 0; n--)
                {
                    file[random.Next(headerEnd)] = Interesting[random.Next(Interesting.Length)];
                }

                return file;
            case 2: // truncation
                return file[..random.Next(file.Length)];
            case 3: // insertion
            {
                int at = random.Next(file.Length);
                byte[] inserted = new byte[random.Next(1, 16)];
                random.NextBytes(inserted);
                return file[..at].Concat(inserted).Concat(file[at..]).ToArray();
            }

            case 4: // the header length
            {
                ulong[] lengths = { 0, 1, 7, (ulong)(headerEnd - 9), (ulong)(headerEnd - 7), (ulong)file.Length, (1UL << 20) + 1, ulong.MaxValue, 1UL << 63 };
                BitConverter.TryWriteBytes(file.AsSpan(0, 8), lengths[random.Next(lengths.Length)]);
                return file;
            }

            case 5: // a number of the JSON
                return ReplaceInHeader(file, headerEnd, random, IsDigitRun,
                    new[] { "0", "-1", "99999999999999999999", "2147483648", "1e9", "0.5", "4", "9223372036854775807", "\"7\"" });
            case 6: // a name or string of the JSON
                return ReplaceInHeader(file, headerEnd, random, IsStringRun,
                    new[] { "\"0.bias\"", "\"__metadata__\"", "\"\"", "\"F16\"", "\"dtype\"", "\"\\u0000\"", "\"\\ud800\"", "{}", "[]", "null" });
            default: // a float of the data
            {
                if (file.Length - headerEnd >= 4)
                {
                    float[] values = { float.NaN, float.PositiveInfinity, -0f, float.Epsilon, 1e38f, 3f };
                    int at = headerEnd + (random.Next((file.Length - headerEnd) / 4) * 4);
                    BitConverter.TryWriteBytes(file.AsSpan(at, 4), values[random.Next(values.Length)]);
                }

                return file;
            }
        }
    }

    // Replaces one run of the header (digits, or a quoted string) with another text, keeping the length field right.
    private static byte[] ReplaceInHeader(byte[] file, int headerEnd, Random random, Func<string, int, int> run, string[] replacements)
    {
        string header = Encoding.UTF8.GetString(file, 8, headerEnd - 8);
        var starts = Enumerable.Range(0, header.Length).Where(i => run(header, i) > 0 && (i == 0 || run(header, i - 1) == 0)).ToArray();
        if (starts.Length == 0)
        {
            return file;
        }

        int start = starts[random.Next(starts.Length)];
        string edited = header[..start] + replacements[random.Next(replacements.Length)] + header[(start + run(header, start))..];
        byte[] bytes = Encoding.UTF8.GetBytes(edited);
        return BitConverter.GetBytes((ulong)bytes.Length).Concat(bytes).Concat(file[headerEnd..]).ToArray();
    }

    private static int IsDigitRun(string text, int at)
    {
        int end = at;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - at;
    }

    private static int IsStringRun(string text, int at)
    {
        if (text[at] != '"')
        {
            return 0;
        }

        int end = text.IndexOf('"', at + 1);
        return end < 0 ? 0 : end - at + 1;
    }

    private static File421 Trained421()
    {
        var network = new File421(1);
        float[] inputs = TestData.Uniform(new Random(2), 8 * File421.InputSize, -1, 1);
        float[] targets = Enumerable.Range(0, 8).Select(i => (float)(i % 2)).ToArray();
        for (int step = 0; step < 3; step++)
        {
            network.TrainStep(inputs, targets, 8);
        }

        return network;
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
