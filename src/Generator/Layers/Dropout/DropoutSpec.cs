using System.Collections.Generic;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Layers.Dropout;

/// <summary>A <c>[Dropout(rate)]</c> attribute as written, applying to the output of the Dense layer declared before it.</summary>
internal sealed record DropoutSpec(float Rate) : LayerSpec;

/// <summary>
/// A planned inverted-dropout layer (Srivastava et al. 2014): in training <c>d = a ⊙ mask</c>, the mask 0 with
/// probability rate and <c>1/(1 - rate)</c> otherwise; the identity in inference.
/// </summary>
/// <param name="Position">Position among all layers.</param>
/// <param name="Units">Features per sample in and out.</param>
/// <param name="Index">Number of the Dense layer it follows (the <c>Dense0DropoutRate</c> property, <c>_mask0</c>).</param>
/// <param name="Rate">The run-time rate property.</param>
/// <param name="Input">The field of the activations it reads.</param>
/// <param name="InputSymbol">Their name in formulas, <c>a0</c>.</param>
/// <param name="Gradients">The field of ∂L/∂a of the layer below, which the backward step masks in place.</param>
internal sealed record DropoutPlan(int Position, int Units, int Index, HyperParameterPlan Rate, string Input, string InputSymbol, string Gradients)
    : LayerPlan(Position, Units, Units)
{
    public string Mask => $"_mask{Index}";

    public override string TrainingOutput => $"_dropped{Index}";

    public override string OutputSymbol => $"d{Index}";

    /// <summary>Masked in place: ∂L/∂d ⊙ mask is ∂L/∂a.</summary>
    public override string OutputGradients => Gradients;

    public override IEnumerable<WorkspacePlan> ForwardWorkspaces
    {
        get
        {
            yield return new WorkspacePlan(Mask, Units, "dropout masks");
            yield return new WorkspacePlan(TrainingOutput, Units, "dropped activations d");
        }
    }

    public override string Title => $"Dropout {Index}";

    public override string Description => $"rate {Number(Rate.Default)} on {InputSymbol} in training (inverted: kept values scaled by 1/(1 - rate))";

    public override string SummaryName => $"dropout_{Index} (Dropout {Number(Rate.Default)})";

    public override string Architecture => "Dropout";

    public override int SequentialModules => 1;

    private static string Number(float value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
