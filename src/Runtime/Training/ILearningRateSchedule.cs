namespace StaticNet;

/// <summary>
/// A learning-rate schedule: a pure function from a step index to the learning rate for that step. Use it from a
/// custom loop (<c>network.LearningRate = schedule.GetLearningRate(step)</c>) or through
/// <see cref="FitOptions.Schedule"/>, where <see cref="Trainer.Fit{TNetwork}"/> calls it once per epoch.
/// </summary>
/// <remarks>
/// <para>
/// The step counts from 0 and its unit is the caller's choice: pass the epoch index to change the rate per epoch (as
/// <see cref="Trainer"/> does, and as PyTorch's <c>scheduler.step()</c> called once per epoch), or the batch index to
/// change it per optimizer step (PyTorch calling <c>scheduler.step()</c> after every batch; Keras
/// <c>LearningRateSchedule</c> objects, which always count optimizer steps). Sizes such as
/// <see cref="StepDecay.StepSize"/> or <see cref="CosineAnnealing.Period"/> are in the same unit.
/// </para>
/// <para>
/// The built-in schedules are immutable, stateless (the same step always gives the same rate, in any call order) and
/// thread-safe. They compute in <see cref="double"/> and return a <see cref="float"/> that is finite and at least
/// <see cref="SmallestLearningRate"/>, because a StaticNet network's <c>LearningRate</c> setter rejects 0
/// (see <see cref="INetwork{TSelf}.LearningRate"/>): where PyTorch's closed form reaches or underflows to 0 (cosine
/// annealing to a minimum of 0, exponential decay after very many steps), the value is raised to
/// <see cref="SmallestLearningRate"/>, a step that changes no parameter of ordinary magnitude, so training behaves as
/// PyTorch's with a learning rate of 0.
/// </para>
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>
    /// The floor of every built-in schedule: 2^-126 ≈ 1.1755e-38, the smallest normal <see cref="float"/> (a denormal
    /// floor such as <see cref="float.Epsilon"/> would be as harmless numerically but slow on some CPUs).
    /// </summary>
    const float SmallestLearningRate = 1.17549435E-38f;

    /// <summary>The learning rate for <paramref name="step"/>.</summary>
    /// <param name="step">Step index, counting from 0 (an epoch or a batch index, as the caller decides).</param>
    /// <returns>A finite learning rate greater than 0, in the same units as <see cref="INetwork{TSelf}.LearningRate"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    float GetLearningRate(int step);
}
