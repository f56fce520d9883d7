using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;
using Xunit;

namespace StaticNet.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the expected files in <c>Snapshots/&lt;TestName&gt;/&lt;HintName&gt;</c>, exactly.
/// The generator's version is written as <c>%VERSION%</c> in the expected files and substituted on compare. With
/// <c>UPDATE_SNAPSHOTS=1</c> the current output is written over the expected files (see Snapshots/README.md).
/// </summary>
internal static class Snapshot
{
    public const string VersionPlaceholder = "%VERSION%";
    private const int MaxDiffLines = 40;

    /// <summary>The version the generator writes into its header and <c>[GeneratedCode]</c>.</summary>
    public static readonly string GeneratorVersion = typeof(NetworkGenerator).Assembly.GetName().Version!.ToString();

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    /// <summary>Checks every generated file of <paramref name="sources"/> against <c>Snapshots/&lt;testName&gt;/</c>.</summary>
    public static void Verify(
        IEnumerable<GeneratedSourceResult> sources,
        [CallerMemberName] string testName = "",
        [CallerFilePath] string callerFilePath = "")
    {
        string directory = Path.Combine(SnapshotsDirectory(callerFilePath), testName);
        var generated = sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        Assert.NotEmpty(generated);

        if (Updating)
        {
            Directory.CreateDirectory(directory);
            foreach (string stale in Directory.GetFiles(directory).Where(f => !generated.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach ((string hintName, string text) in generated)
            {
                string expected = ToPlaceholders(text);
                Assert.Equal(text, FromPlaceholders(expected)); // the version was found exactly where it is substituted
                File.WriteAllText(Path.Combine(directory, hintName), expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            return;
        }

        var failures = new List<string>();
        string[] expectedFiles = Directory.Exists(directory) ? Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).ToArray() : Array.Empty<string>();
        foreach (string missing in expectedFiles.Where(f => !generated.ContainsKey(f)))
        {
            failures.Add($"Expected file {missing} was not generated.");
        }

        foreach ((string hintName, string actual) in generated.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string path = Path.Combine(directory, hintName);
            if (!File.Exists(path))
            {
                failures.Add($"No expected file {path} for generated {hintName}.");
                continue;
            }

            // CRLF only if a checkout converted the file; the generator writes '\n' everywhere.
            string expected = FromPlaceholders(File.ReadAllText(path).Replace("\r\n", "\n"));
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                failures.Add($"{hintName} differs from {path}:\n{Diff(expected, actual)}");
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(
                string.Join("\n\n", failures)
                + "\n\nIf the new output is intended, accept it with `UPDATE_SNAPSHOTS=1 dotnet test tests/Generator.Tests`"
                + " and review the git diff of tests/Generator.Tests/Snapshots.");
        }
    }

    /// <summary>Replaces the generator version where the generator writes it (header and [GeneratedCode]).</summary>
    public static string ToPlaceholders(string text) => text
        .Replace($"StaticNet.Generator {GeneratorVersion} ", $"StaticNet.Generator {VersionPlaceholder} ", StringComparison.Ordinal)
        .Replace($"(\"StaticNet.Generator\", \"{GeneratorVersion}\")", $"(\"StaticNet.Generator\", \"{VersionPlaceholder}\")", StringComparison.Ordinal);

    public static string FromPlaceholders(string text) => text.Replace(VersionPlaceholder, GeneratorVersion, StringComparison.Ordinal);

    /// <summary>
    /// A line diff of the first <see cref="MaxDiffLines"/> differing lines: <c>-</c> expected only, <c>+</c> generated
    /// only, each with its line number in its own file.
    /// </summary>
    public static string Diff(string expected, string actual)
    {
        var text = new StringBuilder("(- expected, + generated)\n");
        int expectedLine = 0;
        int actualLine = 0;
        int shown = 0;
        int differing = 0;
        foreach (DiffPiece line in InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false).Lines)
        {
            string prefix;
            int number;
            switch (line.Type)
            {
                case ChangeType.Deleted:
                    prefix = "- ";
                    number = ++expectedLine;
                    break;
                case ChangeType.Inserted:
                    prefix = "+ ";
                    number = ++actualLine;
                    break;
                default:
                    expectedLine++;
                    actualLine++;
                    continue;
            }

            if (++differing <= MaxDiffLines)
            {
                text.Append(prefix).Append(number.ToString().PadLeft(5)).Append(": ").Append(line.Text).Append('\n');
                shown++;
            }
        }

        if (differing > shown)
        {
            text.Append($"... and {differing - shown} more differing lines\n");
        }

        return differing > 0 ? text.ToString() : "(the texts differ only in line endings or a trailing newline)\n";
    }

    /// <summary>
    /// The Snapshots folder of the source tree: beside the calling test file, or, when the build mapped source paths,
    /// found by walking up from the test binaries to the project.
    /// </summary>
    private static string SnapshotsDirectory(string callerFilePath)
    {
        string? callerDirectory = Path.GetDirectoryName(callerFilePath);
        if (callerDirectory is not null && Directory.Exists(callerDirectory) && Path.GetFileName(callerDirectory) == "Snapshots")
        {
            return callerDirectory;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StaticNet.Generator.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Snapshots");
            }
        }

        throw new InvalidOperationException($"Cannot find the Snapshots folder from {callerFilePath} or {AppContext.BaseDirectory}.");
    }
}
