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

    /// <summary>Writes <paramref name="network"/>'s parameters to <paramref name="path"/>, replacing it atomically.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to write (conventionally <c>.safetensors</c>); its folder must exist.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="IOException">The file cannot be written (the previous file, if any, is unchanged).</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file is not writable.</exception>
    public static void Save<TNetwork>(TNetwork network, string path)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{full} is a folder; give the path of a file.", nameof(path));
        }

        byte[] contents = Serialize(network);
        AtomicFile.Write(full, contents);
    }

    /// <summary>Writes <paramref name="network"/>'s parameters to <paramref name="stream"/> as safetensors.</summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="stream">A writable stream; left open, positioned after the file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    /// <exception cref="IOException">The stream fails.</exception>
    public static void Save<TNetwork>(TNetwork network, Stream stream)
        where TNetwork : INetwork<TNetwork>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        stream.Write(Serialize(network));
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with those in <paramref name="path"/>, after checking the whole
    /// file; on any exception the network is unchanged.
    /// </summary>
    /// <typeparam name="TNetwork">The generated network type.</typeparam>
    /// <param name="network">The network.</param>
    /// <param name="path">A safetensors file written for this architecture (by StaticNet or PyTorch).</param>
    /// <param name="options">The checks to make; <see cref="ModelLoadOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
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
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{full} is a folder; give the path of a safetensors file.", nameof(path));
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Load(network, stream, options);
    }

    /// <summary>
    /// Replaces <paramref name="network"/>'s parameters with those read from <paramref name="stream"/>, as
    /// <see cref="Load{TNetwork}(TNetwork, string, ModelLoadOptions?)"/>. Reads at most the header (16 MiB at most) and
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
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream is not readable.", nameof(stream));
        }

        options ??= ModelLoadOptions.Default;
        ModelLayout layout = TNetwork.Layout;
        long? length = stream.CanSeek ? stream.Length - stream.Position : null;
        SafeTensorsHeader header = SafeTensorsHeader.Read(stream, length);
        Match<TNetwork>(layout, header, options);

        // Read into a copy; the network's buffer is written only once every check has passed.
        float[] staged = new float[layout.ParameterBufferLength];
        ReadData(stream, header, layout, staged, options);
        if (length is null && stream.ReadByte() != -1)
        {
            throw new ModelFileException($"The stream continues after the {header.DataBytes} bytes of data its header declares.");
        }

        Span<float> parameters = network.Parameters;
        if (parameters.Length != layout.ParameterBufferLength)
        {
            throw new InvalidOperationException($"{typeof(TNetwork).Name}.Parameters has {parameters.Length} floats; its layout says {layout.ParameterBufferLength}.");
        }

        staged.CopyTo(parameters);
    }

    /// <summary>The safetensors bytes of a network's parameters.</summary>
    private static byte[] Serialize<TNetwork>(TNetwork network)
        where TNetwork : INetwork<TNetwork>
    {
        ModelLayout layout = TNetwork.Layout;
        ReadOnlySpan<float> parameters = network.Parameters;
        byte[] header = Header(layout);
        long dataBytes = (long)layout.ParameterCount * sizeof(float);
        byte[] contents = new byte[checked(8 + header.Length + (int)dataBytes)];
        BinaryPrimitives.WriteUInt64LittleEndian(contents, (ulong)header.Length);
        header.CopyTo(contents, 8);
        int position = 8 + header.Length;
        foreach (ModelTensor tensor in layout.Tensors)
        {
            Span<byte> target = contents.AsSpan(position, tensor.Length * sizeof(float));
            ReadOnlySpan<float> source = parameters.Slice(tensor.Offset, tensor.Length);
            if (tensor.Transposed)
            {
                // The buffer holds [in, out]; the file [out, in].
                int outputs = tensor.Shape[0], inputs = tensor.Shape[1];
                for (int o = 0; o < outputs; o++)
                {
                    for (int i = 0; i < inputs; i++)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(target.Slice(((o * inputs) + i) * sizeof(float)), source[(i * outputs) + o]);
                    }
                }
            }
            else
            {
                for (int i = 0; i < source.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(target.Slice(i * sizeof(float)), source[i]);
                }
            }

            position += target.Length;
        }

        return contents;
    }

    // The JSON header, padded with spaces to a multiple of 8 bytes so that the data starts aligned.
    private static byte[] Header(ModelLayout layout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            json.WriteString("format", "pt");
            json.WriteString(ArchitectureKey, layout.Architecture);
            json.WriteString(FingerprintKey, layout.Fingerprint);
            json.WriteString(VersionKey, Version);
            json.WriteEndObject();
            long offset = 0;
            foreach (ModelTensor tensor in layout.Tensors)
            {
                json.WriteStartObject(tensor.Name);
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
    // file says which it was written for. The first difference is reported.
    private static void Match<TNetwork>(ModelLayout layout, SafeTensorsHeader header, ModelLoadOptions options)
    {
        string network = typeof(TNetwork).Name;
        var byName = header.Entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (ModelTensor tensor in layout.Tensors)
        {
            string expected = $"F32 {tensor.ShapeText}";
            if (!byName.TryGetValue(tensor.Name, out SafeTensorsEntry? entry))
            {
                throw new ModelFileException($"The file has no tensor {tensor.Name}; {network} expects {expected}. The file holds {Describe(header)}.", tensor.Name);
            }

            if (entry.DType != "F32")
            {
                throw new ModelFileException(
                    $"Tensor {tensor.Name} is {entry.DType} {ModelTensor.Format(entry.Shape)}; {network} expects {expected}. StaticNet reads F32 tensors only (in PyTorch, save model.float()).",
                    tensor.Name);
            }

            if (!entry.Shape.SequenceEqual(tensor.Shape.Select(d => (long)d)))
            {
                throw new ModelFileException(
                    $"Tensor {tensor.Name}: {network} expects {expected}, the file has {entry.DType} {ModelTensor.Format(entry.Shape)}. The file was made for another architecture{WrittenFor(header, layout, network)}.",
                    tensor.Name);
            }
        }

        if (header.Entries.Count != layout.Tensors.Count)
        {
            SafeTensorsEntry extra = header.Entries.First(e => !layout.Tensors.Any(t => t.Name == e.Name));
            throw new ModelFileException(
                $"The file has a tensor {extra.Name} ({extra.DType} {ModelTensor.Format(extra.Shape)}) that {network} does not have. The file was made for another architecture{WrittenFor(header, layout, network)}.",
                extra.Name);
        }

        if (options.CheckArchitecture && header.Metadata.TryGetValue(FingerprintKey, out string? fingerprint) && fingerprint != layout.Fingerprint)
        {
            throw new ModelFileException(
                $"The file was written for the architecture \"{header.Metadata.GetValueOrDefault(ArchitectureKey, "?")}\" (fingerprint {fingerprint}); " +
                $"{network} is \"{layout.Architecture}\" (fingerprint {layout.Fingerprint}). The tensors' shapes agree, but the networks compute different functions.");
        }
    }

    // Tensor by tensor in file order into the staging buffer, transposing weights and checking every value.
    private static void ReadData(Stream stream, SafeTensorsHeader header, ModelLayout layout, float[] staged, ModelLoadOptions options)
    {
        var tensors = layout.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        byte[] bytes = new byte[header.Entries.Count == 0 ? 0 : header.Entries.Max(e => e.End - e.Begin)];
        long read = 0;
        foreach (SafeTensorsEntry entry in header.Entries)
        {
            ModelTensor tensor = tensors[entry.Name];
            int length = tensor.Length * sizeof(float);
            int got = stream.ReadAtLeast(bytes.AsSpan(0, length), length, throwOnEndOfStream: false);
            if (got < length)
            {
                throw new ModelFileException($"The file ends {read + got} bytes into its data; its header declares {header.DataBytes}.", entry.Name);
            }

            read += length;
            Place(bytes.AsSpan(0, length), tensor, staged, options);
        }
    }

    private static void Place(ReadOnlySpan<byte> bytes, ModelTensor tensor, float[] staged, ModelLoadOptions options)
    {
        int rows = tensor.Shape[0], columns = tensor.Shape.Count == 2 ? tensor.Shape[1] : 1;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int index = (r * columns) + c;
                float value = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(index * sizeof(float)));
                if (options.RejectNonFinite && !float.IsFinite(value))
                {
                    string at = tensor.Shape.Count == 2 ? $"[{r}, {c}]" : $"[{r}]";
                    throw new ModelFileException(
                        $"Tensor {tensor.Name} holds {value} at {at}; a network with it can only predict NaN. Pass ModelLoadOptions {{ RejectNonFinite = false }} to load it anyway.",
                        tensor.Name);
                }

                // The file holds weights [out, in]; the buffer [in, out].
                staged[tensor.Offset + (tensor.Transposed ? (c * rows) + r : index)] = value;
            }
        }
    }

    private static string Describe(SafeTensorsHeader header) =>
        header.Entries.Count == 0 ? "no tensors" : string.Join(", ", header.Entries.Take(6).Select(e => $"{e.Name} {ModelTensor.Format(e.Shape)}")) + (header.Entries.Count > 6 ? ", ..." : string.Empty);

    // The architecture the file names, when it names one other than the network's (a file edited by hand may not).
    private static string WrittenFor(SafeTensorsHeader header, ModelLayout layout, string network) =>
        header.Metadata.TryGetValue(ArchitectureKey, out string? architecture) && architecture != layout.Architecture
            ? $", \"{architecture}\"; {network} is \"{layout.Architecture}\""
            : string.Empty;

    private static string Version { get; } =
        typeof(ModelFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ModelFile).Assembly.GetName().Version?.ToString() ?? "unknown";
}
