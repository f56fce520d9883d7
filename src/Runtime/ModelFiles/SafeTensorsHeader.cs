using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace StaticNet;

/// <summary>One entry of a safetensors header: a tensor's name, dtype, shape and byte range in the data section.</summary>
internal sealed record SafeTensorsEntry(string Name, string DType, long[] Shape, long Begin, long End);

/// <summary>
/// The header of a safetensors file (https://github.com/huggingface/safetensors): an 8-byte little-endian length N,
/// N bytes of UTF-8 JSON mapping each tensor's name to its dtype, shape and <c>data_offsets</c> [begin, end) in the
/// data section that follows, and an optional <c>__metadata__</c> map of strings. Reading checks everything the format
/// promises before a byte of data is read: a sane header length, valid JSON, no duplicate names, offsets that tile
/// the data section exactly (no holes, no overlaps, nothing beyond it) and byte lengths that match the shapes.
/// </summary>
internal sealed class SafeTensorsHeader
{
    /// <summary>
    /// The largest header read (1 MiB, a thousand times a StaticNet network's): a header that declares more is refused
    /// before it is allocated. With the limits on names, metadata and the number of tensors below, reading any header
    /// allocates a few MiB at most.
    /// </summary>
    public const int MaxHeaderBytes = 1 << 20;

    /// <summary>The longest tensor name or metadata key, in bytes of JSON.</summary>
    public const int MaxNameBytes = 1024;

    /// <summary>The longest metadata value, in bytes of JSON.</summary>
    public const int MaxValueBytes = 64 << 10;

    /// <summary>The most metadata entries.</summary>
    public const int MaxMetadataEntries = 256;

    private SafeTensorsHeader(Dictionary<string, string> metadata, SafeTensorsEntry[] entries, long headerBytes)
    {
        Metadata = metadata;
        Entries = entries;
        HeaderBytes = headerBytes;
    }

    /// <summary>The <c>__metadata__</c> map; empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The tensors, in the order of their data (ascending offsets).</summary>
    public IReadOnlyList<SafeTensorsEntry> Entries { get; }

    /// <summary>The JSON's length in bytes (the N of the first 8 bytes).</summary>
    public long HeaderBytes { get; }

    /// <summary>Length of the data section: the end of the last tensor.</summary>
    public long DataBytes => Entries.Count == 0 ? 0 : Entries[^1].End;

    /// <summary>Reads and checks the length and the JSON header; the stream is left at the first byte of data.</summary>
    /// <param name="stream">The file, at its first byte.</param>
    /// <param name="fileLength">The file's length if known (a seekable stream), to refuse a header longer than the file before reading it.</param>
    /// <param name="maxTensors">The most tensors the reader can use: a header listing more is refused as it is parsed.</param>
    /// <exception cref="ModelFileException">The header is truncated, too long, not JSON, or inconsistent.</exception>
    public static SafeTensorsHeader Read(Stream stream, long? fileLength, int maxTensors)
    {
        Span<byte> prefix = stackalloc byte[8];
        int got = stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false);
        if (got < 8)
        {
            throw new ModelFileException($"The file is {got} bytes long: too short for a safetensors file, which starts with an 8-byte header length.");
        }

        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (length == 0 || length > MaxHeaderBytes)
        {
            throw new ModelFileException($"The header length in the first 8 bytes is {length}; a safetensors header is 1 to {MaxHeaderBytes} bytes of JSON.");
        }

        if (fileLength is long total && (long)length > total - 8)
        {
            throw new ModelFileException($"The header length in the first 8 bytes is {length}, beyond the end of the file ({total} bytes).");
        }

        byte[] json = new byte[(int)length];
        got = stream.ReadAtLeast(json, json.Length, throwOnEndOfStream: false);
        if (got < json.Length)
        {
            throw new ModelFileException($"The file ends {got} bytes into its {length}-byte header.");
        }

        SafeTensorsHeader header = Parse(json, maxTensors);
        if (fileLength is long size && 8 + (long)length + header.DataBytes != size)
        {
            throw new ModelFileException(
                $"The header's tensors take {header.DataBytes} bytes of data, the file holds {size - 8 - (long)length} after its header: it is truncated or has bytes after its last tensor.");
        }

        return header;
    }

    private static SafeTensorsHeader Parse(byte[] json, int maxTensors)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<SafeTensorsEntry>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, "the top level");
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                string name = Name(ref reader, "A tensor name");
                if (!names.Add(name))
                {
                    throw new ModelFileException($"The header names {Quote(name)} twice.", name);
                }

                if (name == "__metadata__")
                {
                    ReadMetadata(ref reader, metadata);
                }
                else if (entries.Count == maxTensors)
                {
                    throw new ModelFileException($"The header lists more than {maxTensors} tensors, more than the network has.");
                }
                else
                {
                    entries.Add(ReadEntry(ref reader, name));
                }
            }

            // Whitespace may pad the header to a multiple of 8 bytes; anything else after the object is an error.
            if (reader.Read())
            {
                throw new ModelFileException($"The header has {reader.TokenType} after its closing brace.");
            }
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"The header is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // GetString's answer to a name or a value that is not valid UTF-8.
            throw new ModelFileException($"The header is not valid UTF-8: {e.Message}");
        }

        SafeTensorsEntry[] ordered = entries.OrderBy(e => e.Begin).ThenBy(e => e.End).ToArray();
        long position = 0;
        foreach (SafeTensorsEntry entry in ordered)
        {
            if (entry.Begin != position)
            {
                string what = entry.Begin < position ? "overlaps the tensor before it" : "leaves a hole after the tensor before it";
                throw new ModelFileException($"Tensor {Quote(entry.Name)}'s data_offsets [{entry.Begin}, {entry.End}) {what} (which ends at {position}).", entry.Name);
            }

            position = entry.End;
        }

        return new SafeTensorsHeader(metadata, ordered, json.Length);
    }

    private static void ReadMetadata(ref Utf8JsonReader reader, Dictionary<string, string> metadata)
    {
        Expect(ref reader, JsonTokenType.StartObject, "__metadata__");
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            if (metadata.Count == MaxMetadataEntries)
            {
                throw new ModelFileException($"__metadata__ has more than {MaxMetadataEntries} entries.");
            }

            string key = Name(ref reader, "A metadata key");
            Expect(ref reader, JsonTokenType.String, $"__metadata__ entry {Quote(key)}");
            if (reader.ValueSpan.Length > MaxValueBytes)
            {
                throw new ModelFileException($"__metadata__ entry {Quote(key)} is {reader.ValueSpan.Length} bytes long; the limit is {MaxValueBytes}.");
            }

            if (!metadata.TryAdd(key, reader.GetString()!))
            {
                throw new ModelFileException($"__metadata__ names {Quote(key)} twice.");
            }
        }
    }

    private static SafeTensorsEntry ReadEntry(ref Utf8JsonReader reader, string name)
    {
        string? dtype = null;
        long[]? shape = null;
        long[]? offsets = null;
        Expect(ref reader, JsonTokenType.StartObject, $"tensor {Quote(name)}", name);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            string field = Name(ref reader, "A field name");
            switch (field)
            {
                case "dtype" when dtype is null:
                    Expect(ref reader, JsonTokenType.String, $"tensor {Quote(name)}'s dtype", name);
                    dtype = reader.GetString()!;
                    break;
                case "shape" when shape is null:
                    shape = ReadIntegers(ref reader, name, "shape");
                    break;
                case "data_offsets" when offsets is null:
                    offsets = ReadIntegers(ref reader, name, "data_offsets");
                    break;
                default:
                    throw new ModelFileException($"Tensor {Quote(name)} has a field {Quote(field)} a second time or one the format does not have (dtype, shape, data_offsets).", name);
            }
        }

        if (dtype is null || shape is null || offsets is null)
        {
            string missing = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
            throw new ModelFileException($"Tensor {Quote(name)} has no {missing}.", name);
        }

        if (offsets.Length != 2 || offsets[0] > offsets[1])
        {
            throw new ModelFileException($"Tensor {Quote(name)}'s data_offsets are {ModelTensor.Format(offsets)}: expected [begin, end] with begin <= end.", name);
        }

        long elements = 1;
        foreach (long dimension in shape)
        {
            // Each dimension is below 2^31 (ReadIntegers), so the product overflows only past 2^62: refused as too large.
            elements = dimension == 0 ? 0 : elements > (long.MaxValue / 8) / dimension ? -1 : elements * dimension;
            if (elements < 0)
            {
                throw new ModelFileException($"Tensor {Quote(name)}'s shape {ModelTensor.Format(shape)} is too large.", name);
            }
        }

        int? width = ElementBytes(dtype);
        if (width is int bytes && elements * bytes != offsets[1] - offsets[0])
        {
            throw new ModelFileException(
                $"Tensor {Quote(name)} is {dtype} {ModelTensor.Format(shape)}, {elements * bytes} bytes, but its data_offsets [{offsets[0]}, {offsets[1]}) span {offsets[1] - offsets[0]}.", name);
        }

        return new SafeTensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    // Bytes per element of the dtypes the format defines; null for a name it does not.
    private static int? ElementBytes(string dtype) => dtype switch
    {
        "BOOL" or "U8" or "I8" or "F8_E5M2" or "F8_E4M3" => 1,
        "I16" or "U16" or "F16" or "BF16" => 2,
        "I32" or "U32" or "F32" => 4,
        "I64" or "U64" or "F64" => 8,
        _ => null,
    };

    private static long[] ReadIntegers(ref Utf8JsonReader reader, string name, string field)
    {
        Expect(ref reader, JsonTokenType.StartArray, $"tensor {Quote(name)}'s {field}", name);
        var values = new List<long>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value) || value < 0 || (field == "shape" && value > int.MaxValue) || values.Count >= 8)
            {
                throw new ModelFileException($"Tensor {Quote(name)}'s {field} must be a list of at most 8 non-negative integers.", name);
            }

            values.Add(value);
        }

        return values.ToArray();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new ModelFileException("The header's JSON ends before its closing brace.");
        }

        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what, string? tensor = null)
    {
        if (Next(ref reader) != type)
        {
            throw new ModelFileException($"In the header, {what} is {Words(reader.TokenType)} where {Words(type)} belongs.", tensor);
        }
    }

    private static string Words(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "a JSON object",
        JsonTokenType.StartArray => "a JSON list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of a list",
        _ => type.ToString(),
    };

    // A property name, refused before it becomes a string if it is longer than any name a network's file needs.
    private static string Name(ref Utf8JsonReader reader, string what)
    {
        if (reader.ValueSpan.Length > MaxNameBytes)
        {
            throw new ModelFileException($"{what} in the header is {reader.ValueSpan.Length} bytes long; the limit is {MaxNameBytes}.");
        }

        return reader.GetString()!;
    }

    /// <summary>A name in quotes for a message, cut to 100 characters.</summary>
    internal static string Quote(string name) => "\"" + (name.Length <= 100 ? name : name[..100] + "...") + "\"";
}
