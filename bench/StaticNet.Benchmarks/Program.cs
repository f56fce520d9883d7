using System;
using System.IO;
using BenchmarkDotNet.Running;
using StaticNet.Benchmarks;

// Name the processor first: a time only means something next to the machine's FMA peak, and BenchmarkDotNet's
// summary gives the model name but not the family and model numbers that identify the microarchitecture.
PrintProcessor();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Prints the first "cpu family", "model" and "model name" lines of /proc/cpuinfo (Linux), or says they are unknown.
static void PrintProcessor()
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

    for (int i = 0; i < keys.Length; i++)
    {
        Console.WriteLine($"{keys[i],-10} : {values[i] ?? "unknown"}");
    }

    Console.WriteLine();
}
