using CohortBot.Core.Cohorts;
using CohortBot.Core.Exports;
using CohortBot.Core.Messages;
using CohortBot.Host.Startup;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Cli;

/// <summary>
/// <c>cohortbot export &lt;kind&gt; [--out file] [configuration overrides]</c>: builds the host's
/// services without starting any adapter, validates the settings as start-up would, migrates and
/// syncs the cohort file, writes one export (to standard output without <c>--out</c>) and exits.
/// Anything it does not understand is refused with exit code 2 before any file is touched.
/// </summary>
public static class ExportVerb
{
    public const string Name = "export";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<HostApplicationBuilder>? configure = null)
    {
        var (kind, output, settings, problems) = Parse(args);
        if (problems.Count == 0 && output is not null && Directory.Exists(output))
        {
            problems.Add($"--out {output} is a folder; give a file name, e.g. {Path.Combine(output, kind + ".csv")}.");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync("cohortbot export: " + problem);
            }

            await stderr.WriteLineAsync($"Usage: cohortbot export <{string.Join("|", CohortExporter.Kinds)}> [--out <file>] [--Section:Key=value …]");
            return 2;
        }

        using var host = CohortBotHost.Build(settings, configure);
        var services = host.Services;
        // What ValidateOnStart checks when the bot starts: every option, before the database is opened.
        services.GetRequiredService<IStartupValidator>().Validate();
        var clock = services.GetRequiredService<TimeProvider>();
        var definition = services.GetRequiredService<CohortDefinition>();
        var cohortStore = services.GetRequiredService<ICohortStore>();
        await DatabaseStartup.GuardAsync(services.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath, async () =>
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
            await cohortStore.SyncAsync(definition, clock.GetUtcNow(), CancellationToken.None);
        });
        var cohort = (await cohortStore.FindAsync(definition.Slug, CancellationToken.None))!;

        await using var scope = services.CreateAsyncScope();
        var texts = scope.ServiceProvider.GetRequiredService<MessageCatalogue>().For(cohort.Language);
        var file = (await scope.ServiceProvider.GetRequiredService<CohortExporter>().ExportAsync(cohort, kind, clock.GetUtcNow(), texts, CancellationToken.None))!;
        SqliteConnectionFactory.ReleaseAll();
        if (output is null)
        {
            // Text for scripts: no byte order mark on a pipe (files keep it, for spreadsheets).
            await stdout.WriteAsync(Csv.Text(file.Content));
            await stdout.FlushAsync();
            return 0;
        }

        var path = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, file.Content);
        await stderr.WriteLineAsync($"Wrote {file.Content.Length} bytes to {path}");
        return 0;
    }

    private static (string Kind, string? Output, string[] Settings, List<string> Problems) Parse(string[] args)
    {
        var problems = new List<string>();
        var kind = args.Length > 1 ? args[1].ToLowerInvariant() : string.Empty;
        if (kind.Length == 0 || kind.StartsWith("--", StringComparison.Ordinal))
        {
            problems.Add($"which export? One of {string.Join(", ", CohortExporter.Kinds)}.");
        }
        else if (!CohortExporter.Kinds.Contains(kind))
        {
            problems.Add($"there is no '{args[1]}' export; exports are {string.Join(", ", CohortExporter.Kinds)}.");
        }

        string? output = null;
        var settings = new List<string>();
        for (var i = args.Length > 1 && args[1].StartsWith("--", StringComparison.Ordinal) ? 1 : 2; i < args.Length; i++)
        {
            var arg = args[i];
            string? value = null;
            if (arg == "--out")
            {
                // The next argument is the file only if it is not itself an option or a setting.
                value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : string.Empty;
            }
            else if (arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                value = arg["--out=".Length..];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    settings.Add(args[++i]);
                }

                continue;
            }
            else
            {
                problems.Add($"'{arg}' is not an option; the options are --out <file> and settings like --Storage:DatabasePath=<file>.");
                continue;
            }

            if (value.Length == 0)
            {
                problems.Add("--out needs a file name, e.g. --out completion.csv.");
            }
            else if (value.Any(char.IsControl))
            {
                problems.Add("--out is not a usable file name: it contains control characters.");
            }
            else if (output is not null)
            {
                problems.Add("--out is given twice.");
            }
            else
            {
                output = value;
            }
        }

        problems.AddRange(SettingArguments.Problems(settings));
        return (kind, output, [.. settings], problems);
    }
}
