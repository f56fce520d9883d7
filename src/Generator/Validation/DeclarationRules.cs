using System.Collections.Generic;
using System.Linq;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Layers.Dense;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Validation;

/// <summary>
/// The declaration around the attributes, as the parser read it (<c>Parsing/DeclarationReader.cs</c>): whatever would
/// make the generated code fail to compile or warn is reported on the user's declaration instead (SN0020-SN0024,
/// SN0026, SN0027), so that the generated file never holds the error.
/// </summary>
internal static class DeclarationRules
{
    public static void Check(NetworkSpec spec, NetworkLocations locations, List<DiagnosticInfo> diagnostics)
    {
        string network = spec.FullName;
        DeclarationSpec declaration = spec.Declaration;
        int denseLayers = spec.Layers.OfType<DenseSpec>().Count();

        // C# forbids a member named like its class (CS0542); a keyword-named class (@class) matches no generated name.
        if (GeneratedMembers.IsGenerated(spec.ClassName, denseLayers))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NetworkNamedLikeGeneratedMember, locations.ClassName, network, spec.ClassName));
        }

        for (int i = 0; i < declaration.Members.Count; i++)
        {
            DeclaredMember member = declaration.Members[i];
            if (GeneratedMembers.IsGenerated(member.Name, denseLayers))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MemberNameTaken, locations.Find($"Member:{i}"), member.Kind, member.Name, network));
            }
        }

        for (int i = 0; i < declaration.ConflictingConstructors.Count; i++)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ConstructorConflict, locations.Find($"Constructor:{i}"), network, declaration.ConflictingConstructors[i], spec.ClassName));
        }

        for (int i = 0; i < declaration.FileLocalContainers.Count; i++)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NestedInFileLocalType, locations.Find($"FileLocal:{i}"), network, declaration.FileLocalContainers[i]));
        }

        if (declaration.BaseType is BaseTypeSpec baseType)
        {
            Base(baseType, network, denseLayers, locations.Find("BaseType"), diagnostics);
        }
    }

    private static void Base(BaseTypeSpec baseType, string network, int denseLayers, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        // A network anywhere up the chain: its generated members (invisible to the generator) would all be hidden.
        if (baseType.Network is string baseNetwork)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivesFromNetwork, location, network, baseNetwork));
            return;
        }

        if (!baseType.HasParameterlessConstructor)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, location, baseType.Name, network));
        }

        foreach (BaseMembers members in baseType.Members)
        {
            string[] names = members.Names.Where(n => GeneratedMembers.IsGenerated(n, denseLayers)).ToArray();
            if (names.Length > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BaseMemberCollision, location, members.Type, network, string.Join(", ", names.Select(n => $"'{n}'"))));
            }
        }
    }
}
