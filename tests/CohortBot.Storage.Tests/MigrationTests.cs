using CohortBot.Storage;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;

namespace CohortBot.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_FromZero_AppliesEveryMigrationOnce()
    {
        await using var services = await CohortServices.StartAsync();
        var migrator = services.Get<Migrator>();
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));

        await using var db = await services.Get<Database>().OpenAsync(CancellationToken.None);
        var versions = (await db.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrator.For(services.Get<Database>().Dialect).Select(m => (long)m.Version), versions);
    }

    [Fact]
    [Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
    public async Task Connection_HasWalForeignKeysAndBusyTimeout()
    {
        await using var services = await CohortServices.StartAsync();
        await using var db = await services.Get<Database>().OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await db.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(10_000L, await db.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerBuild_IsRefused()
    {
        await using var services = await CohortServices.StartAsync();
        await using (var db = await services.Get<Database>().OpenAsync(CancellationToken.None))
        {
            await db.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)");
        }

        var ex = await Assert.ThrowsAsync<SchemaTooNewException>(() => services.Get<Migrator>().MigrateAsync(CancellationToken.None));
        Assert.Contains("9999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignKeys_RejectOrphanRows()
    {
        await using var services = await CohortServices.StartAsync();
        await using var db = await services.Get<Database>().OpenAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.ExecuteAsync("INSERT INTO rsvps (cohort_id, event_id, participant_id, status, requested_at, updated_at) VALUES (1, 12345, 6789, 'going', 0, 0)"));
    }

    [Fact]
    public void BothDialects_HaveTheSameMigrationNumbers()
    {
        Assert.Equal(Migrator.Embedded.Select(m => (m.Version, m.Name)), Migrator.EmbeddedPostgres.Select(m => (m.Version, m.Name)));
    }
}
