using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// Source text with marked locations, in the markup of Microsoft.CodeAnalysis.Testing: <c>{|#N:text|}</c> marks
/// <c>text</c> as location N. Markers may nest; the braces are removed before the text is compiled.
/// </summary>
internal sealed class Markup
{
    private const string OpenPrefix = "{|#";
    private const string Close = "|}";

    private Markup(string source, IReadOnlyDictionary<int, TextSpan> locations)
    {
        Source = source;
        Locations = locations;
    }

    /// <summary>The source without markup.</summary>
    public string Source { get; }

    /// <summary>Location N's span in <see cref="Source"/>.</summary>
    public IReadOnlyDictionary<int, TextSpan> Locations { get; }

    public static Markup Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(int Index, int Start)>();
        var locations = new Dictionary<int, TextSpan>();
        int i = 0;
        while (i < markup.Length)
        {
            if (string.CompareOrdinal(markup, i, OpenPrefix, 0, OpenPrefix.Length) == 0)
            {
                int colon = markup.IndexOf(':', i);
                if (colon < 0 || !int.TryParse(markup.AsSpan(i + OpenPrefix.Length, colon - i - OpenPrefix.Length), out int index))
                {
                    throw new FormatException($"Bad location marker at offset {i}: expected {{|#N:");
                }

                open.Push((index, text.Length));
                i = colon + 1;
            }
            else if (open.Count > 0 && string.CompareOrdinal(markup, i, Close, 0, Close.Length) == 0)
            {
                (int index, int start) = open.Pop();
                if (!locations.TryAdd(index, TextSpan.FromBounds(start, text.Length)))
                {
                    throw new FormatException($"Location #{index} is marked twice.");
                }

                i += Close.Length;
            }
            else
            {
                text.Append(markup[i++]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Location #{open.Peek().Index} is not closed with '|}}'.");
        }

        return new Markup(text.ToString(), locations);
    }
}
