using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>
/// The torch optimizer equivalent to a StaticNet network's optimizer and regularization, with the hyper-parameters
/// read from the network's generated properties (so run-time changes and attribute defaults are both covered):
/// <list type="bullet">
/// <item>Sgd → <c>torch.optim.SGD(lr)</c>; Momentum → <c>torch.optim.SGD(lr, momentum)</c>; Adam → <c>torch.optim.Adam(lr, (β1, β2), eps)</c>.</item>
/// <item>L2 → <c>weight_decay</c> on the weights only: two parameter groups, the weights with <c>weight_decay = λ2</c>, the biases with 0.</item>
/// <item>L1 → <c>λ1·sign(w)</c> added to each weight's gradient before <c>step()</c> (torch has no L1 option).</item>
/// </list>
/// A new StaticNet optimizer needs one arm in <see cref="Create"/>.
/// </summary>
public sealed class TorchOptimizer : IDisposable
{
    private readonly TorchMlp _model;
    private readonly OptimizerHelper _optimizer;

    /// <summary>Creates the optimizer for <paramref name="model"/> from <paramref name="network"/>'s current hyper-parameters.</summary>
    /// <param name="regularize">False to leave L1 and L2 out (to show that a test would notice them missing).</param>
    public TorchOptimizer(TorchMlp model, object network, double learningRate, bool regularize = true)
    {
        _model = model;
        NetworkSpec spec = model.Spec;
        L1 = regularize && spec.HasL1 ? NetworkSpec.HyperParameter(network, "L1Strength") : 0;
        double l2 = regularize && spec.HasL2 ? NetworkSpec.HyperParameter(network, "L2Strength") : 0;
        _optimizer = Create(spec.Optimizer, network, learningRate, model.Weights, model.Biases, l2);
    }

    /// <summary>λ1, 0 without L1.</summary>
    public double L1 { get; }

    /// <summary>One step from the gradients left by <see cref="TorchMlp.Backward"/>: the L1 term, then <c>optimizer.step()</c>.</summary>
    public void Step()
    {
        if (L1 != 0)
        {
            using var noGrad = no_grad();
            foreach (Parameter w in _model.Weights)
            {
                using Tensor sign = w.sign(); // sign(0) = 0, as StaticNet documents
                (w.grad ?? throw new InvalidOperationException("No gradient: call Backward first.")).add_(sign, alpha: L1);
            }
        }
        _optimizer.step();
    }

    /// <summary>Changes the learning rate of every parameter group (a schedule).</summary>
    public void SetLearningRate(double learningRate)
    {
        foreach (ParamGroup group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <summary>Disposes the optimizer and its state.</summary>
    public void Dispose() => _optimizer.Dispose();

    private static OptimizerHelper Create(OptimizerKind kind, object network, double lr, IEnumerable<Parameter> weights, IEnumerable<Parameter> biases, double l2)
    {
        double Hyper(string name) => NetworkSpec.HyperParameter(network, name);
        switch (kind)
        {
            case OptimizerKind.Sgd:
            case OptimizerKind.Momentum:
                double momentum = kind == OptimizerKind.Momentum ? Hyper("Momentum") : 0;
                return optim.SGD(new[]
                {
                    new SGD.ParamGroup(weights, lr, momentum, dampening: 0, weight_decay: l2),
                    new SGD.ParamGroup(biases, lr, momentum, dampening: 0, weight_decay: 0),
                }, lr, momentum);
            case OptimizerKind.Adam:
                double beta1 = Hyper("Beta1"), beta2 = Hyper("Beta2"), eps = Hyper("Epsilon");
                return optim.Adam(new[]
                {
                    new Adam.ParamGroup(weights, lr, beta1, beta2, eps, weight_decay: l2),
                    new Adam.ParamGroup(biases, lr, beta1, beta2, eps, weight_decay: 0),
                }, lr, beta1, beta2, eps);
            default:
                throw new NotSupportedException($"No torch reference for the optimizer {kind}: add it to {nameof(TorchOptimizer)}.{nameof(Create)}.");
        }
    }
}
