using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace StaticNet.Reference.Tests;

/// <summary>One <c>Elf64_Vernaux</c> entry of a library's <c>.gnu.version_r</c> section: a symbol version it needs.</summary>
/// <param name="Library">The library the version is needed from (the <c>Elf64_Verneed</c>'s file), e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Version">The version name, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Flags"><c>vna_flags</c>; <see cref="ElfVersionNeeds.Weak"/> marks a need the loader may leave unmet.</param>
/// <param name="FlagsOffset">File offset of <c>vna_flags</c>.</param>
public sealed record VersionNeed(string Library, string Version, ushort Flags, long FlagsOffset)
{
    /// <summary>Whether VER_FLG_WEAK is set.</summary>
    public bool IsWeak => (Flags & ElfVersionNeeds.Weak) != 0;
}

/// <summary>
/// Reads the version needs of a 64-bit little-endian ELF file. Written independently of the patch task in
/// PatchLibTorchSharp.targets, so the smoke tests check the patch's result rather than the patcher checking itself.
/// </summary>
public static class ElfVersionNeeds
{
    /// <summary>VER_FLG_WEAK.</summary>
    public const ushort Weak = 0x2;

    private const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>Every version need of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<VersionNeed> Read(string path)
    {
        ReadOnlySpan<byte> elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file.");
        }
        long sectionHeaders = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);

        var needs = new List<VersionNeed>();
        for (int s = 0; s < count; s++)
        {
            ReadOnlySpan<byte> header = elf.Slice(checked((int)(sectionHeaders + s * entrySize)), entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != ShtGnuVerneed)
            {
                continue;
            }
            int offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]));
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            int verneedCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x2C..]);
            ReadOnlySpan<byte> stringsHeader = elf.Slice(checked((int)(sectionHeaders + link * entrySize)), entrySize);
            int strings = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(stringsHeader[0x18..]));

            int verneed = offset;
            for (int i = 0; i < verneedCount; i++)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[(verneed + 2)..]);
                string library = CString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(verneed + 4)..]));
                int aux = verneed + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(verneed + 8)..]);
                for (int j = 0; j < auxCount; j++)
                {
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(elf[(aux + 4)..]);
                    string version = CString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 8)..]));
                    needs.Add(new VersionNeed(library, version, flags, aux + 4));
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 12)..]);
                }
                verneed += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(verneed + 12)..]);
            }
        }
        return needs;
    }

    private static string CString(ReadOnlySpan<byte> elf, int start)
    {
        int length = elf[start..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(elf.Slice(start, length));
    }
}
