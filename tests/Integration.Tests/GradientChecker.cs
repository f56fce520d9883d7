using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Central finite differences over every parameter, as dlib's <c>test_layer</c> and tiny-dnn's <c>numeric_gradient</c> do:
/// <c>numeric = (f(w + h) - f(w - h)) / 2h</c> with a few step sizes, keeping the best.
/// </summary>
/// <remarks>
/// Tolerance: a parameter passes when <c>|a - n| / max(|a|, |n|, 1e-8) &lt;= 1e-2</c> or <c>|a - n| &lt;= 1e-4</c>.
/// The network computes in float and returns the loss as a float (about 7 significant digits), so with h = 1e-3
/// the rounding of f alone contributes up to ~1e-7 · f / h ≈ 1e-4 · f to n; larger h trade that for a truncation error
/// of O(h² f'''). Trying h = 1e-2, 3e-3 and 1e-3 and keeping the closest covers both. The step actually taken is
/// <c>(float)(w + h) - (float)(w - h)</c>, not 2h, since the perturbed parameter is rounded to float.
/// </remarks>
internal static class GradientChecker
{
    public const double RelativeTolerance = 1e-2;
    public const double AbsoluteTolerance = 1e-4;
    private static readonly float[] Steps = [1e-2f, 3e-3f, 1e-3f];

    /// <summary>One parameter's comparison with the best step size.</summary>
    public readonly record struct Entry(int Index, double Analytic, double Numeric, float Step)
    {
        public double AbsoluteError => Math.Abs(Analytic - Numeric);

        public double RelativeError => AbsoluteError / Math.Max(Math.Max(Math.Abs(Analytic), Math.Abs(Numeric)), 1e-8);

        public bool Passes => RelativeError <= RelativeTolerance || AbsoluteError <= AbsoluteTolerance;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"param[{Index}]: analytic {Analytic:G6}, numeric {Numeric:G6} (h {Step:G2}), abs err {AbsoluteError:G3}, rel err {RelativeError:G3}");
    }

    /// <summary>Compares <paramref name="analytic"/> with finite differences of <paramref name="objective"/> over every parameter.</summary>
    /// <param name="parameters">The network's parameters; each is perturbed and restored (bit for bit).</param>
    /// <param name="analytic">The gradient to check, same layout.</param>
    /// <param name="objective">Evaluates the objective at the current parameters.</param>
    public static Entry[] Check(Span<float> parameters, ReadOnlySpan<double> analytic, Func<double> objective)
    {
        var entries = new Entry[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            float original = parameters[i];
            Entry best = default;
            bool first = true;
            foreach (float h in Steps)
            {
                float plus = original + h;
                float minus = original - h;
                parameters[i] = plus;
                double fPlus = objective();
                parameters[i] = minus;
                double fMinus = objective();
                parameters[i] = original;
                double numeric = (fPlus - fMinus) / ((double)plus - minus);
                var entry = new Entry(i, analytic[i], numeric, h);
                if (first || entry.AbsoluteError < best.AbsoluteError)
                {
                    best = entry;
                    first = false;
                }
            }

            entries[i] = best;
        }

        return entries;
    }

    /// <summary>A summary line: the worst relative and absolute errors.</summary>
    public static string Describe(IReadOnlyCollection<Entry> entries)
    {
        Entry worstRelative = entries.MaxBy(e => e.RelativeError);
        Entry worstAbsolute = entries.MaxBy(e => e.AbsoluteError);
        return string.Create(CultureInfo.InvariantCulture,
            $"{entries.Count} parameters; worst relative error {worstRelative.RelativeError:G3} at {worstRelative}; worst absolute error {worstAbsolute.AbsoluteError:G3} at {worstAbsolute}");
    }
}
