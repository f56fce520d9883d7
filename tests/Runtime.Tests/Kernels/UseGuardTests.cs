using System;
using System.Threading;
using System.Threading.Tasks;
using StaticNet.Kernels;
using Xunit;

namespace StaticNet.Tests.Kernels;

public class UseGuardTests
{
    [Fact]
    public void EnterTwice_WithoutExit_ThrowsNamingTheNetwork()
    {
        var guard = default(UseGuard);
        guard.Enter("FashionMlp");

        var exception = Assert.Throws<InvalidOperationException>(() => guard.Enter("FashionMlp"));

        Assert.Contains("FashionMlp", exception.Message);
        Assert.Contains("not thread-safe", exception.Message);
    }

    [Fact]
    public void EnterAfterExit_Works_AndAFailedEnterLeavesTheFirstCallOwningTheGuard()
    {
        var guard = default(UseGuard);
        for (int call = 0; call < 3; call++)
        {
            guard.Enter("Net");
            guard.Exit();
        }

        guard.Enter("Net");
        Assert.Throws<InvalidOperationException>(() => guard.Enter("Net"));
        Assert.Throws<InvalidOperationException>(() => guard.Enter("Net")); // still busy: the failed Enter took nothing
        guard.Exit();
        guard.Enter("Net");
        guard.Exit();
    }

    [Fact]
    public async Task AnotherThread_EnteringWhileACallRuns_Throws()
    {
        var holder = new Holder();
        holder.Guard.Enter("Net");

        Exception? other = await Task.Run(() => Record.Exception(() => holder.Guard.Enter("Net")));

        Assert.IsType<InvalidOperationException>(other);
        holder.Guard.Exit();
        Assert.Null(await Task.Run(() => Record.Exception(() => holder.Guard.Enter("Net"))));
    }

    [Fact]
    public void ManyThreads_AtMostOneInside_AndEveryOtherOneIsTurnedAway()
    {
        var holder = new Holder();
        int inside = 0, overlaps = 0, entered = 0, refused = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            try
            {
                holder.Guard.Enter("Net");
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            try
            {
                Interlocked.Increment(ref entered);
                if (Interlocked.Increment(ref inside) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                Thread.SpinWait(20);
                Interlocked.Decrement(ref inside);
            }
            finally
            {
                holder.Guard.Exit();
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
