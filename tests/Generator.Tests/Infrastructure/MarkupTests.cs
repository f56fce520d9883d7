using System;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>The location markup the diagnostic tests are written in.</summary>
public sealed class MarkupTests
{
    [Fact]
    public void MarkersAreRemovedAndTheirSpansKept()
    {
        Markup markup = Markup.Parse("[Dense({|#0:0|}, {|#1:Activation.ReLU|})]");

        Assert.Equal("[Dense(0, Activation.ReLU)]", markup.Source);
        Assert.Equal(new TextSpan(7, 1), markup.Locations[0]);
        Assert.Equal(new TextSpan(10, 15), markup.Locations[1]);
    }

    [Fact]
    public void MarkersNest()
    {
        Markup markup = Markup.Parse("[{|#0:Network(InputSize = {|#1:-1|})|}]");

        Assert.Equal("[Network(InputSize = -1)]", markup.Source);
        Assert.Equal("Network(InputSize = -1)", markup.Source.Substring(markup.Locations[0].Start, markup.Locations[0].Length));
        Assert.Equal("-1", markup.Source.Substring(markup.Locations[1].Start, markup.Locations[1].Length));
    }

    [Theory]
    [InlineData("{|#0:open")]
    [InlineData("{|#x:bad|}")]
    [InlineData("{|#0:a|} {|#0:b|}")]
    public void MalformedMarkupIsRejected(string text)
    {
        Assert.Throws<FormatException>(() => Markup.Parse(text));
    }

    [Fact]
    public void TextWithoutMarkersIsUnchanged()
    {
        const string source = "var x = new { A = 1 }; string s = \"|}\";";
        Markup markup = Markup.Parse(source);

        Assert.Equal(source, markup.Source);
        Assert.Empty(markup.Locations);
    }
}
