using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;

namespace StaticNet.Integration.Tests;

/// <summary>
/// Runs one of the child hosts (tests/StressHost, tests/VectorPathHost) that the test project copies beside itself, in a
/// process of its own: for failures that would take the test run down (a crash, a hang) and for settings that only a
/// new process can take (the DOTNET_ switches of the processor's vector widths).
/// </summary>
internal static class ChildHost
{
    /// <summary>What a run gave: whether it exited within the timeout, its exit code, and stdout then stderr.</summary>
    public sealed record Outcome(bool Exited, int ExitCode, string Output);

    /// <summary>Runs <c>dotnet &lt;host&gt;.dll</c> with <paramref name="arguments"/> and extra environment variables.</summary>
    /// <param name="host">The host's assembly name, e.g. <c>StaticNet.StressHost</c> (also its folder in the test output).</param>
    /// <param name="arguments">Its command line.</param>
    /// <param name="environment">Variables added to this process's environment.</param>
    /// <param name="timeout">After this the process tree is killed and the outcome says it did not exit.</param>
    public static async Task<Outcome> Run(string host, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, host, host + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: it is copied there by the CopyChildHosts target of the test project.");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string word in arguments)
        {
            start.ArgumentList.Add(word);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        // Both streams drained concurrently, so that a full pipe cannot stall the child.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        bool exited = true;
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            exited = false;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        string text = $"{await stdout.WaitAsync(TimeSpan.FromSeconds(10))}{await stderr.WaitAsync(TimeSpan.FromSeconds(10))}";
        return new Outcome(exited, process.ExitCode, text);
    }

    /// <summary>Starts <c>dotnet &lt;host&gt;.dll</c> with <paramref name="arguments"/>, its standard output redirected; the caller ends it.</summary>
    /// <param name="host">The host's assembly name.</param>
    /// <param name="arguments">Its command line.</param>
    public static Process Start(string host, params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, host, host + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: it is copied there by the CopyChildHosts target of the test project.");
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string word in arguments)
        {
            start.ArgumentList.Add(word);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
    }

    // The dotnet that runs these tests: the CLI tells its children (DOTNET_HOST_PATH), else the root of this runtime.
    private static string DotnetHost()
    {
        string executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        string candidate = Path.Combine(root, executable);
        return File.Exists(candidate) ? candidate : executable;
    }
}
