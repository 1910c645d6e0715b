using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Storage.Tests.Hostile;

/// <summary>
/// Storage faults through the real dispatcher, the real group-commit writer and a real SQLite file.
/// For each: a clear reply, the log names the fault, nothing half-written, other commands still
/// served, and the next write after the fault clears succeeds with nobody restarting anything.
/// </summary>
public sealed class StorageFaultTests
{
    [Fact]
    [Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
    public async Task Busy_SecondWriterHoldsTheLockPastTheTimeout_RefusedClearly_ThenRecovers()
    {
        var log = new CapturingLogger();
        await using var services = await StartAsync(log, o => o.BusyTimeout = TimeSpan.FromMilliseconds(100));
        await Ok(services.RunAsync("ada", "progress"));

        await using (var other = await HoldWriteLockAsync(services))
        {
            var refused = await services.RunAsync("ada", "submit", ("week", 2L), ("url", "https://coursera.org/verify/BUSY"));

            Assert.Equal(ReplyTone.Error, refused.Tone);
            Assert.Contains("busy right now, so nothing was saved", refused.Text, StringComparison.Ordinal);
            Assert.True(log.Contains("storage fault Busy"), string.Join('\n', log.Lines));
            await Ok(services.RunAsync("ada", "deadlines")); // readers are not blocked by the writer
        }

        await Ok(services.RunAsync("ada", "submit", ("week", 2L), ("url", "https://coursera.org/verify/AFTER")));
        Assert.Equal(["https://coursera.org/verify/AFTER"], await UrlsAsync(services));
    }

    [Fact]
    [Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
    public async Task ReadOnlyDatabase_RefusedClearly_ReadsServed_ThenRecoversWhenWritableAgain()
    {
        var log = new CapturingLogger();
        await using var services = await StartAsync(log);
        await Ok(services.RunAsync("ada", "submit", ("week", 1L), ("url", "https://coursera.org/verify/BEFORE")));

        // The file becomes one SQLite must treat as read-only (its header's write version above 2).
        // File modes would not do: the tests run as root, for whom every file is writable.
        await SetWriteVersionAsync(services, 3);
        var refused = await services.RunAsync("ada", "submit", ("week", 2L), ("url", "https://coursera.org/verify/RO"), ("file", InvocationAttachment.FromBytes("p.png", TestImages.Png(50))));

        Assert.Contains("its storage is read-only", refused.Text, StringComparison.Ordinal);
        Assert.True(log.Contains("storage fault ReadOnly"), string.Join('\n', log.Lines));
        await Ok(services.RunAsync("ada", "progress"));
        Assert.Equal(["https://coursera.org/verify/BEFORE"], await UrlsAsync(services));
        Assert.Empty(StoredFiles(services)); // the staged image of the refused command is gone

        await SetWriteVersionAsync(services, 2);
        var after = await services.RunAsync("ada", "submit", ("week", 2L), ("url", "https://coursera.org/verify/AFTER"));
        Assert.True(after.Tone != ReplyTone.Error, after.Text + string.Join('\n', log.Lines));
        Assert.Equal(["https://coursera.org/verify/BEFORE", "https://coursera.org/verify/AFTER"], await UrlsAsync(services));
    }

    [Fact]
    [Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
    public async Task FullDatabase_RefusedClearly_NothingHalfWritten_ThenRecoversWhenSpaceIsFreed()
    {
        var log = new CapturingLogger();
        await using var services = await StartAsync(log, o => o.MaxDatabaseBytes = 1024 * 1024);
        await Ok(services.RunAsync("ada", "progress"));
        await FillAsync(services, 1024 * 1024 / 4096 + 1); // another program fills the rest of the space

        Reply? refused = null;
        var accepted = 0;
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var reply = await services.RunAsync("ada", "submit", ("week", 2L), ("url", $"https://coursera.org/verify/FULL{i}"), ("note", new string('n', 500)));
            if (reply.Tone == ReplyTone.Error)
            {
                refused = reply;
            }
            else
            {
                accepted++;
            }
        }

        Assert.NotNull(refused);
        Assert.Contains("storage is full, so nothing was saved", refused.Text, StringComparison.Ordinal);
        Assert.True(log.Contains("storage fault Full"), string.Join('\n', log.Lines));
        Assert.Equal(accepted, (await UrlsAsync(services)).Count);
        var withImage = await services.RunAsync("ada", "submit", ("week", 2L), ("file", InvocationAttachment.FromBytes("p.png", TestImages.Png(51))));
        Assert.Contains("storage is full", withImage.Text, StringComparison.Ordinal);
        Assert.Empty(StoredFiles(services));
        await Ok(services.RunAsync("ada", "deadlines"));

        await using (var db = await OpenRawAsync(services))
        {
            await db.ExecuteAsync("DELETE FROM filler");
        }

        await Ok(services.RunAsync("ada", "submit", ("week", 2L), ("file", InvocationAttachment.FromBytes("p.png", TestImages.Png(52)))));
        Assert.Single(StoredFiles(services));
    }

    [Fact]
    public async Task FullDiskUnderTheProofFolder_RefusedClearly_NoRowNoFile_ThenRecovers()
    {
        var log = new CapturingLogger();
        var disk = new FlakyDisk();
        await using var services = await StartAsync(log, configure: s =>
            s.AddSingleton<IProofFileStore>(sp => new FullDiskProofStore(sp.GetRequiredService<Proofs.FileSystemProofStore>(), disk)));
        disk.Full = true;

        var refused = await services.RunAsync("ada", "submit", ("week", 2L), ("file", InvocationAttachment.FromBytes("p.png", TestImages.Png(60))));

        Assert.Contains("storage is full, so nothing was saved", refused.Text, StringComparison.Ordinal);
        Assert.True(log.Contains("storage fault Full"), string.Join('\n', log.Lines));
        Assert.Empty(await UrlsAsync(services, "file_sha256"));
        Assert.Empty(StoredFiles(services));

        disk.Full = false;
        await Ok(services.RunAsync("ada", "submit", ("week", 2L), ("file", InvocationAttachment.FromBytes("p.png", TestImages.Png(61)))));
        Assert.Single(StoredFiles(services));
    }

    [Fact]
    public async Task CorruptProofFile_ReviewerIsToldAndNotShownIt_LogNamesTheFile()
    {
        var log = new CapturingLogger();
        await using var services = await StartAsync(log, configure: s =>
            s.Configure<OrganizerOptions>(o => o.Platforms["test"] = new OrganizerSet { Users = { "org" } }));
        var png = TestImages.Png(70);
        await Ok(services.RunAsync("ada", "submit", ("week", 2L), ("file", InvocationAttachment.FromBytes("p.png", png))));
        var path = Assert.Single(StoredFiles(services));
        await File.WriteAllBytesAsync(path, [.. png[..20], .. new byte[png.Length - 20]]); // a bad sector, a stray write

        var card = await services.RunAsync("org", "review");

        Assert.Empty(card.Files);
        Assert.Contains("stored image of this proof is damaged or missing", card.Text, StringComparison.Ordinal);
        Assert.True(log.Contains($"Proof file {Path.GetFileName(path)} of") && log.Contains("is corrupt"), string.Join('\n', log.Lines));
        Assert.Equal(2, card.Buttons.Count); // the reviewer can still decide
    }

    [Fact]
    [Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
    public async Task FailedBatch_DoesNotPoisonTheNextOnes_ThroughTheRealWriter()
    {
        await using var services = await StartAsync(new CapturingLogger(), o => o.BusyTimeout = TimeSpan.FromMilliseconds(100));
        var factory = services.Get<SqliteConnectionFactory>();
        await factory.ExecuteAsync("CREATE TABLE t (v INTEGER NOT NULL)", null, default);

        Task<int>[] failed;
        await using (await HoldWriteLockAsync(services))
        {
            failed = [.. Enumerable.Range(0, 20).Select(i => factory.ExecuteAsync("INSERT INTO t (v) VALUES (@i)", new { i }, default))];
            foreach (var write in failed)
            {
                var ex = await Assert.ThrowsAsync<SqliteException>(() => write);
                Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, ex.SqliteErrorCode);
            }
        }

        var after = await Task.WhenAll(Enumerable.Range(100, 20).Select(i => factory.ExecuteAsync("INSERT INTO t (v) VALUES (@i)", new { i }, default)));
        Assert.All(after, n => Assert.Equal(1, n));
        await using var db = await OpenRawAsync(services);
        Assert.Equal(Enumerable.Range(100, 20).Select(i => (long)i), await db.QueryAsync<long>("SELECT v FROM t ORDER BY v"));
    }

    private static async Task<CohortServices> StartAsync(CapturingLogger log, Action<StorageOptions>? storage = null, Action<IServiceCollection>? configure = null) =>
        await CohortServices.StartAsync(s =>
        {
            log.Install(s);
            if (storage is not null)
            {
                s.Configure(storage);
            }

            configure?.Invoke(s);
        });

    private static async Task Ok(Task<Reply> command)
    {
        var reply = await command;
        Assert.True(reply.Tone != ReplyTone.Error, reply.Text);
    }

    /// <summary>Another process's connection, outside the bot's factory (no size limit, its own lock).</summary>
    private static async Task<SqliteConnection> OpenRawAsync(CohortServices services)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = services.Get<SqliteConnectionFactory>().DatabasePath, Pooling = false }.ToString());
        await db.OpenAsync();
        return db;
    }

    private static async Task<IAsyncDisposable> HoldWriteLockAsync(CohortServices services)
    {
        var db = await OpenRawAsync(services);
        var tx = db.BeginTransaction(deferred: false);
        return new Held(db, tx);
    }

    private static async Task SetWriteVersionAsync(CohortServices services, byte version)
    {
        await using (var db = await OpenRawAsync(services))
        {
            var busy = await db.ExecuteScalarAsync<long>("PRAGMA wal_checkpoint(TRUNCATE)");
            Assert.Equal(0, busy);
        }

        await using var file = new FileStream(services.Get<SqliteConnectionFactory>().DatabasePath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Position = 18;
        file.WriteByte(version);
    }

    private static async Task FillAsync(CohortServices services, long pages)
    {
        await using var db = await OpenRawAsync(services);
        await db.ExecuteAsync("CREATE TABLE filler (b BLOB NOT NULL)");
        while (await db.ExecuteScalarAsync<long>("PRAGMA page_count") < pages)
        {
            await db.ExecuteAsync("INSERT INTO filler (b) SELECT randomblob(3000) FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)");
        }
    }

    private static async Task<List<string>> UrlsAsync(CohortServices services, string column = "url")
    {
        await using var db = await services.Get<Database>().OpenAsync(default);
        return [.. await db.QueryAsync<string>($"SELECT {column} FROM submissions WHERE {column} IS NOT NULL ORDER BY id")];
    }

    private static string[] StoredFiles(CohortServices services)
    {
        var proofs = Path.Combine(services.Folder, "proofs");
        return Directory.Exists(proofs) ? Directory.GetFiles(proofs, "*", SearchOption.AllDirectories) : [];
    }

    private sealed class Held(SqliteConnection db, SqliteTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await tx.DisposeAsync();
            await db.DisposeAsync();
        }
    }
}
