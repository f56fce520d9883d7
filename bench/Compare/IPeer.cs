using System;

namespace StaticNet.Compare;

/// <summary>A framework at a thread count: builds a runner for a workload, from the shared data and initial weights.</summary>
internal interface IPeer
{
    /// <summary>The column header, e.g. "TorchSharp 2t".</summary>
    string Name { get; }

    /// <summary>Called before each timed run: a peer with process-wide settings (libtorch's thread count) sets them here.</summary>
    void Activate();

    /// <summary>Whether the peer takes part in <paramref name="workload"/> (ONNX Runtime: inference only).</summary>
    bool Supports(Workload workload);

    /// <summary>A runner whose <see cref="IRunner.Call"/> does one call of <paramref name="workload"/>.</summary>
    IRunner Create(Workload workload, Batches batches);
}

/// <summary>One peer set up for one workload: its model, optimizer and input tensors, allocated before timing.</summary>
internal interface IRunner : IDisposable
{
    /// <summary>
    /// One training step or inference batch on the next of the prepared batches. Returns the loss (training) or the
    /// first sample's first probability (inference), so that no peer's work can be optimised away.
    /// </summary>
    float Call();

    /// <summary>
    /// Class probabilities <c>[batch, classes]</c> of batch 0 with the current weights, without a step: used once, before
    /// timing, to prove that every peer computes the same function.
    /// </summary>
    float[] Probabilities();
}
