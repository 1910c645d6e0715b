using CohortBot.Storage.Backups;
using CohortBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CohortBot.Host.Cli;

/// <summary>
/// <c>cohortbot restore --from FILE [settings]</c>: refuses while a bot holds the database's lock;
/// otherwise checks the whole backup (checksums, row counts, SQLite's integrity check) before it
/// replaces anything, sets the old database aside, and adds the backup's proof files.
/// </summary>
public static class RestoreVerb
{
    public const string Name = "restore";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (file, settings, problems) = FileVerbArguments.Parse(args, "--from");
        if (file is not null && !File.Exists(file))
        {
            problems.Add($"there is no backup at {Path.GetFullPath(file)}.");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync("cohortbot restore: " + problem);
            }

            await stderr.WriteLineAsync("Usage: cohortbot restore --from <file.zip> [--Section:Key=value …]");
            return 2;
        }

        using var host = CohortBotHost.Build(settings);
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        using var held = new DatabaseLock();
        if (!held.TryAcquire(storage.DatabasePath))
        {
            await stderr.WriteLineAsync($"cohortbot restore: a running bot is using {Path.GetFullPath(storage.DatabasePath)} (it holds {DatabaseLock.PathFor(storage.DatabasePath)}). Stop it first; nothing was changed.");
            return 2;
        }

        try
        {
            var (manifest, aside) = await BackupArchive.RestoreAsync(file!, storage.DatabasePath, storage.ProofDirectory, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
            await stdout.WriteLineAsync(
                $"Restored {manifest.Tables.Values.Sum()} rows in {manifest.Tables.Count} tables and {manifest.Proofs.Count} proof files from {Path.GetFullPath(file!)}; checksums and counts match."
                + (aside is null ? string.Empty : $" The previous database is kept as {aside}."));
            return 0;
        }
        catch (InvalidDataException ex)
        {
            await stderr.WriteLineAsync("cohortbot restore: " + ex.Message);
            return 2;
        }
    }
}
