using System;
using System.Threading;

namespace StaticNet;

/// <summary>
/// How many cores the kernels may use. A large matrix product (a Dense layer's forward pass, weight gradients or input
/// gradients over a batch) is split by rows between the calling thread and one persistent helper thread; a product of
/// up to 64 rows through a wide layer is split by depth, each thread summing half of k (and reading half of the
/// weights); a long optimizer sweep
/// is split in halves. Each element is computed the same way on one thread or two, so results are bit-identical for
/// any setting. Small products stay on the calling thread, where handing work over would cost more than it saves.
/// </summary>
/// <remarks>
/// The default is 2 on a machine with at least 2 cores, else 1; the environment variable <c>STATICNET_THREADS</c> sets
/// the starting value. The helper serves one product at a time: a second network running on another thread while it
/// is busy computes its product alone rather than wait. After each job the helper spins for up to 1 ms waiting for the
/// next (a whole training step at batch 1), then sleeps until woken: it holds a core while training runs, as the
/// OpenMP runtimes behind other frameworks do, and gives it back soon after. Where the cores are busy with other work the
/// helper may be descheduled and the caller waits for it (2,000 batch-1 predictions beside six spinning threads on 2
/// cores: 2.8 s with 2 threads, 0.7 s with 1): set <see cref="MaxThreads"/> to 1 there.
/// </remarks>
public static class Parallelism
{
    private static volatile int s_maxThreads = Initial();

    /// <summary>Threads a matrix product may use: 1 (the calling thread only) or 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not 1 or 2.</exception>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 2);
            s_maxThreads = value;
        }
    }

    /// <summary>
    /// Matrix products and optimizer sweeps split between two threads since the process started (like
    /// <see cref="GC.CollectionCount"/>: for diagnostics and tests, e.g. to see that a setting took effect).
    /// </summary>
    public static long SplitProducts => Interlocked.Read(ref s_splitProducts);

    private static long s_splitProducts;

    internal static void CountSplit() => Interlocked.Increment(ref s_splitProducts);

    private static int Initial()
    {
        string? text = Environment.GetEnvironmentVariable("STATICNET_THREADS");
        if (int.TryParse(text, out int threads) && threads is 1 or 2)
        {
            return threads;
        }

        return Environment.ProcessorCount >= 2 ? 2 : 1;
    }
}
