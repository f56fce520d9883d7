using System;

namespace StaticNet.Kernels;

/// <summary>
/// A layer shape's values, read once per shape type and kept in static readonly fields. Every length check and every
/// loop bound of the <see cref="Dense"/> kernels reads these, so even a shape whose properties change between reads
/// cannot make a kernel go out of bounds; for the generated shapes (constants) the JIT folds the fields into constants.
/// </summary>
/// <typeparam name="TLayer">The layer's shape.</typeparam>
internal static class FrozenShape<TLayer>
    where TLayer : struct, IDenseShape
{
    public static readonly int Inputs = TLayer.Inputs;

    public static readonly int Units = TLayer.Units;

    /// <summary>Throws unless both sizes are at least 1 (a shape of 0 or fewer features is no layer).</summary>
    public static void Check()
    {
        if (Inputs < 1 || Units < 1)
        {
            throw new ArgumentException(
                $"The layer shape {typeof(TLayer).Name} has {Inputs} inputs and {Units} units; both must be at least 1.", nameof(TLayer));
        }
    }
}
