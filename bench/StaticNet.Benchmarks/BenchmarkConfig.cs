using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace StaticNet.Benchmarks;

/// <summary>
/// The job every benchmark here runs with: one launch, 3 warm-up and 10 measured iterations. Shorter than
/// BenchmarkDotNet's default job so that the whole suite (12 benchmarks) runs in a few minutes on 2 cores, yet with
/// enough iterations for a usable error column. The memory diagnoser reports Allocated, which must stay 0 B:
/// after warm-up the generated TrainStep and Predict allocate nothing.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
