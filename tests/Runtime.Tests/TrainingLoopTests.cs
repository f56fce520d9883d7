using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace StaticNet.Tests;

/// <summary>
/// Test double for <see cref="Trainer"/>: 2 inputs (a sample id and a predicted class), 3 outputs, 2 parameters.
/// TrainStep returns the mean sample id of the batch and sets Parameters = [StepCount, LearningRate], so a restored
/// parameter vector tells which epoch it came from. ComputeLoss returns a scripted loss (a function of StepCount) or
/// the mean sample id. Predict puts a one-hot on the class in feature 1. Like a network that keeps its last forward
/// pass, it implements ComputeLoss with outputs as one forward pass; ForwardSamples counts the samples of every pass.
/// </summary>
internal sealed class ScriptedClassifier : IClassifier<ScriptedClassifier>
{
    private readonly float[] _parameters = new float[2];
    private readonly float[] _gradients = new float[2];
    private float _learningRate = 0.1f;

    public static int InputSize => 2;

    public static int OutputSize => 3;

    public static int ParameterCount => 2;
    public static int ParameterBufferLength => 2;

    public static int MaxBatchSize => 4096;


    public static ModelLayout Layout { get; } = new("Input (a test double)", "0000000000000000", 0);

    /// <summary>When false, nothing is recorded (no allocation per call).</summary>
    public bool Record { get; set; } = true;

    /// <summary>Size of every TrainStep batch, in order.</summary>
    public List<int> BatchSizes { get; } = [];

    /// <summary>Sample ids (feature 0) in the order TrainStep saw them.</summary>
    public List<int> SampleIds { get; } = [];

    /// <summary>The learning rate at every TrainStep call.</summary>
    public List<float> StepRates { get; } = [];

    /// <summary>Size of every ComputeLoss batch, in order.</summary>
    public List<int> LossBatchSizes { get; } = [];

    /// <summary>Batches whose labels did not match their sample ids (label = id % 3).</summary>
    public int LabelMismatches { get; private set; }

    /// <summary>Samples run forward outside training (ComputeLoss, Predict), counted once per pass.</summary>
    public long ForwardSamples { get; private set; }

    /// <summary>Validation loss as a function of StepCount; null for the mean sample id of the batch.</summary>
    public Func<long, float>? ScriptedLoss { get; set; }

    public Span<float> Parameters => _parameters;

    public Span<float> Gradients => _gradients;

    public float LearningRate
    {
        get => _learningRate;
        set => _learningRate = float.IsFinite(value) && value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "LearningRate must be finite and greater than 0.");
    }

    public long StepCount { get; private set; }

    public ITrainingState TrainingState => throw new NotSupportedException();

    public static ScriptedClassifier Create(int seed) => new();

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize)
    {
        Check(inputs, labels, batchSize);
        double sum = 0;
        for (int i = 0; i < batchSize; i++)
        {
            int id = (int)inputs[2 * i];
            sum += id;
            if (labels[i] != id % 3)
            {
                LabelMismatches++;
            }

            if (Record)
            {
                SampleIds.Add(id);
            }
        }

        if (Record)
        {
            BatchSizes.Add(batchSize);
            StepRates.Add(_learningRate);
        }

        StepCount++;
        _parameters[0] = StepCount;
        _parameters[1] = _learningRate;
        return (float)(sum / batchSize);
    }

    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize)
    {
        Check(inputs, labels, batchSize);
        ForwardSamples += batchSize;
        if (Record)
        {
            LossBatchSizes.Add(batchSize);
        }

        if (ScriptedLoss is { } script)
        {
            return script(StepCount);
        }

        double sum = 0;
        for (int i = 0; i < batchSize; i++)
        {
            sum += inputs[2 * i];
        }

        return (float)(sum / batchSize);
    }

    public void Predict(ReadOnlySpan<float> input, Span<float> output) => Predict(input, output, 1);

    public void Predict(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)
    {
        ForwardSamples += batchSize;
        WriteOutputs(inputs, outputs, batchSize);
    }

    // One forward pass: the loss of ComputeLoss (which counts the pass) and the outputs of Predict.
    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, Span<float> outputs, int batchSize)
    {
        float loss = ComputeLoss(inputs, labels, batchSize);
        WriteOutputs(inputs, outputs, batchSize);
        return loss;
    }

    private static void WriteOutputs(ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize)
    {
        if (inputs.Length != batchSize * InputSize || outputs.Length != batchSize * OutputSize)
        {
            throw new ArgumentException($"Expected {batchSize * InputSize} inputs and {batchSize * OutputSize} outputs, got {inputs.Length} and {outputs.Length}.");
        }

        outputs.Clear();
        for (int i = 0; i < batchSize; i++)
        {
            outputs[i * OutputSize + (int)inputs[2 * i + 1]] = 1f;
        }
    }

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize) => throw new NotSupportedException();

    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public float ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public float ComputeLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize) => throw new NotSupportedException();

    public void ApplyGradients() => throw new NotSupportedException();

    public float RegularizationLoss() => 0f;

    private static void Check(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, int batchSize)
    {
        // Same contract as a generated network: batch size in range, exact lengths.
        if (batchSize < 1 || batchSize > MaxBatchSize || inputs.Length != batchSize * InputSize || labels.Length != batchSize)
        {
            throw new ArgumentException($"batchSize {batchSize}, {inputs.Length} inputs, {labels.Length} labels.");
        }
    }
}

public class TrainingLoopTests
{
    /// <summary>Samples 0..count-1: features [id, predicted class], label id % 3; predicted = label except for the ids in <paramref name="wrong"/>.</summary>
    private static Dataset Numbered(int count, params int[] wrong)
    {
        var features = new float[count * 2];
        var labels = new int[count];
        for (int id = 0; id < count; id++)
        {
            labels[id] = id % 3;
            features[2 * id] = id;
            features[2 * id + 1] = wrong.Contains(id) ? (id + 1) % 3 : id % 3;
        }

        return new Dataset(features, labels, 2);
    }

    // Validation loss by epoch (1-based) from a script, for a training set of stepsPerEpoch batches.
    private static Func<long, float> ByEpoch(int stepsPerEpoch, params float[] losses) =>
        steps => losses[(int)(steps / stepsPerEpoch) - 1];

    [Fact]
    public void Fit_TrainsOnEverySampleOncePerEpoch_LastPartialBatchIncluded()
    {
        var network = new ScriptedClassifier();

        TrainingHistory history = Trainer.Fit(network, Numbered(10), new FitOptions { Epochs = 3, BatchSize = 4 });

        Assert.Equal(new[] { 4, 4, 2, 4, 4, 2, 4, 4, 2 }, network.BatchSizes);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(Enumerable.Range(0, 10), network.SampleIds.Skip(10 * epoch).Take(10).Order());
        }

        Assert.Equal(0, network.LabelMismatches);
        Assert.Equal(9, network.StepCount);
        Assert.Equal(3, history.Epochs.Count);
        Assert.False(history.StoppedEarly);
        Assert.Null(history.BestEpoch);

        // Mean over samples, the partial batch weighted by its size: the mean id, 4.5, whatever the order.
        Assert.All(history.Epochs, e => Assert.Equal(4.5, e.TrainingLoss, 1e-12));
    }

    [Fact]
    public void Fit_ShufflesEachEpochDifferently_AsTheHandWrittenLoopDoes()
    {
        var network = new ScriptedClassifier();
        Trainer.Fit(network, Numbered(10), new FitOptions { Epochs = 3, BatchSize = 4, Seed = 42 });

        // The README loop with the same seed.
        List<int> expected = [];
        var batches = new BatchIterator(Numbered(10), 4);
        var random = new Random(42);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            batches.Shuffle(random);
            while (batches.MoveNext())
            {
                for (int i = 0; i < batches.Size; i++)
                {
                    expected.Add((int)batches.Inputs[2 * i]);
                }
            }
        }

        Assert.Equal(expected, network.SampleIds);
        Assert.NotEqual(network.SampleIds.Take(10), network.SampleIds.Skip(10).Take(10));
    }

    [Fact]
    public void Fit_IsDeterministicForASeed()
    {
        static (List<int> Ids, double[] Losses) Run(int seed)
        {
            var network = new ScriptedClassifier();
            TrainingHistory history = Trainer.Fit(network, Numbered(10), new FitOptions
            {
                Epochs = 3,
                BatchSize = 3,
                Seed = seed,
                Validation = Numbered(4, 2),
                Schedule = new ExponentialDecay(0.1f, 0.5f),
            });
            return (network.SampleIds, history.Epochs.Select(e => e.TrainingLoss + (e.ValidationLoss ?? 0) + e.LearningRate).ToArray());
        }

        (List<int> first, double[] firstLosses) = Run(7);
        (List<int> second, double[] secondLosses) = Run(7);
        (List<int> other, _) = Run(8);

        Assert.Equal(first, second);
        Assert.Equal(firstLosses, secondLosses);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Fit_SetsTheLearningRateFromTheScheduleBeforeEachEpoch()
    {
        var network = new ScriptedClassifier();
        var schedule = new RecordingSchedule();

        TrainingHistory history = Trainer.Fit(network, Numbered(5), new FitOptions { Epochs = 4, BatchSize = 2, Schedule = schedule });

        Assert.Equal(new[] { 0, 1, 2, 3 }, schedule.Steps);
        float[] expected = [1f, 0.5f, 1f / 3, 0.25f];
        for (int epoch = 0; epoch < 4; epoch++)
        {
            Assert.All(network.StepRates.Skip(3 * epoch).Take(3), rate => Assert.Equal(expected[epoch], rate));
            Assert.Equal(expected[epoch], history.Epochs[epoch].LearningRate);
        }

        Assert.Equal(0.25f, network.LearningRate);
    }

    [Fact]
    public void Fit_WithABuiltInSchedule_UsesItsValuePerEpoch()
    {
        var network = new ScriptedClassifier();
        var schedule = new LinearWarmup(new CosineAnnealing(0.1f, period: 3), warmupSteps: 2);

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions { Epochs = 6, BatchSize = 4, Schedule = schedule });

        // Epoch index 5 is the cosine's period: 0 in PyTorch, the smallest float rate here, which the network accepts.
        Assert.Equal(Enumerable.Range(0, 6).Select(schedule.GetLearningRate), network.StepRates);
        Assert.Equal(ILearningRateSchedule.SmallestLearningRate, history.Epochs[5].LearningRate);
    }

    [Fact]
    public void Fit_WithoutSchedule_KeepsTheNetworkLearningRate()
    {
        var network = new ScriptedClassifier { LearningRate = 0.02f };

        TrainingHistory history = Trainer.Fit(network, Numbered(5), new FitOptions { Epochs = 2, BatchSize = 2 });

        Assert.All(network.StepRates, rate => Assert.Equal(0.02f, rate));
        Assert.All(history.Epochs, e => Assert.Equal(0.02f, e.LearningRate));
    }

    [Fact]
    public void Fit_ReportsEveryEpochWithSensibleValues()
    {
        var network = new ScriptedClassifier();
        List<EpochResult> reported = [];
        List<long> stepsAtReport = [];

        TrainingHistory history = Trainer.Fit(network, Numbered(10), new FitOptions
        {
            Epochs = 3,
            BatchSize = 4,
            Validation = Numbered(5, 1), // ids 0..4, one wrongly predicted
            OnEpochEnd = e =>
            {
                reported.Add(e);
                stepsAtReport.Add(network.StepCount);
            },
        });

        Assert.Equal(history.Epochs, reported);
        Assert.Equal(new long[] { 3, 6, 9 }, stepsAtReport);
        for (int i = 0; i < 3; i++)
        {
            EpochResult e = reported[i];
            Assert.Equal(i + 1, e.Epoch);
            Assert.Equal(4.5, e.TrainingLoss, 1e-12);
            Assert.Equal(2.0, e.ValidationLoss!.Value, 1e-12); // mean validation id, batches 4 + 1 weighted by size
            Assert.Equal(0.8, e.ValidationAccuracy!.Value, 1e-12);
            Assert.Equal(0.1f, e.LearningRate);
            Assert.True(e.Seconds > 0 && e.Seconds < 60, $"Seconds {e.Seconds}");
            Assert.True(double.IsFinite(e.SamplesPerSecond) && e.SamplesPerSecond > 0, $"SamplesPerSecond {e.SamplesPerSecond}");
        }

        // Validation runs in batches of BatchSize over the validation set, in order: 4 then 1, once per epoch.
        Assert.Equal(new[] { 4, 1, 4, 1, 4, 1 }, network.LossBatchSizes);
        Assert.Equal(1, history.BestEpoch); // equal losses never improve on the first
    }

    [Fact]
    public void Fit_RunsEachValidationSampleForwardOncePerEpoch()
    {
        var network = new ScriptedClassifier();

        TrainingHistory history = Trainer.Fit(network, Numbered(10), new FitOptions
        {
            Epochs = 3,
            BatchSize = 4,
            Validation = Numbered(5, 1), // ids 0..4, one wrongly predicted
        });

        // Loss and accuracy from the same pass: a second pass for the accuracy (Predict) would make this 30.
        Assert.Equal(3 * 5, network.ForwardSamples);
        Assert.All(history.Epochs, e => Assert.Equal(0.8, e.ValidationAccuracy!.Value, 1e-12));
        Assert.All(history.Epochs, e => Assert.Equal(2.0, e.ValidationLoss!.Value, 1e-12));
    }

    [Fact]
    public void Fit_WithoutValidation_ReportsNoValidationValues()
    {
        TrainingHistory history = Trainer.Fit(new ScriptedClassifier(), Numbered(3), new FitOptions { Epochs = 2 });

        Assert.All(history.Epochs, e =>
        {
            Assert.Null(e.ValidationLoss);
            Assert.Null(e.ValidationAccuracy);
        });
        Assert.Null(history.BestEpoch);
    }

    [Fact]
    public void EarlyStopping_StopsAfterPatienceEpochsWithoutImprovement()
    {
        // 10 samples in batches of 4: 3 steps per epoch.
        var network = new ScriptedClassifier { ScriptedLoss = ByEpoch(3, 1.0f, 0.8f, 0.9f, 0.85f, 0.7f, 0.6f) };
        List<int> reported = [];

        TrainingHistory history = Trainer.Fit(network, Numbered(10), new FitOptions
        {
            Epochs = 6,
            BatchSize = 4,
            Validation = Numbered(3),
            EarlyStoppingPatience = 2,
            OnEpochEnd = e => reported.Add(e.Epoch),
        });

        Assert.True(history.StoppedEarly);
        Assert.Equal(4, history.Epochs.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, reported);
        Assert.Equal(2, history.BestEpoch);
        Assert.Equal(new double?[] { 1.0, 0.8, 0.9, 0.85 }, history.Epochs.Select(e => e.ValidationLoss).ToArray(), new LossComparer());

        // Without RestoreBestParameters the network keeps the last epoch's parameters.
        Assert.Equal(12f, network.Parameters[0]);
    }

    [Fact]
    public void EarlyStopping_AnEqualLossIsNoImprovement()
    {
        var network = new ScriptedClassifier { ScriptedLoss = _ => 0.5f };

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions
        {
            Epochs = 10,
            BatchSize = 4,
            Validation = Numbered(3),
            EarlyStoppingPatience = 2,
        });

        Assert.True(history.StoppedEarly);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(1, history.BestEpoch);
    }

    [Fact]
    public void EarlyStopping_RunsEveryEpochWhileTheLossImprovesWithinPatience()
    {
        var network = new ScriptedClassifier { ScriptedLoss = ByEpoch(1, 1.0f, 1.1f, 0.9f, 0.95f, 0.8f) };

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions
        {
            Epochs = 5,
            BatchSize = 4,
            Validation = Numbered(3),
            EarlyStoppingPatience = 2,
        });

        Assert.False(history.StoppedEarly);
        Assert.Equal(5, history.Epochs.Count);
        Assert.Equal(5, history.BestEpoch);
    }

    [Fact]
    public void EarlyStopping_PatienceRunningOutOnTheLastEpoch_IsNotAnEarlyStop()
    {
        var network = new ScriptedClassifier { ScriptedLoss = ByEpoch(1, 1.0f, 1.1f, 1.2f) };

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions
        {
            Epochs = 3,
            BatchSize = 4,
            Validation = Numbered(3),
            EarlyStoppingPatience = 2,
        });

        Assert.False(history.StoppedEarly);
        Assert.Equal(3, history.Epochs.Count);
    }

    [Fact]
    public void RestoreBestParameters_WhenStoppingEarly_CopiesBackTheBestEpoch()
    {
        var network = new ScriptedClassifier { ScriptedLoss = ByEpoch(3, 1.0f, 0.8f, 0.9f, 0.85f, 0.7f) };

        TrainingHistory history = Trainer.Fit(network, Numbered(10), new FitOptions
        {
            Epochs = 5,
            BatchSize = 4,
            Validation = Numbered(3),
            Schedule = new StepDecay(0.1f, stepSize: 1, gamma: 0.5f),
            EarlyStoppingPatience = 2,
            RestoreBestParameters = true,
        });

        Assert.True(history.StoppedEarly);
        Assert.Equal(2, history.BestEpoch);
        Assert.Equal(6f, network.Parameters[0]);     // step count at the end of epoch 2
        Assert.Equal(0.05f, network.Parameters[1]);  // epoch 2's learning rate
        Assert.Equal(12, network.StepCount);         // optimizer state is not rolled back
    }

    [Fact]
    public void RestoreBestParameters_WithoutEarlyStopping_RestoresAtTheEnd()
    {
        var network = new ScriptedClassifier { ScriptedLoss = ByEpoch(1, 0.5f, 0.3f, 0.4f, 0.45f) };

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions
        {
            Epochs = 4,
            BatchSize = 4,
            Validation = Numbered(3),
            RestoreBestParameters = true,
        });

        Assert.False(history.StoppedEarly);
        Assert.Equal(4, history.Epochs.Count);
        Assert.Equal(2, history.BestEpoch);
        Assert.Equal(2f, network.Parameters[0]);
    }

    [Fact]
    public void RestoreBestParameters_WhenTheLastEpochIsBest_KeepsTheLastParameters()
    {
        var network = new ScriptedClassifier { ScriptedLoss = ByEpoch(1, 0.5f, 0.4f, 0.3f) };

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions
        {
            Epochs = 3,
            BatchSize = 4,
            Validation = Numbered(3),
            RestoreBestParameters = true,
        });

        Assert.Equal(3, history.BestEpoch);
        Assert.Equal(3f, network.Parameters[0]);
    }

    [Fact]
    public void NaNValidationLoss_NeverImproves()
    {
        var network = new ScriptedClassifier { ScriptedLoss = _ => float.NaN };

        TrainingHistory history = Trainer.Fit(network, Numbered(4), new FitOptions
        {
            Epochs = 5,
            BatchSize = 4,
            Validation = Numbered(3),
            EarlyStoppingPatience = 2,
            RestoreBestParameters = true,
        });

        Assert.True(history.StoppedEarly);
        Assert.Equal(2, history.Epochs.Count);
        Assert.Null(history.BestEpoch);
        Assert.Equal(2f, network.Parameters[0]);
    }

    [Fact]
    public void Fit_AllocatesNothingPerBatch()
    {
        // Bytes allocated by one whole epoch (between two OnEpochEnd calls) with 2,000 batches of 1 sample.
        static long EpochBytes(bool validation)
        {
            var network = new ScriptedClassifier { Record = false };
            long[] marks = new long[3];
            int calls = 0;
            Trainer.Fit(network, Numbered(2000), new FitOptions
            {
                Epochs = 3,
                BatchSize = 1,
                Validation = validation ? Numbered(2000) : null,
                Schedule = new CosineAnnealing(0.1f, 3),
                OnEpochEnd = _ => marks[calls++] = GC.GetAllocatedBytesForCurrentThread(),
            });
            return marks[2] - marks[1];
        }

        long withoutValidation = EpochBytes(validation: false);
        long withValidation = EpochBytes(validation: true);

        Assert.True(withoutValidation < 1000, $"{withoutValidation} bytes in an epoch of 2,000 batches");
        Assert.True(withValidation < 2000, $"{withValidation} bytes in an epoch of 2,000 training and 2,000 validation batches");
    }

    public static TheoryData<string, string, FitOptions> InvalidOptions() => new()
    {
        { "zero epochs", "options.Epochs", new FitOptions { Epochs = 0 } },
        { "negative epochs", "options.Epochs", new FitOptions { Epochs = -1 } },
        { "zero batch", "options.BatchSize", new FitOptions { BatchSize = 0 } },
        { "batch above MaxBatchSize", "options.BatchSize", new FitOptions { BatchSize = 4097 } },
        { "zero patience", "options.EarlyStoppingPatience", new FitOptions { EarlyStoppingPatience = 0, Validation = Numbered(3) } },
        { "patience without validation", "options.EarlyStoppingPatience", new FitOptions { EarlyStoppingPatience = 3 } },
        { "restore without validation", "options.RestoreBestParameters", new FitOptions { RestoreBestParameters = true } },
        { "empty validation", "options.Validation", new FitOptions { Validation = Numbered(0) } },
        { "validation features", "options.Validation", new FitOptions { Validation = new Dataset(new float[6], [0, 1], 3) } },
        { "validation label", "options.Validation", new FitOptions { Validation = new Dataset(new float[4], [0, 3], 2) } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOption_ThrowsNamingIt_BeforeAnyStep(string name, string parameter, FitOptions options)
    {
        var network = new ScriptedClassifier();

        var exception = Assert.ThrowsAny<ArgumentException>(() => Trainer.Fit(network, Numbered(5), options));

        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains(parameter, exception.Message);
        Assert.Equal(0, network.StepCount);
        Assert.NotEmpty(name);
    }

    [Fact]
    public void FeatureCountMismatch_NamesTheNetworkAndBothSizes()
    {
        var training = new Dataset(new float[9], [0, 1, 2], 3);

        var exception = Assert.Throws<ArgumentException>(() => Trainer.Fit(new ScriptedClassifier(), training, new FitOptions()));

        Assert.Equal("training", exception.ParamName);
        Assert.Contains("3 features", exception.Message);
        Assert.Contains($"{nameof(ScriptedClassifier)} takes 2 inputs", exception.Message);
    }

    [Fact]
    public void EmptyTrainingSet_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Trainer.Fit(new ScriptedClassifier(), Numbered(0), new FitOptions()));
        Assert.Equal("training", exception.ParamName);
    }

    [Fact]
    public void LabelOutOfRange_NamesTheSampleAndTheClasses()
    {
        var training = new Dataset([0, 0, 1, 1, 2, 2], [0, 1, 5], 2);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Fit(new ScriptedClassifier(), training, new FitOptions()));

        Assert.Equal("training", exception.ParamName);
        Assert.Contains("training.Labels[2] is 5", exception.Message);
        Assert.Contains($"class indices for {nameof(ScriptedClassifier)} must be between 0 and 2", exception.Message);
        Assert.Equal(5, exception.ActualValue);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Equal("network", Assert.Throws<ArgumentNullException>(() => Trainer.Fit<ScriptedClassifier>(null!, Numbered(3), new FitOptions())).ParamName);
        Assert.Equal("training", Assert.Throws<ArgumentNullException>(() => Trainer.Fit(new ScriptedClassifier(), null!, new FitOptions())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => Trainer.Fit(new ScriptedClassifier(), Numbered(3), null!)).ParamName);
    }

    [Fact]
    public void ScheduleReturningAnInvalidRate_ThrowsBeforeTheEpoch()
    {
        var network = new ScriptedClassifier();
        var options = new FitOptions { Epochs = 3, Schedule = new ZeroAfterFirstEpoch() };

        var exception = Assert.Throws<InvalidOperationException>(() => Trainer.Fit(network, Numbered(3), options));

        Assert.Contains(nameof(ZeroAfterFirstEpoch), exception.Message);
        Assert.Contains("epoch index 1", exception.Message);
        Assert.Equal(1, network.StepCount);
    }

    [Fact]
    public void FitOptions_Defaults()
    {
        var options = new FitOptions();

        Assert.Equal(10, options.Epochs);
        Assert.Equal(64, options.BatchSize);
        Assert.Equal(0, options.Seed);
        Assert.Null(options.Validation);
        Assert.Null(options.Schedule);
        Assert.Null(options.EarlyStoppingPatience);
        Assert.False(options.RestoreBestParameters);
        Assert.Null(options.OnEpochEnd);
    }

    private sealed class RecordingSchedule : ILearningRateSchedule
    {
        public List<int> Steps { get; } = [];

        public float GetLearningRate(int step)
        {
            Steps.Add(step);
            return 1f / (step + 1);
        }
    }

    private sealed class ZeroAfterFirstEpoch : ILearningRateSchedule
    {
        public float GetLearningRate(int step) => step == 0 ? 0.1f : 0f;
    }

    private sealed class LossComparer : IEqualityComparer<double?>
    {
        public bool Equals(double? x, double? y) => x.HasValue && y.HasValue && Math.Abs(x.Value - y.Value) < 1e-6;

        public int GetHashCode(double? obj) => 0;
    }
}
