using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace StaticNet.Tests;

public class BatchIteratorTests
{
    [Fact]
    public void Epoch_InDatasetOrder_IncludesThePartialLastBatch()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(10), batchSize: 4);

        List<int> sizes = [];
        List<int> origins = [];
        while (batches.MoveNext())
        {
            sizes.Add(batches.Size);
            Assert.Equal(batches.Size * 2, batches.Inputs.Length);
            Assert.Equal(batches.Size, batches.Labels.Length);
            for (int i = 0; i < batches.Size; i++)
            {
                int origin = (int)batches.Inputs[2 * i];
                Assert.Equal(origin + 0.5f, batches.Inputs[2 * i + 1]);
                Assert.Equal(origin % 3, batches.Labels[i]);
                origins.Add(origin);
            }
        }

        Assert.Equal(new[] { 4, 4, 2 }, sizes);
        Assert.Equal(3, batches.BatchesPerEpoch);
        Assert.Equal(Enumerable.Range(0, 10), origins);
        Assert.Equal(0, batches.Size);
        Assert.True(batches.Inputs.IsEmpty);
        Assert.False(batches.MoveNext());
    }

    [Fact]
    public void Shuffle_CoversEverySampleExactlyOncePerEpoch()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(10), batchSize: 4);
        var random = new Random(3);

        for (int epoch = 0; epoch < 3; epoch++)
        {
            batches.Shuffle(random);
            List<int> sizes = [];
            List<int> origins = Epoch(batches, sizes);

            Assert.Equal(new[] { 4, 4, 2 }, sizes);
            Assert.Equal(Enumerable.Range(0, 10), origins.Order());
        }
    }

    [Fact]
    public void Shuffle_SameSeedSameOrder_DifferentSeedDifferentOrder()
    {
        Dataset data = DatasetTests.Numbered(100);
        var a = new BatchIterator(data, 16);
        var b = new BatchIterator(data, 16);
        var c = new BatchIterator(data, 16);

        a.Shuffle(new Random(42));
        b.Shuffle(new Random(42));
        c.Shuffle(new Random(43));
        List<int> orderA = Epoch(a), orderB = Epoch(b), orderC = Epoch(c);

        Assert.Equal(orderA, orderB);
        Assert.NotEqual(orderA, orderC);
        Assert.NotEqual(Enumerable.Range(0, 100), orderA);
    }

    [Fact]
    public void Shuffle_DependsOnlyOnTheRandomNotOnEarlierShuffles()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(30), 7);

        batches.Shuffle(new Random(5));
        List<int> first = Epoch(batches);
        batches.Shuffle(new Random(9));
        batches.Shuffle(new Random(5));

        Assert.Equal(first, Epoch(batches));
    }

    [Fact]
    public void Shuffle_RewindsMidEpoch()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(10), 4);
        batches.MoveNext();
        batches.MoveNext();

        batches.Shuffle(new Random(1));

        Assert.Equal(0, batches.Size);
        Assert.Equal(10, Epoch(batches).Count);
    }

    [Fact]
    public void Reset_RepeatsTheSameOrder()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(10), 3);
        batches.Shuffle(new Random(11));
        List<int> first = Epoch(batches);

        batches.Reset();

        Assert.Equal(first, Epoch(batches));
    }

    [Fact]
    public void BatchLargerThanDataset_GivesOneBatch()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(5), int.MaxValue);

        Assert.Equal(1, batches.BatchesPerEpoch);
        Assert.True(batches.MoveNext());
        Assert.Equal(5, batches.Size);
        Assert.False(batches.MoveNext());
    }

    [Fact]
    public void EmptyDataset_HasNoBatches()
    {
        var batches = new BatchIterator(new Dataset([], [], 3), 8);

        Assert.Equal(0, batches.BatchesPerEpoch);
        Assert.False(batches.MoveNext());
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("batchSize", () => new BatchIterator(DatasetTests.Numbered(3), 0));
        Assert.Throws<ArgumentNullException>("dataset", () => new BatchIterator(null!, 1));
        Assert.Throws<ArgumentNullException>("random", () => new BatchIterator(DatasetTests.Numbered(3), 1).Shuffle(null!));
    }

    [Fact]
    public void ShuffleAndIteration_AllocateNothingAfterWarmUp()
    {
        var batches = new BatchIterator(DatasetTests.Numbered(1000), 64);
        var random = new Random(1);
        float sum = RunEpoch(batches, random); // warm-up: JIT and tiering

        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += RunEpoch(batches, random);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sum > 0);
    }

    private static float RunEpoch(BatchIterator batches, Random random)
    {
        float sum = 0;
        batches.Shuffle(random);
        while (batches.MoveNext())
        {
            sum += batches.Inputs[0] + batches.Labels[batches.Size - 1];
        }

        return sum;
    }

    private static List<int> Epoch(BatchIterator batches, List<int>? sizes = null)
    {
        List<int> origins = [];
        while (batches.MoveNext())
        {
            sizes?.Add(batches.Size);
            for (int i = 0; i < batches.Size; i++)
            {
                origins.Add((int)batches.Inputs[2 * i]);
            }
        }

        return origins;
    }
}
