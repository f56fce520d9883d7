using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Each vector path gives the scalar path's results within float tolerance. tests/VectorPathHost computes probabilities,
/// gradients and three SGD steps of two networks with awkward sizes (33, 17, 10 and 37 columns; 784 → 128) at batches
/// 1, 5 and 64, in child processes: as the machine is, with AVX-512 switched off (<c>DOTNET_EnableAVX512=0</c>: the
/// 256-bit path), and with every hardware intrinsic off (<c>DOTNET_EnableHWIntrinsic=0</c>: the scalar path). The host's
/// first line says which widths each process had, so a switch that did not take effect fails the test instead of
/// comparing a path with itself.
/// </summary>
public sealed partial class VectorPathTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // The results pass through a few hundred roundings (sums over up to 784 terms, exp, three steps), each path in
    // its own order; a wrong element (a missed or doubled term) is off by about 1/n of the sum or more.
    private const double Tolerance = 2e-5;

    [Fact]
    public async Task VectorPaths_MatchTheScalarPath()
    {
        (string scalarPaths, float[] scalar) = await Run("scalar", new() { ["DOTNET_EnableHWIntrinsic"] = "0" });
        Assert.Contains("Vector512=False Vector256=False Vector128=False", scalarPaths);

        (string narrowPaths, float[] narrow) = await Run("no-avx512", new() { ["DOTNET_EnableAVX512"] = "0" });
        Assert.Contains("Vector512=False", narrowPaths);

        (string defaultPaths, float[] widest) = await Run("default", []);

        Compare("no AVX-512", narrowPaths, narrow, scalar);
        Compare("default", defaultPaths, widest, scalar);
        if (!defaultPaths.Contains("Vector512=True", StringComparison.Ordinal))
        {
            output.WriteLine("This processor has no accelerated 512-bit vectors: the default run took the 256-bit path again.");
        }
    }

    private void Compare(string name, string paths, float[] actual, float[] scalar)
    {
        Assert.Equal(scalar.Length, actual.Length);
        double worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < scalar.Length; i++)
        {
            Assert.True(float.IsFinite(scalar[i]) && float.IsFinite(actual[i]), $"{name}: value {i} is not finite ({actual[i]} vs {scalar[i]}).");
            double error = Math.Abs((double)actual[i] - scalar[i]) / Math.Max(1, Math.Abs((double)scalar[i]));
            if (error > worst)
            {
                (worst, worstIndex) = (error, i);
            }
        }

        output.WriteLine($"{name} ({paths}): {actual.Length} values, worst relative difference {worst:G3} at {worstIndex}");
        Assert.True(worst <= Tolerance, $"{name} ({paths}): value {worstIndex} is {actual[worstIndex]:R}, the scalar path gives {scalar[worstIndex]:R}.");
    }

    private async Task<(string Paths, float[] Values)> Run(string name, Dictionary<string, string> environment)
    {
        string file = Path.Combine(Path.GetTempPath(), $"staticnet-vector-path-{name}-{Environment.ProcessId}.bin");
        try
        {
            ChildHost.Outcome outcome = await ChildHost.Run("StaticNet.VectorPathHost", [file], environment, Timeout);
            output.WriteLine($"{name}: {outcome.Output.Trim()}");
            Assert.True(outcome.Exited && outcome.ExitCode == 0, $"The vector path host ({name}) failed with exit code {outcome.ExitCode}.\n{outcome.Output}");
            Match paths = PathsLine().Match(outcome.Output);
            Assert.True(paths.Success, $"No PATHS line in the output of the vector path host ({name}).\n{outcome.Output}");
            byte[] bytes = await File.ReadAllBytesAsync(file);
            float[] values = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
            Assert.True(values.Length > 1000, $"The vector path host ({name}) wrote only {values.Length} values.");
            return (paths.Value, values);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^PATHS .*$", RegexOptions.Multiline)]
    private static partial Regex PathsLine();
}
