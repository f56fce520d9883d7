using System.Globalization;

namespace StaticNet;

/// <summary>
/// The same learning rate at every step: <c>lr(t) = lr</c>. The neutral schedule, e.g. after a
/// <see cref="LinearWarmup"/>. PyTorch: no scheduler (or <c>ConstantLR(factor=1)</c>); Keras: a plain float learning rate.
/// </summary>
public sealed class ConstantLearningRate : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="learningRate">The learning rate, finite and greater than 0.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="learningRate"/> is not finite or not greater than 0.</exception>
    public ConstantLearningRate(float learningRate)
    {
        LearningRate = NetworkArguments.Positive(learningRate, nameof(learningRate));
    }

    /// <summary>The learning rate returned for every step.</summary>
    public float LearningRate { get; }

    /// <summary>Returns <see cref="LearningRate"/> (raised to <see cref="ILearningRateSchedule.SmallestLearningRate"/> if it is a smaller, subnormal value).</summary>
    /// <param name="step">Step index, counting from 0.</param>
    /// <returns><see cref="LearningRate"/>, finite and at least <see cref="ILearningRateSchedule.SmallestLearningRate"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public float GetLearningRate(int step)
    {
        ScheduleArguments.CheckStep(step);
        return ScheduleArguments.ToLearningRate(LearningRate);
    }

    /// <summary>A description such as <c>ConstantLearningRate(lr=0.001)</c>.</summary>
    /// <returns>The type and its argument.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ConstantLearningRate(lr={LearningRate})");
}
