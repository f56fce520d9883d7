using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Diagnostics;

/// <summary>Every diagnostic StaticNet reports. Ids are never reused; each is documented in docs/diagnostics/.</summary>
public static class DiagnosticDescriptors
{
    // The lists in messages come from the enums (mirrors of the runtime's), so that they name every member there is.
    // Declared before the descriptors: static fields are initialised in textual order.
    private static readonly string HiddenActivations = OneOf(System.Enum.GetNames(typeof(ActivationKind)).Where(n => n != nameof(ActivationKind.Softmax)));
    private static readonly string Losses = OneOf(System.Enum.GetNames(typeof(LossKind)));

    private const string DeclarationCategory = "StaticNet.Declaration";
    private const string ShapeCategory = "StaticNet.Shape";
    private const string HyperParameterCategory = "StaticNet.HyperParameter";
    // Relative to the repository root: the page that shows each bad declaration, the message and the fix.
    private const string HelpLinkBase = "docs/diagnostics.md#";

    /// <summary>SN0001: the network class, or a type containing it, is not partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Create(
        "SN0001", DeclarationCategory,
        "Network class must be partial",
        "Type '{0}' must be declared 'partial' so that StaticNet can add the generated members of network '{1}'",
        "Add the 'partial' modifier to the network class and to every type that contains it.");

    /// <summary>SN0002: the network declares no Dense layer.</summary>
    public static readonly DiagnosticDescriptor NoLayers = Create(
        "SN0002", ShapeCategory,
        "Network has no layer",
        "Network '{0}' declares no layer; add at least one [Dense(units, activation)] attribute",
        "A network needs at least one [Dense] layer; the last one gives the output size.");

    /// <summary>SN0003: a Dense layer has no units.</summary>
    public static readonly DiagnosticDescriptor InvalidUnits = Create(
        "SN0003", ShapeCategory,
        "Dense layer units must be at least 1",
        "Layer {0} of network '{1}' has {2} units; a Dense layer needs at least 1",
        "Give the layer a positive number of units, e.g. [Dense(128, Activation.ReLU)].");

    /// <summary>SN0004: Softmax on a layer other than the last.</summary>
    public static readonly DiagnosticDescriptor SoftmaxOnHiddenLayer = Create(
        "SN0004", ShapeCategory,
        "Softmax is allowed on the last layer only",
        "Layer {0} of network '{1}' uses Softmax but is not the last layer; use " + HiddenActivations + " on hidden layers",
        "Softmax turns the outputs into class probabilities; it belongs on the output layer, with CrossEntropy.");

    /// <summary>SN0005: [Network] without InputSize.</summary>
    public static readonly DiagnosticDescriptor MissingInputSize = Create(
        "SN0005", ShapeCategory,
        "Network input size is missing",
        "Network '{0}' does not give its input size; write [Network(InputSize = N)] with N the number of features per sample",
        "The input size fixes the shape of the first layer's weights.");

    /// <summary>SN0006: InputSize is not positive.</summary>
    public static readonly DiagnosticDescriptor InvalidInputSize = Create(
        "SN0006", ShapeCategory,
        "Network input size must be at least 1",
        "Network '{0}' has InputSize = {1}; it must be at least 1",
        "The input size is the number of features per sample, e.g. 784 for a 28x28 image.");

    /// <summary>SN0007: no [Loss].</summary>
    public static readonly DiagnosticDescriptor MissingLoss = Create(
        "SN0007", DeclarationCategory,
        "Network loss is missing",
        "Network '{0}' declares no loss; add [Loss(LossFunction.Name)] with Name one of " + Losses,
        "Training needs a loss to minimise.");

    /// <summary>SN0008: no [Optimizer].</summary>
    public static readonly DiagnosticDescriptor MissingOptimizer = Create(
        "SN0008", DeclarationCategory,
        "Network optimizer is missing",
        "Network '{0}' declares no optimizer; add e.g. [Optimizer(OptimizerKind.Adam)] or [Optimizer(OptimizerKind.Sgd, LearningRate = 0.01f)]",
        "Training needs an update rule.");

    /// <summary>SN0009: the loss does not fit the output activation.</summary>
    public static readonly DiagnosticDescriptor LossActivationMismatch = Create(
        "SN0009", ShapeCategory,
        "Loss does not fit the output layer's activation",
        "{0} needs {1} on the last layer, but the last layer of network '{2}' uses {3}",
        "CrossEntropy is computed from the logits of a Softmax output, BinaryCrossEntropy from the logits of a Sigmoid output; change the last layer's activation or the loss.");

    /// <summary>SN0010: a hyper-parameter is out of range.</summary>
    public static readonly DiagnosticDescriptor InvalidHyperParameter = Create(
        "SN0010", HyperParameterCategory,
        "Hyper-parameter out of range",
        "{0} of network '{1}' is {2}; it must be {3}",
        "Give the hyper-parameter a finite value in the stated range, or leave it out to take the default.");

    /// <summary>SN0011: generic network classes are not supported.</summary>
    public static readonly DiagnosticDescriptor GenericNetwork = Create(
        "SN0011", DeclarationCategory,
        "Generic network classes are not supported",
        "Network '{0}' or a type containing it is generic; declare the network in a non-generic class",
        "The generated code fixes every size at compile time and cannot depend on type parameters.");

    /// <summary>SN0012: an enum argument has a value that is not defined.</summary>
    public static readonly DiagnosticDescriptor UnknownEnumValue = Create(
        "SN0012", DeclarationCategory,
        "Unknown value",
        "{0} is not a known {1}",
        "Use one of the named members of the enum.");

    /// <summary>SN0013: the network type is a record, static, abstract or file-local.</summary>
    public static readonly DiagnosticDescriptor UnsupportedNetworkType = Create(
        "SN0013", DeclarationCategory,
        "Network must be a plain partial class",
        "Network '{0}' is declared '{1}'; declare it as a 'partial class' that is not static, abstract, file-local or a record",
        "StaticNet adds a constructor, instance members and an interface in a separate file; a static, abstract or file-local class or a record cannot take them.");

    /// <summary>SN0014: the parameters do not fit the 32-bit offsets of the flat buffers.</summary>
    public static readonly DiagnosticDescriptor NetworkTooLarge = Create(
        "SN0014", ShapeCategory,
        "Network is too large",
        "Network '{0}' has {1} parameters up to layer {2}; StaticNet supports at most {3} per network",
        "All parameters live in one flat float buffer indexed with 32-bit offsets and byte sizes; reduce the units of the layers.");

    /// <summary>SN0015: a hyper-parameter is given that the chosen optimizer does not use.</summary>
    public static readonly DiagnosticDescriptor HyperParameterNotApplicable = Create(
        "SN0015", HyperParameterCategory,
        "Hyper-parameter does not apply here",
        "{0} does not apply to {1} of network '{2}'; {3}",
        "Each optimizer, activation and loss reads only its own hyper-parameters; a value given for another would be silently ignored.");

    /// <summary>SN0016: Softmax over a single unit always outputs 1.</summary>
    public static readonly DiagnosticDescriptor SingleUnitSoftmax = Create(
        "SN0016", ShapeCategory,
        "Softmax over one unit is constant",
        "The last layer of network '{0}' applies Softmax to a single unit, which always outputs 1 and cannot learn; for two classes use Dense(1, Activation.Sigmoid) with BinaryCrossEntropy, or Dense(2, Activation.Softmax)",
        "Softmax normalises over the units of the layer; with one unit the probability is always 1 and every gradient is 0.",
        DiagnosticSeverity.Warning);

    /// <summary>SN0017: Dense layers are declared on more than one part of a partial class.</summary>
    public static readonly DiagnosticDescriptor LayersOnSeveralParts = Create(
        "SN0017", DeclarationCategory,
        "Layers are declared on several parts of the network class",
        "The [Dense] layers of network '{0}' are spread over several parts of the partial class; declare them all on one part, where their source order is the layer order",
        "Layers run in source order, and the order of attributes across the parts of a partial class depends on the order of the files.");

    /// <summary>SN0018: a [Dropout] is not right after a hidden Dense layer.</summary>
    public static readonly DiagnosticDescriptor DropoutPlacement = Create(
        "SN0018", ShapeCategory,
        "Dropout is not after a hidden layer",
        "A [Dropout] of network '{0}' {1}",
        "[Dropout(rate)] applies inverted dropout to the output of the [Dense] layer declared just before it; put it after a hidden layer, once.");

    /// <summary>SN0019: the project's C# is older than the generated code needs.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "SN0019", DeclarationCategory,
        "C# version too old for the generated code",
        "Network '{0}' needs C# {1} or later, but the project compiles with C# {2}; set <LangVersion> to {1} or later, or remove it to take the SDK's default",
        "The generated code implements the static abstract members of INetwork<T>, a C# 11 feature; with an older language version nothing is generated.");

    /// <summary>SN0020: a member of the network class has the name of a member StaticNet generates.</summary>
    public static readonly DiagnosticDescriptor MemberNameTaken = Create(
        "SN0020", DeclarationCategory,
        "Member has the name of a generated member",
        "The {0} '{1}' of network '{2}' has the name of a member StaticNet generates into the class; rename it",
        "StaticNet adds constants, properties, methods and one field to the network class (docs/diagnostics.md lists their names); a member of the same name, even an overload of a generated method, would collide with one.");

    /// <summary>SN0021: the network class itself has the name of a member StaticNet generates.</summary>
    public static readonly DiagnosticDescriptor NetworkNamedLikeGeneratedMember = Create(
        "SN0021", DeclarationCategory,
        "Network class has the name of a generated member",
        "Network '{0}' is named '{1}', the name of a member StaticNet generates into it, and a member cannot have the name of its class; rename the class",
        "StaticNet adds constants, properties, methods and one field to the network class (docs/diagnostics.md lists their names); C# forbids a member named like the class that contains it.");

    /// <summary>SN0022: the network class declares a constructor that conflicts with the generated ones.</summary>
    public static readonly DiagnosticDescriptor ConstructorConflict = Create(
        "SN0022", DeclarationCategory,
        "Network declares a constructor StaticNet generates",
        "Network '{0}' declares {1}; StaticNet generates '{2}()' and '{2}(int seed)'. Remove it; to run code at construction, declare a constructor with other parameters that calls this(seed).",
        "The generated constructors initialise the weights from a seed; a primary constructor would have to be called by them, and a parameterless or (int) constructor would have their signature.");

    /// <summary>SN0023: the base class has no constructor the generated constructors can call.</summary>
    public static readonly DiagnosticDescriptor BaseWithoutParameterlessConstructor = Create(
        "SN0023", DeclarationCategory,
        "Base class has no accessible parameterless constructor",
        "Base class '{0}' of network '{1}' has no accessible constructor that takes no arguments, which the generated constructors call; give it one or derive from another class",
        "The generated constructors call the base class's constructor without arguments, as 'base()'.");

    /// <summary>SN0024: the network is nested in a file-local type.</summary>
    public static readonly DiagnosticDescriptor NestedInFileLocalType = Create(
        "SN0024", DeclarationCategory,
        "Network is nested in a file-local type",
        "Network '{0}' is nested in the file-local type '{1}', which the generated code, in a file of its own, cannot extend; remove 'file' from '{1}'",
        "A file-local type exists only in its own file, so the generated partial declaration would declare a second, unrelated type and the network would get nothing.");

    /// <summary>SN0025: a StaticNet attribute's argument has a type other than StaticNet's attribute declares.</summary>
    public static readonly DiagnosticDescriptor UnexpectedArgumentType = Create(
        "SN0025", DeclarationCategory,
        "Attribute argument has an unexpected type",
        "Argument '{0}' of [{1}] on network '{2}' is {3}; StaticNet expects {4}, as its own StaticNet.{1}Attribute declares",
        "The attribute is not StaticNet's own (a type of the same name declared in the project takes its place) and its arguments cannot be read; remove that declaration to use StaticNet's attribute.");

    /// <summary>SN0026: the network derives from another network.</summary>
    public static readonly DiagnosticDescriptor DerivesFromNetwork = Create(
        "SN0026", DeclarationCategory,
        "Network derives from another network",
        "Network '{0}' derives from network '{1}'; a [Network] class cannot derive from another, whose generated members it would hide",
        "Each network gets its own constants, buffers and methods under the same names; share code through a common base class that is not a network, or through composition.");

    /// <summary>SN0027: a base class has members named like generated members.</summary>
    public static readonly DiagnosticDescriptor BaseMemberCollision = Create(
        "SN0027", DeclarationCategory,
        "Base class has members named like generated members",
        "Base class '{0}' of network '{1}' has members named like members StaticNet generates: {2}; rename them or derive from another class",
        "A generated member would hide an inherited member of the same name (CS0108, CS0114), or leave an abstract one unimplemented; docs/diagnostics.md lists the generated names.");

    /// <summary>SN0099: the generator failed unexpectedly; nothing was generated for the network.</summary>
    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "SN0099", DeclarationCategory,
        "StaticNet generator failed",
        "StaticNet could not generate network '{0}': {1}. Please report this with the declaration.",
        "An unexpected error in the generator; no code was generated for this network.");

    /// <summary>"A, B or C".</summary>
    private static string OneOf(IEnumerable<string> names)
    {
        string[] all = names.ToArray();
        return all.Length < 2 ? string.Concat(all) : string.Join(", ", all.Take(all.Length - 1)) + " or " + all[all.Length - 1];
    }

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, string description, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id.ToLowerInvariant());
}
