using System;
using System.Threading;
using System.Threading.Tasks;
using StaticNet.Kernels;
using Xunit;

namespace StaticNet.Tests.Kernels;

public class UseGuardTests
{
    [Fact]
    public void EnterTwice_WithoutLeaving_ThrowsNamingTheNetwork()
    {
        var holder = new Holder();
        UseGuard.Scope first = holder.Guard.Enter("FashionMlp");

        var exception = Assert.Throws<InvalidOperationException>(() => { holder.Guard.Enter("FashionMlp"); });

        Assert.Contains("FashionMlp", exception.Message);
        Assert.Contains("not thread-safe", exception.Message);
        first.Dispose();
    }

    [Fact]
    public void EnterAfterDispose_Works_AndAFailedEnterLeavesTheFirstCallOwningTheGuard()
    {
        var holder = new Holder();
        for (int call = 0; call < 3; call++)
        {
            using UseGuard.Scope scope = holder.Guard.Enter("Net");
        }

        UseGuard.Scope first = holder.Guard.Enter("Net");
        Assert.Throws<InvalidOperationException>(() => { holder.Guard.Enter("Net"); });
        Assert.Throws<InvalidOperationException>(() => { holder.Guard.Enter("Net"); }); // still busy: the failed Enter took nothing
        first.Dispose();
        holder.Guard.Enter("Net").Dispose();
    }

    [Fact]
    public void AnotherThread_EnteringWhileACallRuns_Throws()
    {
        var holder = new Holder();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var owner = new Thread(() =>
        {
            using UseGuard.Scope scope = holder.Guard.Enter("Net");
            entered.Set();
            release.Wait();
        });
        owner.Start();
        entered.Wait();

        Exception? other = Record.Exception(() => { holder.Guard.Enter("Net"); });

        release.Set();
        owner.Join();
        Assert.IsType<InvalidOperationException>(other);
        Assert.Null(Record.Exception(() => holder.Guard.Enter("Net").Dispose()));
    }

    [Fact]
    public void ManyThreads_AtMostOneInside_AndEveryOtherOneIsTurnedAway()
    {
        var holder = new Holder();
        int inside = 0, overlaps = 0, entered = 0, refused = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            UseGuard.Scope scope;
            try
            {
                scope = holder.Guard.Enter("Net");
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            using (scope)
            {
                Interlocked.Increment(ref entered);
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.SpinWait(20);
                Interlocked.Decrement(ref inside);
            }
        });

        Assert.Equal(0, overlaps);
        Assert.Equal(20_000, entered + refused);
    }

    private sealed class Holder
    {
        public UseGuard Guard;
    }
}
