using System;
using System.Globalization;

namespace StaticNet;

/// <summary>
/// Linear warm-up before another schedule (Goyal et al. 2017, "Accurate, Large Minibatch SGD"): for the first
/// <see cref="WarmupSteps"/> steps the rate rises linearly from <c>startFactor · after(0)</c> towards <c>after(0)</c>,
/// then <see cref="After"/> runs from its own step 0:
/// <c>lr(t) = after(0) · (s + (1 − s) · t / W)</c> for <c>t &lt; W</c>, <c>after(t − W)</c> for <c>t ≥ W</c>.
/// </summary>
/// <remarks>
/// PyTorch: <c>SequentialLR(optimizer, [LinearLR(optimizer, start_factor=s, end_factor=1, total_iters=W), after], milestones=[W])</c>;
/// Keras: the <c>warmup_steps</c> / <c>warmup_target</c> arguments of <c>CosineDecay</c> (with
/// <c>initial_learning_rate = s · warmup_target</c>). Warm-up rates are computed in <see cref="double"/>; every rate
/// is raised to <see cref="ILearningRateSchedule.SmallestLearningRate"/> if it is below it (a built-in
/// <see cref="After"/> never is, so its rates pass through unchanged).
/// </remarks>
/// <example><c>new LinearWarmup(new CosineAnnealing(0.1f, period: 95), warmupSteps: 5)</c>: 0.01, 0.028, 0.046, 0.064, 0.082, then the cosine from 0.1.</example>
public sealed class LinearWarmup : ILearningRateSchedule
{
    // Says in an invalid-rate message that the schedule at fault is the one after a warm-up.
    private const string AfterRole = "after the warm-up of LinearWarmup";

    /// <summary>Creates the schedule.</summary>
    /// <param name="after">The schedule that follows the warm-up; its rate at step 0 is the warm-up's target.</param>
    /// <param name="warmupSteps"><c>W</c>, the number of warm-up steps, at least 1 (PyTorch <c>total_iters</c>).</param>
    /// <param name="startFactor"><c>s</c>, the fraction of <c>after(0)</c> at step 0, in <c>(0, 1]</c> (PyTorch <c>start_factor</c>); 0.1 by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="after"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range; the exception names it and gives its value.</exception>
    public LinearWarmup(ILearningRateSchedule after, int warmupSteps, float startFactor = 0.1f)
    {
        ArgumentNullException.ThrowIfNull(after);
        After = after;
        WarmupSteps = ScheduleArguments.AtLeastOne(warmupSteps, nameof(warmupSteps));
        StartFactor = ScheduleArguments.DecayFactor(startFactor, nameof(startFactor));
    }

    /// <summary>The schedule that follows the warm-up, started at its step 0 on step <see cref="WarmupSteps"/>.</summary>
    public ILearningRateSchedule After { get; }

    /// <summary><c>W</c>, the number of warm-up steps.</summary>
    public int WarmupSteps { get; }

    /// <summary><c>s</c>, the fraction of <c>after(0)</c> at step 0, in <c>(0, 1]</c>.</summary>
    public float StartFactor { get; }

    /// <summary>Returns <c>after(0) · (s + (1 − s) · step / W)</c> during the warm-up, <c>after(step − W)</c> afterwards.</summary>
    /// <param name="step">Step index, counting from 0.</param>
    /// <returns>The learning rate, finite and at least <see cref="ILearningRateSchedule.SmallestLearningRate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><see cref="After"/> returned a value that is not finite or not greater than 0.</exception>
    public float GetLearningRate(int step)
    {
        ScheduleArguments.CheckStep(step);
        if (step >= WarmupSteps)
        {
            return ScheduleArguments.ToLearningRate(ScheduleArguments.CheckedRate(After, step - WarmupSteps, "step", AfterRole));
        }

        double target = ScheduleArguments.CheckedRate(After, 0, "step", AfterRole);
        double factor = StartFactor + (1.0 - StartFactor) * step / WarmupSteps;
        return ScheduleArguments.ToLearningRate(target * factor);
    }

    /// <summary>A description such as <c>LinearWarmup(warmupSteps=5, startFactor=0.1, after=CosineAnnealing(...))</c>.</summary>
    /// <returns>The type, its arguments and the following schedule.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"LinearWarmup(warmupSteps={WarmupSteps}, startFactor={StartFactor}, after={After})");
}
