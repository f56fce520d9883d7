using System;

namespace StaticNet;

/// <summary>
/// Options of <see cref="Trainer.Fit{TNetwork}"/>, set with object initialisers. Values are checked when
/// <c>Fit</c> starts, which throws an <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/>
/// is <c>options.&lt;Option&gt;</c> (e.g. <c>options.Epochs</c>) and whose message gives the value.
/// </summary>
/// <example>
/// <code>
/// TrainingHistory history = Trainer.Fit(network, training, new FitOptions
/// {
///     Epochs = 50,
///     BatchSize = 64,
///     Seed = 1,
///     Validation = validation,
///     Schedule = new CosineAnnealing(1e-3f, period: 50, minimumLearningRate: 1e-5f),
///     EarlyStoppingPatience = 5,
///     RestoreBestParameters = true,
///     OnEpochEnd = e =&gt; Console.WriteLine($"epoch {e.Epoch}: loss {e.TrainingLoss:F4}, val {e.ValidationLoss:F4}"),
/// });
/// </code>
/// </example>
public sealed class FitOptions
{
    /// <summary>Maximum number of passes over the training set, at least 1; fewer run when early stopping triggers. Keras <c>epochs</c>. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>
    /// Samples per optimizer step, in <c>[1, TNetwork.MaxBatchSize]</c>; the last batch of an epoch holds the
    /// remainder. Also the batch size of the validation pass. Keras <c>batch_size</c>, PyTorch <c>DataLoader(batch_size)</c>. Default 64.
    /// </summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Seed of the shuffle: one <see cref="Random"/> is created from it when <c>Fit</c> starts and reshuffles the
    /// training set before every epoch (<see cref="BatchIterator.Shuffle"/>), so the same seed, network and data give
    /// the same run. Default 0.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>
    /// Held-out samples evaluated after every epoch (loss and accuracy), with the training set's feature count and
    /// at least one sample; null for none. Needed by <see cref="EarlyStoppingPatience"/> and
    /// <see cref="RestoreBestParameters"/>. Keras <c>validation_data</c>.
    /// </summary>
    public Dataset? Validation { get; init; }

    /// <summary>
    /// Learning rate per epoch: before the first step of epoch index <c>e</c> (from 0), <c>Fit</c> sets
    /// <c>network.LearningRate = Schedule.GetLearningRate(e)</c>. Null (the default) leaves the network's learning rate
    /// unchanged. Keras <c>callbacks.LearningRateScheduler</c>; PyTorch <c>scheduler.step()</c> once per epoch.
    /// </summary>
    public ILearningRateSchedule? Schedule { get; init; }

    /// <summary>
    /// Early stopping: stop after this many consecutive epochs, at least 1, without a validation loss strictly lower
    /// than the best so far; null (the default) never stops early. Requires <see cref="Validation"/>. Keras
    /// <c>callbacks.EarlyStopping(monitor="val_loss", patience, min_delta=0)</c>.
    /// </summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>
    /// When training ends, early or after <see cref="Epochs"/>, copy back the <see cref="INetwork{TSelf}.Parameters"/>
    /// saved at the end of the epoch with the lowest validation loss (optimizer state such as Adam's moments and
    /// <c>StepCount</c> is not restored). Requires <see cref="Validation"/>. Keras
    /// <c>EarlyStopping(restore_best_weights=True)</c>. Default false: the network keeps its last parameters.
    /// </summary>
    public bool RestoreBestParameters { get; init; }

    /// <summary>
    /// Called after every epoch with its result, on the calling thread, before the early-stopping decision; for
    /// progress reporting. An exception it throws ends <c>Fit</c> and propagates. Keras <c>callbacks.Callback.on_epoch_end</c>.
    /// </summary>
    public Action<EpochResult>? OnEpochEnd { get; init; }

    /// <summary>
    /// What to do when a batch's loss is NaN or infinite: <see cref="DivergenceAction.Throw"/> (the default) or
    /// <see cref="DivergenceAction.StopAndRestore"/>. Either way the parameters of the start of that epoch are restored
    /// (the optimizer's state is not: continue from a checkpoint, <see cref="ModelFile.SaveCheckpoint{TNetwork}(TNetwork, string)"/>).
    /// </summary>
    public DivergenceAction OnDivergence { get; init; } = DivergenceAction.Throw;
}
