namespace StaticNet;

/// <summary>What <see cref="Trainer.Fit{TNetwork}"/> does when a batch's loss is NaN or infinite (training diverged).</summary>
public enum DivergenceAction
{
    /// <summary>
    /// Restore the parameters of the start of the epoch and throw a <see cref="TrainingDivergedException"/> naming the
    /// epoch and the step. The default: a diverged run should not pass unnoticed.
    /// </summary>
    Throw = 0,

    /// <summary>
    /// Restore the parameters of the start of the epoch and stop, returning the history with
    /// <see cref="TrainingHistory.Divergence"/> set (Keras <c>TerminateOnNaN</c>, with the last good weights kept).
    /// </summary>
    StopAndRestore = 1,
}
