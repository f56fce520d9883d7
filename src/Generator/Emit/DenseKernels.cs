using System.Collections.Generic;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Emit;

/// <summary>
/// Emits the register-blocked matrix kernels of the Dense layers. Every kernel computes
/// <c>C[m, n] = init[n] + Σ_k A(m, k) · B[k, n]</c> with B and C row-major and N (the columns) a constant:
/// a tile of the plan's row tile rows by a few vectors of columns accumulates in registers across k.
/// </summary>
internal static class DenseKernels
{
    /// <summary>One use of the kernel: which dimension is the run-time batch, and how A is strided.</summary>
    /// <param name="Name">Method name.</param>
    /// <param name="Comment">What it computes, for the comment above it.</param>
    /// <param name="Rows">M, or null when M is the run-time <c>count</c>.</param>
    /// <param name="Depth">K, or null when K is the run-time <c>count</c>.</param>
    /// <param name="Columns">N.</param>
    /// <param name="RowStride">A(m, k) = a[m · RowStride + k · DepthStride].</param>
    /// <param name="DepthStride">See <paramref name="RowStride"/>.</param>
    /// <param name="ColumnTile">Vectors of columns per tile.</param>
    /// <param name="AddBias">Whether C starts from a bias row (else from zero).</param>
    public sealed record Gemm(string Name, string Comment, int? Rows, int? Depth, int Columns, int RowStride, int DepthStride, int ColumnTile, bool AddBias);

    public static Gemm Forward(LayerPlan layer) => new(
        $"{layer.Name}ForwardKernel",
        $"z = x · W{layer.Index} + b{layer.Index}: [count x {layer.Inputs}] x [{layer.Inputs} x {layer.Units}] + [{layer.Units}]",
        Rows: null, Depth: layer.Inputs, Columns: layer.Units, RowStride: layer.Inputs, DepthStride: 1, layer.ColumnTile, AddBias: true);

    public static Gemm WeightGradients(LayerPlan layer) => new(
        $"{layer.Name}WeightGradientKernel",
        $"dW{layer.Index} = xᵀ · dz: [{layer.Inputs} x count] x [count x {layer.Units}] (x read transposed in place)",
        Rows: layer.Inputs, Depth: null, Columns: layer.Units, RowStride: 1, DepthStride: layer.Inputs, layer.ColumnTile, AddBias: false);

    public static Gemm InputGradients(LayerPlan layer) => new(
        $"{layer.Name}InputGradientKernel",
        $"dx = dz · W{layer.Index}ᵀ: [count x {layer.Units}] x [{layer.Units} x {layer.Inputs}] (Wᵀ copied beforehand so rows are contiguous)",
        Rows: null, Depth: layer.Units, Columns: layer.Inputs, RowStride: layer.Units, DepthStride: 1, layer.InputColumnTile, AddBias: false);

    public static void Emit(CodeWriter w, Gemm gemm, int rowTile)
    {
        w.Line($"// {gemm.Comment}");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        string bias = gemm.AddBias ? ", ref float bias" : string.Empty;
        w.Open($"private static void {gemm.Name}(ref float a, ref float b, ref float c{bias}, int count)");
        w.Line($"const int N = {gemm.Columns};");
        w.Line(gemm.Rows is int rows ? $"const int M = {rows};" : "int M = count;");
        w.Line(gemm.Depth is int depth ? $"const int K = {depth};" : "int K = count;");
        w.Line("int m = 0;");
        w.Open($"for (; m <= M - {rowTile}; m += {rowTile})");
        RowTile(w, gemm, rowTile);
        w.Close();
        w.Open("for (; m < M; m++)");
        RowTile(w, gemm, 1);
        w.Close();
        w.Close();
        w.Line();
    }

    private static void RowTile(CodeWriter w, Gemm gemm, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            string row = r == 0 ? "m" : $"(m + {r})";
            w.Line($"ref float a{r} = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref a, (nint){row} * {gemm.RowStride});");
            w.Line($"ref float c{r} = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref c, (nint){row} * N);");
        }

        w.Line("int n = 0;");
        var tiles = new List<int>();
        for (int t = gemm.ColumnTile; t >= 1; t--)
        {
            tiles.Add(t);
        }

        foreach (int vectors in tiles)
        {
            VectorTile(w, gemm, rows, vectors);
        }

        ScalarTail(w, gemm, rows);
    }

    private static void VectorTile(CodeWriter w, Gemm gemm, int rows, int vectors)
    {
        string width = vectors == 1 ? "global::System.Numerics.Vector<float>.Count" : $"{vectors} * global::System.Numerics.Vector<float>.Count";
        w.Open($"for (; n <= N - {width}; n += {width})");
        for (int v = 0; v < vectors; v++)
        {
            string init = gemm.AddBias ? $"global::System.Numerics.Vector.LoadUnsafe(ref bias, (nuint)({Offset("n", v)}))" : "global::System.Numerics.Vector<float>.Zero";
            for (int r = 0; r < rows; r++)
            {
                // The bias row is loaded once per vector and copied to the other rows of the tile.
                w.Line($"global::System.Numerics.Vector<float> c{r}_{v} = {(r == 0 ? init : $"c0_{v}")};");
            }
        }

        w.Line("ref float bColumns = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref b, n);");
        w.Open("for (int k = 0; k < K; k++)");
        w.Line("ref float bRow = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref bColumns, (nint)k * N);");
        for (int v = 0; v < vectors; v++)
        {
            w.Line(v == 0 ? "global::System.Numerics.Vector<float> b0 = global::System.Numerics.Vector.LoadUnsafe(ref bRow);" : $"global::System.Numerics.Vector<float> b{v} = global::System.Numerics.Vector.LoadUnsafe(ref bRow, (nuint)({Offset("0", v)}));");
        }

        for (int r = 0; r < rows; r++)
        {
            w.Line($"global::System.Numerics.Vector<float> a{r}k = new global::System.Numerics.Vector<float>(global::System.Runtime.CompilerServices.Unsafe.Add(ref a{r}, {Depth(gemm)}));");
            for (int v = 0; v < vectors; v++)
            {
                w.Line($"c{r}_{v} = global::System.Numerics.Vector.MultiplyAddEstimate(a{r}k, b{v}, c{r}_{v});");
            }
        }

        w.Close();
        for (int r = 0; r < rows; r++)
        {
            for (int v = 0; v < vectors; v++)
            {
                w.Line($"global::System.Numerics.Vector.StoreUnsafe(c{r}_{v}, ref c{r}, (nuint)({Offset("n", v)}));");
            }
        }

        w.Close();
    }

    private static void ScalarTail(CodeWriter w, Gemm gemm, int rows)
    {
        w.Open("for (; n < N; n++)");
        for (int r = 0; r < rows; r++)
        {
            w.Line($"float s{r} = {(gemm.AddBias ? "global::System.Runtime.CompilerServices.Unsafe.Add(ref bias, n)" : "0f")};");
        }

        w.Open("for (int k = 0; k < K; k++)");
        w.Line("float bk = global::System.Runtime.CompilerServices.Unsafe.Add(ref b, (nint)k * N + n);");
        for (int r = 0; r < rows; r++)
        {
            w.Line($"s{r} = global::System.MathF.FusedMultiplyAdd(global::System.Runtime.CompilerServices.Unsafe.Add(ref a{r}, {Depth(gemm)}), bk, s{r});");
        }

        w.Close();
        for (int r = 0; r < rows; r++)
        {
            w.Line($"global::System.Runtime.CompilerServices.Unsafe.Add(ref c{r}, n) = s{r};");
        }

        w.Close();
    }

    private static string Depth(Gemm gemm) => gemm.DepthStride == 1 ? "k" : $"(nint)k * {gemm.DepthStride}";

    private static string Offset(string start, int vector) => vector switch
    {
        0 => start,
        1 => $"{start} + global::System.Numerics.Vector<float>.Count",
        _ => $"{start} + {vector} * global::System.Numerics.Vector<float>.Count",
    };
}
