using System.Collections.Generic;
using StaticNet.Generator.Emission;
using StaticNet.Generator.Model;
using StaticNet.Generator.Parsing;

namespace StaticNet.Generator.Layers;

/// <summary>
/// One kind of layer (Dense, Dropout, ...): how its attribute is read, which rules it obeys, how it is planned and how
/// its forward and backward steps are printed. Each kind lives in a folder of its own and is registered in
/// <see cref="LayerKinds"/>; nothing else in the generator switches on layer kinds.
/// </summary>
internal interface ILayerKind
{
    /// <summary>The attribute's class name without its namespace, e.g. <c>DenseAttribute</c>.</summary>
    string Attribute { get; }

    /// <summary>Reads the attribute into the kind's spec; the reader records where each argument is written.</summary>
    LayerSpec Parse(AttributeReader reader);

    /// <summary>Whether this kind owns the spec (so that the validator and planner can dispatch).</summary>
    bool Owns(LayerSpec layer);

    /// <summary>Whether this kind owns the plan (so that the emitter can dispatch).</summary>
    bool Owns(LayerPlan layer);

    /// <summary>Adds the diagnostics of one layer.</summary>
    void Validate(LayerValidation context);

    /// <summary>Plans one layer from the running state of the network's plan.</summary>
    LayerPlan Plan(LayerPlanning context);

    /// <summary>Prints the layer's forward step reading the span named <paramref name="input"/>; returns the name of its output span.</summary>
    string EmitForward(CodeWriter w, NetworkPlan plan, LayerPlan layer, string input);

    /// <summary>Prints the layer's backward step.</summary>
    void EmitBackward(CodeWriter w, NetworkPlan plan, LayerPlan layer);

    /// <summary>Prints the constructor's initialisation of the layer's parameters (from <c>random</c>), if it has any.</summary>
    void EmitInitialization(CodeWriter w, LayerPlan layer);

    /// <summary>Prints the file-local types the layer's steps use (e.g. a shape struct), if any.</summary>
    void EmitTypes(CodeWriter w, LayerPlan layer);
}

/// <summary>A layer kind over its own spec and plan records, so that each method sees its own types.</summary>
internal abstract class LayerKind<TSpec, TPlan> : ILayerKind
    where TSpec : LayerSpec
    where TPlan : LayerPlan
{
    public abstract string Attribute { get; }

    public abstract LayerSpec Parse(AttributeReader reader);

    public bool Owns(LayerSpec layer) => layer is TSpec;

    public bool Owns(LayerPlan layer) => layer is TPlan;

    public void Validate(LayerValidation context) => Validate((TSpec)context.Layer, context);

    public LayerPlan Plan(LayerPlanning context) => Plan((TSpec)context.Layer, context);

    public string EmitForward(CodeWriter w, NetworkPlan plan, LayerPlan layer, string input) => EmitForward(w, plan, (TPlan)layer, input);

    public void EmitBackward(CodeWriter w, NetworkPlan plan, LayerPlan layer) => EmitBackward(w, plan, (TPlan)layer);

    public void EmitInitialization(CodeWriter w, LayerPlan layer) => EmitInitialization(w, (TPlan)layer);

    public void EmitTypes(CodeWriter w, LayerPlan layer) => EmitTypes(w, (TPlan)layer);

    protected virtual void EmitInitialization(CodeWriter w, TPlan layer)
    {
    }

    protected virtual void EmitTypes(CodeWriter w, TPlan layer)
    {
    }

    protected abstract void Validate(TSpec layer, LayerValidation context);

    protected abstract TPlan Plan(TSpec layer, LayerPlanning context);

    protected abstract string EmitForward(CodeWriter w, NetworkPlan plan, TPlan layer, string input);

    protected abstract void EmitBackward(CodeWriter w, NetworkPlan plan, TPlan layer);
}

/// <summary>The one registration point of layer kinds.</summary>
internal static class LayerKinds
{
    public static readonly ILayerKind[] All = { new Dense.DenseKind(), new Dropout.DropoutKind() };

    /// <summary>The kind reading an attribute class (name without namespace), or null.</summary>
    public static ILayerKind? ForAttribute(string attribute)
    {
        foreach (ILayerKind kind in All)
        {
            if (kind.Attribute == attribute)
            {
                return kind;
            }
        }

        return null;
    }

    public static ILayerKind For(LayerSpec layer) => Find(kind => kind.Owns(layer));

    public static ILayerKind For(LayerPlan layer) => Find(kind => kind.Owns(layer));

    private static ILayerKind Find(System.Func<ILayerKind, bool> owns)
    {
        foreach (ILayerKind kind in All)
        {
            if (owns(kind))
            {
                return kind;
            }
        }

        throw new KeyNotFoundException("A layer of a kind that is not registered in LayerKinds.All.");
    }
}

/// <summary>What a layer's rules see: the whole spec, the layer, its neighbours' positions, where things are written.</summary>
internal sealed class LayerValidation
{
    public LayerValidation(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        Spec = spec;
        Locations = locations;
        Diagnostics = diagnostics;
        Layer = null!;
    }

    public NetworkSpec Spec { get; }

    public NetworkLocations Locations { get; }

    public List<DiagnosticInfo> Diagnostics { get; }

    /// <summary>The layer being checked and its position among all layers.</summary>
    public LayerSpec Layer { get; internal set; }

    public int Position { get; internal set; }

    /// <summary>How many Dense layers come before this one (the Dense numbering of messages and member names).</summary>
    public int DenseIndex { get; internal set; }

    /// <summary>Features per sample entering the layer, or null when an earlier size is invalid.</summary>
    public long? Inputs { get; internal set; }

    /// <summary>Parameters of the layers so far; the Dense rules add theirs and report the layer that crosses the limit.</summary>
    public long Parameters { get; set; }

    /// <summary>Features per sample the layer produces, set by its rules (null when invalid).</summary>
    public long? Outputs { get; set; }

    /// <summary>Where a part of this layer is written: <c>Units</c>, <c>rate</c>..., else the attribute.</summary>
    public LocationInfo? Location(string argument = "") =>
        Locations.Of(argument.Length == 0 ? $"Layer{Position}" : $"Layer{Position}.{argument}");

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params object[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}

/// <summary>The running state of planning: where the next layer's parameters go and what it reads.</summary>
internal sealed class LayerPlanning
{
    public LayerPlanning(NetworkSpec spec) => Spec = spec;

    public NetworkSpec Spec { get; }

    public LayerSpec Layer { get; internal set; } = null!;

    /// <summary>Position of the layer among all layers.</summary>
    public int Position { get; internal set; }

    /// <summary>Whether the layer is the last one.</summary>
    public bool IsLast { get; internal set; }

    /// <summary>Features per sample entering the layer.</summary>
    public int Inputs { get; set; }

    /// <summary>Floats per 64-byte line: every tensor starts at a multiple of this in the parameter buffer (DESIGN: tensors 64-byte aligned).</summary>
    public const int FloatsPerLine = 16;

    /// <summary>End of the last tensor placed in the parameter buffer so far.</summary>
    public int ParameterOffset { get; private set; }

    /// <summary>Trainable parameters placed so far (the buffer's padding excluded).</summary>
    public int ParameterCount { get; private set; }

    /// <summary>
    /// Places the next trainable tensor in the parameter buffer, at the first offset past the previous tensor that is a
    /// multiple of <see cref="FloatsPerLine"/>; the floats skipped are padding that stays zero.
    /// </summary>
    public BufferSlice PlaceTensor(string name, int length)
    {
        var slice = new BufferSlice(name, AlignUp(ParameterOffset), length);
        ParameterOffset = slice.End;
        ParameterCount += length;
        return slice;
    }

    /// <summary>The length of the parameter buffer: the last tensor's end rounded up to a whole line, so sweeps end on a line.</summary>
    public int ParameterBufferLength => AlignUp(ParameterOffset);

    private static int AlignUp(int offset) => (offset + FloatsPerLine - 1) / FloatsPerLine * FloatsPerLine;

    /// <summary>Dense layers planned so far; the next Dense layer's number.</summary>
    public int DenseCount { get; set; }

    /// <summary>The layer planned just before this one, or null for the first.</summary>
    public LayerPlan? Previous { get; internal set; }
}
