using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// One generated file read as text, cut into the regions the snapshot tests compare: the header, the declarations,
/// and members found by how their declaration line starts (<c>private void Forward(</c>), with the comments and
/// attributes just above them and their body up to the matching brace. Only the emitted text is read, never the
/// generator's types, so the cut survives any change inside the generator that keeps the member names.
/// </summary>
/// <remarks>
/// The file is two parts: the user's partial class (with its namespace and containing types), and, from the line
/// <c>namespace StaticNet.Generated</c> on, the implementation class it forwards to. Members are looked for at the
/// member level of the network's class in one part. A region that finds nothing throws: a renamed member fails the
/// test that names it, with the name it looked for.
/// </remarks>
internal sealed class GeneratedFile
{
    public const string ImplementationNamespaceLine = "namespace StaticNet.Generated";

    private readonly int[] _depths;
    private readonly int _headerEnd;
    private readonly int _implementationStart;

    public GeneratedFile(string text, string className)
    {
        Text = text;
        ClassName = className;
        Lines = (text.EndsWith('\n') ? text[..^1] : text).Split('\n');
        _depths = BraceDepths(Lines);
        _headerEnd = Lines.TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Count();

        int[] implementation = Enumerable.Range(0, Lines.Count).Where(i => Lines[i] == ImplementationNamespaceLine).ToArray();
        if (implementation.Length != 1)
        {
            throw new InvalidOperationException($"Expected one line '{ImplementationNamespaceLine}' in the generated file of {className}, found {implementation.Length}.");
        }

        _implementationStart = implementation[0];
    }

    public string Text { get; }

    /// <summary>The network class's simple name, as declared by the user.</summary>
    public string ClassName { get; }

    /// <summary>The lines, without their <c>'\n'</c>; no empty last line for the final newline.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The leading <c>//</c> comment lines.</summary>
    public string Header => Join(Lines.Take(_headerEnd)) + "\n";

    /// <summary>From the end of the header to the line before <c>namespace StaticNet.Generated</c>.</summary>
    public IEnumerable<string> UserPart => Lines.Take(_implementationStart).Skip(_headerEnd);

    /// <summary>From <c>namespace StaticNet.Generated</c> to the end.</summary>
    public IEnumerable<string> ImplementationPart => Lines.Skip(_implementationStart);

    /// <summary>
    /// How the types are declared: the user part from its first line to the brace that opens the network class
    /// (namespace, containing types, attributes, base list), then the implementation part to the brace that opens the
    /// implementation class (usings, attributes, name).
    /// </summary>
    public string Declaration()
    {
        int userStart = _headerEnd;
        while (userStart < _implementationStart && (Lines[userStart].Length == 0 || Lines[userStart].StartsWith('#')))
        {
            userStart++;
        }

        int userOpen = OpeningBrace(UserClassLine(), _implementationStart);
        int implementationOpen = OpeningBrace(ImplementationClassLine(), Lines.Count);
        return Join(Lines.Skip(userStart).Take(userOpen + 1 - userStart)) + "\n\n"
            + Join(Lines.Skip(_implementationStart).Take(implementationOpen + 1 - _implementationStart)) + "\n";
    }

    /// <summary>The members of the user's partial class whose declaration line (trimmed) matches one of <paramref name="declarations"/>.</summary>
    public string UserMembers(params Member[] declarations) => Members(UserClassLine(), _implementationStart, declarations);

    /// <summary>The members of the implementation class whose declaration line (trimmed) matches one of <paramref name="declarations"/>.</summary>
    public string ImplementationMembers(params Member[] declarations) => Members(ImplementationClassLine(), Lines.Count, declarations);

    /// <summary>
    /// Cuts the members matching <paramref name="declarations"/> out of the class declared on line
    /// <paramref name="classLine"/>: each with the comment and attribute lines just above it, de-indented; members
    /// that are neighbours in the file stay together, others are separated by an empty line.
    /// </summary>
    private string Members(int classLine, int partEnd, Member[] declarations)
    {
        int open = OpeningBrace(classLine, partEnd);
        int memberDepth = _depths[open] + 1;
        var blocks = new List<(int Start, int End)>();
        var found = new HashSet<Member>();
        for (int i = open + 1; i < partEnd && _depths[i] >= memberDepth; i++)
        {
            string trimmed = Lines[i].TrimStart();
            if (_depths[i] != memberDepth || trimmed.Length == 0 || IsCommentOrAttribute(trimmed) || trimmed[0] is '#' or '{' or '}')
            {
                continue;
            }

            Member? match = declarations.FirstOrDefault(d => d.Matches(trimmed));
            int end = MemberEnd(i);
            if (match is not null)
            {
                found.Add(match);
                int start = i;
                while (start > open + 1 && IsCommentOrAttribute(Lines[start - 1].TrimStart()))
                {
                    start--;
                }

                blocks.Add((start, end));
            }

            i = end;
        }

        Member[] missing = declarations.Where(d => !found.Contains(d)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"No member of '{Lines[classLine].Trim()}' in the generated file of {ClassName} is declared as {string.Join(", ", missing.Select(m => m.ToString()))}.");
        }

        var text = new StringBuilder();
        for (int b = 0; b < blocks.Count; b++)
        {
            if (b > 0)
            {
                text.Append(blocks[b].Start == blocks[b - 1].End + 1 ? "\n" : "\n\n");
            }

            text.Append(Join(Dedent(Lines.Skip(blocks[b].Start).Take(blocks[b].End + 1 - blocks[b].Start).ToArray())));
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The line declaring the user's network class: <c>partial class Name</c>, in the user part.</summary>
    private int UserClassLine()
    {
        var declaration = new Regex($@"\bpartial\s+class\s+@?{Regex.Escape(ClassName)}\b");
        for (int i = _headerEnd; i < _implementationStart; i++)
        {
            if (!IsCommentOrAttribute(Lines[i].TrimStart()) && declaration.IsMatch(Lines[i]))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No line declaring 'partial class {ClassName}' before '{ImplementationNamespaceLine}'.");
    }

    /// <summary>The first class declared after <c>namespace StaticNet.Generated</c>.</summary>
    private int ImplementationClassLine()
    {
        var declaration = new Regex(@"\bclass\s+\w+");
        for (int i = _implementationStart; i < Lines.Count; i++)
        {
            if (!IsCommentOrAttribute(Lines[i].TrimStart()) && declaration.IsMatch(Lines[i]))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No class declared after '{ImplementationNamespaceLine}' in the generated file of {ClassName}.");
    }

    /// <summary>The line holding the brace that opens the declaration on <paramref name="line"/>.</summary>
    private int OpeningBrace(int line, int partEnd)
    {
        int depth = _depths[line];
        for (int i = line + 1; i < partEnd; i++)
        {
            if (_depths[i] > depth)
            {
                return i - 1;
            }
        }

        throw new InvalidOperationException($"No body after line {line + 1}: '{Lines[line].Trim()}'.");
    }

    /// <summary>
    /// The last line of the member declared on <paramref name="line"/>: where the brace it opens closes, or its
    /// <c>;</c> when it has no body (fields, expression bodies, possibly continued on the next lines).
    /// </summary>
    private int MemberEnd(int line)
    {
        int depth = 0;
        foreach ((int eventLine, char token) in Tokens(Lines, line))
        {
            switch (token)
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        return eventLine;
                    }

                    break;
                case ';' when depth == 0:
                    return eventLine;
            }
        }

        throw new InvalidOperationException($"The member on line {line + 1} ('{Lines[line].Trim()}') does not end.");
    }

    private static bool IsCommentOrAttribute(string trimmed) => trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('[');

    /// <summary>The brace depth at the start of each line.</summary>
    private static int[] BraceDepths(IReadOnlyList<string> lines)
    {
        var depths = new int[lines.Count];
        int depth = 0;
        int next = 0;
        foreach ((int line, char token) in Tokens(lines, 0))
        {
            while (next <= line)
            {
                depths[next++] = depth;
            }

            depth += token == '{' ? 1 : token == '}' ? -1 : 0;
        }

        while (next < lines.Count)
        {
            depths[next++] = depth;
        }

        return depths;
    }

    /// <summary>
    /// The braces and semicolons of C# code from line <paramref name="from"/> on, skipping comments and the contents of
    /// string and character literals (regular, verbatim, interpolated as opaque text, and raw).
    /// </summary>
    internal static IEnumerable<(int Line, char Token)> Tokens(IReadOnlyList<string> lines, int from)
    {
        bool inBlockComment = false;
        string? closingQuote = null; // a literal spanning lines: "\"" (verbatim) or "\"\"\"" (raw)
        for (int l = from; l < lines.Count; l++)
        {
            string s = lines[l];
            int i = 0;
            while (i < s.Length)
            {
                if (inBlockComment)
                {
                    int close = s.IndexOf("*/", i, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        i = s.Length;
                        continue;
                    }

                    inBlockComment = false;
                    i = close + 2;
                    continue;
                }

                if (closingQuote is not null)
                {
                    i = SkipMultiLineLiteral(s, i, ref closingQuote);
                    continue;
                }

                char c = s[i];
                if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
                {
                    break;
                }

                if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
                {
                    inBlockComment = true;
                    i += 2;
                    continue;
                }

                if (c == '"' && i > 0 && (s[i - 1] == '@' || (s[i - 1] == '$' && i > 1 && s[i - 2] == '@')))
                {
                    closingQuote = "\"";
                    i++;
                    continue;
                }

                if (c == '"' && string.CompareOrdinal(s, i, "\"\"\"", 0, 3) == 0)
                {
                    closingQuote = "\"\"\"";
                    i += 3;
                    continue;
                }

                if (c is '"' or '\'')
                {
                    i = SkipLiteral(s, i);
                    continue;
                }

                if (c is '{' or '}' or ';')
                {
                    yield return (l, c);
                }

                i++;
            }
        }
    }

    // A regular string or character literal starting at i: the index after its closing quote (or the end of the line).
    private static int SkipLiteral(string s, int i)
    {
        char quote = s[i++];
        while (i < s.Length && s[i] != quote)
        {
            i += s[i] == '\\' ? 2 : 1;
        }

        return i + 1;
    }

    // Inside a verbatim ("" escapes a quote) or raw literal: the index after its end, or the end of the line.
    private static int SkipMultiLineLiteral(string s, int i, ref string? closingQuote)
    {
        string quote = closingQuote!;
        while (true)
        {
            int close = s.IndexOf(quote, i, StringComparison.Ordinal);
            if (close < 0)
            {
                return s.Length;
            }

            if (quote == "\"" && close + 1 < s.Length && s[close + 1] == '"')
            {
                i = close + 2;
                continue;
            }

            closingQuote = null;
            return close + quote.Length;
        }
    }

    private static string[] Dedent(string[] lines)
    {
        int indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return lines.Select(l => l.Trim().Length == 0 ? string.Empty : l[indent..]).ToArray();
    }

    private static string Join(IEnumerable<string> lines) => string.Join("\n", lines);
}

/// <summary>How a member's declaration line starts (trimmed), or a test on it; <see cref="ToString"/> names it in failures.</summary>
internal sealed class Member
{
    private readonly Func<string, bool> _matches;
    private readonly string _description;

    private Member(Func<string, bool> matches, string description)
    {
        _matches = matches;
        _description = description;
    }

    public static Member StartingWith(string prefix) => new(l => l.StartsWith(prefix, StringComparison.Ordinal), $"'{prefix}...'");

    public static Member Where(Func<string, bool> matches, string description) => new(matches, description);

    public bool Matches(string trimmedLine) => _matches(trimmedLine);

    public override string ToString() => _description;
}
