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

        // Commands keep arriving while the backup reads its snapshot.
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await bot.SendAsync($"/as walker{i}\n/remind off\n/cert type:tf-developer url:https://example.com/cred/{i}\n");
            }
        });
        var zip = live.File("backups/cohort.zip");
        var (code, stdout, stderr) = await HostProcess.RunAsync(live, string.Empty, null, "backup", "--out", zip, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + live.File("proofs"));
        await writing;
        Assert.True(code == 0, stderr);
        Assert.Contains("Backed up", stdout, StringComparison.Ordinal);

        var (refused, _, refusedErr) = await HostProcess.RunAsync(live, string.Empty, null, "restore", "--from", zip, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + live.File("proofs"));
        Assert.Equal(2, refused);
        Assert.Contains("a running bot is using", refusedErr, StringComparison.Ordinal);
        Assert.Equal(0, await bot.EndInputAndWaitAsync());

        using var elsewhere = new TempFolder();
        var (restored, restoredOut, restoredErr) = await HostProcess.RunAsync(elsewhere, string.Empty, null, "restore", "--from", zip, "--Cohort:File=" + cohortFile, "--Storage:ProofDirectory=" + elsewhere.File("proofs"));
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
        Assert.Equal(0, (await HostProcess.RunAsync(folder, string.Empty, null, ["backup", "--out", zip, .. args])).Code);

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
        var (bad, _, badErr) = await HostProcess.RunAsync(folder, string.Empty, null, ["restore", "--from", damaged, .. args]);
        Assert.Equal(2, bad);
        Assert.Contains("The backup is damaged", badErr, StringComparison.Ordinal);
        Assert.Equal(before, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(folder.File("bot.db")))));

        var (ok, okOut, okErr) = await HostProcess.RunAsync(folder, string.Empty, null, ["restore", "--from", zip, .. args]);
        Assert.True(ok == 0, okErr);
        Assert.Contains("The previous database is kept as", okOut, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.Path, "bot.db.before-restore-*"));
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

    private static BackupManifest ReadManifest(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry(BackupManifest.EntryName)!.Open();
        return JsonSerializer.Deserialize<BackupManifest>(stream)!;
    }
}
