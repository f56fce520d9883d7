using System;

namespace StaticNet;

/// <summary>
/// Training diverged: a batch's loss was NaN or infinite (often a learning rate too high, or data out of scale).
/// <see cref="Trainer.Fit{TNetwork}"/> throws it after restoring the parameters of the start of the epoch.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="divergence">Where training diverged.</param>
    /// <param name="message">What happened and what to try.</param>
    public TrainingDivergedException(Divergence divergence, string message)
        : base(message)
    {
        Divergence = divergence;
    }

    /// <summary>Where training diverged.</summary>
    public Divergence Divergence { get; }
}

/// <summary>Where training diverged: the 1-based epoch, the 1-based step within it, and the batch loss (NaN or ±∞).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Step">The step (mini-batch) within the epoch, from 1.</param>
/// <param name="Loss">The loss that step returned; NaN when it was finite but left the parameters NaN or infinite.</param>
public sealed record Divergence(int Epoch, int Step, float Loss);
