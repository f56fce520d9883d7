namespace StaticNet.Kernels;

/// <summary>
/// The compile-time shape of one Dense layer. The generator emits a struct per layer implementing it; because the
/// <see cref="Dense"/> kernels are generic over that struct, the JIT compiles one copy per layer in which every size,
/// stride and tile is a constant.
/// </summary>
public interface IDenseShape
{
    /// <summary>Inputs per sample (the previous layer's units, or the network's input size).</summary>
    static abstract int Inputs { get; }

    /// <summary>Outputs per sample.</summary>
    static abstract int Units { get; }

    /// <summary>
    /// Vectors of outputs accumulated in registers per tile of the kernels whose columns are the units (forward pass,
    /// weight gradients): 1, 2 or 3.
    /// </summary>
    static abstract int UnitTile { get; }

    /// <summary>The same for the kernel whose columns are the inputs (input gradients): 1, 2 or 3.</summary>
    static abstract int InputTile { get; }
}
