using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;

namespace StaticNet.Generator;

public sealed partial class NetworkGenerator
{
    /// <summary>Reads the attributes of one network class into a <see cref="NetworkSpec"/>; nothing symbolic leaves.</summary>
    internal static class Parser
    {
        private const string Namespace = "StaticNet.";

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var declaration = (TypeDeclarationSyntax)context.TargetNode;
            try
            {
                var diagnostics = new List<DiagnosticInfo>();
                NetworkSpec? spec = Read(type, declaration, context.Attributes[0], diagnostics, cancellationToken);
                return new ParseResult(spec, spec is null ? EquatableArray<DiagnosticInfo>.Empty : diagnostics.ToEquatableArray());
            }
            catch (System.Exception ex) when (ex is not System.OperationCanceledException)
            {
                // The generator never throws into the compiler: report it on the class and generate nothing.
                DiagnosticInfo failure = DiagnosticInfo.Create(
                    DiagnosticDescriptors.GeneratorFailure, LocationInfo.From(declaration.Identifier.GetLocation()), type.Name, ex.GetType().Name + ": " + ex.Message);
                return new ParseResult(null, new[] { failure }.ToEquatableArray());
            }
        }

        private static NetworkSpec? Read(INamedTypeSymbol type, TypeDeclarationSyntax declaration, AttributeData networkAttribute, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            // [Network] on a struct or a record struct is already a compiler error (CS0592); add nothing on top.
            if (type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            AttributeSyntax? networkSyntax = Syntax(networkAttribute, cancellationToken);

            int? inputSize = null;
            LocationInfo? inputSizeLocation = null;
            bool penalizeBiases = false;
            foreach (KeyValuePair<string, TypedConstant> named in networkAttribute.NamedArguments)
            {
                if (named.Key == "InputSize" && named.Value.Value is int size)
                {
                    inputSize = size;
                    inputSizeLocation = LocationInfo.From(Argument(networkSyntax, -1, "InputSize")) ?? LocationInfo.From(networkSyntax);
                }
                else if (named.Key == "PenalizeBiases" && named.Value.Value is bool penalize)
                {
                    penalizeBiases = penalize;
                }
            }

            HyperParameterSpec? weightDecay = null;
            HyperParameterSpec? clipNorm = null;
            HyperParameterSpec? clipValue = null;

            var layers = new List<LayerSpec>();
            LossSpec? loss = null;
            OptimizerSpec? optimizer = null;
            HyperParameterSpec? l1 = null;
            HyperParameterSpec? l2 = null;

            // [Network] on two parts of a partial class is the compiler's error (CS0579); one network per type, or none.
            if (type.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == Namespace + "NetworkAttribute") > 1)
            {
                return null;
            }

            SyntaxNode? layersPart = null;
            LocationInfo? lastDropoutLocation = null;
            LocationInfo? layersOnSecondPart = null;
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

                AttributeSyntax? syntax = Syntax(attribute, cancellationToken);
                LocationInfo? location = LocationInfo.From(syntax);
                switch (name.Substring(Namespace.Length))
                {
                    case "DenseAttribute":
                        // Layer order is source order, which across the parts of a partial class would depend on file order.
                        SyntaxNode? part = syntax?.Parent?.Parent;
                        layersPart ??= part;
                        if (part != layersPart && layersOnSecondPart is null)
                        {
                            layersOnSecondPart = location;
                        }

                        layers.Add(new LayerSpec(
                            (int)attribute.ConstructorArguments[0].Value!,
                            (int)attribute.ConstructorArguments[1].Value!,
                            location,
                            LocationInfo.From(Argument(syntax, 0, "units")) ?? location,
                            LocationInfo.From(Argument(syntax, 1, "activation")) ?? location)
                        {
                            NegativeSlope = Named(attribute, syntax, "NegativeSlope", location),
                            Alpha = Named(attribute, syntax, "Alpha", location),
                            WeightInit = NamedInt(attribute, "WeightInit"),
                            WeightInitLocation = LocationInfo.From(Argument(syntax, -1, "WeightInit")) ?? location,
                        });
                        break;
                    case "DropoutAttribute":
                        var rate = new HyperParameterSpec("Dropout rate", (float)attribute.ConstructorArguments[0].Value!, LocationInfo.From(Argument(syntax, 0, "rate")) ?? location);
                        if (layers.Count == 0)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DropoutPlacement, location, type.Name, "comes before the first [Dense] layer; it applies to the output of the layer declared just before it"));
                        }
                        else if (layers[layers.Count - 1].Dropout is not null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DropoutPlacement, location, type.Name, "follows another [Dropout]; declare one per layer"));
                        }
                        else
                        {
                            layers[layers.Count - 1] = layers[layers.Count - 1] with { Dropout = rate };
                            lastDropoutLocation = location;
                        }

                        break;
                    case "LossAttribute":
                        loss = new LossSpec(
                            (int)attribute.ConstructorArguments[0].Value!,
                            location,
                            LocationInfo.From(Argument(syntax, 0, "function")) ?? location)
                        {
                            LabelSmoothing = Named(attribute, syntax, "LabelSmoothing", location),
                            Delta = Named(attribute, syntax, "Delta", location),
                        };
                        break;
                    case "OptimizerAttribute":
                        optimizer = new OptimizerSpec(
                            (int)attribute.ConstructorArguments[0].Value!,
                            location,
                            LocationInfo.From(Argument(syntax, 0, "kind")) ?? location,
                            Named(attribute, syntax, "LearningRate", location),
                            Named(attribute, syntax, "Momentum", location),
                            Named(attribute, syntax, "Beta1", location),
                            Named(attribute, syntax, "Beta2", location),
                            Named(attribute, syntax, "Epsilon", location))
                        {
                            Alpha = Named(attribute, syntax, "Alpha", location),
                            Centered = Flag(attribute, syntax, "Centered", location),
                            Amsgrad = Flag(attribute, syntax, "Amsgrad", location),
                        };
                        break;
                    case "L1Attribute":
                        l1 = new HyperParameterSpec("L1 strength", (float)attribute.ConstructorArguments[0].Value!, LocationInfo.From(Argument(syntax, 0, "strength")) ?? location);
                        break;
                    case "L2Attribute":
                        l2 = new HyperParameterSpec("L2 strength", (float)attribute.ConstructorArguments[0].Value!, LocationInfo.From(Argument(syntax, 0, "strength")) ?? location);
                        break;
                    case "WeightDecayAttribute":
                        weightDecay = new HyperParameterSpec("WeightDecay strength", (float)attribute.ConstructorArguments[0].Value!, LocationInfo.From(Argument(syntax, 0, "strength")) ?? location);
                        break;
                    case "ClipGradientNormAttribute":
                        clipNorm = new HyperParameterSpec("ClipGradientNorm maxNorm", (float)attribute.ConstructorArguments[0].Value!, LocationInfo.From(Argument(syntax, 0, "maxNorm")) ?? location);
                        break;
                    case "ClipGradientValueAttribute":
                        clipValue = new HyperParameterSpec("ClipGradientValue clipValue", (float)attribute.ConstructorArguments[0].Value!, LocationInfo.From(Argument(syntax, 0, "clipValue")) ?? location);
                        break;
                }
            }

            if (layers.Count > 0 && layers[layers.Count - 1].Dropout is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DropoutPlacement, lastDropoutLocation, type.Name, "follows the output layer; dropout applies to hidden layers only"));
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
            return new NetworkSpec(
                ns,
                containing.ToEquatableArray(),
                Identifier(type.Name),
                SyntaxFacts(type.DeclaredAccessibility),
                LocationInfo.From(networkSyntax),
                LocationInfo.From(declaration.Identifier.GetLocation()),
                nonPartial.ToEquatableArray(),
                isGeneric,
                inputSize,
                inputSizeLocation,
                layers.ToEquatableArray(),
                loss,
                optimizer,
                l1,
                l2,
                UnsupportedModifier(type, cancellationToken),
                layersOnSecondPart)
            {
                PenalizeBiases = penalizeBiases,
                WeightDecay = weightDecay,
                ClipNorm = clipNorm,
                ClipValue = clipValue,
            };
        }

        /// <summary>A name as a C# identifier: <c>@class</c>, <c>@record</c> for types named after a keyword (namespaces already display so).</summary>
        private static string Identifier(string name) =>
            Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

        /// <summary>The first <c>static</c>, <c>abstract</c> or <c>file</c> modifier or <c>record</c> keyword on any part of the type.</summary>
        private static ModifierSpec? UnsupportedModifier(INamedTypeSymbol type, CancellationToken cancellationToken)
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
                        return new ModifierSpec(modifier.ValueText, LocationInfo.From(modifier.GetLocation()));
                    }
                }

                if (syntax is RecordDeclarationSyntax record)
                {
                    return new ModifierSpec(record.Keyword.ValueText, LocationInfo.From(record.Keyword.GetLocation()));
                }
            }

            return null;
        }

        private static bool IsPartial(TypeDeclarationSyntax syntax) =>
            syntax.Modifiers.Any(m => m.ValueText == "partial");

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        private static string SyntaxFacts(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "internal",
        };

        private static HyperParameterSpec Named(AttributeData attribute, AttributeSyntax? syntax, string name, LocationInfo? fallback)
        {
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == name && named.Value.Value is float value)
                {
                    return new HyperParameterSpec(name, value, LocationInfo.From(Argument(syntax, -1, name)) ?? fallback);
                }
            }

            return new HyperParameterSpec(name, float.NaN, null);
        }

        private static int NamedInt(AttributeData attribute, string name)
        {
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == name && named.Value.Value is int value)
                {
                    return value;
                }
            }

            return 0;
        }

        private static FlagSpec Flag(AttributeData attribute, AttributeSyntax? syntax, string name, LocationInfo? fallback)
        {
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == name && named.Value.Value is bool value)
                {
                    return new FlagSpec(name, value, LocationInfo.From(Argument(syntax, -1, name)) ?? fallback);
                }
            }

            return new FlagSpec(name, false, null);
        }

        private static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
            attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

        /// <summary>
        /// The expression of an attribute argument: by <c>Name = value</c> or <c>name: value</c>, else by position
        /// among the positional arguments (position -1: named only).
        /// </summary>
        private static ExpressionSyntax? Argument(AttributeSyntax? syntax, int position, string name)
        {
            if (syntax?.ArgumentList is null)
            {
                return null;
            }

            SeparatedSyntaxList<AttributeArgumentSyntax> arguments = syntax.ArgumentList.Arguments;
            foreach (AttributeArgumentSyntax argument in arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name || argument.NameColon?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }

            if (position < 0)
            {
                return null;
            }

            int index = 0;
            foreach (AttributeArgumentSyntax argument in arguments)
            {
                if (argument.NameEquals is not null || argument.NameColon is not null)
                {
                    continue;
                }

                if (index++ == position)
                {
                    return argument.Expression;
                }
            }

            return null;
        }
    }
}
