using System;
using System.Globalization;

namespace StaticNet;

/// <summary>
/// Exponential decay: the learning rate is multiplied by <see cref="Gamma"/> at every step, <c>lr(t) = lr0 · γ^t</c>.
/// PyTorch <c>torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma)</c> (its closed form); Keras
/// <c>keras.optimizers.schedules.ExponentialDecay(lr0, decay_steps=1, decay_rate=gamma)</c>.
/// </summary>
/// <remarks>
/// Computed in <see cref="double"/> and rounded to <see cref="float"/>; after very many steps <c>γ^t</c> underflows,
/// and values below <see cref="ILearningRateSchedule.SmallestLearningRate"/> are raised to it (see <see cref="ILearningRateSchedule"/>).
/// </remarks>
public sealed class ExponentialDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate"><c>lr0</c>, the rate at step 0; finite and greater than 0.</param>
    /// <param name="gamma">Multiplicative decay factor per step <c>γ</c>, in <c>(0, 1]</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the exception names it and gives its value.</exception>
    public ExponentialDecay(float initialLearningRate, float gamma)
    {
        InitialLearningRate = NetworkArguments.Positive(initialLearningRate, nameof(initialLearningRate));
        Gamma = ScheduleArguments.DecayFactor(gamma, nameof(gamma));
    }

    /// <summary><c>lr0</c>, the learning rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Multiplicative decay factor per step <c>γ</c>, in <c>(0, 1]</c>.</summary>
    public float Gamma { get; }

    /// <summary>Returns <c>lr0 · γ^step</c>.</summary>
    /// <param name="step">Step index, counting from 0.</param>
    /// <returns>The learning rate, finite and at least <see cref="ILearningRateSchedule.SmallestLearningRate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public float GetLearningRate(int step)
    {
        ScheduleArguments.CheckStep(step);
        return ScheduleArguments.ToLearningRate(InitialLearningRate * Math.Pow(Gamma, step));
    }

    /// <summary>A description such as <c>ExponentialDecay(lr0=0.01, gamma=0.95)</c>.</summary>
    /// <returns>The type and its arguments.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"ExponentialDecay(lr0={InitialLearningRate}, gamma={Gamma})");
}
