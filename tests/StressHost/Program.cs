using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace StaticNet.StressHost;

/// <summary>
/// Misuses network instances on purpose: N threads call one shared instance at once with random, growing and shrinking
/// batch sizes, while also writing its hyper-parameters. Concurrent calls must be detected (an
/// <see cref="InvalidOperationException"/> naming the network) and must never corrupt memory. Run in a child process
/// by StressHostTests, because a failure here can be a crash of the whole process.
/// </summary>
/// <remarks>
/// Exit codes: 0 survived and still works; 1 bad command line; 2 an exception of an unexpected type; 3 an
/// <see cref="ArgumentException"/> although every argument was valid; 4 an InvalidOperationException not naming the
/// network; 5 the instance no longer works from one thread; 6 a worker hung.
/// </remarks>
internal static class Program
{
    public const int MaxBatch = 512;

    // Each round gives one network a fresh instance, so that its workspaces grow (are replaced) under contention again.
    private const int RoundMilliseconds = 150;
    private const int JoinGraceMilliseconds = 30_000;

    private static int s_stop;
    private static int s_current;
    private static Exception? s_unexpected;

    private static int Main(string[] args)
    {
        double seconds = 5;
        int seed = 1;
        int threads = Math.Max(4, Math.Min(16, Environment.ProcessorCount));
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool ok = args[i] switch
            {
                "--seconds" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) && seconds > 0,
                "--seed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--threads" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out threads) && threads >= 2,
                _ => false,
            };
            if (!ok)
            {
                Console.Error.WriteLine("usage: StaticNet.StressHost [--seconds S (> 0)] [--seed N] [--threads T (>= 2)]");
                return 1;
            }

            i++;
        }

        Stress[] stresses =
        [
            new ClassifierStress<StressClassifier>((n, r) =>
            {
                n.Beta1 = (float)(0.8 + (0.15 * r.NextDouble()));
                n.Beta2 = (float)(0.99 + (0.009 * r.NextDouble()));
                n.Epsilon = (float)(1e-8 + (1e-6 * r.NextDouble()));
            }),
            new RegressorStress(),
            new ClassifierStress<StressBinary>((n, r) =>
            {
                n.Alpha = (float)(0.9 + (0.09 * r.NextDouble()));
                n.Momentum = (float)(0.5 * r.NextDouble());
                n.Epsilon = (float)(1e-8 + (1e-6 * r.NextDouble()));
            }),
        ];

        Console.WriteLine($"StressHost: {threads} threads on one shared instance, {seconds:G} s, seed {seed}, batch sizes 1..{MaxBatch}, " +
            $"a fresh instance every {RoundMilliseconds} ms");
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            var random = new Random(HashCode.Combine(seed, t));
            Buffers[] buffers = stresses.Select(s => s.CreateBuffers(random)).ToArray();
            workers[t] = new Thread(() => Work(stresses, buffers, new BatchSizes(random))) { IsBackground = true, Name = $"stress {t}" };
        }

        var clock = Stopwatch.StartNew();
        stresses[0].Renew(seed);
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        for (int round = 1; clock.Elapsed.TotalSeconds < seconds && Volatile.Read(ref s_unexpected) is null; round++)
        {
            Thread.Sleep(RoundMilliseconds);
            int next = round % stresses.Length;
            stresses[next].Renew(HashCode.Combine(seed, round));
            Volatile.Write(ref s_current, next);
        }

        Volatile.Write(ref s_stop, 1);
        var deadline = Stopwatch.StartNew();
        foreach (Thread worker in workers)
        {
            if (!worker.Join(Math.Max(0, JoinGraceMilliseconds - (int)deadline.ElapsedMilliseconds)))
            {
                Report(stresses, clock);
                Console.WriteLine($"STRESS-RESULT hang: {worker.Name} still running {JoinGraceMilliseconds / 1000} s after the stop");
                return 6;
            }
        }

        Report(stresses, clock);
        return Verdict(stresses);
    }

    private static void Work(Stress[] stresses, Buffers[] buffers, BatchSizes batchSizes)
    {
        while (Volatile.Read(ref s_stop) == 0)
        {
            int index = Volatile.Read(ref s_current);
            Stress stress = stresses[index];
            Counters counters = stress.Counters;
            Interlocked.Increment(ref counters.Calls);
            try
            {
                stress.CallOnce(buffers[index], batchSizes.Next());
                Interlocked.Increment(ref counters.Completed);
            }
            catch (InvalidOperationException e)
            {
                // The guard's answer to concurrent use: expected, but it must say which network.
                Interlocked.Increment(ref counters.InvalidOperation);
                if (!e.Message.Contains(stress.Name, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref counters.Misnamed);
                    Interlocked.CompareExchange(ref counters.FirstMisnamed, e.ToString(), null);
                }

                // Step aside so that the call holding the instance makes progress, instead of every thread bouncing off it.
                Thread.Yield();
            }
            catch (ArgumentException e)
            {
                // Every argument is valid: an ArgumentException means a call saw another call's state (e.g. a workspace too short).
                Interlocked.Increment(ref counters.Argument);
                Interlocked.CompareExchange(ref counters.FirstArgument, e.ToString(), null);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref s_unexpected, e, null);
                Volatile.Write(ref s_stop, 1);
            }
        }
    }

    private static void Report(Stress[] stresses, Stopwatch clock)
    {
        foreach (Stress stress in stresses)
        {
            Counters c = stress.Counters;
            Console.WriteLine($"{stress.Name}: instances={c.Instances} calls={c.Calls} completed={c.Completed} invalidOperation={c.InvalidOperation} " +
                $"argument={c.Argument} misnamed={c.Misnamed} nonFiniteLoss={c.NonFiniteLoss}");
            Console.WriteLine("    " + string.Join(", ", stress.Completed.Select(p => $"{p.Key} {p.Value}")));
        }

        Console.WriteLine(
            $"STRESS-TOTAL seconds={clock.Elapsed.TotalSeconds:F1} calls={stresses.Sum(s => s.Counters.Calls)} " +
            $"completed={stresses.Sum(s => s.Counters.Completed)} invalidOperation={stresses.Sum(s => s.Counters.InvalidOperation)} " +
            $"argument={stresses.Sum(s => s.Counters.Argument)} misnamed={stresses.Sum(s => s.Counters.Misnamed)} " +
            $"nonFiniteLoss={stresses.Sum(s => s.Counters.NonFiniteLoss)}");
    }

    private static int Verdict(Stress[] stresses)
    {
        if (s_unexpected is { } unexpected)
        {
            Console.WriteLine($"STRESS-RESULT unexpected exception {unexpected.GetType().FullName}:");
            Console.WriteLine(unexpected);
            return 2;
        }

        if (stresses.FirstOrDefault(s => s.Counters.Argument > 0) is { } argument)
        {
            Console.WriteLine($"STRESS-RESULT ArgumentException with valid arguments on {argument.Name}:");
            Console.WriteLine(argument.Counters.FirstArgument);
            return 3;
        }

        if (stresses.FirstOrDefault(s => s.Counters.Misnamed > 0) is { } misnamed)
        {
            Console.WriteLine($"STRESS-RESULT InvalidOperationException not naming {misnamed.Name}:");
            Console.WriteLine(misnamed.Counters.FirstMisnamed);
            return 4;
        }

        foreach (Stress stress in stresses)
        {
            try
            {
                Console.WriteLine($"single-threaded after the stress, {stress.Name}: {stress.CheckStillWorks()}");
            }
            catch (Exception e)
            {
                Console.WriteLine($"STRESS-RESULT {stress.Name} no longer works from one thread:");
                Console.WriteLine(e);
                return 5;
            }
        }

        Console.WriteLine("STRESS-RESULT survived");
        return 0;
    }
}

/// <summary>
/// Batch sizes in runs of a few calls each: uniformly random, growing from 1 to the largest or shrinking from the largest
/// to 1, so that workspaces are both grown (replaced) and used below their capacity while other calls run.
/// </summary>
internal sealed class BatchSizes(Random random)
{
    private int _mode;
    private int _remaining;
    private double _size;

    public int Next()
    {
        if (_remaining-- <= 0)
        {
            _mode = random.Next(3);
            _remaining = random.Next(8, 40);
            _size = _mode == 1 ? 1 : Program.MaxBatch;
        }

        _size = _mode switch
        {
            0 => random.Next(1, Program.MaxBatch + 1),
            1 => Math.Min(Program.MaxBatch, (_size * 1.3) + 1),
            _ => Math.Max(1, (_size / 1.3) - 1),
        };
        return (int)_size;
    }
}

/// <summary>The regressor adds its dropout calls: the training-mode loss, reseeding and the dropout rate.</summary>
internal sealed class RegressorStress : NetworkStress<StressRegressor>
{
    public RegressorStress()
        : base((n, r) =>
        {
            n.Momentum = (float)(0.5 + (0.4 * r.NextDouble()));
            n.Dense0DropoutRate = (float)(0.5 * r.NextDouble());
        })
    {
        Add("ComputeLoss(targets, training)", (n, b, batch) => n.ComputeLoss(Inputs(b, batch), Targets(b, batch), batch, training: true));
        Add("SeedDropout", (n, b, batch) =>
        {
            n.SeedDropout(b.Random.Next());
            return 0f;
        });
    }
}
