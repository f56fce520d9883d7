using System;

namespace StaticNet;

/// <summary>
/// The training state of a network beside its parameters: the optimizer's state buffers, the step count and the
/// dropout generator's state. A checkpoint (<see cref="ModelFile.SaveCheckpoint{TNetwork}(TNetwork, string)"/>) saves
/// and restores it, so that training resumes exactly.
/// </summary>
public interface ITrainingState
{
    /// <summary>Number of optimizer steps taken so far (Adam's t).</summary>
    long StepCount { get; }

    /// <summary>The state of the generator of the dropout masks; 0 for a network without dropout.</summary>
    ulong DropoutState { get; }

    /// <summary>
    /// The optimizer's state buffer <paramref name="index"/> (named in <see cref="ModelLayout.OptimizerStates"/>: Adam's m
    /// and v...), laid out like <see cref="INetwork{TSelf}.Parameters"/>.
    /// </summary>
    /// <param name="index">From 0 to the number of state buffers, exclusive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    Span<float> OptimizerState(int index);

    /// <summary>Sets <see cref="StepCount"/> and <see cref="DropoutState"/>, as a checkpoint restores them.</summary>
    /// <param name="stepCount">Optimizer steps taken, 0 or more.</param>
    /// <param name="dropoutState">A value of <see cref="DropoutState"/>; ignored by a network without dropout.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepCount"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Another thread is running a call on this instance.</exception>
    void RestoreCounters(long stepCount, ulong dropoutState);
}
