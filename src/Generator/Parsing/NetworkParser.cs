using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Layers;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Parsing;

/// <summary>
/// Reads the attributes of one network class into a <see cref="NetworkSpec"/> and, beside it, the
/// <see cref="NetworkLocations"/> of every attribute and argument. Nothing symbolic leaves this step.
/// </summary>
internal static class NetworkParser
{
    private const string Namespace = "StaticNet.";

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        try
        {
            return Read(type, declaration, context.Attributes[0], context.SemanticModel.Compilation, cancellationToken)
                ?? new ParseResult(null, null, EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            // The generator never throws into the compiler: report it on the class and generate nothing.
            DiagnosticInfo failure = DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(declaration.Identifier.GetLocation()), type.Name, ex.GetType().Name + ": " + ex.Message);
            return new ParseResult(null, null, new[] { failure }.ToEquatableArray());
        }
    }

    private static ParseResult? Read(
        INamedTypeSymbol type, TypeDeclarationSyntax declaration, AttributeData networkAttribute, Compilation compilation, CancellationToken cancellationToken)
    {
        // [Network] on a struct or a record struct is already a compiler error (CS0592); add nothing on top.
        // [Network] on two parts of a partial class is the compiler's error (CS0579); one network per type, or none.
        if (type.TypeKind != TypeKind.Class
            || type.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == Namespace + "NetworkAttribute") > 1)
        {
            return null;
        }

        var containing = new List<ContainingTypeSpec>();
        var nonPartial = new List<string>();
        bool isGeneric = type.IsGenericType;
        if (!IsPartial(declaration))
        {
            nonPartial.Add(type.Name);
        }

        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            isGeneric |= outer.IsGenericType;
            var outerSyntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
            if (!outerSyntax.Any(IsPartial))
            {
                nonPartial.Add(outer.Name);
            }

            containing.Insert(0, new ContainingTypeSpec(Keyword(outer), Identifier(outer.Name)));
        }

        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        string className = Identifier(type.Name);
        var errors = new ArgumentErrors(NetworkSpec.JoinName(ns, containing, className));
        var locations = new List<ArgumentLocation>();
        var network = new AttributeReader(networkAttribute, "Network", locations, errors, cancellationToken);
        int? inputSize = network.Named<int>("InputSize");
        bool penalizeBiases = network.Named<bool>("PenalizeBiases") ?? false;

        var layers = new List<LayerSpec>();
        LossSpec? loss = null;
        OptimizerSpec? optimizer = null;
        float? l1 = null, l2 = null, weightDecay = null, clipNorm = null, clipValue = null;
        SyntaxNode? layersPart = null;
        bool layersOnSeveralParts = false;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name is null || !name.StartsWith(Namespace, System.StringComparison.Ordinal))
            {
                continue;
            }

            // An attribute the compiler could not bind already has a compiler error; add nothing on top.
            if (attribute.AttributeClass!.TypeKind == TypeKind.Error
                || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
                || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error)
                || attribute.AttributeConstructor is null)
            {
                return null;
            }

            string attributeName = name.Substring(Namespace.Length);
            if (LayerKinds.ForAttribute(attributeName) is ILayerKind kind)
            {
                var reader = new AttributeReader(attribute, $"Layer{layers.Count}", locations, errors, cancellationToken);
                // Layer order is source order, which across the parts of a partial class would depend on file order.
                SyntaxNode? part = reader.Syntax?.Parent?.Parent;
                layersPart ??= part;
                if (part != layersPart && !layersOnSeveralParts && reader.Location is not null)
                {
                    layersOnSeveralParts = true;
                    locations.Add(new ArgumentLocation("LayersOnSecondPart", reader.Location));
                }

                layers.Add(kind.Parse(reader));
                continue;
            }

            switch (attributeName)
            {
                case "LossAttribute":
                    var lossReader = new AttributeReader(attribute, "Loss", locations, errors, cancellationToken);
                    loss = new LossSpec((LossKind)lossReader.Enum(0, "function", "LossFunction"), lossReader.Named<float>("LabelSmoothing"), lossReader.Named<float>("Delta"));
                    break;
                case "OptimizerAttribute":
                    var o = new AttributeReader(attribute, "Optimizer", locations, errors, cancellationToken);
                    optimizer = new OptimizerSpec(
                        (OptimizerKindSpec)o.Enum(0, "kind", "OptimizerKind"),
                        o.Named<float>("LearningRate"),
                        o.Named<float>("Momentum"),
                        o.Named<float>("Beta1"),
                        o.Named<float>("Beta2"),
                        o.Named<float>("Epsilon"),
                        o.Named<float>("Alpha"),
                        o.Named<bool>("Centered") ?? false,
                        o.Named<bool>("Amsgrad") ?? false);
                    break;
                case "L1Attribute":
                    l1 = new AttributeReader(attribute, "L1", locations, errors, cancellationToken).Positional<float>(0, "strength");
                    break;
                case "L2Attribute":
                    l2 = new AttributeReader(attribute, "L2", locations, errors, cancellationToken).Positional<float>(0, "strength");
                    break;
                case "WeightDecayAttribute":
                    weightDecay = new AttributeReader(attribute, "WeightDecay", locations, errors, cancellationToken).Positional<float>(0, "strength");
                    break;
                case "ClipGradientNormAttribute":
                    clipNorm = new AttributeReader(attribute, "ClipGradientNorm", locations, errors, cancellationToken).Positional<float>(0, "maxNorm");
                    break;
                case "ClipGradientValueAttribute":
                    clipValue = new AttributeReader(attribute, "ClipGradientValue", locations, errors, cancellationToken).Positional<float>(0, "clipValue");
                    break;
            }
        }

        SyntaxToken? modifier = UnsupportedModifier(type, cancellationToken);
        if (modifier is SyntaxToken token)
        {
            locations.Add(new ArgumentLocation("Modifier", LocationInfo.From(token.GetLocation())!));
        }

        // An argument StaticNet cannot read (a project type of the same name replaced its attribute): that is all that
        // is reported, since what was read around it may be wrong.
        if (errors.Count > 0)
        {
            return new ParseResult(null, null, errors.ToEquatableArray());
        }

        var declarationSpec = new DeclarationSpec(Accessibility(type.DeclaredAccessibility), nonPartial.ToEquatableArray(), isGeneric, modifier?.ValueText, layersOnSeveralParts);
        // A record is reported as such (SN0013); its compiler-made members and parameter list are not the user's doing.
        if (!type.IsRecord)
        {
            declarationSpec = DeclarationReader.Read(declarationSpec, type, compilation, locations, cancellationToken);
        }

        var spec = new NetworkSpec(
            ns,
            containing.ToEquatableArray(),
            className,
            inputSize,
            layers.ToEquatableArray(),
            loss,
            optimizer,
            new RegularizationSpec(l1, l2, weightDecay, clipNorm, clipValue, penalizeBiases),
            declarationSpec);
        return new ParseResult(
            spec,
            new NetworkLocations(LocationInfo.From(declaration.Identifier.GetLocation()), network.Location, locations.ToEquatableArray()),
            EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>A name as a C# identifier: <c>@class</c>, <c>@record</c> for types named after a keyword (namespaces already display so).</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    /// <summary>The first <c>static</c>, <c>abstract</c> or <c>file</c> modifier or <c>record</c> keyword on any part of the type.</summary>
    private static SyntaxToken? UnsupportedModifier(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax syntax)
            {
                continue;
            }

            foreach (SyntaxToken modifier in syntax.Modifiers)
            {
                if (modifier.IsKind(SyntaxKind.StaticKeyword) || modifier.IsKind(SyntaxKind.AbstractKeyword) || modifier.IsKind(SyntaxKind.FileKeyword))
                {
                    return modifier;
                }
            }

            if (syntax is RecordDeclarationSyntax record)
            {
                return record.Keyword;
            }
        }

        return null;
    }

    private static bool IsPartial(TypeDeclarationSyntax syntax) => syntax.Modifiers.Any(m => m.ValueText == "partial");

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };
}
