using System;
using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticNet.Compare;

/// <summary>
/// TorchSharp (libtorch on the CPU) at a fixed number of intra-op threads: <c>nn.Linear</c> layers with ReLU, the
/// logits into <c>cross_entropy</c>, <c>optim.Adam(lr 1e-3)</c>; inference under <c>no_grad</c> ending in softmax. The
/// batches are tensors made once, before timing, as a torch user would keep them in a DataLoader's pinned buffers.
/// </summary>
internal sealed class TorchSharpPeer(int threads, int seed) : IPeer
{
    public string Name => $"TorchSharp {threads}t";

    public bool Supports(Workload workload) => true;

    /// <summary>The seed of the initial weights (StaticNet's, copied).</summary>
    public int Seed => seed;

    public IRunner Create(Workload workload, Batches batches) => new Runner(this, workload, batches);

    /// <summary>Sets libtorch's thread count for the calls that follow (the peers are interleaved, so before each run).</summary>
    public void Activate() => torch.set_num_threads(threads);

    private sealed class Runner : IRunner
    {
        private readonly Workload _workload;
        private readonly Sequential _model;
        private readonly optim.Optimizer? _optimizer;
        private readonly List<Tensor> _inputs = [];
        private readonly List<Tensor> _labels = [];
        private int _next;

        public Runner(TorchSharpPeer peer, Workload workload, Batches batches)
        {
            _workload = workload;
            int[] sizes = workload.Network.Sizes;
            var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
            (float[] Weights, float[] Bias)[] initial = workload.Network.InitialParameters(peer.Seed);
            using (no_grad())
            {
                for (int layer = 0; layer < workload.Network.LayerCount; layer++)
                {
                    Linear linear = nn.Linear(sizes[layer], sizes[layer + 1]);
                    // StaticNet's W is [in x out] row-major; nn.Linear's weight is [out, in].
                    linear.weight!.copy_(tensor(initial[layer].Weights, [sizes[layer], sizes[layer + 1]]).t());
                    linear.bias!.copy_(tensor(initial[layer].Bias));
                    modules.Add(($"dense{layer}", linear));
                    if (layer < workload.Network.LayerCount - 1)
                    {
                        modules.Add(($"relu{layer}", nn.ReLU()));
                    }
                }
            }

            _model = nn.Sequential(modules);
            if (workload.Kind == WorkloadKind.Training)
            {
                _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
            }
            else
            {
                _model.eval();
            }

            for (int b = 0; b < batches.Count; b++)
            {
                _inputs.Add(tensor(batches.Inputs(b).ToArray(), [batches.BatchSize, batches.FeatureCount]));
                _labels.Add(tensor(Array.ConvertAll(batches.Labels(b).ToArray(), l => (long)l), [batches.BatchSize]));
            }
        }

        public float Call()
        {
            int index = _next;
            _next = (_next + 1) % _inputs.Count;
            using DisposeScope scope = NewDisposeScope();
            if (_optimizer is not null)
            {
                _optimizer.zero_grad();
                Tensor loss = nn.functional.cross_entropy(_model.forward(_inputs[index]), _labels[index]);
                loss.backward();
                _optimizer.step();
                return loss.item<float>();
            }

            using (no_grad())
            {
                Tensor probabilities = nn.functional.softmax(_model.forward(_inputs[index]), 1);
                return probabilities[0, 0].item<float>();
            }
        }

        public float[] Probabilities()
        {
            using DisposeScope scope = NewDisposeScope();
            using (no_grad())
            {
                return nn.functional.softmax(_model.forward(_inputs[0]), 1).data<float>().ToArray();
            }
        }

        public void Dispose()
        {
            _optimizer?.Dispose();
            _model.Dispose();
            _inputs.ForEach(t => t.Dispose());
            _labels.ForEach(t => t.Dispose());
        }
    }
}
