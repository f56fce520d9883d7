using System;
using System.IO;

namespace StaticNet.Bench;

/// <summary>
/// The processor a figure was measured on, from /proc/cpuinfo: family and model identify the microarchitecture (e.g.
/// family 26 is Zen 5, family 25 Zen 3/4), which the model name alone does not. Shared by the benchmark projects.
/// </summary>
internal static class ProcessorInfo
{
    /// <summary>The first "cpu family", "model" and "model name" values, "unknown" where absent (e.g. not Linux).</summary>
    public static (string Family, string Model, string Name) Read()
    {
        const string cpuInfo = "/proc/cpuinfo";
        string[] keys = ["cpu family", "model", "model name"];
        var values = new string?[keys.Length];
        if (File.Exists(cpuInfo))
        {
            foreach (string line in File.ReadLines(cpuInfo))
            {
                int colon = line.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                // Exact key match: "model" must not take the "model name" line.
                int index = Array.IndexOf(keys, line[..colon].Trim());
                if (index >= 0)
                {
                    values[index] ??= line[(colon + 1)..].Trim();
                }
            }
        }

        return (values[0] ?? "unknown", values[1] ?? "unknown", values[2] ?? "unknown");
    }
}
