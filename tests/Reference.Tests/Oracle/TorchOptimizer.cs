using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticNet.Reference.Tests.Oracle;

/// <summary>
/// What a StaticNet training step does after the backward pass, as plain numbers: the optimizer and its
/// hyper-parameters, L1, L2, decoupled weight decay, gradient clipping and whether the penalties reach the biases.
/// Read from a network's declaration and its generated properties (<see cref="Of"/>), so run-time changes and the
/// documented defaults are both covered; <c>with</c> expressions make the ablations that show a test would notice an
/// option being ignored.
/// </summary>
/// <param name="Optimizer">The update rule.</param>
/// <param name="LearningRate">lr.</param>
/// <param name="Momentum">μ of Momentum, Nesterov and RMSProp (0 otherwise).</param>
/// <param name="Alpha">RMSProp's smoothing constant α.</param>
/// <param name="Beta1">Adam's and AdamW's β1.</param>
/// <param name="Beta2">Adam's and AdamW's β2.</param>
/// <param name="Epsilon">ε of AdaGrad, RMSProp, Adam and AdamW.</param>
/// <param name="Centered">Centered RMSProp.</param>
/// <param name="Amsgrad">AMSGrad (Adam, AdamW).</param>
/// <param name="L1">λ1 (0 for none).</param>
/// <param name="L2">λ2 (0 for none).</param>
/// <param name="WeightDecay">Decoupled weight decay λ (0 for none; AdamW's default 0.01 without <c>[WeightDecay]</c>).</param>
/// <param name="ClipValue">clip_grad_value_ threshold (0 for none).</param>
/// <param name="ClipNorm">clip_grad_norm_ threshold (0 for none).</param>
/// <param name="PenalizeBiases">L1, L2 and the decay apply to the biases too.</param>
public sealed record TorchTraining(
    OptimizerKind Optimizer, double LearningRate, double Momentum, double Alpha, double Beta1, double Beta2, double Epsilon,
    bool Centered, bool Amsgrad, double L1, double L2, double WeightDecay, double ClipValue, double ClipNorm, bool PenalizeBiases)
{
    /// <summary>The training configuration of <paramref name="network"/> as declared by <paramref name="spec"/>, with its current hyper-parameters.</summary>
    public static TorchTraining Of(NetworkSpec spec, object network)
    {
        double Hyper(string name) => NetworkSpec.HyperParameter(network, name);
        OptimizerKind kind = spec.Optimizer;
        bool momentum = kind is OptimizerKind.Momentum or OptimizerKind.Nesterov or OptimizerKind.RMSProp;
        bool adam = kind is OptimizerKind.Adam or OptimizerKind.AdamW;
        bool decays = spec.HasWeightDecay || kind == OptimizerKind.AdamW;
        return new TorchTraining(
            kind,
            LearningRate: Hyper("LearningRate"),
            Momentum: momentum ? Hyper("Momentum") : 0,
            Alpha: kind == OptimizerKind.RMSProp ? Hyper("Alpha") : 0,
            Beta1: adam ? Hyper("Beta1") : 0,
            Beta2: adam ? Hyper("Beta2") : 0,
            Epsilon: adam || kind is OptimizerKind.AdaGrad or OptimizerKind.RMSProp ? Hyper("Epsilon") : 0,
            Centered: spec.Centered,
            Amsgrad: spec.Amsgrad,
            L1: spec.HasL1 ? Hyper("L1Strength") : 0,
            L2: spec.HasL2 ? Hyper("L2Strength") : 0,
            // AdamW without [WeightDecay] still decays (λ 0.01); its generated WeightDecay property says with what.
            WeightDecay: decays ? Hyper("WeightDecay") : 0,
            ClipValue: spec.HasClipValue ? Hyper("GradientClipValue") : 0,
            ClipNorm: spec.HasClipNorm ? Hyper("MaxGradientNorm") : 0,
            PenalizeBiases: spec.PenalizeBiases);
    }

    /// <summary>Whether anything beyond the plain update rule is on (L1, L2, weight decay, clipping).</summary>
    public bool Regularized => L1 != 0 || L2 != 0 || WeightDecay != 0 || ClipValue != 0 || ClipNorm != 0;

    /// <summary>
    /// The same configuration with one option removed at a time (each a torch run that must end measurably elsewhere,
    /// so a StaticNet that ignored the option could not pass), named for the report.
    /// </summary>
    public IEnumerable<(string Without, TorchTraining Config)> Ablations()
    {
        if (L1 != 0) yield return ("L1", this with { L1 = 0 });
        if (L2 != 0) yield return ("L2", this with { L2 = 0 });
        if (WeightDecay != 0) yield return ("weight decay", this with { WeightDecay = 0 });
        if (ClipValue != 0) yield return ("value clipping", this with { ClipValue = 0 });
        if (ClipNorm != 0) yield return ("norm clipping", this with { ClipNorm = 0 });
        if (PenalizeBiases && (L1 != 0 || L2 != 0 || WeightDecay != 0)) yield return ("bias penalization", this with { PenalizeBiases = false });
        if (Amsgrad) yield return ("AMSGrad", this with { Amsgrad = false });
        if (Centered) yield return ("centering", this with { Centered = false });
        if (Optimizer == OptimizerKind.RMSProp && Momentum != 0) yield return ("RMSProp momentum", this with { Momentum = 0 });
        if (Optimizer == OptimizerKind.Nesterov) yield return ("Nesterov's look-ahead", this with { Optimizer = OptimizerKind.Momentum });
    }

    /// <summary>A short description for reports, e.g. <c>RMSProp(centered) + L2 + clip-norm</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { Optimizer + (Amsgrad ? "(amsgrad)" : "") + (Centered ? "(centered)" : "") + (Optimizer == OptimizerKind.RMSProp && Momentum != 0 ? "(momentum)" : "") };
        if (L1 != 0) parts.Add("L1");
        if (L2 != 0) parts.Add("L2");
        if (WeightDecay != 0) parts.Add("weight decay");
        if (ClipValue != 0) parts.Add("clip-value");
        if (ClipNorm != 0) parts.Add("clip-norm");
        if (PenalizeBiases) parts.Add("biases penalized");
        return string.Join(" + ", parts);
    }
}

/// <summary>
/// The torch counterpart of a StaticNet training step after the backward pass (<see cref="TorchTraining"/>), applied
/// to a <see cref="TorchMlp"/> whose gradients <see cref="TorchMlp.Backward"/> left:
/// <list type="number">
/// <item><c>clip_grad_value_</c> then <c>clip_grad_norm_</c> on every parameter (StaticNet clips value first, both
/// before L1/L2).</item>
/// <item>L1: <c>λ1·sign(p)</c> added to the gradients of the penalized parameters (torch has no L1 option).</item>
/// <item>L2: the optimizer's own coupled <c>weight_decay</c> on the penalized parameter group; by hand
/// (<c>λ2·p</c> added to the gradient) when the torch optimizer's <c>weight_decay</c> means something else (AdamW) or
/// when the decay below is applied by hand (so that L2 uses the weight before the decay, as StaticNet does).</item>
/// <item>Decoupled weight decay: torch <c>AdamW</c>'s <c>weight_decay</c> for AdamW and for Adam with
/// <c>[WeightDecay]</c> (documented as equal); for any other optimizer by hand, <c>p.mul_(1 - lr·λ)</c> right
/// before <c>step()</c> (torch's SGD/Adagrad/RMSprop <c>weight_decay</c> is coupled L2, not this).</item>
/// <item><c>optimizer.step()</c>: Sgd, Momentum, Nesterov → <c>SGD(lr, momentum, dampening 0, nesterov)</c>;
/// AdaGrad → <c>Adagrad(lr, lr_decay 0, initial_accumulator_value 0, eps)</c>; RMSProp →
/// <c>RMSprop(lr, alpha, eps, momentum, centered)</c>; Adam → <c>Adam(lr, betas, eps, amsgrad)</c>; AdamW →
/// <c>AdamW(lr, betas, eps, weight_decay, amsgrad)</c>.</item>
/// </list>
/// The penalized parameters are the weights, plus the biases with <c>PenalizeBiases</c> (then one parameter group for
/// all, as PyTorch's <c>weight_decay</c> is normally used); otherwise the biases are a second group with no penalty.
/// </summary>
public sealed class TorchOptimizer : IDisposable
{
    private readonly TorchMlp _model;
    private readonly OptimizerHelper _optimizer;
    private readonly Parameter[] _penalized;
    private readonly Parameter[] _all;
    private readonly bool _l2ByHand;
    private readonly bool _decayByHand;

    /// <summary>Creates the optimizer for <paramref name="model"/> from <paramref name="network"/>'s declaration and current hyper-parameters.</summary>
    public TorchOptimizer(TorchMlp model, object network)
        : this(model, TorchTraining.Of(model.Spec, network))
    {
    }

    /// <summary>Creates the optimizer for <paramref name="model"/> with an explicit configuration (e.g. an ablation).</summary>
    public TorchOptimizer(TorchMlp model, TorchTraining config)
    {
        _model = model;
        Config = config;
        _all = model.Weights.Concat(model.Biases).ToArray();
        _penalized = config.PenalizeBiases ? _all : model.Weights.ToArray();
        Parameter[] unpenalized = config.PenalizeBiases ? [] : model.Biases.ToArray();

        bool torchAdamW = config.Optimizer == OptimizerKind.AdamW || (config.Optimizer == OptimizerKind.Adam && config.WeightDecay != 0);
        _decayByHand = config.WeightDecay != 0 && !torchAdamW;
        _l2ByHand = config.L2 != 0 && (torchAdamW || _decayByHand);
        double coupled = _l2ByHand ? 0 : config.L2;
        _optimizer = Create(config, torchAdamW, _penalized, unpenalized, coupled);
    }

    /// <summary>What this optimizer does.</summary>
    public TorchTraining Config { get; }

    /// <summary>Learning rate in use (changed by <see cref="SetLearningRate"/>).</summary>
    public double LearningRate { get; private set; } = double.NaN;

    /// <summary>Global gradient norm before clipping in the last <see cref="Step"/> (after value clipping), for reports.</summary>
    public double LastGradientNorm { get; private set; }

    /// <summary>Number of steps in which norm clipping scaled the gradients.</summary>
    public int NormClippedSteps { get; private set; }

    /// <summary>Smallest and largest global gradient norm seen (before norm clipping).</summary>
    public (double Min, double Max) GradientNormRange { get; private set; } = (double.PositiveInfinity, 0);

    /// <summary>Number of gradient elements value clipping changed, over all steps.</summary>
    public long ValueClippedElements { get; private set; }

    /// <summary>One step from the gradients left by <see cref="TorchMlp.Backward"/> (see the class summary for the order).</summary>
    public void Step()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Tensor Grad(Parameter p) => p.grad ?? throw new InvalidOperationException("No gradient: call Backward first.");
        if (Config.ClipValue != 0)
        {
            foreach (Parameter p in _all)
            {
                ValueClippedElements += (Grad(p).abs() > Config.ClipValue).sum().item<long>();
            }
            nn.utils.clip_grad_value_(_all, Config.ClipValue);
        }
        LastGradientNorm = Math.Sqrt(_all.Sum(p => Grad(p).square().sum().item<double>()));
        GradientNormRange = (Math.Min(GradientNormRange.Min, LastGradientNorm), Math.Max(GradientNormRange.Max, LastGradientNorm));
        if (Config.ClipNorm != 0)
        {
            if (LastGradientNorm > Config.ClipNorm)
            {
                NormClippedSteps++;
            }
            nn.utils.clip_grad_norm_(_all, Config.ClipNorm);
        }
        foreach (Parameter p in _penalized)
        {
            if (Config.L1 != 0)
            {
                Grad(p).add_(p.sign(), alpha: Config.L1); // sign(0) = 0, as StaticNet documents
            }
            if (_l2ByHand)
            {
                Grad(p).add_(p, alpha: Config.L2);
            }
        }
        if (_decayByHand)
        {
            double lr = _optimizer.ParamGroups.First().LearningRate;
            foreach (Parameter p in _penalized)
            {
                p.mul_(1 - lr * Config.WeightDecay);
            }
        }
        _optimizer.step();
    }

    /// <summary>Changes the learning rate of every parameter group (a schedule).</summary>
    public void SetLearningRate(double learningRate)
    {
        LearningRate = learningRate;
        foreach (ParamGroup group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <summary>Disposes the optimizer and its state.</summary>
    public void Dispose() => _optimizer.Dispose();

    private static OptimizerHelper Create(TorchTraining c, bool torchAdamW, Parameter[] penalized, Parameter[] biases, double l2)
    {
        double lr = c.LearningRate;
        var groups = new List<(Parameter[] Parameters, bool Penalized)> { (penalized, true) };
        if (biases.Length > 0)
        {
            groups.Add((biases, false));
        }
        switch (c.Optimizer)
        {
            case OptimizerKind.Sgd:
            case OptimizerKind.Momentum:
            case OptimizerKind.Nesterov:
                double momentum = c.Optimizer == OptimizerKind.Sgd ? 0 : c.Momentum;
                bool nesterov = c.Optimizer == OptimizerKind.Nesterov;
                return optim.SGD(
                    groups.Select(g => new SGD.ParamGroup(g.Parameters, lr: lr, momentum: momentum, dampening: 0, weight_decay: g.Penalized ? l2 : 0, nesterov: nesterov)),
                    lr, momentum, dampening: 0, nesterov: nesterov);
            case OptimizerKind.AdaGrad:
                return optim.Adagrad(
                    groups.Select(g => new Adagrad.ParamGroup(g.Parameters, lr: lr, lr_decay: 0, weight_decay: g.Penalized ? l2 : 0, initial_accumulator_value: 0, eps: c.Epsilon)),
                    lr, lr_decay: 0, initial_accumulator_value: 0, eps: c.Epsilon);
            case OptimizerKind.RMSProp:
                return optim.RMSProp(
                    groups.Select(g => new RMSProp.ParamGroup(g.Parameters, lr: lr, eps: c.Epsilon, alpha: c.Alpha, weight_decay: g.Penalized ? l2 : 0, momentum: c.Momentum, centered: c.Centered)),
                    lr, alpha: c.Alpha, eps: c.Epsilon, momentum: c.Momentum, centered: c.Centered);
            case OptimizerKind.Adam when !torchAdamW:
                return optim.Adam(
                    groups.Select(g => new Adam.ParamGroup(g.Parameters, lr: lr, beta1: c.Beta1, beta2: c.Beta2, eps: c.Epsilon, weight_decay: g.Penalized ? l2 : 0, amsgrad: c.Amsgrad)),
                    lr, c.Beta1, c.Beta2, c.Epsilon, amsgrad: c.Amsgrad);
            case OptimizerKind.Adam:
            case OptimizerKind.AdamW:
                return optim.AdamW(
                    groups.Select(g => new AdamW.ParamGroup(g.Parameters, lr: lr, beta1: c.Beta1, beta2: c.Beta2, eps: c.Epsilon, weight_decay: g.Penalized ? c.WeightDecay : 0, amsgrad: c.Amsgrad)),
                    lr, c.Beta1, c.Beta2, c.Epsilon, amsgrad: c.Amsgrad);
            default:
                throw new NotSupportedException($"No torch reference for the optimizer {c.Optimizer}: add it to {nameof(TorchOptimizer)}.{nameof(Create)}.");
        }
    }
}
