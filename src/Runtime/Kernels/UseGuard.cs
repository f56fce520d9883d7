using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;

namespace StaticNet.Kernels;

/// <summary>
/// Detects a second thread entering a network instance while a call is running on it. A network is not thread-safe:
/// its calls share workspaces that grow with the batch size. With the guard, concurrent use throws an
/// <see cref="InvalidOperationException"/> instead of mixing two calls' data; the kernels' own length checks keep even
/// unguarded misuse within bounds. One interlocked exchange per call.
/// </summary>
/// <remarks>Held in a (non-readonly) field of the network: <c>using var scope = _guard.Enter(Name);</c> at the top of each call.</remarks>
public struct UseGuard
{
    private int _busy;

    /// <summary>Marks the instance busy until the returned scope is disposed.</summary>
    /// <param name="network">The network's name, for the message.</param>
    /// <returns>The scope of the call; disposing it marks the instance free again.</returns>
    /// <exception cref="InvalidOperationException">Another call is running on the instance.</exception>
    [UnscopedRef]
    public Scope Enter(string network)
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(
                $"{network} is already running a call on another thread. A network instance is not thread-safe: use one instance per thread, or a lock.");
        }

        return new Scope(ref _busy);
    }

    /// <summary>One call on the instance; <see cref="Dispose"/> ends it.</summary>
    public readonly ref struct Scope
    {
        private readonly ref int _busy;

        internal Scope(ref int busy) => _busy = ref busy;

        /// <summary>Marks the instance free again.</summary>
        public void Dispose() => Volatile.Write(ref _busy, 0);
    }
}
