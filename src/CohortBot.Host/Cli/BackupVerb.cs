using CohortBot.Storage.Backups;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Cli;

/// <summary>
/// <c>cohortbot backup --out FILE [settings]</c>: an online backup while the bot runs — a consistent
/// snapshot of the database (<c>VACUUM INTO</c>), the proof files its rows refer to, and a manifest
/// of counts and checksums, in one zip file written under a temporary name and then renamed.
/// </summary>
public static class BackupVerb
{
    public const string Name = "backup";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (file, settings, problems) = FileVerbArguments.Parse(args, "--out");
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync("cohortbot backup: " + problem);
            }

            await stderr.WriteLineAsync("Usage: cohortbot backup --out <file.zip> [--Section:Key=value …]");
            return 2;
        }

        using var host = CohortBotHost.Build(settings);
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (!File.Exists(storage.DatabasePath))
        {
            await stderr.WriteLineAsync($"cohortbot backup: there is no database at {Path.GetFullPath(storage.DatabasePath)}.");
            return 2;
        }

        var manifest = await host.Services.GetRequiredService<BackupArchive>().BackupAsync(file!, CancellationToken.None);
        await stdout.WriteLineAsync(
            $"Backed up {manifest.Tables.Values.Sum()} rows in {manifest.Tables.Count} tables and {manifest.Proofs.Count} proof files to {Path.GetFullPath(file!)} (database sha256 {manifest.DatabaseSha256}).");
        if (manifest.MissingProofs.Count > 0)
        {
            await stderr.WriteLineAsync($"cohortbot backup: {manifest.MissingProofs.Count} proof files the database refers to are missing or damaged: {string.Join(", ", manifest.MissingProofs)}");
            return 1;
        }

        return 0;
    }
}
