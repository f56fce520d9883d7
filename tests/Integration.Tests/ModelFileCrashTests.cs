using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// A save killed at any moment leaves the previous file whole: a child process (tests/SaveHost) saves two models in turn
/// to one file and is killed at random moments, 50 times; after each kill the file loads as one of the two, bit for bit.
/// </summary>
public sealed class ModelFileCrashTests : IDisposable
{
    private const int Kills = 50;
    private readonly string _folder = Directory.CreateTempSubdirectory("staticnet-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ASaveKilledAtRandomMoments_AlwaysLeavesTheOldOrTheNewModel()
    {
        string path = Path.Combine(_folder, "model.safetensors");
        int[] first = TestData.Bits(new CrashSaveNet(1).Parameters), second = TestData.Bits(new CrashSaveNet(2).Parameters);
        ModelFile.Save(new CrashSaveNet(1), path);
        var random = new Random(7);
        int loadedSecond = 0;
        for (int kill = 0; kill < Kills; kill++)
        {
            using (Process child = ChildHost.Start("StaticNet.SaveHost", path))
            {
                Assert.Equal("saving", child.StandardOutput.ReadLine());
                // A save of its 800 KB takes a few milliseconds: a random moment of the next 30 lands inside saves
                // and between them, after an odd or an even number of them.
                System.Threading.Thread.Sleep(random.Next(0, 30));
                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            var network = new CrashSaveNet(3);
            ModelFile.Load(network, path);
            int[] bits = TestData.Bits(network.Parameters);
            Assert.True(bits.SequenceEqual(first) || bits.SequenceEqual(second), $"kill {kill}: the file loads as neither model");
            loadedSecond += bits.SequenceEqual(second) ? 1 : 0;
        }

        // Kills landed both after an even and after an odd number of saves, and some inside a save, which leaves its
        // temporary file behind (harmless, and named as one).
        Assert.InRange(loadedSecond, 1, Kills - 1);
        int insideASave = Directory.GetFiles(_folder, ".model.safetensors.*.tmp").Length;
        Assert.True(insideASave >= 1, "no kill landed inside a save");
        Console.WriteLine($"{Kills} kills: {insideASave} inside a save, the file then holding model 2 {loadedSecond} times");
    }
}
