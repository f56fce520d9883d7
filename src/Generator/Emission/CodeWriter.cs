using System.Text;

namespace StaticNet.Generator.Emission;

/// <summary>Indented C# text. Lines end with '\n' on every platform so that the output is byte-for-byte deterministic.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes several lines (split on '\n') at the current indentation.</summary>
    public CodeWriter Lines(string lines)
    {
        foreach (string line in lines.Split('\n'))
        {
            Line(line.TrimEnd('\r'));
        }

        return this;
    }

    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close()
    {
        _indent--;
        Line("}");
        return this;
    }

    /// <summary>A <c>/// &lt;summary&gt;</c> comment of one or more lines.</summary>
    public CodeWriter Summary(params string[] lines)
    {
        if (lines.Length == 1 && lines[0].Length <= 110)
        {
            return Line($"/// <summary>{lines[0]}</summary>");
        }

        Line("/// <summary>");
        foreach (string line in lines)
        {
            Line("/// " + line);
        }

        Line("/// </summary>");
        return this;
    }

    public override string ToString() => _text.ToString();
}
