using System;
using System.Diagnostics;
using System.Threading;

namespace StaticNet.Kernels;

/// <summary>
/// One persistent background thread that runs the second half of a split job (a large matrix product) while the caller
/// runs the first (fork-join). The helper spins briefly after each job, so the jobs of consecutive layers reach it without a
/// wake-up, then sleeps. Jobs carry raw pointers: the caller pins its buffers and waits for the helper before leaving
/// the pinned scope, so no pointer outlives what it points to; the lengths behind them were checked by the kernel.
/// </summary>
internal static unsafe class HelperThread
{
    // Spinning after a job before the helper sleeps: long enough to span a whole training step at batch 1 (a wake-up from
    // the semaphore takes 10-50 µs in a virtual machine, a quarter of such a step), short enough to give the core back
    // soon after training stops. OpenMP runtimes spin for similar times (GOMP_SPINCOUNT, KMP_BLOCKTIME).
    private static readonly long s_spinTicks = Stopwatch.Frequency / 1_000; // 1 ms

    // How long the caller spins for the helper's half before it also yields its core (the helper may have been
    // descheduled); a yield is a system call, slow in a virtual machine, so the common short wait never makes one.
    private static readonly long s_joinSpinTicks = Stopwatch.Frequency / 10_000; // 100 µs

    private static readonly Lock s_start = new();
    private static readonly SemaphoreSlim s_wake = new(0);
    private static Thread? s_thread;
    private static int s_taken;
    private static int s_sleeping;
    private static delegate*<void*, int, int, void> s_function;
    private static void* s_job;
    private static int s_from, s_to;
    private static int s_posted;
    private static int s_done;

    /// <summary>
    /// Runs <c>function(job, from, split)</c> here and <c>function(job, split, to)</c> on the helper, and returns when
    /// both are done; or returns false at once, running nothing, when the helper is serving another caller.
    /// <paramref name="job"/> points to the caller's operands (on its stack), valid until this returns.
    /// </summary>
    public static bool TrySplit(delegate*<void*, int, int, void> function, void* job, int from, int split, int to)
    {
        if (Interlocked.CompareExchange(ref s_taken, 1, 0) != 0)
        {
            return false;
        }

        int ticket = 0;
        bool posted = false;
        try
        {
            EnsureStarted();
            s_function = function;
            s_job = job;
            s_from = split;
            s_to = to;
            ticket = s_posted + 1;
            // Full fences on both sides (Exchange here, Exchange of s_sleeping in Run): either the helper sees the
            // ticket before it sleeps, or this thread sees it asleep and wakes it.
            Interlocked.Exchange(ref s_posted, ticket);
            posted = true;
            if (Volatile.Read(ref s_sleeping) != 0)
            {
                s_wake.Release();
            }

            Parallelism.CountSplit();
            function(job, from, split);
            return true;
        }
        finally
        {
            // Joined here, even if this thread's half had thrown: the helper must be done with the caller's pinned
            // operands before the caller can leave its pinned scope.
            if (posted)
            {
                Join(ticket);
            }

            Volatile.Write(ref s_taken, 0);
        }
    }

    private static void Join(int ticket)
    {
        long yieldAfter = 0;
        for (int spins = 0; Volatile.Read(ref s_done) != ticket; spins++)
        {
            Thread.SpinWait(1);
            if ((spins & 255) == 255)
            {
                long now = Stopwatch.GetTimestamp();
                if (yieldAfter == 0)
                {
                    yieldAfter = now + s_joinSpinTicks;
                }
                else if (now > yieldAfter)
                {
                    Thread.Yield();
                }
            }
        }
    }

    private static void EnsureStarted()
    {
        if (s_thread is not null)
        {
            return;
        }

        lock (s_start)
        {
            s_thread ??= StartHelper();
        }
    }

    private static Thread StartHelper()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "StaticNet kernel helper" };
        thread.Start();
        return thread;
    }

    private static void Run()
    {
        int seen = 0;
        while (true)
        {
            long spinUntil = Stopwatch.GetTimestamp() + s_spinTicks;
            for (int spins = 0; Volatile.Read(ref s_posted) == seen; spins++)
            {
                // The clock is read once in 64 turns: a job is noticed a pause instruction after it is posted.
                if ((spins & 63) != 63 || Stopwatch.GetTimestamp() < spinUntil)
                {
                    Thread.SpinWait(1);
                    continue;
                }

                // Announce the sleep, then look once more: a job posted in between is either seen here or gets a Release.
                Interlocked.Exchange(ref s_sleeping, 1);
                if (Volatile.Read(ref s_posted) == seen)
                {
                    s_wake.Wait();
                }

                Volatile.Write(ref s_sleeping, 0);
                spinUntil = Stopwatch.GetTimestamp() + s_spinTicks;
            }

            seen = Volatile.Read(ref s_posted);
            s_function(s_job, s_from, s_to);
            Volatile.Write(ref s_done, seen);
        }
    }
}

