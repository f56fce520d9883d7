namespace StaticNet;

/// <summary>What one epoch of <see cref="Trainer.Fit{TNetwork}"/> measured (one entry of Keras' <c>History.history</c>).</summary>
/// <param name="Epoch">The epoch number, counting from 1.</param>
/// <param name="TrainingLoss">
/// Mean data loss over the epoch's training samples: the losses <c>TrainStep</c> returned (each computed before its
/// step, as the parameters changed through the epoch) weighted by batch size, so a partial last batch counts for its
/// size. Regularization penalty excluded, as in the networks' <c>TrainStep</c> (Keras would include it).
/// </param>
/// <param name="ValidationLoss">Mean data loss over the validation samples after the epoch's last step (<c>ComputeLoss</c> batch by batch, weighted by batch size); null without <see cref="FitOptions.Validation"/>.</param>
/// <param name="ValidationAccuracy">Fraction of the validation samples classified correctly after the epoch (the value <see cref="Metrics.Accuracy{TNetwork}"/> gives, from the same forward pass as the loss), in <c>[0, 1]</c>; null without <see cref="FitOptions.Validation"/>.</param>
/// <param name="LearningRate">The network's learning rate during the epoch (set from <see cref="FitOptions.Schedule"/> when there is one).</param>
/// <param name="Seconds">Wall-clock seconds of the epoch: shuffling, training and validation (the <see cref="FitOptions.OnEpochEnd"/> call excluded).</param>
/// <param name="SamplesPerSecond">Training throughput: training samples divided by the seconds of the training pass alone (shuffle and steps, validation excluded).</param>
public sealed record EpochResult(
    int Epoch,
    double TrainingLoss,
    double? ValidationLoss,
    double? ValidationAccuracy,
    float LearningRate,
    double Seconds,
    double SamplesPerSecond);
