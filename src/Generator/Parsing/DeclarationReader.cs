using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Parsing;

/// <summary>
/// Reads what around the attributes would make the generated code fail to compile or warn, as data on the
/// <see cref="DeclarationSpec"/> with its locations beside it: members named like generated ones, constructors of the
/// generated signatures, file-local containing types and the base class. The validator reports them
/// (<c>Validation/DeclarationRules.cs</c>). The generator sees the compilation without its own output, so members of
/// generated code (another network's) are not among the symbols; a network base class is recognised by its attribute.
/// </summary>
internal static class DeclarationReader
{
    private const string NetworkAttributeName = "StaticNet.NetworkAttribute";

    public static DeclarationSpec Read(
        DeclarationSpec declaration, INamedTypeSymbol type, Compilation compilation, List<ArgumentLocation> locations, CancellationToken cancellationToken) =>
        declaration with
        {
            Members = Members(type, locations, cancellationToken),
            ConflictingConstructors = Constructors(type, locations, cancellationToken),
            FileLocalContainers = FileLocalContainers(type, locations, cancellationToken),
            BaseType = Base(type, compilation, locations, cancellationToken),
        };

    /// <summary>What a member is called in messages, or null for members that cannot collide by name (constructors, accessors, explicit implementations...).</summary>
    private static string? MemberKind(ISymbol member) => member switch
    {
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        IPropertySymbol { ExplicitInterfaceImplementations.Length: 0 } => "property",
        IEventSymbol { ExplicitInterfaceImplementations.Length: 0 } => "event",
        IMethodSymbol { MethodKind: MethodKind.Ordinary } => "method",
        INamedTypeSymbol => "nested type",
        _ => null,
    };

    private static EquatableArray<DeclaredMember> Members(INamedTypeSymbol type, List<ArgumentLocation> locations, CancellationToken cancellationToken)
    {
        var members = new List<DeclaredMember>();
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsImplicitlyDeclared && MemberKind(member) is string kind && GeneratedMembers.IsFamily(member.Name))
            {
                Record(locations, $"Member:{members.Count}", SourceLocation(member));
                members.Add(new DeclaredMember(kind, member.Name));
            }
        }

        return members.ToEquatableArray();
    }

    private static EquatableArray<string> Constructors(INamedTypeSymbol type, List<ArgumentLocation> locations, CancellationToken cancellationToken)
    {
        var conflicts = new List<string>();
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                Record(locations, $"Constructor:{conflicts.Count}", LocationInfo.From(parameters));
                conflicts.Add("a primary constructor");
            }
        }

        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            // The primary constructor is declared by the type's own syntax, read above.
            if (constructor.IsImplicitlyDeclared
                || constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax))
            {
                continue;
            }

            // (ref int), (in int) and (out int) collide too: overloads cannot differ by ref kind alone.
            string? what = constructor.Parameters.Length switch
            {
                0 => "a parameterless constructor",
                1 when constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32 => "a constructor taking an int",
                _ => null,
            };
            if (what is not null)
            {
                Record(locations, $"Constructor:{conflicts.Count}", SourceLocation(constructor));
                conflicts.Add(what);
            }
        }

        return conflicts.ToEquatableArray();
    }

    private static EquatableArray<string> FileLocalContainers(INamedTypeSymbol type, List<ArgumentLocation> locations, CancellationToken cancellationToken)
    {
        var containers = new List<(string Name, LocationInfo? Location)>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            SyntaxToken? file = outer.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .SelectMany(s => s.Modifiers)
                .Where(m => m.IsKind(SyntaxKind.FileKeyword))
                .Select(m => (SyntaxToken?)m)
                .FirstOrDefault();
            if (file is SyntaxToken modifier)
            {
                containers.Insert(0, (outer.Name, LocationInfo.From(modifier.GetLocation())));
            }
        }

        for (int i = 0; i < containers.Count; i++)
        {
            Record(locations, $"FileLocal:{i}", containers[i].Location);
        }

        return containers.Select(c => c.Name).ToEquatableArray();
    }

    private static BaseTypeSpec? Base(INamedTypeSymbol type, Compilation compilation, List<ArgumentLocation> locations, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? baseType = type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object || baseType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        Record(locations, "BaseType", BaseTypeLocation(type, baseType, cancellationToken));

        string? network = null;
        for (INamedTypeSymbol? ancestor = baseType; ancestor is not null && network is null; ancestor = ancestor.BaseType)
        {
            if (ancestor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NetworkAttributeName))
            {
                network = ancestor.ToDisplayString();
            }
        }

        bool parameterless = baseType.InstanceConstructors.Any(c => compilation.IsSymbolAccessibleWithin(c, type) && c.Parameters.All(p => p.IsOptional || p.IsParams));

        // Inherited members the generated ones would hide (CS0108, CS0114) or leave unimplemented (CS0534), per declaring class.
        var members = new List<BaseMembers>();
        for (INamedTypeSymbol? ancestor = baseType; ancestor is not null && ancestor.SpecialType != SpecialType.System_Object; ancestor = ancestor.BaseType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] names = ancestor.GetMembers()
                .Where(m => !m.IsImplicitlyDeclared && MemberKind(m) is not null && GeneratedMembers.IsFamily(m.Name) && compilation.IsSymbolAccessibleWithin(m, type))
                .Select(m => m.Name)
                .Distinct()
                .ToArray();
            if (names.Length > 0)
            {
                members.Add(new BaseMembers(ancestor.ToDisplayString(), names.ToEquatableArray()));
            }
        }

        return new BaseTypeSpec(baseType.ToDisplayString(), network, parameterless, members.ToEquatableArray());
    }

    /// <summary>
    /// The base class in the base list: the first entry of the part that names it (C# puts the base class first),
    /// matched by name; else the first entry of the first part with a base list (an alias, say).
    /// </summary>
    private static LocationInfo? BaseTypeLocation(INamedTypeSymbol type, INamedTypeSymbol baseType, CancellationToken cancellationToken)
    {
        var firsts = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .Select(d => d.BaseList?.Types.FirstOrDefault())
            .Where(t => t is not null)
            .Select(t => t!)
            .ToList();
        BaseTypeSyntax? named = firsts.FirstOrDefault(t => RightmostName(t.Type) == baseType.Name);
        return LocationInfo.From((named ?? firsts.FirstOrDefault())?.Type);
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static LocationInfo? SourceLocation(ISymbol symbol) => LocationInfo.From(symbol.Locations.FirstOrDefault(l => l.IsInSource));

    private static void Record(List<ArgumentLocation> locations, string key, LocationInfo? location)
    {
        if (location is not null)
        {
            locations.Add(new ArgumentLocation(key, location));
        }
    }
}
