using System;
using System.Collections.Generic;
using Microsoft.ML.OnnxRuntime;

namespace StaticNet.Compare;

/// <summary>
/// ONNX Runtime (CPU execution provider) at a fixed number of intra-op threads, inference only, on the graph
/// <see cref="OnnxGraph"/> builds from the same weights. Inputs and outputs are <see cref="OrtValue"/>s over arrays
/// made before timing, so a call is one <c>Run</c> with no managed allocation of tensors.
/// </summary>
internal sealed class OnnxRuntimePeer(int threads, int seed) : IPeer
{
    public string Name => $"ONNX Runtime {threads}t";

    public void Activate()
    {
    }

    public bool Supports(Workload workload) => workload.Kind == WorkloadKind.Inference;

    public IRunner Create(Workload workload, Batches batches) => new Runner(workload, batches, threads, seed);

    private sealed class Runner : IRunner
    {
        private readonly InferenceSession _session;
        private readonly RunOptions _runOptions = new();
        private readonly List<OrtValue> _inputs = [];
        private readonly OrtValue _output;
        private readonly float[] _probabilities;
        private readonly string[] _inputNames = [OnnxGraph.InputName];
        private readonly string[] _outputNames = [OnnxGraph.OutputName];
        private int _next;

        public Runner(Workload workload, Batches batches, int threads, int seed)
        {
            using var options = new SessionOptions
            {
                IntraOpNumThreads = threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            _session = new InferenceSession(OnnxGraph.Build(workload.Network, workload.Network.InitialParameters(seed)), options);
            int features = batches.FeatureCount;
            for (int b = 0; b < batches.Count; b++)
            {
                _inputs.Add(OrtValue.CreateTensorValueFromMemory(batches.Inputs(b).ToArray(), [batches.BatchSize, features]));
            }

            _probabilities = new float[batches.BatchSize * workload.Network.OutputSize];
            _output = OrtValue.CreateTensorValueFromMemory(_probabilities, [batches.BatchSize, workload.Network.OutputSize]);
        }

        public float Call()
        {
            int index = _next;
            _next = (_next + 1) % _inputs.Count;
            _session.Run(_runOptions, _inputNames, [_inputs[index]], _outputNames, [_output]);
            return _probabilities[0];
        }

        public float[] Probabilities()
        {
            _session.Run(_runOptions, _inputNames, [_inputs[0]], _outputNames, [_output]);
            return (float[])_probabilities.Clone();
        }

        public void Dispose()
        {
            _output.Dispose();
            _inputs.ForEach(v => v.Dispose());
            _runOptions.Dispose();
            _session.Dispose();
        }
    }
}
