using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// <see cref="ModelFile"/>: safetensors with PyTorch's names, round trips bit for bit, and every bad file refused with
/// a <see cref="ModelFileException"/> that leaves the network exactly as it was.
/// </summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("staticnet-modelfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SaveThenLoad_GivesBitIdenticalParametersAndPredictions()
    {
        FileDeep trained = Trained(seed: 3);
        string path = Path.Combine(_folder, "deep.safetensors");
        ModelFile.Save(trained, path);

        var loaded = new FileDeep(99);
        Assert.NotEqual(TestData.Bits(trained.Parameters), TestData.Bits(loaded.Parameters));
        ModelFile.Load(loaded, path);

        Assert.Equal(TestData.Bits(trained.Parameters), TestData.Bits(loaded.Parameters));
        float[] inputs = TestData.Uniform(new Random(5), 7 * FileDeep.InputSize, -1, 1);
        float[] expected = new float[7 * FileDeep.OutputSize], actual = new float[7 * FileDeep.OutputSize];
        trained.Predict(inputs, expected, 7);
        loaded.Predict(inputs, actual, 7);
        Assert.Equal(TestData.Bits(expected), TestData.Bits(actual));
    }

    [Fact]
    public void Names_AreThoseOfPyTorchSequential_WeightsOutByIn()
    {
        FileDeep network = Trained(seed: 4);
        byte[] file = Bytes(network);
        (JsonObject header, byte[] data) = Split(file);

        // Linear 0, ReLU 1, Dropout 2, Linear 3 (identity: no module), Linear 4, LeakyReLU 5, Linear 6 (Softmax 7).
        string[] names = header.Select(p => p.Key).Where(k => k != "__metadata__").ToArray();
        Assert.Equal(new[] { "0.weight", "0.bias", "3.weight", "3.bias", "4.weight", "4.bias", "6.weight", "6.bias" }, names);
        Assert.Equal(new[] { 16, 20 }, Shape(header["0.weight"]!));
        Assert.Equal(new[] { 12, 16 }, Shape(header["3.weight"]!));
        Assert.Equal(new[] { 5, 8 }, Shape(header["6.weight"]!));
        Assert.Equal(new[] { 5 }, Shape(header["6.bias"]!));
        Assert.All(names, n => Assert.Equal("F32", (string)header[n]!["dtype"]!));

        // 0.weight[o, i] is W0[i, o] of the buffer (inputs by units).
        long begin = (long)header["3.weight"]!["data_offsets"]![0]!;
        Span<float> w = network.Parameters.Slice(FileDeep.Dense1WeightsOffset, FileDeep.Dense1WeightsLength);
        for (int o = 0; o < 12; o++)
        {
            for (int i = 0; i < 16; i++)
            {
                float stored = BitConverter.ToSingle(data, (int)begin + (((o * 16) + i) * 4));
                Assert.Equal(BitConverter.SingleToInt32Bits(w[(i * 12) + o]), BitConverter.SingleToInt32Bits(stored));
            }
        }

        JsonObject metadata = header["__metadata__"]!.AsObject();
        Assert.Equal("Input 20 -> Dense 16 ReLU -> Dropout -> Dense 12 Identity -> Dense 8 LeakyReLU(0.01) -> Dense 5 Softmax", (string)metadata[ModelFile.ArchitectureKey]!);
        Assert.Equal(FileDeep.Layout.Fingerprint, (string)metadata[ModelFile.FingerprintKey]!);
        Assert.False(string.IsNullOrEmpty((string)metadata[ModelFile.VersionKey]!));
        Assert.Equal(0UL, BitConverter.ToUInt64(file, 0) % 8); // the data starts 8-byte aligned
    }

    [Fact]
    public void SameParameterCount_OtherShapes_IsRefusedNamingTheTensor()
    {
        Assert.Equal(File421.ParameterCount, File231.ParameterCount);
        byte[] file = Bytes(new File421(1));
        var target = new File231(2);
        int[] before = TestData.Bits(target.Parameters);

        var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(target, new MemoryStream(file)));

        Assert.Equal("0.weight", e.TensorName);
        Assert.Contains("expects F32 [3, 2]", e.Message);
        Assert.Contains("the file has F32 [2, 4]", e.Message);
        Assert.Contains("Input 4 -> Dense 2 Tanh -> Dense 1 Sigmoid", e.Message);
        Assert.Equal(before, TestData.Bits(target.Parameters));
    }

    [Fact]
    public void SameShapes_AnotherActivation_IsRefusedNamingBothArchitectures()
    {
        byte[] file = Bytes(new File421(1));
        var target = new File421ReLU(2);
        int[] before = TestData.Bits(target.Parameters);

        var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(target, new MemoryStream(file)));

        Assert.Contains("Input 4 -> Dense 2 Tanh -> Dense 1 Sigmoid", e.Message);
        Assert.Contains("Input 4 -> Dense 2 ReLU -> Dense 1 Sigmoid", e.Message);
        Assert.Equal(before, TestData.Bits(target.Parameters));

        // The check can be turned off: the tensors themselves fit.
        ModelFile.Load(target, new MemoryStream(file), new ModelLoadOptions { CheckArchitecture = false });
        Assert.Equal(TestData.Bits(new File421(1).Parameters), TestData.Bits(target.Parameters));
    }

    [Fact]
    public void AFileWithoutStaticNetMetadata_LoadsByNamesAndShapes()
    {
        File421 source = new(1);
        (JsonObject header, byte[] data) = Split(Bytes(source));
        header.Remove("__metadata__");
        var target = new File421ReLU(2);

        ModelFile.Load(target, new MemoryStream(Join(header, data)));

        Assert.Equal(TestData.Bits(source.Parameters), TestData.Bits(target.Parameters));
    }

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void ACorruptFile_ThrowsModelFileException_AndChangesNothing(string fault)
    {
        byte[] good = Bytes(new File421(1));
        byte[] bad = Corrupt(fault, good);
        foreach (bool seekable in new[] { true, false })
        {
            var network = new File421(7);
            int[] before = TestData.Bits(network.Parameters);
            Stream stream = seekable ? new MemoryStream(bad) : new ForwardOnlyStream(bad);

            var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(network, stream));

            Assert.False(string.IsNullOrWhiteSpace(e.Message), fault);
            Assert.Equal(before, TestData.Bits(network.Parameters));
        }
    }

    public static TheoryData<string> CorruptFiles()
    {
        var data = new TheoryData<string>();
        foreach (string fault in Faults.Keys)
        {
            data.Add(fault);
        }

        return data;
    }

    [Fact]
    public void TheCorruptFileSuite_HasAtLeast30DistinctFaults()
    {
        byte[] good = Bytes(new File421(1));
        var distinct = new HashSet<string>(Faults.Keys.Select(f => Convert.ToBase64String(Corrupt(f, good))));
        Assert.True(Faults.Count >= 30, $"{Faults.Count} faults");
        Assert.Equal(Faults.Count, distinct.Count);
    }

    [Fact]
    public void NonFiniteWeights_AreRefusedByDefault_AndLoadWhenAllowed()
    {
        var source = new File421(1);
        source.Dense0Weights[5] = float.NaN; // buffer [in 4, out 2]: i = 2, o = 1, so file 0.weight[1, 2]
        byte[] file = Bytes(source);
        var target = new File421(2);
        int[] before = TestData.Bits(target.Parameters);

        var e = Assert.Throws<ModelFileException>(() => ModelFile.Load(target, new MemoryStream(file)));
        Assert.Equal("0.weight", e.TensorName);
        Assert.Contains("NaN at [1, 2]", e.Message);
        Assert.Equal(before, TestData.Bits(target.Parameters));

        ModelFile.Load(target, new MemoryStream(file), new ModelLoadOptions { RejectNonFinite = false });
        Assert.True(float.IsNaN(target.Dense0Weights[5]));
    }

    [Fact]
    public void Save_ReplacesTheFileWhole_AndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(_folder, "model.safetensors");
        ModelFile.Save(new File421(1), path);
        ModelFile.Save(new File421(2), path);

        Assert.Equal(new[] { "model.safetensors" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
        var loaded = new File421(3);
        ModelFile.Load(loaded, path);
        Assert.Equal(TestData.Bits(new File421(2).Parameters), TestData.Bits(loaded.Parameters));
    }

    [Fact]
    public void BadPaths_ThrowDocumentedExceptions()
    {
        var network = new File421(1);
        Assert.Throws<ArgumentException>(() => ModelFile.Save(network, _folder));
        Assert.Throws<ArgumentException>(() => ModelFile.Load(network, _folder));
        Assert.Throws<FileNotFoundException>(() => ModelFile.Load(network, Path.Combine(_folder, "missing.safetensors")));
        Assert.Throws<DirectoryNotFoundException>(() => ModelFile.Save(network, Path.Combine(_folder, "no", "such", "m.safetensors")));
        Assert.Throws<ArgumentException>(() => ModelFile.Load(network, new WriteOnlyStream()));
        Assert.Throws<ArgumentException>(() => ModelFile.Save(network, new MemoryStream(new byte[16], writable: false)));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void ACheckpoint_ResumedForNSteps_EqualsAnUninterruptedRun_BitForBit()
    {
        AssertResumesExactly(() => new FileDeep(21), () => new FileDeep(22), Batches<FileDeep>(8, FileDeep.InputSize, FileDeep.OutputSize));
        AssertResumesExactly(() => new FileRmsProp(23), () => new FileRmsProp(24), Batches<FileRmsProp>(6, FileRmsProp.InputSize, FileRmsProp.OutputSize));
        AssertResumesExactly(() => new File421Momentum(25), () => new File421Momentum(26), Batches<File421Momentum>(5, File421Momentum.InputSize, 2));
    }

    [Fact]
    public void ACheckpoint_NamesItsStateTensorsAndCounters()
    {
        var network = new FileRmsProp(1);
        Step(network, Batches<FileRmsProp>(4, FileRmsProp.InputSize, FileRmsProp.OutputSize)[0]);
        var stream = new MemoryStream();
        ModelFile.SaveCheckpoint(network, stream);
        (JsonObject header, byte[] _) = Split(stream.ToArray());

        Assert.Equal(new[] { "square_avg", "grad_avg", "momentum_buffer" }, FileRmsProp.Layout.OptimizerStates);
        Assert.Equal(new[] { 5, 6 }, Shape(header["optimizer.grad_avg.0.weight"]!));
        Assert.Equal(4 * 4, header.Count(p => p.Key != "__metadata__"));
        JsonObject metadata = header["__metadata__"]!.AsObject();
        Assert.Equal("1", (string)metadata[ModelFile.CheckpointKey]!);
        Assert.Equal("RMSProp (centered)", (string)metadata[ModelFile.OptimizerKey]!);
        Assert.Equal("1", (string)metadata[ModelFile.StepKey]!);

        ITrainingState state = ((INetwork<FileRmsProp>)network).TrainingState;
        Assert.Equal(FileRmsProp.ParameterBufferLength, state.OptimizerState(2).Length);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => state.OptimizerState(3));
        Assert.Contains("keeps 3 state buffer(s)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => state.RestoreCounters(-1, 0));
        Assert.Equal(1, network.StepCount);
    }

    [Fact]
    public void ACheckpointsParameters_LoadWithLoad_AndAParametersFile_IsNotACheckpoint()
    {
        var network = new FileDeep(1);
        Step(network, Batches<FileDeep>(8, FileDeep.InputSize, FileDeep.OutputSize)[0]);
        var checkpoint = new MemoryStream();
        ModelFile.SaveCheckpoint(network, checkpoint);
        var parameters = new MemoryStream();
        ModelFile.Save(network, parameters);

        var loaded = new FileDeep(2);
        ModelFile.Load(loaded, new MemoryStream(checkpoint.ToArray()));
        Assert.Equal(TestData.Bits(network.Parameters), TestData.Bits(loaded.Parameters));
        Assert.Equal(0, loaded.StepCount);

        var target = new FileDeep(3);
        int[] before = TestData.Bits(target.Parameters);
        var e = Assert.Throws<ModelFileException>(() => ModelFile.LoadCheckpoint(target, new MemoryStream(parameters.ToArray())));
        Assert.Contains("not a checkpoint", e.Message);
        Assert.Equal(before, TestData.Bits(target.Parameters));
    }

    [Fact]
    public void ACheckpointOfAnotherOptimizer_IsRefused_ItsParametersStillLoad()
    {
        var adam = new File421(1);
        var stream = new MemoryStream();
        ModelFile.SaveCheckpoint(adam, stream);
        var momentum = new File421Momentum(2);
        int[] before = TestData.Bits(momentum.Parameters);

        var e = Assert.Throws<ModelFileException>(() => ModelFile.LoadCheckpoint(momentum, new MemoryStream(stream.ToArray())));

        Assert.Contains("\"Adam\"", e.Message);
        Assert.Contains("\"Momentum\"", e.Message);
        Assert.Equal(before, TestData.Bits(momentum.Parameters));
        ModelFile.Load(momentum, new MemoryStream(stream.ToArray()));
        Assert.Equal(TestData.Bits(adam.Parameters), TestData.Bits(momentum.Parameters));
    }

    [Theory]
    [InlineData("a step count that is not a number")]
    [InlineData("a negative step count")]
    [InlineData("a dropout state that is not a number")]
    [InlineData("a state tensor missing")]
    [InlineData("NaN in a state tensor")]
    public void ACorruptCheckpoint_IsRefused_AndChangesNothing(string fault)
    {
        var source = new FileDeep(1);
        Step(source, Batches<FileDeep>(8, FileDeep.InputSize, FileDeep.OutputSize)[0]);
        var stream = new MemoryStream();
        ModelFile.SaveCheckpoint(source, stream);
        byte[] good = stream.ToArray();
        byte[] bad = fault switch
        {
            "a step count that is not a number" => Edit(good, h => h["__metadata__"]![ModelFile.StepKey] = "twelve"),
            "a negative step count" => Edit(good, h => h["__metadata__"]![ModelFile.StepKey] = "-1"),
            "a dropout state that is not a number" => Edit(good, h => h["__metadata__"]![ModelFile.DropoutStateKey] = "0x12"),
            "a state tensor missing" => Edit(good, h => h.Remove("optimizer.exp_avg_sq.6.bias"), dropLastBytes: 5 * 4),
            _ => WithFloat(good, good.Length - 8 - (int)BitConverter.ToUInt64(good, 0) is int dataBytes ? (dataBytes / 4) - 1 : 0, float.NaN),
        };
        var target = new FileDeep(2);
        Step(target, Batches<FileDeep>(8, FileDeep.InputSize, FileDeep.OutputSize)[1]);
        int[] parameters = TestData.Bits(target.Parameters);
        long steps = target.StepCount;

        var e = Assert.Throws<ModelFileException>(() => ModelFile.LoadCheckpoint(target, new MemoryStream(bad)));

        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.Equal(parameters, TestData.Bits(target.Parameters));
        Assert.Equal(steps, target.StepCount);
    }

    // Runs 6 steps straight; and 3 steps, a checkpoint, a fresh network restored from it, 3 more: the same bits.
    private static void AssertResumesExactly<TNetwork>(Func<TNetwork> create, Func<TNetwork> createOther, (float[] Inputs, float[] Targets)[] batches)
        where TNetwork : INetwork<TNetwork>
    {
        TNetwork straight = create();
        foreach ((float[] inputs, float[] targets) batch in batches)
        {
            Step(straight, batch);
        }

        TNetwork first = create();
        for (int i = 0; i < 3; i++)
        {
            Step(first, batches[i]);
        }

        var stream = new MemoryStream();
        ModelFile.SaveCheckpoint(first, stream);
        TNetwork resumed = createOther();
        ModelFile.LoadCheckpoint(resumed, new MemoryStream(stream.ToArray()));
        Assert.Equal(3, resumed.StepCount);
        for (int i = 3; i < batches.Length; i++)
        {
            Step(resumed, batches[i]);
        }

        Assert.Equal(TestData.Bits(straight.Parameters), TestData.Bits(resumed.Parameters));
        Assert.Equal(straight.StepCount, resumed.StepCount);
    }

    private static void Step<TNetwork>(TNetwork network, (float[] Inputs, float[] Targets) batch)
        where TNetwork : INetwork<TNetwork> =>
        network.TrainStep(batch.Inputs, batch.Targets, batch.Inputs.Length / TNetwork.InputSize);

    // Six batches of 8 samples, one-hot targets (or 0/1 for a single output).
    private static (float[] Inputs, float[] Targets)[] Batches<TNetwork>(int seed, int inputSize, int classes)
        where TNetwork : INetwork<TNetwork>
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 6).Select(_ =>
        {
            float[] inputs = TestData.Uniform(random, 8 * inputSize, -1, 1);
            float[] targets = new float[8 * TNetwork.OutputSize];
            for (int s = 0; s < 8; s++)
            {
                int label = random.Next(classes);
                if (TNetwork.OutputSize == 1)
                {
                    targets[s] = label;
                }
                else
                {
                    targets[(s * TNetwork.OutputSize) + label] = 1;
                }
            }

            return (inputs, targets);
        }).ToArray();
    }

    // ---- Faults: each a distinct way a file can be wrong ----

    private static readonly Dictionary<string, Func<byte[], byte[]>> Faults = new()
    {
        ["empty"] = _ => Array.Empty<byte>(),
        ["7 bytes"] = f => f[..7],
        ["header length 0"] = f => WithLength(f, 0),
        ["header length above 1 MiB"] = f => WithLength(f, (1 << 20) + 1),
        ["a tensor name over 1,024 bytes"] = f => Rebuild(f, Text(f).Replace("\"0.bias\"", "\"" + new string('b', 1025) + "\"")),
        ["a metadata value over 64 KiB"] = f => Edit(f, h => h["__metadata__"]!["note"] = new string('x', (64 << 10) + 1)),
        ["more metadata entries than 256"] = f => Edit(f, h => { for (int i = 0; i < 257; i++) { h["__metadata__"]![$"k{i}"] = "v"; } }),
        ["more tensors than a checkpoint could hold"] = f => Edit(f, h => { for (int i = 0; i < 17; i++) { h[$"x{i}"] = Entry("F32", 0, 52, 52); } }),
        ["header length beyond the file"] = f => WithLength(f, (ulong)f.Length),
        ["header length 2^63"] = f => WithLength(f, 1UL << 63),
        ["file ends inside the header"] = f => f[..20],
        ["header is not JSON"] = f => Rebuild(f, "this is not json"),
        ["header is a JSON array"] = f => Rebuild(f, "[1, 2]"),
        ["text after the header's object"] = f => Rebuild(f, Text(f) + " {}"),
        ["header is not UTF-8"] = f => RebuildBytes(f, new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }),
        ["duplicate tensor name"] = f => Rebuild(f, Text(f).Replace("\"0.bias\"", "\"0.weight\"")),
        ["duplicate metadata key"] = f => Rebuild(f, Text(f).Replace("{\"format\":\"pt\",", "{\"format\":\"pt\",\"format\":\"pt\",")),
        ["metadata value not a string"] = f => Rebuild(f, Text(f).Replace("\"format\":\"pt\"", "\"format\":7")),
        ["tensor without dtype"] = f => Edit(f, h => h["0.bias"]!.AsObject().Remove("dtype")),
        ["tensor without shape"] = f => Edit(f, h => h["0.bias"]!.AsObject().Remove("shape")),
        ["tensor without data_offsets"] = f => Edit(f, h => h["0.bias"]!.AsObject().Remove("data_offsets")),
        ["tensor with an unknown field"] = f => Edit(f, h => h["0.bias"]!["quantised"] = true),
        ["tensor entry not an object"] = f => Edit(f, h => h["0.bias"] = 5),
        ["dtype F16"] = f => Edit(f, h => { h["0.bias"]!["dtype"] = "F16"; h["0.bias"]!["shape"] = new JsonArray(4); }),
        ["dtype unknown to the format"] = f => Edit(f, h => h["0.bias"]!["dtype"] = "Q4"),
        ["negative dimension"] = f => Edit(f, h => h["0.bias"]!["shape"] = new JsonArray(-2)),
        ["fractional dimension"] = f => Edit(f, h => h["0.bias"]!["shape"] = new JsonArray(1.5)),
        ["dimensions overflowing"] = f => Edit(f, h => h["0.weight"]!["shape"] = new JsonArray(int.MaxValue, int.MaxValue, int.MaxValue)),
        ["three data_offsets"] = f => Edit(f, h => h["0.bias"]!["data_offsets"] = new JsonArray(32, 40, 48)),
        ["data_offsets begin after end"] = f => Edit(f, h => h["0.bias"]!["data_offsets"] = new JsonArray(40, 32)),
        ["data_offsets overlapping"] = f => Edit(f, h => { h["0.bias"]!["data_offsets"] = new JsonArray(28, 36); }),
        ["data_offsets leaving a hole"] = f => Edit(f, h => { h["0.weight"]!["data_offsets"] = new JsonArray(0, 28); h["0.weight"]!["shape"] = new JsonArray(7); }),
        ["bytes not matching the shape"] = f => Edit(f, h => h["0.bias"]!["shape"] = new JsonArray(3)),
        ["data truncated"] = f => f[..^4],
        ["bytes after the last tensor"] = f => f.Concat(new byte[4]).ToArray(),
        ["a tensor missing"] = f => Edit(f, h => { h.Remove("2.bias"); }, dropLastBytes: 4),
        ["an extra tensor"] = f => Edit(f, h => h["9.bias"] = Entry("F32", 1, 52, 56), extraBytes: 4),
        ["a weight stored [in, out]"] = f => Edit(f, h => h["0.weight"]!["shape"] = new JsonArray(4, 2)),
        ["weights in F64"] = f => Edit(f, h => { h["0.weight"]!["dtype"] = "F64"; h["0.weight"]!["shape"] = new JsonArray(2, 2); }),
        ["NaN in a weight"] = f => WithFloat(f, 0, float.NaN),
        ["+Infinity in a bias"] = f => WithFloat(f, 8, float.PositiveInfinity),
        ["another architecture's fingerprint"] = f => Rebuild(f, Text(f).Replace(File421.Layout.Fingerprint, "0123456789abcdef")),
    };

    private static JsonObject Entry(string dtype, int length, long begin, long end) =>
        new() { ["dtype"] = dtype, ["shape"] = new JsonArray(length), ["data_offsets"] = new JsonArray(begin, end) };

    private static byte[] Corrupt(string fault, byte[] good) => Faults[fault](good.ToArray());

    private static byte[] WithLength(byte[] file, ulong length)
    {
        BitConverter.TryWriteBytes(file.AsSpan(0, 8), length);
        return file;
    }

    private static string Text(byte[] file) => Encoding.UTF8.GetString(file, 8, (int)BitConverter.ToUInt64(file, 0));

    private static byte[] Data(byte[] file) => file[(8 + (int)BitConverter.ToUInt64(file, 0))..];

    private static byte[] Rebuild(byte[] file, string header) => RebuildBytes(file, Encoding.UTF8.GetBytes(header));

    private static byte[] RebuildBytes(byte[] file, byte[] header) =>
        BitConverter.GetBytes((ulong)header.Length).Concat(header).Concat(Data(file)).ToArray();

    // The file with a float of the data section (by index) replaced.
    private static byte[] WithFloat(byte[] file, int index, float value)
    {
        int start = 8 + (int)BitConverter.ToUInt64(file, 0) + (index * 4);
        BitConverter.TryWriteBytes(file.AsSpan(start, 4), value);
        return file;
    }

    private static byte[] Edit(byte[] file, Action<JsonObject> edit, int dropLastBytes = 0, int extraBytes = 0)
    {
        (JsonObject header, byte[] data) = Split(file);
        edit(header);
        return Join(header, data[..^dropLastBytes].Concat(new byte[extraBytes]).ToArray());
    }

    private static (JsonObject Header, byte[] Data) Split(byte[] file) => (JsonNode.Parse(Text(file))!.AsObject(), Data(file));

    private static byte[] Join(JsonObject header, byte[] data) => Rebuild(BitConverter.GetBytes(0UL).Concat(data).ToArray(), header.ToJsonString());

    private static int[] Shape(JsonNode entry) => entry["shape"]!.AsArray().Select(d => (int)d!).ToArray();

    private static byte[] Bytes<TNetwork>(TNetwork network)
        where TNetwork : INetwork<TNetwork>
    {
        var stream = new MemoryStream();
        ModelFile.Save(network, stream);
        return stream.ToArray();
    }

    private static FileDeep Trained(int seed)
    {
        var network = new FileDeep(seed);
        var random = new Random(seed);
        float[] inputs = TestData.Uniform(random, 8 * FileDeep.InputSize, -1, 1);
        int[] labels = Enumerable.Range(0, 8).Select(i => i % FileDeep.OutputSize).ToArray();
        for (int step = 0; step < 5; step++)
        {
            network.TrainStep(inputs, labels, 8);
        }

        return network;
    }

    /// <summary>A stream that can only be written.</summary>
    private sealed class WriteOnlyStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) { }
    }
}
