using System.Diagnostics;
using CohortBot.Testing;

namespace CohortBot.Host.Tests;

/// <summary>Runs the real <c>cohortbot</c> program as a child process in <paramref name="folder"/>, as an operator would.</summary>
internal static class HostProcess
{
    public static ProcessStartInfo StartInfo(TempFolder folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = folder.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cohortbot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg); // first, so a verb (export, health) is the first argument
        }

        start.ArgumentList.Add("--Storage:DatabasePath=" + folder.File("bot.db"));

        // A test-only knob: the child lives for a second or two, too short for profile-guided
        // re-JIT to pay back its instrumentation.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Feeds <paramref name="input"/> (then end of input) and waits for the exit.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TempFolder folder, string input, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(folder, environment, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
