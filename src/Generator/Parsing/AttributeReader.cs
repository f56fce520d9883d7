using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StaticNet.Generator.Diagnostics;
using StaticNet.Generator.Model;

namespace StaticNet.Generator.Parsing;

/// <summary>
/// Reads one StaticNet attribute: its arguments as values, and where each is written, recorded under
/// <c>{prefix}</c> (the attribute) and <c>{prefix}.{argument}</c> into the declaration's <see cref="NetworkLocations"/>.
/// Arguments are read with the types StaticNet's attributes declare: a project may declare its own
/// <c>StaticNet.DenseAttribute</c> (the compiler warns, CS0436, and binds to it), so an argument of another type, or a
/// missing one, is reported (SN0025, into <see cref="ArgumentErrors"/>) instead of cast, and reads as the type's
/// default so that reading goes on and reports them all.
/// </summary>
internal sealed class AttributeReader
{
    private readonly AttributeData _attribute;
    private readonly AttributeSyntax? _syntax;
    private readonly string _prefix;
    private readonly List<ArgumentLocation> _locations;
    private readonly ArgumentErrors _errors;

    public AttributeReader(AttributeData attribute, string prefix, List<ArgumentLocation> locations, ArgumentErrors errors, CancellationToken cancellationToken)
    {
        _attribute = attribute;
        _errors = errors;
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

    /// <summary>A constructor argument of a primitive type (<c>int</c>, <c>float</c>), recording where it is written.</summary>
    public T Positional<T>(int position, string name)
        where T : struct =>
        Positional(position, name, Expected.Primitive<T>()) is T value ? value : default;

    /// <summary>A constructor argument of the StaticNet enum <paramref name="enumName"/>, as its int value (checked against the enum by the validator).</summary>
    public int Enum(int position, string name, string enumName) =>
        Positional(position, name, Expected.Enum(enumName)) is int value ? value : 0;

    /// <summary>A named argument of a primitive type when written (null otherwise), recording where.</summary>
    public T? Named<T>(string name)
        where T : struct =>
        Named(name, Expected.Primitive<T>()) is T value ? value : null;

    /// <summary>A named argument of the StaticNet enum <paramref name="enumName"/> when written, as its int value.</summary>
    public int? NamedEnum(string name, string enumName) =>
        Named(name, Expected.Enum(enumName)) is int value ? value : null;

    private object? Positional(int position, string name, Expected expected)
    {
        LocationInfo? location = LocationInfo.From(Argument(position, name));
        Record($"{_prefix}.{name}", location);
        if (position >= _attribute.ConstructorArguments.Length)
        {
            Report(name, "missing", expected, Location);
            return null;
        }

        TypedConstant constant = _attribute.ConstructorArguments[position];
        if (!expected.Matches(constant))
        {
            Report(name, $"of type '{Display(constant)}'", expected, location ?? Location);
            return null;
        }

        return constant.Value;
    }

    private object? Named(string name, Expected expected)
    {
        foreach (KeyValuePair<string, TypedConstant> named in _attribute.NamedArguments)
        {
            if (named.Key != name)
            {
                continue;
            }

            LocationInfo? location = LocationInfo.From(Argument(-1, name)) ?? Location;
            if (!expected.Matches(named.Value))
            {
                Report(name, $"of type '{Display(named.Value)}'", expected, location);
                return null;
            }

            Record($"{_prefix}.{name}", location);
            return named.Value.Value;
        }

        return null;
    }

    private void Report(string argument, string found, Expected expected, LocationInfo? location)
    {
        string attribute = _attribute.AttributeClass?.Name ?? "?";
        if (attribute.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            attribute = attribute.Substring(0, attribute.Length - "Attribute".Length);
        }

        _errors.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedArgumentType, location, argument, attribute, _errors.Network, found, $"type '{expected.Display}'"));
    }

    private static string Display(TypedConstant constant) => constant.Type?.ToDisplayString() ?? "null";

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

/// <summary>The SN0025 diagnostics of one declaration's attributes, and the network they name.</summary>
internal sealed class ArgumentErrors : List<DiagnosticInfo>
{
    public ArgumentErrors(string network) => Network = network;

    /// <summary>The network's full name, for messages.</summary>
    public string Network { get; }
}

/// <summary>A type StaticNet reads an argument as, and the test a bound argument must pass.</summary>
internal sealed class Expected
{
    private static readonly Expected Int = new("int", c => c.Kind == TypedConstantKind.Primitive && c.Value is int);
    private static readonly Expected Float = new("float", c => c.Kind == TypedConstantKind.Primitive && c.Value is float);
    private static readonly Expected Bool = new("bool", c => c.Kind == TypedConstantKind.Primitive && c.Value is bool);

    private Expected(string display, System.Func<TypedConstant, bool> matches)
    {
        Display = display;
        Matches = matches;
    }

    /// <summary>The type in messages, as StaticNet's attribute declares it.</summary>
    public string Display { get; }

    public System.Func<TypedConstant, bool> Matches { get; }

    /// <summary>The primitive types StaticNet's attributes take.</summary>
    public static Expected Primitive<T>() =>
        typeof(T) == typeof(int) ? Int
        : typeof(T) == typeof(float) ? Float
        : typeof(T) == typeof(bool) ? Bool
        : throw new System.NotSupportedException("StaticNet's attributes take no argument of type " + typeof(T).Name);

    /// <summary>A StaticNet enum, read as its int value (the generator's mirrors of the runtime enums share the values).</summary>
    public static Expected Enum(string name) =>
        new(name, c => c.Kind == TypedConstantKind.Enum && c.Value is int && c.Type?.ToDisplayString() == "StaticNet." + name);
}
