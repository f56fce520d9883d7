using System;
using System.Globalization;

namespace StaticNet;

/// <summary>
/// Step decay: the learning rate is multiplied by <see cref="Gamma"/> every <see cref="StepSize"/> steps,
/// <c>lr(t) = lr0 · γ^⌊t / stepSize⌋</c>. PyTorch <c>torch.optim.lr_scheduler.StepLR(optimizer, step_size, gamma)</c>
/// (its closed form); Keras <c>keras.optimizers.schedules.ExponentialDecay(lr0, decay_steps=stepSize, decay_rate=gamma, staircase=True)</c>.
/// </summary>
/// <remarks>
/// Computed in <see cref="double"/> and rounded to <see cref="float"/>; a value that underflows below
/// <see cref="ILearningRateSchedule.SmallestLearningRate"/> is raised to it (see <see cref="ILearningRateSchedule"/>).
/// </remarks>
/// <example>ResNet-style: <c>new StepDecay(0.1f, stepSize: 30, gamma: 0.1f)</c> gives 0.1 for epochs 0-29, 0.01 for 30-59, ...</example>
public sealed class StepDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate"><c>lr0</c>, the rate for steps <c>[0, stepSize)</c>; finite and greater than 0.</param>
    /// <param name="stepSize">Steps between two decays, at least 1 (PyTorch <c>step_size</c>).</param>
    /// <param name="gamma">Multiplicative decay factor <c>γ</c> in <c>(0, 1]</c> (PyTorch's default is 0.1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the exception names it and gives its value.</exception>
    public StepDecay(float initialLearningRate, int stepSize, float gamma)
    {
        InitialLearningRate = NetworkArguments.Positive(initialLearningRate, nameof(initialLearningRate));
        StepSize = ScheduleArguments.AtLeastOne(stepSize, nameof(stepSize));
        Gamma = ScheduleArguments.DecayFactor(gamma, nameof(gamma));
    }

    /// <summary><c>lr0</c>, the learning rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary>Steps between two decays.</summary>
    public int StepSize { get; }

    /// <summary>Multiplicative decay factor <c>γ</c>, in <c>(0, 1]</c>.</summary>
    public float Gamma { get; }

    /// <summary>Returns <c>lr0 · γ^⌊step / stepSize⌋</c>.</summary>
    /// <param name="step">Step index, counting from 0.</param>
    /// <returns>The learning rate, finite and at least <see cref="ILearningRateSchedule.SmallestLearningRate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public float GetLearningRate(int step)
    {
        ScheduleArguments.CheckStep(step);
        return ScheduleArguments.ToLearningRate(InitialLearningRate * Math.Pow(Gamma, step / StepSize));
    }

    /// <summary>A description such as <c>StepDecay(lr0=0.1, stepSize=30, gamma=0.1)</c>.</summary>
    /// <returns>The type and its arguments.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"StepDecay(lr0={InitialLearningRate}, stepSize={StepSize}, gamma={Gamma})");
}
