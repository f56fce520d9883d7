using System;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Misuse must never corrupt the process: tests/StressHost calls one network instance from several threads at once
/// with growing and shrinking batches. It runs in a child process because the failure it guards against is a crash
/// (SIGSEGV, SIGABRT, AccessViolationException) or a hang, which would take the test run down with it. The host is built
/// with this project (a ProjectReference) and copied to StaticNet.StressHost/ in the test output; nothing is built here.
/// </summary>
public sealed partial class StressHostTests(ITestOutputHelper output)
{
    private const int Seconds = 5;

    // Far above the 5 s of stress plus start-up and the final check: reaching it means a hang.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ConcurrentMisuse_IsDetected_AndTheProcessSurvives(int seed)
    {
        var clock = Stopwatch.StartNew();
        string[] arguments = ["--seconds", Seconds.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture)];
        (bool exited, int exitCode, string text) = await ChildHost.Run("StaticNet.StressHost", arguments, new Dictionary<string, string>(), Timeout);
        output.WriteLine($"StaticNet.StressHost {string.Join(' ', arguments)}: {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(text);

        Assert.True(exited, $"The stress host hung: killed after {Timeout.TotalSeconds} s.\n{text}");
        Assert.True(exitCode == 0, $"The stress host exited with {Describe(exitCode)}.\n{text}");
        Match total = TotalLine().Match(text);
        Assert.True(total.Success, $"No STRESS-TOTAL line in the output.\n{text}");
        long detected = long.Parse(total.Groups["invalid"].Value, CultureInfo.InvariantCulture);
        long argument = long.Parse(total.Groups["argument"].Value, CultureInfo.InvariantCulture);
        // Without detections the test could not tell a working guard from a missing one.
        Assert.True(detected > 0, $"No concurrent call was detected (InvalidOperationException): is the use guard gone?\n{text}");
        Assert.True(argument == 0, $"{argument} ArgumentExceptions with valid arguments.\n{text}");
    }

    // On Unix a process killed by signal n exits with 128 + n: name the usual suspects.
    private static string Describe(int exitCode) => exitCode switch
    {
        2 => "2 (an exception of an unexpected type)",
        3 => "3 (an ArgumentException with valid arguments)",
        4 => "4 (an InvalidOperationException not naming the network)",
        5 => "5 (the instance no longer works from one thread)",
        6 => "6 (a worker hung)",
        134 => "134 (SIGABRT)",
        135 => "135 (SIGBUS)",
        139 => "139 (SIGSEGV)",
        _ when exitCode < 0 => $"{exitCode} (0x{exitCode:X8}: a crash, e.g. 0xC0000005 access violation)",
        _ => exitCode.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^STRESS-TOTAL .*\binvalidOperation=(?<invalid>\d+) argument=(?<argument>\d+)", RegexOptions.Multiline)]
    private static partial Regex TotalLine();
}
