using System;

namespace StaticNet;

// Argument checks and the output floor shared by the built-in learning-rate schedules.
internal static class ScheduleArguments
{
    public static float PositiveFinite(float value, string parameterName)
    {
        if (!(float.IsFinite(value) && value > 0))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be finite and greater than 0; it is {value}.");
        }

        return value;
    }

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

    // Rounds to float and raises anything below the floor (0 included) to it.
    public static float ToLearningRate(double value)
    {
        float rate = (float)value;
        return rate >= ILearningRateSchedule.SmallestLearningRate ? rate : ILearningRateSchedule.SmallestLearningRate;
    }
}
