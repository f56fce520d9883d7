using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests;

/// <summary>
/// TorchSharp loads and computes, and the ELF patch of PatchLibTorchSharp.targets left the state it promises: the
/// wrapper actually mapped into this process is the patched copy in this project's output, its GLIBCXX_3.4.32 need is
/// weak, it differs from the package's file by that one bit only, and the NuGet cache's file is untouched.
/// </summary>
public sealed class SmokeTests
{
    private const string WeakVersion = "GLIBCXX_3.4.32";

    private static string OutputCopy => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void TorchLoadsAndComputes()
    {
        using Tensor ones3x3 = ones(3, 3);
        using Tensor sum = ones3x3.sum();
        Assert.Equal(9f, sum.item<float>());
    }

    [Fact]
    public void TheMappedWrapperIsThePatchedCopyInTheOutput()
    {
        using Tensor touch = ones(1); // makes sure the native backend is loaded
        string[] mapped = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[^1].EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
            .Select(fields => fields[^1])
            .Distinct()
            .ToArray();

        // The regular load through the .deps.json found the output's runtimes/linux-x64/native copy, so TorchSharp never
        // fell back to consolidating the NuGet cache's binaries into bin/.../cpu/.
        string expected = Path.GetFullPath(OutputCopy);
        Assert.Equal(new[] { expected }, mapped);
        VersionNeed need = Assert.Single(ElfVersionNeeds.Read(expected), n => n.Version == WeakVersion);
        Assert.Equal("libstdc++.so.6", need.Library);
        Assert.True(need.IsWeak, $"{WeakVersion} is not a weak need in {expected}: the PatchLibTorchSharp.targets step did not run.");
    }

    [Fact]
    public void ThePatchChangesOneBitAndLeavesTheNuGetCacheAlone()
    {
        string root = typeof(SmokeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NuGetPackageRoot").Value ?? throw new InvalidOperationException("NuGetPackageRoot not recorded at build time.");
        string package = Path.Combine(root, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        VersionNeed original = Assert.Single(ElfVersionNeeds.Read(package), n => n.Version == WeakVersion);
        Assert.False(original.IsWeak, $"The NuGet cache's {package} has been patched; the build must patch only its own output.");

        byte[] before = File.ReadAllBytes(package);
        byte[] after = File.ReadAllBytes(OutputCopy);
        Assert.Equal(before.Length, after.Length);
        int[] changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal(new[] { (int)original.FlagsOffset }, changed); // the low byte of vna_flags...
        Assert.Equal(ElfVersionNeeds.Weak, before[changed[0]] ^ after[changed[0]]); // ...gained VER_FLG_WEAK, nothing else
    }
}
