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
/// Compares generated text with the expected files in <c>Snapshots/&lt;TestName&gt;/&lt;FileName&gt;</c>, exactly: whole
/// generated files (named by hint name) or regions cut from them (see <see cref="GeneratedFile"/>). The generator's
/// version is written as <c>%VERSION%</c> in the expected files and substituted on compare. With
/// <c>UPDATE_SNAPSHOTS=1</c> the current text is written over the expected files that differ, the files of the test's
/// folder that it no longer produces are deleted, and the test fails saying what it wrote, so that an update run never
/// passes without review (see Snapshots/README.md).
/// </summary>
internal static class Snapshot
{
    public const string VersionPlaceholder = "%VERSION%";
    public const string UpdateVariable = "UPDATE_SNAPSHOTS";
    private const int MaxDiffLines = 40;

    /// <summary>The version the generator writes into its header and <c>[GeneratedCode]</c>.</summary>
    public static readonly string GeneratorVersion = typeof(NetworkGenerator).Assembly.GetName().Version!.ToString();

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The <c>Snapshots</c> folder of the source tree.</summary>
    public static string SnapshotsDirectory => Path.Combine(TestProject.Directory, "Snapshots");

    /// <summary>Checks <paramref name="files"/> (file name to text) against <c>Snapshots/&lt;testName&gt;/</c>.</summary>
    public static void Verify(IReadOnlyDictionary<string, string> files, [CallerMemberName] string testName = "")
    {
        Assert.NotEmpty(files);
        IReadOnlyList<string> failures = Check(Path.Combine(SnapshotsDirectory, testName), files, Updating);
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join("\n\n", failures));
        }
    }

    /// <summary>Checks every generated file of <paramref name="sources"/>, named by hint name.</summary>
    public static void Verify(IEnumerable<GeneratedSourceResult> sources, [CallerMemberName] string testName = "") =>
        Verify(sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal), testName);

    /// <summary>
    /// The snapshot check of one folder, with no assertion: the failures, none when the folder holds exactly
    /// <paramref name="files"/>. With <paramref name="update"/>, first writes the files that differ and deletes the
    /// ones not in <paramref name="files"/>; each write or deletion is a failure, so an update run fails until a rerun
    /// without it finds nothing to change.
    /// </summary>
    public static IReadOnlyList<string> Check(string directory, IReadOnlyDictionary<string, string> files, bool update)
    {
        var failures = new List<string>();
        if (update)
        {
            var written = new List<string>();
            Directory.CreateDirectory(directory);
            foreach (string stale in Directory.GetFiles(directory).Where(f => !files.ContainsKey(Path.GetFileName(f))).OrderBy(f => f, StringComparer.Ordinal))
            {
                File.Delete(stale);
                written.Add($"deleted {stale} (no longer produced)");
            }

            foreach ((string name, string text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                string expected = ToPlaceholders(text);
                if (!string.Equals(text, FromPlaceholders(expected), StringComparison.Ordinal))
                {
                    failures.Add($"{name}: the text contains {VersionPlaceholder}, so its snapshot could not be read back.");
                    continue;
                }

                string path = Path.Combine(directory, name);
                if (!File.Exists(path) || !string.Equals(Read(path), expected, StringComparison.Ordinal))
                {
                    File.WriteAllText(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    written.Add($"wrote {path}");
                }
            }

            if (written.Count > 0)
            {
                failures.Add(
                    $"{UpdateVariable}=1: the snapshot was written, not verified:\n  " + string.Join("\n  ", written)
                    + "\nReview the change with `git diff -- tests/Generator.Tests/Snapshots`, then run the tests again without "
                    + $"{UpdateVariable} to see them pass.");
                return failures;
            }
        }

        string[] expectedFiles = Directory.Exists(directory) ? Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).ToArray() : Array.Empty<string>();
        foreach (string extra in expectedFiles.Where(f => !files.ContainsKey(f)).OrderBy(f => f, StringComparer.Ordinal))
        {
            failures.Add($"Expected file {Path.Combine(directory, extra)} was not produced.");
        }

        foreach ((string name, string actual) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            string path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                failures.Add($"No expected file {path} for {name}.");
                continue;
            }

            string expected = FromPlaceholders(Read(path));
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                failures.Add($"{name} differs from {path}:\n{Diff(expected, actual)}");
            }
        }

        if (failures.Count > 0 && !update)
        {
            failures.Add(
                $"If the new output is intended, write it with `{UpdateVariable}=1 dotnet test tests/Generator.Tests` (that run fails"
                + " after writing), review `git diff -- tests/Generator.Tests/Snapshots`, and run the tests again.");
        }

        return failures;
    }

    /// <summary>
    /// Snapshot folders no test of <paramref name="testClass"/> owns (a folder is named after its test method, a public
    /// <c>[Fact]</c> or <c>[Theory]</c>); with <paramref name="update"/>, deleted. Either way each is a failure.
    /// </summary>
    public static IReadOnlyList<string> CheckFolders(string snapshotsDirectory, Type testClass, bool update) =>
        CheckFolders(
            snapshotsDirectory,
            testClass.GetMethods().Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0).Select(m => m.Name),
            testClass.Name,
            update);

    /// <summary>Snapshot folders not named in <paramref name="tests"/>; with <paramref name="update"/>, deleted.</summary>
    public static IReadOnlyList<string> CheckFolders(string snapshotsDirectory, IEnumerable<string> testNames, string owner, bool update)
    {
        var tests = new HashSet<string>(testNames, StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (string folder in Directory.GetDirectories(snapshotsDirectory).OrderBy(d => d, StringComparer.Ordinal))
        {
            if (!tests.Contains(Path.GetFileName(folder)))
            {
                if (update)
                {
                    Directory.Delete(folder, recursive: true);
                    failures.Add($"{UpdateVariable}=1: deleted {folder}, which no test of {owner} produces; review `git diff`.");
                }
                else
                {
                    failures.Add($"{folder} belongs to no test of {owner}: delete it, or run with {UpdateVariable}=1.");
                }
            }
        }

        return failures;
    }

    // CRLF only if a checkout converted the file; the generator writes '\n' everywhere.
    private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

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
}
