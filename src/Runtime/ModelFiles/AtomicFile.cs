using System;
using System.IO;

namespace StaticNet;

/// <summary>
/// Replaces a file so that a reader, or a crash at any moment, sees the old contents or the new, never a mix: the
/// bytes go to a temporary file in the same folder (a rename is atomic only within one file system), are flushed to
/// the disk, and the temporary file is renamed over the target.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> contents)
    {
        string folder = Path.GetDirectoryName(path) ?? ".";
        // A symbolic link stays one: the file it points to is replaced, beside itself.
        if (new FileInfo(path).LinkTarget is not null && File.ResolveLinkTarget(path, returnFinalTarget: true) is FileSystemInfo target)
        {
            path = target.FullName;
            folder = Path.GetDirectoryName(path) ?? ".";
        }

        // Named after the target, cut so that a target name of up to 255 bytes still leaves a valid name.
        string name = Path.GetFileName(path);
        string temporary = Path.Combine(folder, $".{(name.Length <= 32 ? name : name[..32])}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // What a write past the process's file-size limit throws: an I/O failure to the caller.
            TryDelete(temporary);
            throw new IOException($"Cannot write {path}: {e.Message}", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original exception matters more; a leftover temporary file is harmless and named as one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
