using System;
using System.Linq;
using StaticNet.Reference.Tests.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Reference.Tests;

/// <summary>
/// The runtime's <see cref="ActivationFunctions"/> (which the generated code calls for every activation beyond
/// ReLU/Sigmoid/Tanh/Softmax) against torch's functionals in float64 with autograd: <c>f(z)</c> and <c>g·f'(z)</c> on
/// every extreme in <see cref="ActivationReference.Extremes"/> (0, -0, subnormals, 1e-30, the kinks and their
/// neighbouring floats, ±1e4, ±float.MaxValue...) and on 4001 seeded values; tolerance and reference accuracy are
/// explained in <see cref="ActivationReference"/>. The lengths are not multiples of any vector width, so both the
/// vectorised loops and their scalar tails run.
/// </summary>
public sealed class ActivationFunctionTests(ITestOutputHelper output)
{
    /// <summary>Every activation and parameter, by name.</summary>
    public static TheoryData<string> Activations()
    {
        var data = new TheoryData<string>();
        foreach (ActivationUnderTest activation in ActivationReference.All())
        {
            data.Add(activation.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void ExtremeInputs_UnitUpstreamGradient(string name)
    {
        // g = 1: the backward result is f'(z) itself, so a failure names the derivative directly.
        float[] z = ActivationReference.Extremes.ToArray();
        output.WriteLine(ActivationReference.Check(Find(name), z, Enumerable.Repeat(1f, z.Length).ToArray()));
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void RandomAndExtremeInputs_RandomUpstreamGradients(string name)
    {
        float[] z = ActivationReference.Inputs(randomCount: 4001, seed: 7);
        var random = new Random(8);
        float[] g = new float[z.Length];
        for (int i = 0; i < g.Length; i++)
        {
            g[i] = (float)((random.Next(2) == 0 ? -1 : 1) * (0.05 + 1.95 * random.NextDouble()));
        }
        output.WriteLine(ActivationReference.Check(Find(name), z, g));
    }

    private static ActivationUnderTest Find(string name) => ActivationReference.All().Single(a => a.Name == name);
}
