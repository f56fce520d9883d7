using System;

namespace StaticNet;

// Argument checks and the output floor shared by the built-in learning-rate schedules (a positive initial rate is
// NetworkArguments.Positive, the same check as a network's LearningRate setter).
internal static class ScheduleArguments
{
    // (0, 1]: a decay factor. Above 1 the rate would grow without bound and eventually overflow.
    public static float DecayFactor(float value, string parameterName)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be in (0, 1]; it is {value}.");
        }

        return value;
    }

    public static int AtLeastOne(int value, string parameterName)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be at least 1; it is {value}.");
        }

        return value;
    }

    public static void CheckStep(int step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step counts from 0; it is {step}.");
        }
    }

    // The one check of a rate a schedule returned (Trainer per epoch, LinearWarmup of the schedule after it), so that
    // an invalid rate is reported with the schedule, the step and the value before any network sees it.
    public static float CheckedRate(ILearningRateSchedule schedule, int step, string stepName, string? role = null)
    {
        float rate = schedule.GetLearningRate(step);
        if (!(float.IsFinite(rate) && rate > 0))
        {
            string which = role is null ? schedule.GetType().Name : $"{schedule.GetType().Name} ({role})";
            throw new InvalidOperationException(
                $"The learning-rate schedule {which} returned {rate} for {stepName} {step}; a learning rate must be finite and greater than 0.");
        }

        return rate;
    }

    // Rounds to float and raises anything below the floor (0 included) to it.
    public static float ToLearningRate(double value)
    {
        float rate = (float)value;
        return rate >= ILearningRateSchedule.SmallestLearningRate ? rate : ILearningRateSchedule.SmallestLearningRate;
    }
}
