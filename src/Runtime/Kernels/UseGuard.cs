using System;
using System.Threading;

namespace StaticNet.Kernels;

/// <summary>
/// Detects a second thread entering a network instance while a call is running on it. A network is not thread-safe:
/// its calls share workspaces that grow with the batch size. With the guard, concurrent use throws an
/// <see cref="InvalidOperationException"/> instead of mixing two calls' data; the kernels' own length checks keep even
/// unguarded misuse within bounds. One interlocked exchange per call.
/// </summary>
/// <remarks>Held in a (non-readonly) field of the network; call <see cref="Enter"/> before <c>try</c> and <see cref="Exit"/> in <c>finally</c>.</remarks>
public struct UseGuard
{
    private int _busy;

    /// <summary>Marks the instance busy.</summary>
    /// <param name="network">The network's name, for the message.</param>
    /// <exception cref="InvalidOperationException">Another call is running on the instance.</exception>
    public void Enter(string network)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(
                $"{network} is already running a call on another thread. A network instance is not thread-safe: use one instance per thread, or a lock.");
        }
    }

    /// <summary>Marks the instance free again.</summary>
    public void Exit() => Volatile.Write(ref _busy, 0);
}
