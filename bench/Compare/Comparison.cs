using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using StaticNet;

namespace StaticNet.Compare;

/// <summary>How long and how often each peer runs.</summary>
/// <param name="Passes">Passes over the peers; the median of the passes is reported.</param>
/// <param name="WarmUpSeconds">Untimed calls before each timed run (JIT tiers, caches, libtorch's thread pool).</param>
/// <param name="Seconds">Length of each timed run; a run makes at least 3 calls.</param>
internal sealed record Settings(int Passes, double WarmUpSeconds, double Seconds);

/// <summary>A workload's result: each peer's median seconds per call, or null where the peer does not run it.</summary>
internal sealed record Result(Workload Workload, IReadOnlyList<(IPeer Peer, double? Seconds)> Peers, double MaxProbabilityDifference);

/// <summary>
/// Runs the workloads. For each, every peer gets a runner built from the same batches and the same initial weights;
/// their class probabilities on batch 0 must agree before anything is timed (so that all peers compute one function).
/// Then, in each pass, the peers run one after the other in an order that rotates from pass to pass, so that a slow
/// moment of a shared machine does not fall on one peer only.
/// </summary>
internal sealed class Comparison(Settings settings, IReadOnlyList<IPeer> peers, Dataset data)
{
    /// <summary>The largest allowed difference between two peers' probabilities for the same weights and batch.</summary>
    public const double ProbabilityTolerance = 1e-4;

    /// <summary>Runs <paramref name="workload"/> on every peer that supports it.</summary>
    /// <exception cref="InvalidOperationException">Two peers' probabilities differ by more than <see cref="ProbabilityTolerance"/>.</exception>
    public Result Run(Workload workload)
    {
        var batches = new Batches(data, workload.BatchSize, workload.Kind == WorkloadKind.Training ? Batches.TrainingSamples : 0);
        var runners = new List<(IPeer Peer, IRunner Runner)>();
        try
        {
            foreach (IPeer peer in peers.Where(p => p.Supports(workload)))
            {
                peer.Activate();
                runners.Add((peer, peer.Create(workload, batches)));
            }

            double difference = CheckSameFunction(workload, runners);
            var times = runners.ToDictionary(r => r.Peer, _ => new List<double>());
            for (int pass = 0; pass < settings.Passes; pass++)
            {
                for (int i = 0; i < runners.Count; i++)
                {
                    (IPeer peer, IRunner runner) = runners[(i + pass) % runners.Count];
                    peer.Activate();
                    times[peer].Add(SecondsPerCall(runner));
                }
            }

            return new Result(workload, peers.Select(p => (p, times.TryGetValue(p, out List<double>? t) ? Median(t) : (double?)null)).ToList(), difference);
        }
        finally
        {
            runners.ForEach(r => r.Runner.Dispose());
        }
    }

    private static double CheckSameFunction(Workload workload, List<(IPeer Peer, IRunner Runner)> runners)
    {
        float[] reference = runners[0].Runner.Probabilities();
        double worst = 0;
        foreach ((IPeer peer, IRunner runner) in runners.Skip(1))
        {
            float[] probabilities = runner.Probabilities();
            double difference = reference.Zip(probabilities, (a, b) => Math.Abs((double)a - b)).Max();
            worst = Math.Max(worst, difference);
            if (probabilities.Length != reference.Length || !(difference <= ProbabilityTolerance))
            {
                throw new InvalidOperationException(
                    $"{workload.Name}: {peer.Name}'s probabilities differ from {runners[0].Peer.Name}'s by {difference:G3} (tolerance {ProbabilityTolerance}); the peers do not compute the same network.");
            }
        }

        return worst;
    }

    private double SecondsPerCall(IRunner runner)
    {
        float sink = 0;
        long start = Stopwatch.GetTimestamp();
        for (int calls = 0; calls < 3 || Stopwatch.GetElapsedTime(start).TotalSeconds < settings.WarmUpSeconds; calls++)
        {
            sink += runner.Call();
        }

        int timed = 0;
        start = Stopwatch.GetTimestamp();
        double elapsed;
        do
        {
            sink += runner.Call();
            timed++;
            elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        while (timed < 3 || elapsed < settings.Seconds);

        if (!float.IsFinite(sink))
        {
            throw new InvalidOperationException($"A run produced a non-finite loss or probability ({sink}).");
        }

        return elapsed / timed;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
