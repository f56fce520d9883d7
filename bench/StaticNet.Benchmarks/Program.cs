using System;
using BenchmarkDotNet.Running;
using StaticNet.Bench;
using StaticNet.Benchmarks;

// Name the processor first: a time only means something next to the machine's FMA peak, and BenchmarkDotNet's
// summary gives the model name but not the family and model numbers that identify the microarchitecture.
PrintProcessor();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

// Prints the "cpu family", "model" and "model name" lines of /proc/cpuinfo, or says they are unknown.
static void PrintProcessor()
{
    (string family, string model, string name) = ProcessorInfo.Read();
    Console.WriteLine($"{"cpu family",-10} : {family}");
    Console.WriteLine($"{"model",-10} : {model}");
    Console.WriteLine($"{"model name",-10} : {name}");
    Console.WriteLine();
}
