using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Xunit.Sdk;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>
/// The agreement required between StaticNet (float32) and the torch oracle (float64):
/// <c>|a - b| ≤ max(1e-5 · max(|a|, |b|), 1e-6)</c>, i.e. a relative error of at most 1e-5, with an absolute floor of
/// 1e-6 for values so small that float32 rounding of sums that cancel (a bias gradient summed over a batch, a
/// weight near zero) dominates their relative error. Parameters are O(0.1) to O(1) and gradients O(1e-3) to O(1e-1)
/// here, so the floor is far below anything a wrong formula produces.
/// </summary>
public static class Tolerance
{
    /// <summary>Largest relative error accepted.</summary>
    public const double Relative = 1e-5;

    /// <summary>Absolute error always accepted.</summary>
    public const double AbsoluteFloor = 1e-6;

    /// <summary>How far <paramref name="actual"/> is from <paramref name="expected"/> in units of the allowed error (≤ 1 passes).</summary>
    public static double Ratio(double actual, double expected)
    {
        double allowed = Math.Max(Relative * Math.Max(Math.Abs(actual), Math.Abs(expected)), AbsoluteFloor);
        double error = Math.Abs(actual - expected);
        return double.IsNaN(error) ? double.PositiveInfinity : error / allowed;
    }

    /// <summary>Fails unless one value agrees.</summary>
    public static void Check(string what, double actual, double expected)
    {
        if (!(Ratio(actual, expected) <= 1))
        {
            throw new XunitException($"{what}: StaticNet {Format(actual)}, torch {Format(expected)} (|diff| {Format(Math.Abs(actual - expected))}; " +
                $"allowed max(1e-5·max(|a|,|b|), 1e-6) = {Format(Math.Max(Relative * Math.Max(Math.Abs(actual), Math.Abs(expected)), AbsoluteFloor))}).");
        }
    }

    /// <summary>
    /// Fails unless every parameter position agrees, listing the worst mismatches by name. Returns the largest ratio
    /// (error over allowed error) so tests can report how much margin they have.
    /// </summary>
    public static double CheckAll(string what, NetworkSpec spec, ReadOnlySpan<float> actual, double[] expected)
    {
        var failures = new List<(double Ratio, int Index)>();
        double worst = 0;
        foreach (int i in Positions(spec))
        {
            double ratio = Ratio(actual[i], expected[i]);
            worst = Math.Max(worst, ratio);
            if (!(ratio <= 1))
            {
                failures.Add((ratio, i));
            }
        }
        if (failures.Count > 0)
        {
            failures.Sort((x, y) => y.Ratio.CompareTo(x.Ratio));
            var message = new StringBuilder($"{what}: {failures.Count} of {Count(spec)} values of {spec.Name} differ from torch beyond max(1e-5·max(|a|,|b|), 1e-6). Worst:");
            for (int k = 0; k < Math.Min(8, failures.Count); k++)
            {
                int i = failures[k].Index;
                message.Append(CultureInfo.InvariantCulture, $"\n  {spec.Describe(i)}: StaticNet {Format(actual[i])}, torch {Format(expected[i])}, |diff| {Format(Math.Abs(actual[i] - expected[i]))}");
            }
            throw new XunitException(message.ToString());
        }
        return worst;
    }

    /// <summary>Largest absolute difference over the parameter positions.</summary>
    public static double MaxAbsoluteDifference(NetworkSpec spec, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double max = 0;
        foreach (int i in Positions(spec))
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }
        return max;
    }

    /// <summary>Largest absolute difference over the parameter positions.</summary>
    public static double MaxAbsoluteDifference(NetworkSpec spec, ReadOnlySpan<float> a, double[] b)
    {
        double max = 0;
        foreach (int i in Positions(spec))
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }

    /// <summary>The flat indices of every weight and bias (padding between tensors, if any, excluded).</summary>
    public static IEnumerable<int> Positions(NetworkSpec spec)
    {
        foreach (LayerSpec layer in spec.Layers)
        {
            for (int i = 0; i < layer.Inputs * layer.Units; i++)
            {
                yield return layer.WeightsOffset + i;
            }
            for (int i = 0; i < layer.Units; i++)
            {
                yield return layer.BiasOffset + i;
            }
        }
    }

    private static int Count(NetworkSpec spec)
    {
        int count = 0;
        foreach (LayerSpec layer in spec.Layers)
        {
            count += (layer.Inputs + 1) * layer.Units;
        }
        return count;
    }

    private static string Format(double value) => value.ToString("G9", CultureInfo.InvariantCulture);
}
