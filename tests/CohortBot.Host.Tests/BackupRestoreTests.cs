using CohortBot.Host.Cli;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using CohortBot.Storage.Backups;
using CohortBot.Testing;
using Microsoft.Data.Sqlite;

namespace CohortBot.Host.Tests;

/// <summary>
/// <c>cohortbot backup</c> and <c>restore</c> as an operator runs them, against the real bot process
/// writing all the while: the backup is consistent, restore refuses a running bot's database, and a
/// restored cohort has the backup's counts and checksums, proof files included.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_WhileTheBotWrites_RestoresElsewhereWithTheSameCountsAndChecksums()
    {
        using var live = new TempFolder();
        var cohortFile = live.File("cohort.yaml");
        await SeedWithImagesAsync(live);
        await using var bot = RunningHost.Start(live, null, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + live.File("proofs"), "--Terminal:User=alice");
        await bot.WaitForLineAsync("ready");

        // Commands keep arriving while the backup reads its snapshot: round after round, each
        // answered (committed) before the next, from before the backup starts until it has ended.
        var backupDone = false;
        var rounds = 0;
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writing = Task.Run(async () =>
        {
            while (!Volatile.Read(ref backupDone))
            {
                await bot.SendAsync($"/as walker{rounds}\n/remind off\n/cert type:tf-developer url:https://example.com/cred/{rounds}\n");
                await bot.WaitForOutputAsync(" received, ");
                rounds++;
                firstAnswered.TrySetResult();
            }
        });
        await firstAnswered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var zip = live.File("backups/cohort.zip");
        var (code, stdout, stderr) = await VerbAsync(BackupVerb.RunAsync, live, "backup", "--out", zip, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + live.File("proofs"));
        Volatile.Write(ref backupDone, true);
        await writing;
        Assert.True(code == 0, stderr);
        Assert.Contains("Backed up", stdout, StringComparison.Ordinal);
        Assert.True(rounds >= 2, "a round of writes was sent after the backup had started");

        // The bot is another process: the lock it holds is what restore must see.
        var (refused, _, refusedErr) = await VerbAsync(RestoreVerb.RunAsync, live, "restore", "--from", zip, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + live.File("proofs"));
        Assert.Equal(2, refused);
        Assert.Contains("a running bot is using", refusedErr, StringComparison.Ordinal);
        Assert.Equal(0, await bot.EndInputAndWaitAsync());

        using var elsewhere = new TempFolder();
        var (restored, restoredOut, restoredErr) = await VerbAsync(RestoreVerb.RunAsync, elsewhere, "restore", "--from", zip, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + elsewhere.File("proofs"));
        Assert.True(restored == 0, restoredErr);
        Assert.Contains("checksums and counts match", restoredOut, StringComparison.Ordinal);

        var manifest = ReadManifest(zip);
        var (tables, proofs) = await BackupArchive.DescribeAsync(elsewhere.File("bot.db"), default);
        Assert.Equal(manifest.Tables.OrderBy(t => t.Key), tables.OrderBy(t => t.Key));
        Assert.True(manifest.Tables["participants"] >= 4, "the seeded participants are in the backup");
        Assert.Equal(3, manifest.Proofs.Count);
        Assert.Equal(manifest.Proofs.Order(), proofs.Order());
        foreach (var sha in proofs)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(elsewhere.File("proofs"), sha[..2], sha));
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        // Consistent: every identity has its participant, and the restored cohort starts and answers.
        await using (var db = new SqliteConnection($"Data Source={elsewhere.File("bot.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var orphans = db.CreateCommand();
            orphans.CommandText = "SELECT COUNT(*) FROM participant_identities i LEFT JOIN participants p ON p.id = i.participant_id WHERE p.id IS NULL";
            Assert.Equal(0L, await orphans.ExecuteScalarAsync());
        }

        var transcript = await TerminalRun.RunAsync(elsewhere, "/as seed1\n/progress\n", SampleCohort.Now);
        Assert.Contains("Week 2", transcript, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Restore_OverAStoppedBotsDatabase_SetsTheOldOneAside_AndADamagedBackupChangesNothing()
    {
        using var folder = new TempFolder();
        await SeedWithImagesAsync(folder);
        var zip = folder.File("b.zip");
        var args = new[] { "--Cohort:File=" + folder.File("cohort.yaml"), "--Storage:ProofDirectory=" + folder.File("proofs") };
        Assert.Equal(0, (await VerbAsync(BackupVerb.RunAsync, folder, ["backup", "--out", zip, .. args])).Code);

        var damaged = folder.File("damaged.zip");
        File.Copy(zip, damaged);
        using (var archive = ZipFile.Open(damaged, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry(BackupManifest.DatabaseEntry)!;
            entry.Delete();
            await using var stream = archive.CreateEntry(BackupManifest.DatabaseEntry).Open();
            await stream.WriteAsync(new byte[4096]);
        }

        var before = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(folder.File("bot.db"))));
        var (bad, _, badErr) = await VerbAsync(RestoreVerb.RunAsync, folder, ["restore", "--from", damaged, .. args]);
        Assert.Equal(2, bad);
        Assert.Contains("The backup is damaged", badErr, StringComparison.Ordinal);
        Assert.Equal(before, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(folder.File("bot.db")))));

        var (ok, okOut, okErr) = await VerbAsync(RestoreVerb.RunAsync, folder, ["restore", "--from", zip, .. args]);
        Assert.True(ok == 0, okErr);
        Assert.Contains("The previous database is kept as", okOut, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.Path, "bot.db.before-restore-*"));
    }

    [Theory]
    [InlineData("restore", "--from")]
    [InlineData("backup", "--out")]
    [InlineData("export", "--out")]
    public async Task AFileNameWithANulOrControlCharacter_IsRefusedWithAMessage(string verb, string option)
    {
        // Found by the CLI property (COHORTBOT_CASES_SEED=6): Path.GetFullPath threw on the NUL.
        using var folder = new TempFolder();
        string[] args = [verb, .. verb == "export" ? ["participants"] : Array.Empty<string>(), option, folder.File("b\0.zip"), "--Storage:DatabasePath=" + folder.File("bot.db")];
        var stderr = new StringWriter();
        var code = verb switch
        {
            "restore" => await RestoreVerb.RunAsync(args, TextWriter.Null, stderr),
            "backup" => await BackupVerb.RunAsync(args, TextWriter.Null, stderr),
            _ => await ExportVerb.RunAsync(args, TextWriter.Null, stderr),
        };

        Assert.Equal(2, code);
        Assert.Contains($"cohortbot {verb}: {option} is not a usable file name", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Three participants submit screenshots for week 2 (on the fake clock, when week 2 is open).</summary>
    private static async Task SeedWithImagesAsync(TempFolder folder)
    {
        var script = new System.Text.StringBuilder();
        for (var i = 1; i <= 3; i++)
        {
            var image = folder.File($"seed{i}.png");
            await File.WriteAllBytesAsync(image, TestImages.Png(1000 + i, 800, 600));
            script.Append($"/as seed{i}\n/submit week:2 file:{image}\n");
        }

        var transcript = await TerminalRun.RunAsync(folder, script.ToString(), SampleCohort.Now);
        Assert.True(System.Text.RegularExpressions.Regex.Count(transcript, "Week 2 proof received") == 3, transcript);
    }

    /// <summary>
    /// A verb as the program runs it (<c>Program</c> returns the verb's code, its output on the
    /// console's), in this process: the bot they work beside is still a process of its own.
    /// </summary>
    private static async Task<(int Code, string Stdout, string Stderr)> VerbAsync(Func<string[], TextWriter, TextWriter, Task<int>> verb, TempFolder folder, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await verb([.. args, "--Storage:DatabasePath=" + folder.File("bot.db")], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static BackupManifest ReadManifest(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry(BackupManifest.EntryName)!.Open();
        return JsonSerializer.Deserialize<BackupManifest>(stream)!;
    }
}
