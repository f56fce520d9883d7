using System;
using Xunit;

namespace StaticNet.Tests;

public class LearningRateScheduleTests
{
    private const float Smallest = ILearningRateSchedule.SmallestLearningRate;

    [Fact]
    public void SmallestLearningRate_IsTheSmallestNormalFloat()
    {
        Assert.Equal(Smallest, MathF.Pow(2, -126));
        Assert.True(float.IsNormal(Smallest));
        Assert.False(float.IsNormal(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(Smallest) - 1)));
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 0.1)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.05)]
    [InlineData(5, 0.05)]
    [InlineData(6, 0.025)]
    [InlineData(10, 0.0125)]
    public void StepDecay_MatchesStepLR(int step, double expected)
    {
        var schedule = new StepDecay(0.1f, stepSize: 3, gamma: 0.5f);

        // torch StepLR closed form: base_lr * gamma ** (last_epoch // step_size)
        Assert.Equal((float)(0.1f * Math.Pow(0.5f, step / 3)), schedule.GetLearningRate(step));
        Assert.Equal(expected, schedule.GetLearningRate(step), 1e-8);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(100)]
    public void ExponentialDecay_MatchesExponentialLR(int step)
    {
        var schedule = new ExponentialDecay(0.01f, gamma: 0.9f);

        // torch ExponentialLR closed form: base_lr * gamma ** last_epoch
        Assert.Equal((float)(0.01f * Math.Pow(0.9f, step)), schedule.GetLearningRate(step));
    }

    [Fact]
    public void ExponentialDecay_HandValues()
    {
        var schedule = new ExponentialDecay(0.01f, gamma: 0.9f);

        Assert.Equal(0.01f, schedule.GetLearningRate(0));
        Assert.Equal(0.009, schedule.GetLearningRate(1), 1e-9);
        Assert.Equal(0.0081, schedule.GetLearningRate(2), 1e-9);
        Assert.Equal(0.003486784401, schedule.GetLearningRate(10), 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(10)]
    public void CosineAnnealing_MatchesCosineAnnealingLR(int step)
    {
        var schedule = new CosineAnnealing(0.1f, period: 10, minimumLearningRate: 0.001f);

        // torch CosineAnnealingLR closed form: eta_min + (base_lr - eta_min) * (1 + cos(pi * last_epoch / T_max)) / 2
        double expected = 0.001f + (0.1f - (double)0.001f) * (1 + Math.Cos(Math.PI * step / 10)) / 2;
        Assert.Equal((float)expected, schedule.GetLearningRate(step));
    }

    [Fact]
    public void CosineAnnealing_StartsAtLr0_HalvesAtHalfPeriod_HoldsTheMinimumAfterThePeriod()
    {
        var schedule = new CosineAnnealing(0.1f, period: 10, minimumLearningRate: 0.001f);

        Assert.Equal(0.1f, schedule.GetLearningRate(0));
        Assert.Equal((0.1 + 0.001) / 2, schedule.GetLearningRate(5), 1e-8);
        Assert.Equal(0.001f, schedule.GetLearningRate(10));
        Assert.Equal(0.001f, schedule.GetLearningRate(11));
        Assert.Equal(0.001f, schedule.GetLearningRate(1000));
        for (int t = 1; t <= 12; t++)
        {
            Assert.True(schedule.GetLearningRate(t) <= schedule.GetLearningRate(t - 1), $"step {t}");
        }
    }

    [Fact]
    public void CosineAnnealing_ToZero_IsRaisedToTheSmallestRateAtAndAfterThePeriod()
    {
        var schedule = new CosineAnnealing(0.1f, period: 4);

        Assert.Equal(0f, schedule.MinimumLearningRate);
        Assert.Equal((float)(0.1f * (1 + Math.Cos(Math.PI * 3 / 4)) / 2), schedule.GetLearningRate(3));
        Assert.Equal(Smallest, schedule.GetLearningRate(4));
        Assert.Equal(Smallest, schedule.GetLearningRate(5));
        Assert.True(schedule.GetLearningRate(3) > Smallest);
    }

    [Theory]
    [InlineData(0, 0.05)]    // 0.2 * 0.25
    [InlineData(1, 0.0875)]  // 0.2 * (0.25 + 0.75 * 1/4)
    [InlineData(2, 0.125)]
    [InlineData(3, 0.1625)]
    [InlineData(4, 0.2)]
    [InlineData(9, 0.2)]
    public void LinearWarmup_RisesLinearlyToTheFollowingScheduleStart(int step, double expected)
    {
        var schedule = new LinearWarmup(new ConstantLearningRate(0.2f), warmupSteps: 4, startFactor: 0.25f);

        Assert.Equal(expected, schedule.GetLearningRate(step), 1e-8);
    }

    [Fact]
    public void LinearWarmup_ThenRunsTheFollowingScheduleFromItsStepZero()
    {
        var after = new StepDecay(0.1f, stepSize: 2, gamma: 0.1f);
        var schedule = new LinearWarmup(after, warmupSteps: 3);

        for (int t = 0; t < 3; t++)
        {
            // torch LinearLR: base_lr * (start_factor + (end_factor - start_factor) * t / total_iters)
            Assert.Equal((float)(0.1f * (0.1f + (1 - (double)0.1f) * t / 3)), schedule.GetLearningRate(t));
        }

        for (int t = 3; t < 10; t++)
        {
            Assert.Equal(after.GetLearningRate(t - 3), schedule.GetLearningRate(t));
        }

        Assert.Equal(0.01f, schedule.GetLearningRate(0), 1e-9f);
    }

    [Fact]
    public void Constant_IsTheSameAtEveryStep()
    {
        var schedule = new ConstantLearningRate(0.003f);

        Assert.Equal(0.003f, schedule.GetLearningRate(0));
        Assert.Equal(0.003f, schedule.GetLearningRate(12345));
        Assert.Equal(0.003f, schedule.LearningRate);
    }

    public static TheoryData<string, ILearningRateSchedule> Schedules() => new()
    {
        { "constant", new ConstantLearningRate(1e-3f) },
        { "constant subnormal", new ConstantLearningRate(float.Epsilon) },
        { "step", new StepDecay(1f, 1, 0.01f) },
        { "step gamma 1", new StepDecay(3e38f, 5, 1f) },
        { "exponential", new ExponentialDecay(1e-3f, 0.5f) },
        { "exponential tiny lr0", new ExponentialDecay(float.Epsilon, 0.999f) },
        { "cosine to 0", new CosineAnnealing(1e-3f, 7) },
        { "cosine huge", new CosineAnnealing(float.MaxValue, 3, float.MaxValue / 2) },
        { "warmup", new LinearWarmup(new CosineAnnealing(0.1f, 10), 5, 1e-30f) },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void EveryValue_IsFiniteAndAtLeastTheSmallestRate(string name, ILearningRateSchedule schedule)
    {
        foreach (int step in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 10, 100, 1000, 100_000, int.MaxValue - 1, int.MaxValue })
        {
            float rate = schedule.GetLearningRate(step);
            Assert.True(float.IsFinite(rate) && rate >= Smallest, $"{name}: step {step} gave {rate}");
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void NegativeStep_Throws(string name, ILearningRateSchedule schedule)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => schedule.GetLearningRate(-1));
        Assert.Equal("step", exception.ParamName);
        Assert.Contains("-1", exception.Message);
        Assert.NotEmpty(name);
    }

    public static TheoryData<string, string, Func<object>> InvalidArguments() => new()
    {
        { "constant NaN", "learningRate", () => new ConstantLearningRate(float.NaN) },
        { "constant 0", "learningRate", () => new ConstantLearningRate(0f) },
        { "constant negative", "learningRate", () => new ConstantLearningRate(-0.1f) },
        { "constant infinite", "learningRate", () => new ConstantLearningRate(float.PositiveInfinity) },
        { "step lr0 0", "initialLearningRate", () => new StepDecay(0f, 1, 0.5f) },
        { "step lr0 NaN", "initialLearningRate", () => new StepDecay(float.NaN, 1, 0.5f) },
        { "step size 0", "stepSize", () => new StepDecay(0.1f, 0, 0.5f) },
        { "step size negative", "stepSize", () => new StepDecay(0.1f, -3, 0.5f) },
        { "step gamma 0", "gamma", () => new StepDecay(0.1f, 1, 0f) },
        { "step gamma above 1", "gamma", () => new StepDecay(0.1f, 1, 1.5f) },
        { "step gamma NaN", "gamma", () => new StepDecay(0.1f, 1, float.NaN) },
        { "exponential lr0 infinite", "initialLearningRate", () => new ExponentialDecay(float.PositiveInfinity, 0.5f) },
        { "exponential gamma negative", "gamma", () => new ExponentialDecay(0.1f, -0.5f) },
        { "exponential gamma above 1", "gamma", () => new ExponentialDecay(0.1f, 1.01f) },
        { "cosine lr0 negative", "initialLearningRate", () => new CosineAnnealing(-1f, 10) },
        { "cosine period 0", "period", () => new CosineAnnealing(0.1f, 0) },
        { "cosine minimum negative", "minimumLearningRate", () => new CosineAnnealing(0.1f, 10, -1e-4f) },
        { "cosine minimum above lr0", "minimumLearningRate", () => new CosineAnnealing(0.1f, 10, 0.2f) },
        { "cosine minimum NaN", "minimumLearningRate", () => new CosineAnnealing(0.1f, 10, float.NaN) },
        { "warmup steps 0", "warmupSteps", () => new LinearWarmup(new ConstantLearningRate(0.1f), 0) },
        { "warmup start factor 0", "startFactor", () => new LinearWarmup(new ConstantLearningRate(0.1f), 5, 0f) },
        { "warmup start factor above 1", "startFactor", () => new LinearWarmup(new ConstantLearningRate(0.1f), 5, 1.5f) },
    };

    [Theory]
    [MemberData(nameof(InvalidArguments))]
    public void InvalidArgument_ThrowsNamingTheParameter(string name, string parameter, Func<object> create)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains(parameter + " must be", exception.Message);
        Assert.NotEmpty(name);
    }

    [Fact]
    public void LinearWarmup_NullAfter_Throws()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new LinearWarmup(null!, 5));
        Assert.Equal("after", exception.ParamName);
    }

    [Fact]
    public void LinearWarmup_AfterReturningAnInvalidRate_Throws()
    {
        var schedule = new LinearWarmup(new BrokenSchedule(), 2);

        var exception = Assert.Throws<InvalidOperationException>(() => schedule.GetLearningRate(0));
        Assert.Contains($"{nameof(BrokenSchedule)} (after the warm-up of LinearWarmup) returned NaN for step 0", exception.Message);
        var afterWarmup = Assert.Throws<InvalidOperationException>(() => schedule.GetLearningRate(5));
        Assert.Contains("returned NaN for step 3", afterWarmup.Message); // After's own step: 5 - 2 warm-up steps
    }

    [Fact]
    public void ToString_DescribesTheArguments()
    {
        Assert.Equal("StepDecay(lr0=0.1, stepSize=30, gamma=0.1)", new StepDecay(0.1f, 30, 0.1f).ToString());
        Assert.Equal(
            "LinearWarmup(warmupSteps=5, startFactor=0.1, after=CosineAnnealing(lr0=0.1, period=95, min=0))",
            new LinearWarmup(new CosineAnnealing(0.1f, 95), 5).ToString());
    }

    private sealed class BrokenSchedule : ILearningRateSchedule
    {
        public float GetLearningRate(int step) => float.NaN;
    }
}
