using System;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace StaticNet.VectorPathHost;

/// <summary>
/// Computes, on whatever vector widths this process has, the probabilities, the gradients and the parameters after
/// three training steps of two networks with fixed seeds and data, and writes them (little-endian floats) to the file
/// named by the argument. The first output line names the widths the runtime accelerates. VectorPathTests runs it with
/// AVX-512 off, with every hardware intrinsic off and as is, and compares the files: each vector path must give the
/// scalar path's results within float tolerance.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: StaticNet.VectorPathHost <output file>");
            return 1;
        }

        Console.WriteLine(
            $"PATHS Vector512={Vector512.IsHardwareAccelerated} Vector256={Vector256.IsHardwareAccelerated} "
            + $"Vector128={Vector128.IsHardwareAccelerated} Fma={Fma.IsSupported} VectorT={Vector<float>.Count}");
        var values = new List<float>();
        Run(new Awkward(1), values);
        Run(new Wide(1), values);
        using var writer = new BinaryWriter(File.Create(args[0]));
        foreach (float value in values)
        {
            writer.Write(value);
        }

        return 0;
    }

    // Batches of 1, 5 and 64 samples (one-row tiles, four-row tiles with a remainder, many tiles).
    private static void Run<TNetwork>(TNetwork network, List<float> values)
        where TNetwork : IClassifier<TNetwork>
    {
        var random = new Random(7);
        foreach (int batch in new[] { 1, 5, 64 })
        {
            float[] inputs = new float[batch * TNetwork.InputSize];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = (random.NextSingle() * 2) - 1;
            }

            int[] labels = new int[batch];
            for (int i = 0; i < batch; i++)
            {
                labels[i] = random.Next(TNetwork.OutputSize);
            }

            float[] probabilities = new float[batch * TNetwork.OutputSize];
            network.Predict(inputs, probabilities, batch);
            values.AddRange(probabilities);
            values.Add(network.ComputeGradients(inputs, labels, batch));
            values.AddRange(network.Gradients.ToArray());
            network.ApplyGradients();
            values.AddRange(network.Parameters.ToArray());
        }
    }
}
