using System.Collections.Generic;

namespace StaticNet;

/// <summary>The result of <see cref="Trainer.Fit{TNetwork}"/>: one <see cref="EpochResult"/> per epoch run, and how training ended. Keras <c>History</c>.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochResult> epochs, int? bestEpoch, bool stoppedEarly, Divergence? divergence = null)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
        Divergence = divergence;
    }

    /// <summary>
    /// Where training diverged and stopped (with <see cref="DivergenceAction.StopAndRestore"/>); null when it did not.
    /// <see cref="Epochs"/> then ends with the last whole epoch before it.
    /// </summary>
    public Divergence? Divergence { get; }

    /// <summary>The epochs run, in order; <c>Epochs[i].Epoch == i + 1</c>. Fewer than <see cref="FitOptions.Epochs"/> when training stopped early.</summary>
    public IReadOnlyList<EpochResult> Epochs { get; }

    /// <summary>
    /// The 1-based epoch with the lowest validation loss (the first one on ties); null without
    /// <see cref="FitOptions.Validation"/> or when no validation loss was a number (all NaN).
    /// </summary>
    public int? BestEpoch { get; }

    /// <summary>True when <see cref="FitOptions.EarlyStoppingPatience"/> ended training before <see cref="FitOptions.Epochs"/> epochs.</summary>
    public bool StoppedEarly { get; }
}
