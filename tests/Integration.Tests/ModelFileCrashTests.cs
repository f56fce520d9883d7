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
    private const int MaxKills = 400;
    private readonly string _folder = Directory.CreateTempSubdirectory("staticnet-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ASaveKilledAtRandomMoments_AlwaysLeavesTheOldOrTheNewModel()
    {
        string path = Path.Combine(_folder, "model.safetensors");
        int[] first = TestData.Bits(new CrashSaveNet(1).Parameters), second = TestData.Bits(new CrashSaveNet(2).Parameters);
        ModelFile.Save(new CrashSaveNet(1), path);
        var random = new Random(7);
        int loadedSecond = 0, kills = 0;

        // At least 50 kills, and on until the moments have covered the cases below: where a save's share of the
        // child's time is small (a loaded machine), 50 random moments may all miss the inside of a save.
        for (int kill = 0; kill < Kills || (!Covered(loadedSecond, kill) && kill < MaxKills); kill++)
        {
            kills++;
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
        Assert.InRange(loadedSecond, 1, kills - 1);
        Assert.True(InsideASave() >= 1, $"none of {kills} kills landed inside a save");
        Console.WriteLine($"{kills} kills: {InsideASave()} inside a save, the file then holding model 2 {loadedSecond} times");
    }

    // Kills inside a save leave their temporary file behind.
    private int InsideASave() => Directory.GetFiles(_folder, ".model.safetensors.*.tmp").Length;

    private bool Covered(int loadedSecond, int kills) => loadedSecond >= 1 && loadedSecond <= kills - 1 && InsideASave() >= 1;
}
