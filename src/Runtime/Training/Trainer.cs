using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace StaticNet;

/// <summary>
/// A ready-made training loop for classifiers: shuffled mini-batch epochs, a per-epoch learning-rate schedule,
/// validation loss and accuracy, early stopping with best-parameter restore, and progress reporting. Generic over
/// the network type (static abstract sizes, no reflection, no virtual calls per batch). Keras <c>Model.fit</c>; in
/// PyTorch the usual hand-written epoch loop. For anything else, write the loop yourself (see <see cref="BatchIterator"/>).
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="network"/> on <paramref name="training"/>. For each epoch <c>e</c> from 0: if there is a
    /// <see cref="FitOptions.Schedule"/>, sets <c>network.LearningRate = Schedule.GetLearningRate(e)</c>; reshuffles
    /// the training set with one <see cref="Random"/> seeded once from <see cref="FitOptions.Seed"/>; calls
    /// <see cref="IClassifier{TSelf}.TrainStep(ReadOnlySpan{float}, ReadOnlySpan{int}, int)"/> on every mini-batch of
    /// <see cref="FitOptions.BatchSize"/> samples (the last one partial), so every sample is used once per epoch;
    /// evaluates the validation set if any; reports an <see cref="EpochResult"/> to <see cref="FitOptions.OnEpochEnd"/>;
    /// stops early when the validation loss has not improved for <see cref="FitOptions.EarlyStoppingPatience"/> epochs.
    /// The epochs are exactly those of the loop <c>batches.Shuffle(random); while (batches.MoveNext()) network.TrainStep(...)</c>
    /// with <c>random = new Random(Seed)</c>.
    /// </summary>
    /// <remarks>
    /// Allocates per call (a <see cref="BatchIterator"/> with its batch buffers, an output buffer for the validation batches,
    /// a copy of the parameters when <see cref="FitOptions.RestoreBestParameters"/> is set) and per epoch (the result),
    /// never per batch; the network itself allocates nothing after its first call with a given batch size. Each
    /// validation batch runs through
    /// <see cref="IClassifier{TSelf}.ComputeLoss(ReadOnlySpan{float}, ReadOnlySpan{int}, Span{float}, int)"/> once, which
    /// gives both its loss and its predictions.
    /// Not thread-safe: the network must not be used elsewhere during the call.
    /// </remarks>
    /// <typeparam name="TNetwork">The generated classifier type.</typeparam>
    /// <param name="network">The network to train in place; its parameters, optimizer state and learning rate change.</param>
    /// <param name="training">Training samples: at least one, <c>FeatureCount == TNetwork.InputSize</c>, labels in <c>[0, classes)</c> with classes = <c>OutputSize</c> (2 when <c>OutputSize</c> is 1).</param>
    /// <param name="options">Epochs, batch size, seed, validation, schedule, early stopping, callback; see <see cref="FitOptions"/>.</param>
    /// <returns>The per-epoch results, the best epoch and whether training stopped early.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/>, <paramref name="training"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An option is out of range or inconsistent (<c>ParamName</c> is <c>options.&lt;Option&gt;</c>); a dataset is empty,
    /// its feature count differs from the network's input size (the message gives both), or a label is out of range
    /// (an <see cref="ArgumentOutOfRangeException"/> whose message gives the label's index, its value and the range).
    /// </exception>
    /// <exception cref="InvalidOperationException">The schedule returned a learning rate that is not finite or not greater than 0.</exception>
    /// <exception cref="TrainingDivergedException">
    /// A batch's loss was NaN or infinite and <see cref="FitOptions.OnDivergence"/> is <see cref="DivergenceAction.Throw"/>;
    /// the parameters of the start of that epoch are restored first.
    /// </exception>
    public static TrainingHistory Fit<TNetwork>(TNetwork network, Dataset training, FitOptions options)
        where TNetwork : IClassifier<TNetwork>
    {
        // 'is null' rather than ThrowIfNull(object): no boxing if a network is ever a struct.
        if (network is null)
        {
            throw new ArgumentNullException(nameof(network));
        }

        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions<TNetwork>(options);
        CheckData<TNetwork>(training, nameof(training), "the training set");
        Dataset? validation = options.Validation;
        if (validation is not null)
        {
            CheckData<TNetwork>(validation, OptionName(nameof(FitOptions.Validation)), "the validation set");
        }

        var batches = new BatchIterator(training, options.BatchSize);
        var random = new Random(options.Seed);
        float[]? bestParameters = options.RestoreBestParameters ? new float[network.Parameters.Length] : null;
        float[] epochStart = new float[network.Parameters.Length]; // the last good parameters, restored if training diverges
        float[]? validationOutputs = validation is null ? null : new float[Math.Min(options.BatchSize, validation.Count) * TNetwork.OutputSize];
        var epochs = new List<EpochResult>(Math.Min(options.Epochs, 1024));
        double bestLoss = double.PositiveInfinity;
        int? bestEpoch = null;
        int epochsWithoutImprovement = 0;
        bool stoppedEarly = false;

        for (int epochIndex = 0; epochIndex < options.Epochs; epochIndex++)
        {
            long start = Stopwatch.GetTimestamp();
            if (options.Schedule is { } schedule)
            {
                network.LearningRate = ScheduleArguments.CheckedRate(schedule, epochIndex, "epoch index");
            }

            network.Parameters.CopyTo(epochStart);
            (double trainingLoss, int divergedStep, float divergedLoss) = TrainEpoch(network, batches, random);

            // A step's loss is that of the parameters before it: the last step of an epoch can leave them non-finite
            // with a finite loss. They are checked once per epoch (a pass over the parameters, microseconds).
            if (divergedStep == 0 && FiniteCheck.IndexOfNonFinite(network.Parameters) >= 0)
            {
                divergedStep = batches.BatchesPerEpoch;
                divergedLoss = float.NaN;
            }

            if (divergedStep > 0)
            {
                epochStart.CopyTo(network.Parameters);
                var divergence = new Divergence(epochIndex + 1, divergedStep, divergedLoss);
                if (options.OnDivergence == DivergenceAction.StopAndRestore)
                {
                    return new TrainingHistory(epochs, bestEpoch, stoppedEarly: false, divergence);
                }

                throw new TrainingDivergedException(
                    divergence,
                    $"Training diverged at epoch {divergence.Epoch}, step {divergence.Step}: " +
                    (float.IsNaN(divergedLoss) && trainingLoss is not double.NaN ? "the parameters became NaN or infinite. " : $"the batch loss was {divergedLoss}. ") + "The learning rate " +
                    $"({network.LearningRate}) may be too high, or the data out of scale. The parameters of the start of epoch {divergence.Epoch} were restored.");
            }

            long trained = Stopwatch.GetTimestamp();

            double? validationLoss = null;
            double? validationAccuracy = null;
            if (validation is not null)
            {
                (double loss, double accuracy) = Evaluate(network, validation, options.BatchSize, validationOutputs!);
                validationLoss = loss;
                validationAccuracy = accuracy;
                if (loss < bestLoss)
                {
                    // Strictly lower (Keras min_delta = 0); NaN never improves.
                    bestLoss = loss;
                    bestEpoch = epochIndex + 1;
                    epochsWithoutImprovement = 0;
                    if (bestParameters is not null)
                    {
                        network.Parameters.CopyTo(bestParameters);
                    }
                }
                else
                {
                    epochsWithoutImprovement++;
                }
            }

            long end = Stopwatch.GetTimestamp();
            var result = new EpochResult(
                Epoch: epochIndex + 1,
                TrainingLoss: trainingLoss,
                ValidationLoss: validationLoss,
                ValidationAccuracy: validationAccuracy,
                LearningRate: network.LearningRate,
                Seconds: Stopwatch.GetElapsedTime(start, end).TotalSeconds,
                SamplesPerSecond: training.Count / Math.Max(Stopwatch.GetElapsedTime(start, trained).TotalSeconds, 1e-9));
            epochs.Add(result);
            options.OnEpochEnd?.Invoke(result);

            if (options.EarlyStoppingPatience is int patience && epochsWithoutImprovement >= patience && epochIndex + 1 < options.Epochs)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (bestParameters is not null && bestEpoch is not null && bestEpoch != epochs.Count)
        {
            bestParameters.CopyTo(network.Parameters);
        }

        return new TrainingHistory(epochs, bestEpoch, stoppedEarly);
    }

    // One pass over the training set: the sample-weighted mean of the batch losses, or the first step (from 1) whose loss
    // was not finite, where the pass stops. Allocation-free.
    private static (double Loss, int DivergedStep, float DivergedLoss) TrainEpoch<TNetwork>(TNetwork network, BatchIterator batches, Random random)
        where TNetwork : IClassifier<TNetwork>
    {
        batches.Shuffle(random);
        double lossSum = 0;
        long samples = 0;
        int step = 0;
        while (batches.MoveNext())
        {
            int size = batches.Size;
            float loss = network.TrainStep(batches.Inputs, batches.Labels, size);
            step++;
            if (!float.IsFinite(loss))
            {
                return (double.NaN, step, loss);
            }

            lossSum += (double)loss * size;
            samples += size;
        }

        return (lossSum / samples, 0, 0f);
    }

    // Mean data loss and accuracy over a dataset, batch by batch over slices of its arrays (no copies), both from one
    // forward pass per batch: the loss and the outputs of the same ComputeLoss call. The values are those of
    // ComputeLoss batch by batch and of Metrics.Accuracy with the same batch size. Allocation-free.
    private static (double Loss, double Accuracy) Evaluate<TNetwork>(TNetwork network, Dataset data, int batchSize, float[] outputs)
        where TNetwork : IClassifier<TNetwork>
    {
        int inputSize = TNetwork.InputSize;
        int outputSize = TNetwork.OutputSize;
        ReadOnlySpan<float> features = data.Features;
        ReadOnlySpan<int> labels = data.Labels;
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int size = Math.Min(batchSize, data.Count - start);
            ReadOnlySpan<int> batchLabels = labels.Slice(start, size);
            Span<float> batchOutputs = outputs.AsSpan(0, size * outputSize);
            float loss = network.ComputeLoss(features.Slice(start * inputSize, size * inputSize), batchLabels, batchOutputs, size);
            lossSum += (double)loss * size;
            for (int i = 0; i < size; i++)
            {
                if (Metrics.PredictedClass(batchOutputs.Slice(i * outputSize, outputSize)) == batchLabels[i])
                {
                    correct++;
                }
            }
        }

        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private static void CheckOptions<TNetwork>(FitOptions options)
        where TNetwork : IClassifier<TNetwork>
    {
        if (options.Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(OptionName(nameof(FitOptions.Epochs)), options.Epochs, $"options.Epochs must be at least 1; it is {options.Epochs}.");
        }

        int maxBatchSize = TNetwork.MaxBatchSize;
        if (options.BatchSize < 1 || options.BatchSize > maxBatchSize)
        {
            throw new ArgumentOutOfRangeException(
                OptionName(nameof(FitOptions.BatchSize)),
                options.BatchSize,
                $"options.BatchSize must be between 1 and {typeof(TNetwork).Name}.MaxBatchSize = {maxBatchSize}; it is {options.BatchSize}.");
        }

        if (options.EarlyStoppingPatience is int patience)
        {
            if (patience < 1)
            {
                throw new ArgumentOutOfRangeException(
                    OptionName(nameof(FitOptions.EarlyStoppingPatience)), patience, $"options.EarlyStoppingPatience must be at least 1 (or null for none); it is {patience}.");
            }

            if (options.Validation is null)
            {
                throw new ArgumentException(
                    $"options.EarlyStoppingPatience is {patience}, but early stopping watches the validation loss and options.Validation is null.",
                    OptionName(nameof(FitOptions.EarlyStoppingPatience)));
            }
        }

        if (options.RestoreBestParameters && options.Validation is null)
        {
            throw new ArgumentException(
                "options.RestoreBestParameters is true, but the best epoch is the one with the lowest validation loss and options.Validation is null.",
                OptionName(nameof(FitOptions.RestoreBestParameters)));
        }
    }

    private static void CheckData<TNetwork>(Dataset data, string parameterName, string description)
        where TNetwork : IClassifier<TNetwork>
    {
        if (data.Count == 0)
        {
            throw new ArgumentException($"{parameterName}: {description} has no samples.", parameterName);
        }

        int inputSize = TNetwork.InputSize;
        if (data.FeatureCount != inputSize)
        {
            throw new ArgumentException(
                $"{parameterName}: {description} has {data.FeatureCount} features per sample but {typeof(TNetwork).Name} takes {inputSize} inputs (InputSize).",
                parameterName);
        }

        NetworkArguments.CheckLabels<TNetwork>(data.Labels, parameterName);
    }

    private static string OptionName(string option) => "options." + option;
}
