using System;
using System.Globalization;

namespace StaticNet;

/// <summary>
/// Cosine annealing without restarts (Loshchilov &amp; Hutter 2017, "SGDR"): the learning rate follows half a cosine
/// from <c>lr0</c> down to <c>η_min</c> over <see cref="Period"/> steps and then stays at <c>η_min</c>:
/// <c>lr(t) = η_min + (lr0 − η_min) · (1 + cos(π · t / T)) / 2</c> for <c>t ≤ T</c>, <c>η_min</c> for <c>t &gt; T</c>.
/// </summary>
/// <remarks>
/// <para>
/// PyTorch: the closed form of <c>torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=period, eta_min)</c>
/// for <c>t ≤ T</c>; past <c>T</c> PyTorch's cosine rises again, this schedule holds <c>η_min</c>. Keras:
/// <c>keras.optimizers.schedules.CosineDecay(lr0, decay_steps=period, alpha=η_min / lr0)</c>, which also holds.
/// </para>
/// <para>
/// With <c>η_min = 0</c> (the default, as in PyTorch) the formula reaches exactly 0 at <c>t = T</c>, which a StaticNet
/// network's <c>LearningRate</c> setter rejects; the schedule returns
/// <see cref="ILearningRateSchedule.SmallestLearningRate"/> there instead (and wherever the value rounds below it), a
/// step that leaves parameters unchanged, as PyTorch's learning rate of 0 does. Pass a positive
/// <c>minimumLearningRate</c> to keep learning at the end.
/// </para>
/// </remarks>
public sealed class CosineAnnealing : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="initialLearningRate"><c>lr0</c>, the rate at step 0; finite and greater than 0.</param>
    /// <param name="period"><c>T</c>, the step at which the rate reaches <c>η_min</c>, at least 1 (PyTorch <c>T_max</c>, Keras <c>decay_steps</c>).</param>
    /// <param name="minimumLearningRate"><c>η_min</c>, in <c>[0, initialLearningRate]</c> (PyTorch <c>eta_min</c>); 0 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the exception names it and gives its value.</exception>
    public CosineAnnealing(float initialLearningRate, int period, float minimumLearningRate = 0)
    {
        InitialLearningRate = NetworkArguments.Positive(initialLearningRate, nameof(initialLearningRate));
        Period = ScheduleArguments.AtLeastOne(period, nameof(period));
        if (!(minimumLearningRate >= 0 && minimumLearningRate <= initialLearningRate))
        {
            throw new ArgumentOutOfRangeException(
                nameof(minimumLearningRate),
                minimumLearningRate,
                $"minimumLearningRate must be in [0, initialLearningRate] = [0, {initialLearningRate}]; it is {minimumLearningRate}.");
        }

        MinimumLearningRate = minimumLearningRate;
    }

    /// <summary><c>lr0</c>, the learning rate at step 0.</summary>
    public float InitialLearningRate { get; }

    /// <summary><c>T</c>, the number of steps from <c>lr0</c> down to <c>η_min</c>.</summary>
    public int Period { get; }

    /// <summary><c>η_min</c>, the learning rate from step <see cref="Period"/> on (raised to <see cref="ILearningRateSchedule.SmallestLearningRate"/> when 0).</summary>
    public float MinimumLearningRate { get; }

    /// <summary>Returns <c>η_min + (lr0 − η_min) · (1 + cos(π · min(step, T) / T)) / 2</c>.</summary>
    /// <param name="step">Step index, counting from 0.</param>
    /// <returns>The learning rate, finite and at least <see cref="ILearningRateSchedule.SmallestLearningRate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public float GetLearningRate(int step)
    {
        ScheduleArguments.CheckStep(step);
        double minimum = MinimumLearningRate;
        if (step >= Period)
        {
            return ScheduleArguments.ToLearningRate(minimum);
        }

        double cosine = (1.0 + Math.Cos(Math.PI * step / Period)) / 2.0;
        return ScheduleArguments.ToLearningRate(minimum + (InitialLearningRate - minimum) * cosine);
    }

    /// <summary>A description such as <c>CosineAnnealing(lr0=0.1, period=50, min=0)</c>.</summary>
    /// <returns>The type and its arguments.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CosineAnnealing(lr0={InitialLearningRate}, period={Period}, min={MinimumLearningRate})");
}
