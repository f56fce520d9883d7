namespace StaticNet;

/// <summary>
/// One Dense layer of a network's inference graph, as <see cref="OnnxExport"/> writes it: the names of its weight and
/// bias tensors in <see cref="ModelLayout.Tensors"/>, and the activation after it (dropout, the identity in inference,
/// has no layer of its own).
/// </summary>
/// <param name="Weights">The weight tensor's name, e.g. <c>0.weight</c>.</param>
/// <param name="Bias">The bias tensor's name, e.g. <c>0.bias</c>.</param>
/// <param name="Activation">The activation applied to the layer's output in a prediction.</param>
/// <param name="ActivationParameter">LeakyReLU's negative slope or ELU's alpha; 0 for the other activations.</param>
public sealed record ModelLayer(string Weights, string Bias, Activation Activation, float ActivationParameter = 0f);
