using System;
using System.Linq;
using StaticNet.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Tests.Kernels;

/// <summary>
/// <see cref="Losses"/> against the definitions in double (PyTorch's <c>CrossEntropyLoss</c>, <c>BCEWithLogitsLoss</c>,
/// <c>MSELoss</c>, <c>L1Loss</c>, <c>HuberLoss</c>, mean reduction), loss and gradients, computed from the same float
/// inputs. The tolerances are worst-case counts of float roundings, u = 2^-24 each (see each test).
/// </summary>
public class LossTests(ITestOutputHelper output)
{
    private const double U = 1.0 / (1 << 24);
    private static readonly int[] Lengths = [1, 3, 7, 8, 9, 17, 33];

    public static TheoryData<int, int, float> CrossEntropyCases()
    {
        var data = new TheoryData<int, int, float>();
        foreach (int classes in new[] { 1, 2, 3, 10, 17 })
        {
            foreach (int batch in new[] { 1, 3, 8 })
            {
                data.Add(classes, batch, 0f);
                data.Add(classes, batch, 0.1f);
            }
        }

        return data;
    }

    /// <summary>
    /// Per row the kernel rounds z - max (u·|z_k - max| each), the exponentials (TensorPrimitives.Exp, within 2u) and
    /// their float sum (C - 1 roundings), so log Σ is off by at most (C + 2)·u, and the target dot product by
    /// 2u·Σ t_k|z_k - max| (one rounding of the shift, one of the product). Loss bound: 2·(C + 4)·u·(1 + mean Σ t_k|z_k - max|),
    /// a factor 2 over that count. Gradient: p_k carries (C + 5)·u relative error and the subtractions of the targets two
    /// more roundings, so |dz_k - exact| ≤ 2·(C + 8)·u·(p_k + t_k) / batch.
    /// </summary>
    [Theory]
    [MemberData(nameof(CrossEntropyCases))]
    public void CrossEntropy_WithLabels_MatchesTheDefinition(int classes, int batch, float labelSmoothing)
    {
        var random = new Random((classes * 100) + batch);
        float[] logits = Uniform(random, batch * classes, -8, 8);
        int[] labels = [.. Enumerable.Range(0, batch).Select(_ => random.Next(classes))];
        float[] gradients = new float[batch * classes];
        float[] scratch = new float[classes];

        float loss = Losses.CrossEntropy(logits, labels, gradients, scratch, classes, labelSmoothing);

        double[] targets = new double[batch * classes];
        for (int b = 0; b < batch; b++)
        {
            for (int k = 0; k < classes; k++)
            {
                targets[(b * classes) + k] = ((1 - (double)labelSmoothing) * (k == labels[b] ? 1 : 0)) + ((double)labelSmoothing / classes);
            }
        }

        AssertCrossEntropy(logits, targets, classes, batch, loss, gradients, $"labels, {classes} classes, batch {batch}, ε {labelSmoothing}");
        Assert.Equal(loss, Losses.CrossEntropy(logits, labels, [], scratch, classes, labelSmoothing)); // empty: the loss alone, the same bits
    }

    [Theory]
    [MemberData(nameof(CrossEntropyCases))]
    public void CrossEntropy_WithTargets_MatchesTheDefinition(int classes, int batch, float labelSmoothing)
    {
        var random = new Random((classes * 100) + batch + 50);
        float[] logits = Uniform(random, batch * classes, -8, 8);
        float[] y = new float[batch * classes];
        for (int b = 0; b < batch; b++)
        {
            // Alternately a probability row (summing to about 1 in float) and a one-hot row.
            Span<float> row = y.AsSpan(b * classes, classes);
            if (b % 2 == 0)
            {
                float[] weights = Uniform(random, classes, 0, 1);
                float total = weights.Sum();
                for (int k = 0; k < classes; k++)
                {
                    row[k] = weights[k] / total;
                }
            }
            else
            {
                row[random.Next(classes)] = 1f;
            }
        }

        float[] gradients = new float[batch * classes];
        float[] scratch = new float[classes];

        float loss = Losses.CrossEntropy(logits, y, gradients, scratch, classes, labelSmoothing);

        double[] targets = [.. y.Select(v => ((1 - (double)labelSmoothing) * v) + ((double)labelSmoothing / classes))];
        AssertCrossEntropy(logits, targets, classes, batch, loss, gradients, $"targets, {classes} classes, batch {batch}, ε {labelSmoothing}");
        Assert.Equal(loss, Losses.CrossEntropy(logits, y, [], scratch, classes, labelSmoothing));
    }

    /// <summary>
    /// Loss in double from the float logits (exact but for the final rounding to float); gradient <c>(σ(z) - y)/n</c>
    /// with σ in float (1/(1 + e^-z): the exponential within 2u, two more roundings), minus y and times 1/n (two more):
    /// |Δ| ≤ 2·6u·(σ + y) / n. Loss: the kernel's double terms from float z are within 1e-15; the rounding to float
    /// gives the bound 2u·L.
    /// </summary>
    [Theory]
    [MemberData(nameof(LengthData))]
    public void BinaryCrossEntropy_WithLabelsAndTargets_MatchesTheDefinition(int length)
    {
        var random = new Random(length);
        float[] logits = Uniform(random, length, -10, 10);
        int[] labels = [.. Enumerable.Range(0, length).Select(_ => random.Next(2))];
        float[] targets = Uniform(random, length, 0, 1);
        targets[0] = 1f;
        float[] fromLabels = new float[length], fromTargets = new float[length];

        float labelLoss = Losses.BinaryCrossEntropy(logits, labels, fromLabels);
        float targetLoss = Losses.BinaryCrossEntropy(logits, targets, fromTargets);

        (float Loss, float[] Gradients, Func<int, double> Target, string What)[] results =
        [
            (labelLoss, fromLabels, i => labels[i], "labels"),
            (targetLoss, fromTargets, i => targets[i], "targets"),
        ];
        foreach ((float loss, float[] gradients, Func<int, double> y, string what) in results)
        {
            double total = 0;
            for (int i = 0; i < length; i++)
            {
                double sigmoid = 1 / (1 + Math.Exp(-(double)logits[i]));
                total -= (y(i) * Math.Log(sigmoid)) + ((1 - y(i)) * Math.Log(1 - sigmoid));
                AssertWithin(gradients[i], (sigmoid - y(i)) / length, 12 * U * (sigmoid + y(i)) / length, $"BCE {what}, length {length}: gradients[{i}]");
            }

            AssertWithin(loss, total / length, 2 * U * total / length, $"BCE {what}, length {length}: loss");
        }

        Assert.Equal(labelLoss, Losses.BinaryCrossEntropy(logits, labels, []));
        Assert.Equal(targetLoss, Losses.BinaryCrossEntropy(logits, targets, []));
    }

    /// <summary>
    /// d = a - y in float (one rounding), its square summed in double, the mean rounded to float: loss within 4u·L
    /// (2u from the square of a rounded d, u from the final rounding, u of slack). Gradients: d rounded, times the
    /// rounded 2/n or 1/n: within 3u·|exact|; Huber's δ·sign(d)/n is one rounding of δ/n... within 3u as well.
    /// </summary>
    [Theory]
    [MemberData(nameof(LengthData))]
    public void ElementwiseLosses_MatchTheDefinitions(int length)
    {
        const float Delta = 0.75f;
        var random = new Random(length + 1000);
        float[] outputs = Uniform(random, length, -2, 2);
        float[] targets = Uniform(random, length, -2, 2);
        targets[length / 2] = outputs[length / 2]; // d = 0: MAE's gradient is 0 there

        (string Name, Func<float[], float[], float[], float> Loss, Func<double, double> Term, Func<double, double> Derivative)[] losses =
        [
            ("MeanSquaredError", (o, t, g) => Losses.MeanSquaredError(o, t, g), d => d * d, d => 2 * d),
            ("MeanAbsoluteError", (o, t, g) => Losses.MeanAbsoluteError(o, t, g), Math.Abs, d => Math.Sign(d)),
            (
                "Huber",
                (o, t, g) => Losses.Huber(o, t, g, Delta),
                d => Math.Abs(d) <= Delta ? 0.5 * d * d : Delta * (Math.Abs(d) - (0.5 * Delta)),
                d => Math.Abs(d) <= Delta ? d : Delta * Math.Sign(d)),
        ];
        foreach ((string name, Func<float[], float[], float[], float> loss, Func<double, double> term, Func<double, double> derivative) in losses)
        {
            float[] gradients = new float[length];
            float value = loss(outputs, targets, gradients);
            double total = 0;
            int outside = 0;
            for (int i = 0; i < length; i++)
            {
                double d = (double)outputs[i] - targets[i];
                total += term(d);
                outside += Math.Abs(d) > Delta ? 1 : 0;
                double expected = derivative(d) / length;
                AssertWithin(gradients[i], expected, 3 * U * Math.Abs(expected), $"{name}, length {length}: gradients[{i}]");
            }

            AssertWithin(value, total / length, 4 * U * total / length, $"{name}, length {length}: loss");
            Assert.Equal(value, loss(outputs, targets, []));
            Assert.True(length < 9 || outside > 0, "some |d| beyond δ");
        }
    }

    public static TheoryData<int> LengthData() => new(Lengths);

    [Fact]
    public void EmptyGradients_MeanLossOnly_AndLeaveEverythingElse()
    {
        // An empty gradients span (default, or an empty slice of a real buffer) computes the loss only and writes nothing.
        float[] buffer = [7f, 7f, 7f];
        float[] logits = [1f, -2f, 0.5f, 3f, 0.25f, -1f];
        float[] scratch = new float[3];

        Losses.CrossEntropy(logits, [2, 0], buffer.AsSpan(1, 0), scratch, 3, 0.1f);
        Losses.CrossEntropy(logits, logits, buffer.AsSpan(1, 0), scratch, 3, 0f);
        Losses.BinaryCrossEntropy(logits, [1, 0, 1, 1, 0, 0], buffer.AsSpan(3, 0));
        Losses.BinaryCrossEntropy(logits, logits, buffer.AsSpan(0, 0));
        Losses.MeanSquaredError(logits, logits, buffer.AsSpan(2, 0));
        Losses.MeanAbsoluteError(logits, logits, default);
        Losses.Huber(logits, logits, default, 1f);

        Assert.Equal([7f, 7f, 7f], buffer);
    }

    [Fact]
    public void LogitsFarApart_WithoutSmoothing_GiveFiniteLossesAndExactGradients()
    {
        const float Big = 3e38f;
        float[] logits = [Big, -Big, 0f, -Big, Big, -Big, 0f, -Big, Big];
        int[] labels = [0, 0, 1];
        float[] gradients = new float[9];
        float[] scratch = new float[3];

        float loss = Losses.CrossEntropy(logits, labels, gradients, scratch, 3, 0f);

        Assert.True(float.IsFinite(loss) && loss > 1e38f, $"loss {loss:R}");
        // softmax is one-hot at each row's maximum, so ∂L/∂z = (onehot(argmax) - onehot(label)) / 3 exactly.
        float third = 1f / 3;
        Assert.Equal([0f, 0f, 0f, -third, third, 0f, 0f, -third, third], gradients);

        float[] oneHot = [1f, 0f, 0f, 1f, 0f, 0f, 0f, 1f, 0f];
        float fromTargets = Losses.CrossEntropy(logits, oneHot, gradients, scratch, 3, 0f);
        Assert.Equal(loss, fromTargets);
        Assert.Equal([0f, 0f, 0f, -third, third, 0f, 0f, -third, third], gradients);

        float[] binary = [Big, -Big, Big, -Big];
        float[] binaryGradients = new float[4];
        float binaryLoss = Losses.BinaryCrossEntropy(binary, [1, 0, 0, 1], binaryGradients);
        Assert.Equal(1.5e38f, binaryLoss); // mean of 0, 0, 3e38, 3e38
        Assert.Equal([0f, 0f, 0.25f, -0.25f], binaryGradients);
        Assert.Equal(binaryLoss, Losses.BinaryCrossEntropy(binary, [1f, 0f, 0f, 1f], binaryGradients));
        Assert.Equal([0f, 0f, 0.25f, -0.25f], binaryGradients);
    }

    /// <summary>
    /// Kernel bug: "Finite for any finite logits" does not hold with label smoothing. The smoothing term
    /// <c>ε/C · Σ_k (z_k - max z)</c> sums the shifted logits in float (<c>TensorPrimitives.Sum&lt;float&gt;(scratch)</c>),
    /// which overflows to -∞ once that sum passes -3.4e38: here two logits 3e38 below the maximum, each clamped to
    /// float.MinValue (four logits 1e38 below the maximum do it too). The loss becomes +∞, from labels and from targets
    /// alike. Summing in double (as the loss total already is) keeps it finite; the gradients are unaffected. Remove the
    /// Skip to see it fail: "loss from labels Infinity, from targets Infinity".
    /// </summary>
    [Fact]
    public void LogitsFarApart_WithSmoothing_GiveFiniteLosses()
    {
        const float Big = 3e38f;
        float[] logits = [Big, -Big, -Big, -Big, Big, 0f];
        float[] gradients = new float[6];
        float[] scratch = new float[3];

        float fromLabels = Losses.CrossEntropy(logits, [0, 1], gradients, scratch, 3, 0.1f);
        Assert.All(gradients, g => Assert.True(float.IsFinite(g)));
        float fromTargets = Losses.CrossEntropy(logits, [1f, 0f, 0f, 0f, 1f, 0f], gradients, scratch, 3, 0.1f);

        Assert.True(float.IsFinite(fromLabels) && float.IsFinite(fromTargets), $"loss from labels {fromLabels:R}, from targets {fromTargets:R}");
    }

    [Fact]
    public void LengthMismatches_ThrowNamingTheParameter()
    {
        float[] six = new float[6], five = new float[5], three = new float[3];
        AssertRejects("labels", () => Losses.CrossEntropy(six, new int[3], six, three, 3, 0f));
        AssertRejects("gradients", () => Losses.CrossEntropy(six, new int[2], five, three, 3, 0f));
        AssertRejects("scratch", () => Losses.CrossEntropy(six, new int[2], six, new float[2], 3, 0f));
        AssertRejects("logits", () => Losses.CrossEntropy(five, new int[2], [], three, 3, 0f));
        AssertRejects("logits", () => Losses.CrossEntropy([], Array.Empty<int>(), [], three, 3, 0f));
        AssertRejects("logits", () => Losses.CrossEntropy(six, new int[6], [], [], 0, 0f));
        AssertRejects("targets", () => Losses.CrossEntropy(six, five, six, three, 3, 0f));
        AssertRejects("gradients", () => Losses.CrossEntropy(six, six, new float[7], three, 3, 0f));
        AssertRejects("scratch", () => Losses.CrossEntropy(six, six, six, six, 3, 0f));
        AssertRejects("labels", () => Losses.BinaryCrossEntropy(six, new int[5], six));
        AssertRejects("gradients", () => Losses.BinaryCrossEntropy(six, new int[6], five));
        AssertRejects("targets", () => Losses.BinaryCrossEntropy(six, five, six));
        AssertRejects("gradients", () => Losses.BinaryCrossEntropy(six, six, five));
        AssertRejects("targets", () => Losses.MeanSquaredError(six, five, six));
        AssertRejects("gradients", () => Losses.MeanSquaredError(six, six, five));
        AssertRejects("targets", () => Losses.MeanAbsoluteError(six, five, six));
        AssertRejects("gradients", () => Losses.MeanAbsoluteError(six, six, five));
        AssertRejects("targets", () => Losses.Huber(six, five, six, 1f));
        AssertRejects("gradients", () => Losses.Huber(six, six, five, 1f));
    }

    private static void AssertRejects(string parameter, Action call)
    {
        var exception = Assert.Throws<ArgumentException>(call);
        Assert.Equal(parameter, exception.ParamName);
    }

    private void AssertCrossEntropy(float[] logits, double[] targets, int classes, int batch, float loss, float[] gradients, string what)
    {
        double total = 0, spread = 0, worst = 0;
        for (int b = 0; b < batch; b++)
        {
            double max = double.NegativeInfinity, sum = 0, targetSum = 0;
            for (int k = 0; k < classes; k++)
            {
                max = Math.Max(max, logits[(b * classes) + k]);
            }

            for (int k = 0; k < classes; k++)
            {
                sum += Math.Exp(logits[(b * classes) + k] - max);
                targetSum += targets[(b * classes) + k];
            }

            double logSumExp = max + Math.Log(sum);
            for (int k = 0; k < classes; k++)
            {
                int i = (b * classes) + k;
                total += targets[i] * (logSumExp - logits[i]);
                spread += targets[i] * (max - logits[i]);
                double p = Math.Exp(logits[i] - logSumExp);
                double expected = ((p * targetSum) - targets[i]) / batch;
                double bound = 2 * (classes + 8) * U * (p + targets[i]) / batch;
                worst = Math.Max(worst, Math.Abs(gradients[i] - expected) / bound);
                AssertWithin(gradients[i], expected, bound, $"CrossEntropy {what}: gradients[{b}, {k}]");
            }
        }

        double lossBound = 2 * (classes + 4) * U * (1 + (spread / batch));
        AssertWithin(loss, total / batch, lossBound, $"CrossEntropy {what}: loss");
        output.WriteLine($"{what}: loss error {Math.Abs(loss - (total / batch)) / lossBound:F3} of its bound, worst gradient error {worst:F3} of its bound");
    }

    private static void AssertWithin(float actual, double expected, double bound, string what)
    {
        double error = Math.Abs(actual - expected);
        if (!(error <= bound))
        {
            Assert.Fail($"{what} = {actual:R}, expected {expected:R}: error {error:G3} > bound {bound:G3}");
        }
    }

    private static float[] Uniform(Random random, int length, double min, double max)
    {
        float[] values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(min + (random.NextDouble() * (max - min)));
        }

        return values;
    }
}
