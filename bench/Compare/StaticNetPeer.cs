using System;
using StaticNet.Bench;

namespace StaticNet.Compare;

/// <summary>StaticNet: the generated W1 or W2, seeded like every other peer's weights.</summary>
internal sealed class StaticNetPeer(int seed) : IPeer
{
    public string Name => "StaticNet";

    public void Activate()
    {
    }

    public bool Supports(Workload workload) => true;

    public IRunner Create(Workload workload, Batches batches) =>
        workload.Network == MlpShape.W1 ? new Runner<W1>(new W1(seed), workload, batches) : new Runner<W2>(new W2(seed), workload, batches);

    private sealed class Runner<TNetwork>(TNetwork network, Workload workload, Batches batches) : IRunner
        where TNetwork : IClassifier<TNetwork>
    {
        private readonly float[] _outputs = new float[batches.BatchSize * TNetwork.OutputSize];
        private int _next;

        public float Call()
        {
            int index = _next;
            _next = (_next + 1) % batches.Count;
            if (workload.Kind == WorkloadKind.Training)
            {
                return network.TrainStep(batches.Inputs(index), batches.Labels(index), batches.BatchSize);
            }

            network.Predict(batches.Inputs(index), _outputs, batches.BatchSize);
            return _outputs[0];
        }

        public float[] Probabilities()
        {
            var probabilities = new float[batches.BatchSize * TNetwork.OutputSize];
            network.Predict(batches.Inputs(0), probabilities, batches.BatchSize);
            return probabilities;
        }

        public void Dispose()
        {
        }
    }
}
