using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace StaticNet;

/// <summary>
/// Saves and loads a network's parameters as safetensors (https://github.com/huggingface/safetensors), with the tensor
/// names and layouts of PyTorch's <c>nn.Sequential</c> of <c>nn.Linear</c>: <c>0.weight</c> <c>[out, in]</c>,
/// <c>0.bias</c> <c>[out]</c>, numbered by module as PyTorch numbers them (an activation between two layers is a module
/// too: 784-256-10 with ReLU is <c>0.*</c> and <c>2.*</c>). So a file moves both ways between StaticNet and
/// PyTorch/TorchSharp (<c>safetensors.torch.load_file</c>, <c>model.load_state_dict</c>).
/// </summary>
/// <remarks>
/// The file's <c>__metadata__</c> records the architecture in words (<c>staticnet.architecture</c>), its fingerprint
/// and the StaticNet version. Loading checks the whole file before it changes anything: on any exception the network
/// is exactly as it was. Saving writes a temporary file in the target's folder, flushes it to disk and renames it over
/// the target, so a crash mid-save leaves the previous file whole.
/// </remarks>
public static class ModelFile
{
    /// <summary>The metadata key of the architecture in words.</summary>
    public const string ArchitectureKey = "staticnet.architecture";

    /// <summary>The metadata key of the architecture's fingerprint.</summary>
    public const string FingerprintKey = "staticnet.fingerprint";

    /// <summary>The metadata key of the StaticNet version that wrote the file.</summary>
    public const string VersionKey = "staticnet.version";

    /// <summary>The metadata key that marks a checkpoint (value <c>1</c>).</summary>
    public const string CheckpointKey = "staticnet.checkpoint";

    /// <summary>The metadata key of a checkpoint's optimizer (<see cref="ModelLayout.Optimizer"/>).</summary>
    public const string OptimizerKey = "staticnet.optimizer";

    /// <summary>The metadata key of a checkpoint's step count.</summary>
    public const string StepKey = "staticnet.step";

    /// <summary>The metadata key of a checkpoint's dropout generator state.</summary>
    public const string DropoutStateKey = "staticnet.dropout_state";

    // A checkpoint's optimizer tensors: optimizer.<state>.<tensor>, e.g. optimizer.exp_avg.0.weight.
    private const string OptimizerPrefix = "optimizer.";

    /// <summary>Writes <paramref name="network"/>'s parameters to <paramref name="path"/>, replacing it atomically.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to write (conventionally <c>.safetensors</c>); its folder must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="IOException">The file cannot be written (the previous file, if any, is unchanged).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file is not writable.</exception>
    public static void Save<TNetwork>(TNetwork network, string path)
        where TNetwork : INetwork<TNetwork> =>
        AtomicFile.Write(FilePath(path, nameof(path)), Serialize(network, checkpoint: false));

    /// <summary>Writes <paramref name="network"/>'s parameters to <paramref name="stream"/> as safetensors.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="stream">A writable stream; left open, positioned after the file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static void Save<TNetwork>(TNetwork network, Stream stream)
        where TNetwork : INetwork<TNetwork> =>
        Writable(stream).Write(Serialize(network, checkpoint: false));

    /// <summary>
    /// Writes a checkpoint to <paramref name="path"/>, atomically: the parameters, the optimizer's state (each buffer
    /// as <c>optimizer.&lt;state&gt;.&lt;tensor&gt;</c>, e.g. <c>optimizer.exp_avg.0.weight</c>), the step count and the
    /// dropout generator's state, so that <see cref="LoadCheckpoint{TNetwork}(TNetwork, string, ModelLoadOptions?)"/>
    /// resumes training exactly where it stopped. Hyper-parameters set at run time (a learning rate) are not saved.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="IOException">The file cannot be written (the previous file, if any, is unchanged).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file is not writable.</exception>
    public static void SaveCheckpoint<TNetwork>(TNetwork network, string path)
        where TNetwork : INetwork<TNetwork> =>
        AtomicFile.Write(FilePath(path, nameof(path)), Serialize(network, checkpoint: true));

    /// <summary>Writes a checkpoint to <paramref name="stream"/>, as the path overload.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static void SaveCheckpoint<TNetwork>(TNetwork network, Stream stream)
        where TNetwork : INetwork<TNetwork> =>
        Writable(stream).Write(Serialize(network, checkpoint: true));

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with those in <paramref name="path"/>, after checking the whole
    /// file; on any exception the network is unchanged. A checkpoint's parameters load too (its optimizer state is
    /// then skipped).
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">A safetensors file written for this architecture (by StaticNet or PyTorch).</param>
    /// <param name="options">The checks to make; <see cref="ModelLoadOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">Its folder does not exist.</exception>
    /// <exception cref="ModelFileException">
    /// The file is malformed (truncated, a header too long or not JSON, offsets out of bounds or overlapping, a duplicate
    /// name, a dtype other than F32), was made for another architecture (the message names the first mismatching tensor
    /// with the expected and the found shape), or holds a NaN or an infinity.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static void Load<TNetwork>(TNetwork network, string path, ModelLoadOptions? options = null)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        using FileStream stream = OpenRead(path);
        Load(network, stream, options);
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with those read from <paramref name="stream"/>, as
    /// <see cref="Load{TNetwork}(TNetwork, string, ModelLoadOptions?)"/>. Reads at most the header (1 MiB at most) and
    /// the data the network's tensors take, whatever the stream holds.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="stream">A readable stream at the file's first byte; left open.</param>
    /// <param name="options">The checks to make; <see cref="ModelLoadOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="ModelFileException">As for the path overload.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static void Load<TNetwork>(TNetwork network, Stream stream, ModelLoadOptions? options = null)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        float[][] staged = Read<TNetwork>(Readable(stream), options ?? ModelLoadOptions.Default, checkpoint: false, out _);
        Commit(network, staged, counters: null);
    }

    /// <summary>
    /// Restores a checkpoint written by <see cref="SaveCheckpoint{TNetwork}(TNetwork, string)"/>: parameters,
    /// optimizer state, step count and dropout state, after checking the whole file; on any exception the network is
    /// unchanged. Training then continues bit for bit as if it had never stopped.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">A checkpoint of this architecture and optimizer.</param>
    /// <param name="options">The checks to make; <see cref="ModelLoadOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">Its folder does not exist.</exception>
    /// <exception cref="ModelFileException">
    /// As for <see cref="Load{TNetwork}(TNetwork, string, ModelLoadOptions?)"/>; also when the file is not a checkpoint,
    /// was written with another optimizer, lacks a state tensor, or has a step count or dropout state that does not parse.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static void LoadCheckpoint<TNetwork>(TNetwork network, string path, ModelLoadOptions? options = null)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        using FileStream stream = OpenRead(path);
        LoadCheckpoint(network, stream, options);
    }

    /// <summary>Restores a checkpoint read from <paramref name="stream"/>, as the path overload.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="stream">A readable stream at the file's first byte; left open.</param>
    /// <param name="options">The checks to make; <see cref="ModelLoadOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not readable.</exception>
    /// <exception cref="ModelFileException">As for the path overload.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static void LoadCheckpoint<TNetwork>(TNetwork network, Stream stream, ModelLoadOptions? options = null)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        float[][] staged = Read<TNetwork>(Readable(stream), options ?? ModelLoadOptions.Default, checkpoint: true, out (long Step, ulong Dropout) counters);
        Commit(network, staged, counters);
    }

    // The full path of a file to read or write; a folder is refused (OnnxExport saves through it too).
    internal static string FilePath(string path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, parameterName);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{full} is a folder; give the path of a file.", parameterName);
        }

        return full;
    }

    private static FileStream OpenRead(string path) =>
        new(FilePath(path, nameof(path)), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);

    private static Stream Writable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CanWrite ? stream : throw new ArgumentException("The stream is not writable.", nameof(stream));
    }

    private static Stream Readable(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.CanRead ? stream : throw new ArgumentException("The stream is not readable.", nameof(stream));
    }

    // The network's buffers as a file lists them: the parameters (buffer 0), then in a checkpoint each optimizer state.
    private static List<(string Name, ModelTensor Tensor, int Buffer)> Expected(ModelLayout layout, bool checkpoint)
    {
        var expected = layout.Tensors.Select(t => (t.Name, t, 0)).ToList();
        if (checkpoint)
        {
            for (int s = 0; s < layout.OptimizerStates.Count; s++)
            {
                expected.AddRange(layout.Tensors.Select(t => ($"{OptimizerPrefix}{layout.OptimizerStates[s]}.{t.Name}", t, s + 1)));
            }
        }

        return expected;
    }

    // Reads and checks a whole file into copies of the buffers; nothing of the network's is touched.
    private static float[][] Read<TNetwork>(Stream stream, ModelLoadOptions options, bool checkpoint, out (long Step, ulong Dropout) counters)
        where TNetwork : INetwork<TNetwork>
    {
        ModelLayout layout = TNetwork.Layout;
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        // A checkpoint holds at most three optimizer states per tensor (AMSGrad, centered RMSProp): a header listing more
        // tensors than that is refused as it is parsed.
        SafeTensorsHeader header = SafeTensorsHeader.Read(stream, length, maxTensors: layout.Tensors.Count * 4);
        bool isCheckpoint = header.Metadata.TryGetValue(CheckpointKey, out string? flag) && flag == "1";
        if (checkpoint && !isCheckpoint)
        {
            throw new ModelFileException($"The file is not a checkpoint (its metadata has no {CheckpointKey}); ModelFile.Load reads its parameters.");
        }

        counters = checkpoint ? Counters<TNetwork>(header, layout) : default;
        var expected = Expected(layout, checkpoint);
        Match<TNetwork>(layout, header, expected, options, skipOptimizer: isCheckpoint && !checkpoint);

        var staged = new float[1 + (checkpoint ? layout.OptimizerStates.Count : 0)][];
        for (int b = 0; b < staged.Length; b++)
        {
            staged[b] = new float[layout.ParameterBufferLength];
        }

        ReadData(stream, header, expected, staged, options);
        if (length is null && stream.ReadByte() != -1)
        {
            throw new ModelFileException($"The stream continues after the {header.DataBytes} bytes of data its header declares.");
        }

        return staged;
    }

    // A checkpoint's optimizer, step count and dropout state, checked against the network.
    private static (long Step, ulong Dropout) Counters<TNetwork>(SafeTensorsHeader header, ModelLayout layout)
    {
        string network = typeof(TNetwork).Name;
        string optimizer = header.Metadata.GetValueOrDefault(OptimizerKey, string.Empty);
        if (optimizer != layout.Optimizer)
        {
            throw new ModelFileException($"The checkpoint was written with the optimizer {SafeTensorsHeader.Quote(optimizer)}; {network} uses \"{layout.Optimizer}\", whose state it cannot continue.");
        }

        string step = header.Metadata.GetValueOrDefault(StepKey, string.Empty);
        if (!long.TryParse(step, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long steps))
        {
            throw new ModelFileException($"The checkpoint's {StepKey} is {SafeTensorsHeader.Quote(step)}, not a step count (an integer of 0 or more).");
        }

        string dropout = header.Metadata.GetValueOrDefault(DropoutStateKey, "0");
        if (!ulong.TryParse(dropout, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong state))
        {
            throw new ModelFileException($"The checkpoint's {DropoutStateKey} is {SafeTensorsHeader.Quote(dropout)}, not an unsigned integer.");
        }

        return (steps, state);
    }

    // Copies the checked buffers into the network, the one step that changes it.
    private static void Commit<TNetwork>(TNetwork network, float[][] staged, (long Step, ulong Dropout)? counters)
        where TNetwork : INetwork<TNetwork>
    {
        Span<float> parameters = network.Parameters;
        if (parameters.Length != staged[0].Length)
        {
            throw new InvalidOperationException($"{typeof(TNetwork).Name}.Parameters has {parameters.Length} floats; its layout says {staged[0].Length}.");
        }

        if (counters is (long step, ulong dropout))
        {
            // Restored first: it throws if another thread is using the network, before any buffer is written.
            network.TrainingState.RestoreCounters(step, dropout);
            for (int b = 1; b < staged.Length; b++)
            {
                staged[b].CopyTo(network.TrainingState.OptimizerState(b - 1));
            }
        }

        staged[0].CopyTo(parameters);
    }

    /// <summary>The safetensors bytes of a network's parameters, and in a checkpoint its optimizer state and counters.</summary>
    private static byte[] Serialize<TNetwork>(TNetwork network, bool checkpoint)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        ModelLayout layout = TNetwork.Layout;
        var expected = Expected(layout, checkpoint);
        var metadata = new List<(string, string)>
        {
            ("format", "pt"), (ArchitectureKey, layout.Architecture), (FingerprintKey, layout.Fingerprint), (VersionKey, Version),
        };
        if (checkpoint)
        {
            metadata.Add((CheckpointKey, "1"));
            metadata.Add((OptimizerKey, layout.Optimizer));
            metadata.Add((StepKey, network.StepCount.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            metadata.Add((DropoutStateKey, network.TrainingState.DropoutState.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        byte[] header = Header(metadata, expected);
        long dataBytes = expected.Sum(e => (long)e.Tensor.Length * sizeof(float));
        byte[] contents = new byte[checked(8 + header.Length + (int)dataBytes)];
        BinaryPrimitives.WriteUInt64LittleEndian(contents, (ulong)header.Length);
        header.CopyTo(contents, 8);
        int position = 8 + header.Length;
        float[] values = new float[expected.Count == 0 ? 0 : expected.Max(e => e.Tensor.Length)];
        foreach ((string _, ModelTensor tensor, int buffer) in expected)
        {
            int length = tensor.Length;
            tensor.CopyToFileOrder(buffer == 0 ? network.Parameters : network.TrainingState.OptimizerState(buffer - 1), values);
            for (int i = 0; i < length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(contents.AsSpan(position + (i * sizeof(float))), values[i]);
            }

            position += length * sizeof(float);
        }

        return contents;
    }

    // The JSON header, padded with spaces to a multiple of 8 bytes so that the data starts aligned.
    private static byte[] Header(List<(string Key, string Value)> metadata, List<(string Name, ModelTensor Tensor, int Buffer)> tensors)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach ((string key, string value) in metadata)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            long offset = 0;
            foreach ((string name, ModelTensor tensor, int _) in tensors)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                long end = offset + ((long)tensor.Length * sizeof(float));
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }

            json.WriteEndObject();
        }

        while (buffer.Length % 8 != 0)
        {
            buffer.WriteByte((byte)' ');
        }

        return buffer.ToArray();
    }

    // The file's tensors against the network's: the same names, dtypes and shapes, and the same architecture where the
    // file says which it was written for. The first difference is reported. A checkpoint read for its parameters has
    // its optimizer tensors skipped.
    private static void Match<TNetwork>(
        ModelLayout layout, SafeTensorsHeader header, List<(string Name, ModelTensor Tensor, int Buffer)> expected, ModelLoadOptions options, bool skipOptimizer)
    {
        string network = typeof(TNetwork).Name;
        var byName = header.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach ((string name, ModelTensor tensor, int _) in expected)
        {
            string wanted = $"F32 {tensor.ShapeText}";
            if (!byName.TryGetValue(name, out SafeTensorsEntry? entry))
            {
                throw new ModelFileException($"The file has no tensor {name}; {network} expects {wanted}. The file holds {Describe(header)}.", name);
            }

            if (entry.DType != "F32")
            {
                throw new ModelFileException(
                    $"Tensor {name} is {entry.DType} {ModelTensor.Format(entry.Shape)}; {network} expects {wanted}. StaticNet reads F32 tensors only (in PyTorch, save model.float()).",
                    name);
            }

            if (!entry.Shape.SequenceEqual(tensor.Shape.Select(d => (long)d)))
            {
                throw new ModelFileException(
                    $"Tensor {name}: {network} expects {wanted}, the file has {entry.DType} {ModelTensor.Format(entry.Shape)}. The file was made for another architecture{WrittenFor(header, layout, network)}.",
                    name);
            }
        }

        var names = new HashSet<string>(expected.Select(e => e.Name), StringComparer.Ordinal);
        foreach (SafeTensorsEntry entry in header.Entries)
        {
            if (!names.Contains(entry.Name) && !(skipOptimizer && entry.Name.StartsWith(OptimizerPrefix, StringComparison.Ordinal)))
            {
                throw new ModelFileException(
                    $"The file has a tensor {entry.Name} ({entry.DType} {ModelTensor.Format(entry.Shape)}) that {network} does not have. The file was made for another architecture{WrittenFor(header, layout, network)}.",
                    entry.Name);
            }
        }

        if (options.CheckArchitecture && header.Metadata.TryGetValue(FingerprintKey, out string? fingerprint) && fingerprint != layout.Fingerprint)
        {
            throw new ModelFileException(
                $"The file was written for the architecture {SafeTensorsHeader.Quote(header.Metadata.GetValueOrDefault(ArchitectureKey, "?"))} (fingerprint {SafeTensorsHeader.Quote(fingerprint)}); " +
                $"{network} is \"{layout.Architecture}\" (fingerprint {layout.Fingerprint}). The tensors' shapes agree, but the networks compute different functions.");
        }
    }

    // Tensor by tensor in file order into the staging buffers, transposing weights and checking every value; skipped
    // tensors (a checkpoint's optimizer state when only the parameters are read) are read past in bounded chunks.
    private static void ReadData(Stream stream, SafeTensorsHeader header, List<(string Name, ModelTensor Tensor, int Buffer)> expected, float[][] staged, ModelLoadOptions options)
    {
        var byName = expected.ToDictionary(e => e.Name, StringComparer.Ordinal);
        int largest = expected.Count == 0 ? 0 : expected.Max(e => e.Tensor.Length) * sizeof(float);
        byte[] bytes = new byte[Math.Max(largest, 1 << 16)];
        long read = 0;
        foreach (SafeTensorsEntry entry in header.Entries)
        {
            long length = entry.End - entry.Begin;
            if (!byName.TryGetValue(entry.Name, out var target))
            {
                for (long left = length; left > 0;)
                {
                    int chunk = (int)Math.Min(left, bytes.Length);
                    Fill(stream, bytes.AsSpan(0, chunk), header, entry, read);
                    read += chunk;
                    left -= chunk;
                }

                continue;
            }

            Fill(stream, bytes.AsSpan(0, (int)length), header, entry, read);
            read += length;
            Place(bytes.AsSpan(0, (int)length), target.Name, target.Tensor, staged[target.Buffer], options);
        }
    }

    private static void Fill(Stream stream, Span<byte> bytes, SafeTensorsHeader header, SafeTensorsEntry entry, long read)
    {
        int got = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (got < bytes.Length)
        {
            throw new ModelFileException($"The file ends {read + got} bytes into its data; its header declares {header.DataBytes}.", entry.Name);
        }
    }

    private static void Place(ReadOnlySpan<byte> bytes, string name, ModelTensor tensor, float[] staged, ModelLoadOptions options)
    {
        int rows = tensor.Rows, columns = tensor.Columns, length = rows * columns;
        for (int i = 0; i < length; i++)
        {
            float value = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * sizeof(float)));
            if (options.RejectNonFinite && !float.IsFinite(value))
            {
                string at = tensor.Shape.Count == 2 ? $"[{i / columns}, {i % columns}]" : $"[{i}]";
                throw new ModelFileException(
                    $"Tensor {name} holds {value} at {at}; a network with it can only predict NaN. Pass ModelLoadOptions {{ RejectNonFinite = false }} to load it anyway.",
                    name);
            }

            staged[tensor.BufferIndex(i, rows, columns)] = value;
        }
    }

    private static string Describe(SafeTensorsHeader header) =>
        header.Entries.Count == 0 ? "no tensors" : string.Join(", ", header.Entries.Take(6).Select(e => $"{e.Name} {ModelTensor.Format(e.Shape)}")) + (header.Entries.Count > 6 ? ", ..." : string.Empty);

    // The architecture the file names, when it names one other than the network's (a file edited by hand may not).
    private static string WrittenFor(SafeTensorsHeader header, ModelLayout layout, string network) =>
        header.Metadata.TryGetValue(ArchitectureKey, out string? architecture) && architecture != layout.Architecture
            ? $", {SafeTensorsHeader.Quote(architecture)}; {network} is \"{layout.Architecture}\""
            : string.Empty;

    private static string Version { get; } =
        typeof(ModelFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ModelFile).Assembly.GetName().Version?.ToString() ?? "unknown";
}
