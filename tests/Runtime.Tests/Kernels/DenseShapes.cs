using System;
using System.Collections.Generic;
using StaticNet.Kernels;

namespace StaticNet.Tests.Kernels;

// The Dense kernels take their shape as a struct type argument with static abstract members, so every shape under test
// needs a type. Shape<...> builds one from marker structs that carry a constant, and DenseKernel<TShape> turns it into an
// object that the tests call without reflection. The table is built by visiting the size markers twice (inputs, then
// units), so the 10 x 10 grid is written as one list of 10 sizes.

/// <summary>A compile-time integer.</summary>
internal interface IConst
{
    static abstract int Value { get; }
}

internal readonly struct N1 : IConst { public static int Value => 1; }

internal readonly struct N2 : IConst { public static int Value => 2; }

internal readonly struct N3 : IConst { public static int Value => 3; }

internal readonly struct N7 : IConst { public static int Value => 7; }

internal readonly struct N8 : IConst { public static int Value => 8; }

internal readonly struct N9 : IConst { public static int Value => 9; }

internal readonly struct N15 : IConst { public static int Value => 15; }

internal readonly struct N16 : IConst { public static int Value => 16; }

internal readonly struct N17 : IConst { public static int Value => 17; }

internal readonly struct N31 : IConst { public static int Value => 31; }

internal readonly struct N33 : IConst { public static int Value => 33; }

internal readonly struct N200 : IConst { public static int Value => 200; }

internal readonly struct N784 : IConst { public static int Value => 784; }

/// <summary>A Dense shape assembled from constants, as the generator would emit it for one layer.</summary>
internal readonly struct Shape<TInputs, TUnits> : IDenseShape
    where TInputs : struct, IConst
    where TUnits : struct, IConst
{
    public static int Inputs => TInputs.Value;

    public static int Units => TUnits.Value;
}

/// <summary>The three Dense kernels of one shape, callable without knowing the shape's type.</summary>
internal abstract class DenseKernel
{
    private static readonly int[] SmallSizes = [1, 3, 7, 8, 9, 15, 16, 17, 31, 33];

    public abstract int Inputs { get; }

    public abstract int Units { get; }

    /// <summary>
    /// Every shape under test by name: the 10 x 10 grid of the small sizes (each size as the columns of every GEMM: at
    /// 512, 256 and 128 bits it is whole vectors, a tail, or both), and 784 paired with a few sizes on either side.
    /// </summary>
    public static IReadOnlyDictionary<string, DenseKernel> All { get; } = Build();

    public abstract void Forward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> outputs, int batchSize);

    public abstract void ForwardReLU(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> outputs, int batchSize);

    public abstract void ParameterGradients(
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputGradients, Span<float> weightGradients, Span<float> biasGradients, int batchSize);

    public abstract void InputGradients(
        ReadOnlySpan<float> outputGradients, ReadOnlySpan<float> weights, Span<float> transposedWeights, Span<float> inputGradients, int batchSize);

    public override string ToString() => $"{Inputs}x{Units}";

    /// <summary>The kernel of a shape given as numbers; each number must have a marker in <see cref="Size"/>.</summary>
    public static DenseKernel Create(int inputs, int units) => Size(inputs, new InputsChosen(units));

    private static Dictionary<string, DenseKernel> Build()
    {
        var kernels = new List<DenseKernel>();
        foreach (int inputs in SmallSizes)
        {
            foreach (int units in SmallSizes)
            {
                kernels.Add(Create(inputs, units));
            }
        }

        // 784 (FashionMnist's input) on either side: 49 vectors of 16, 98 of 8. (784 x 784 would add 7 s of reference loops
        // and no new code path.)
        kernels.Add(Create(784, 1));
        kernels.Add(Create(784, 9));
        kernels.Add(Create(784, 33));
        kernels.Add(Create(1, 784));
        kernels.Add(Create(8, 784));
        kernels.Add(Create(17, 784));
        kernels.Add(Create(33, 784));

        // 200 columns: at batch 1, a tile of 8 vectors, one of 4 and a masked tail at 512 bits; three tiles of 8 and one
        // vector at 256 bits (784 columns take the 16-vector tiles).
        kernels.Add(Create(33, 200));

        // 784 x 200: deep and wide enough that its forward and input-gradient sums run in two halves (Gemm.DepthHalf).
        kernels.Add(Create(784, 200));
        var table = new Dictionary<string, DenseKernel>();
        foreach (DenseKernel kernel in kernels)
        {
            table.Add(kernel.ToString(), kernel);
        }

        return table;
    }

    /// <summary>Calls <paramref name="next"/> with the marker type of <paramref name="value"/>.</summary>
    private static DenseKernel Size(int value, ISizeVisitor next) => value switch
    {
        1 => next.Visit<N1>(),
        2 => next.Visit<N2>(),
        3 => next.Visit<N3>(),
        7 => next.Visit<N7>(),
        8 => next.Visit<N8>(),
        9 => next.Visit<N9>(),
        15 => next.Visit<N15>(),
        16 => next.Visit<N16>(),
        17 => next.Visit<N17>(),
        31 => next.Visit<N31>(),
        33 => next.Visit<N33>(),
        200 => next.Visit<N200>(),
        784 => next.Visit<N784>(),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No marker type for this size."),
    };

    /// <summary>One step from numbers to types: receives the marker type of the number just looked up.</summary>
    private interface ISizeVisitor
    {
        DenseKernel Visit<T>() where T : struct, IConst;
    }

    private sealed class InputsChosen(int units) : ISizeVisitor
    {
        public DenseKernel Visit<TInputs>() where TInputs : struct, IConst => Size(units, new UnitsChosen<TInputs>());
    }

    private sealed class UnitsChosen<TInputs> : ISizeVisitor
        where TInputs : struct, IConst
    {
        public DenseKernel Visit<TUnits>() where TUnits : struct, IConst => new DenseKernel<Shape<TInputs, TUnits>>();
    }
}

/// <summary>Forwards to the <see cref="Dense"/> kernels specialised for <typeparamref name="TShape"/>.</summary>
internal sealed class DenseKernel<TShape> : DenseKernel
    where TShape : struct, IDenseShape
{
    public override int Inputs => TShape.Inputs;

    public override int Units => TShape.Units;

    public override void Forward(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> outputs, int batchSize) =>
        Dense.Forward<TShape>(inputs, weights, bias, outputs, batchSize);

    public override void ForwardReLU(ReadOnlySpan<float> inputs, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> outputs, int batchSize) =>
        Dense.ForwardReLU<TShape>(inputs, weights, bias, outputs, batchSize);

    public override void ParameterGradients(
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> outputGradients, Span<float> weightGradients, Span<float> biasGradients, int batchSize) =>
        Dense.ParameterGradients<TShape>(inputs, outputGradients, weightGradients, biasGradients, batchSize);

    public override void InputGradients(
        ReadOnlySpan<float> outputGradients, ReadOnlySpan<float> weights, Span<float> transposedWeights, Span<float> inputGradients, int batchSize) =>
        Dense.InputGradients<TShape>(outputGradients, weights, transposedWeights, inputGradients, batchSize);
}
