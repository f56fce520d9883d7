using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Parsing;

/// <summary>
/// Reads one StaticNet attribute: its arguments as values, and where each is written, recorded under
/// <c>{prefix}</c> (the attribute) and <c>{prefix}.{argument}</c> into the declaration's <see cref="NetworkLocations"/>.
/// </summary>
internal sealed class AttributeReader
{
    private readonly AttributeData _attribute;
    private readonly AttributeSyntax? _syntax;
    private readonly string _prefix;
    private readonly List<ArgumentLocation> _locations;

    public AttributeReader(AttributeData attribute, string prefix, List<ArgumentLocation> locations, CancellationToken cancellationToken)
    {
        _attribute = attribute;
        _syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        _prefix = prefix;
        _locations = locations;
        Location = LocationInfo.From(_syntax);
        Record(_prefix, Location);
    }

    /// <summary>Where the attribute is written.</summary>
    public LocationInfo? Location { get; }

    /// <summary>The attribute's syntax, or null for an attribute from metadata.</summary>
    public AttributeSyntax? Syntax => _syntax;

    /// <summary>A constructor argument (enums as their underlying int), recording where it is written.</summary>
    public T Positional<T>(int position, string name)
    {
        Record($"{_prefix}.{name}", LocationInfo.From(Argument(position, name)));
        return (T)_attribute.ConstructorArguments[position].Value!;
    }

    /// <summary>A named argument when written (null otherwise), recording where.</summary>
    public T? Named<T>(string name)
        where T : struct
    {
        foreach (KeyValuePair<string, TypedConstant> named in _attribute.NamedArguments)
        {
            if (named.Key == name && named.Value.Value is T value)
            {
                Record($"{_prefix}.{name}", LocationInfo.From(Argument(-1, name)) ?? Location);
                return value;
            }
        }

        return null;
    }

    private void Record(string key, LocationInfo? location)
    {
        if (location is not null)
        {
            _locations.Add(new ArgumentLocation(key, location));
        }
    }

    /// <summary>
    /// The expression of an argument: by <c>Name = value</c> or <c>name: value</c>, else by position among the
    /// positional arguments (position -1: named only).
    /// </summary>
    private ExpressionSyntax? Argument(int position, string name)
    {
        if (_syntax?.ArgumentList is null)
        {
            return null;
        }

        SeparatedSyntaxList<AttributeArgumentSyntax> arguments = _syntax.ArgumentList.Arguments;
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
