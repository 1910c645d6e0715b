using CohortBot.Terminal;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CohortBot.Host.Tests;

/// <summary>
/// Boots the real host (options, migrations, cohort file sync, terminal adapter) on a temp folder,
/// feeds it a script as standard input, and returns the transcript. Each call is a new process
/// lifetime on the same files, so two calls are a restart.
/// </summary>
internal static class TerminalRun
{
    public static Task<string> RunAsync(TempFolder folder, string script, DateTimeOffset now, string? cohortYaml = null, params string[] extraArgs) =>
        RunAsync(folder, script, now, interactive: false, cohortYaml, extraArgs);

    /// <param name="interactive">As a person at a terminal: input not echoed, a prompt before each line.</param>
    public static Task<string> RunAsync(TempFolder folder, string script, DateTimeOffset now, bool interactive, string? cohortYaml = null, params string[] extraArgs) =>
        RunCoreAsync(folder, script, now, interactive, cohortYaml, logs: null, extraArgs);

    /// <summary>As <see cref="RunAsync(TempFolder, string, DateTimeOffset, string?, string[])"/>, with the host's log entries (Information and up) kept in <paramref name="logs"/>.</summary>
    public static Task<string> RunLoggedAsync(TempFolder folder, string script, DateTimeOffset now, string? cohortYaml, CapturingLogger logs) =>
        RunCoreAsync(folder, script, now, interactive: false, cohortYaml, logs, ["--Logging:LogLevel:Default=Information"]);

    private static async Task<string> RunCoreAsync(TempFolder folder, string script, DateTimeOffset now, bool interactive, string? cohortYaml, CapturingLogger? logs, string[] extraArgs)
    {
        var cohortPath = folder.File("cohort.yaml");
        await File.WriteAllTextAsync(cohortPath, cohortYaml ?? SampleCohort.Yaml);
        string[] args =
        [
            "--Cohort:File=" + cohortPath,
            "--Storage:DatabasePath=" + folder.File("bot.db"),
            "--Storage:ProofDirectory=" + folder.File("proofs"),
            "--Terminal:User=alice",
            "--Terminal:FilesDirectory=" + folder.File("files"),
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var output = new StringWriter();
        using var host = CohortBotHost.Build(args, b =>
        {
            b.Services.AddSingleton(new TerminalIO(new StringReader(script), output, echoInput: !interactive));
            b.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
            if (logs is not null)
            {
                b.Logging.ClearProviders();
                b.Logging.AddProvider(logs);
            }
        });
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return output.ToString();
    }

    /// <summary>The reply printed after the echoed command <paramref name="command"/> (up to the next prompt).</summary>
    public static string ReplyTo(string transcript, string prompt)
    {
        var start = transcript.IndexOf(prompt + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            start = transcript.IndexOf(prompt + Environment.NewLine, StringComparison.Ordinal);
        }

        Assert.True(start >= 0, $"'{prompt}' is not in the transcript:\n{transcript}");
        var rest = transcript[(start + prompt.Length)..];
        var next = System.Text.RegularExpressions.Regex.Match(rest, @"\n[^\s\[][^\n]*> ");
        return next.Success ? rest[..next.Index] : rest;
    }
}
