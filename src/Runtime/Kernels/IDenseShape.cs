namespace StaticNet.Kernels;

/// <summary>
/// The compile-time shape of one Dense layer. The generator emits a struct per layer implementing it; because the
/// <see cref="Dense"/> kernels are generic over that struct, the JIT compiles one copy per layer in which every size,
/// stride and tile is a constant; the register tiles follow from the sizes and the vector width of the machine.
/// </summary>
public interface IDenseShape
{
    /// <summary>Inputs per sample (the previous layer's units, or the network's input size).</summary>
    static abstract int Inputs { get; }

    /// <summary>Outputs per sample.</summary>
    static abstract int Units { get; }
}
