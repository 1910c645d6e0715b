using CohortBot.Core.Inbound;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CohortBot.Storage.Tests.Inbound;

/// <summary>The single writer: group commit, a failing write rolled back alone, the inbox mark in the same transaction.</summary>
[Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
public sealed class SqliteWriterTests
{
    private const string CreateNotes = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)";

    [Fact]
    public async Task WritesArrivingDuringACommit_ShareTheNextTransaction()
    {
        await using var services = await CohortServices.StartAsync();
        var connections = services.Get<SqliteConnectionFactory>();
        await connections.ExecuteAsync(CreateNotes, null, default);
        var before = connections.WriterCounters;

        // Hold the writer inside one write, queue a hundred more, then let it go.
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = connections.InTransactionAsync(async (db, tx) =>
        {
            holding.SetResult();
            await release.Task;
            return await db.ExecuteAsync("INSERT INTO notes (text) VALUES ('first')", transaction: tx);
        }, default);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var rest = Enumerable.Range(0, 100).Select(i => connections.ExecuteAsync("INSERT INTO notes (text) VALUES (@i)", new { i = i.ToString() }, default)).ToList();
        Assert.All(rest, w => Assert.False(w.IsCompleted));
        release.SetResult();
        await first;
        await Task.WhenAll(rest).WaitAsync(TimeSpan.FromSeconds(30));

        var after = connections.WriterCounters;
        Assert.Equal(101, after.Writes - before.Writes);
        Assert.Equal(2, after.Transactions - before.Transactions);
        Assert.Equal(101, await CountAsync(connections, "SELECT COUNT(*) FROM notes"));
    }

    [Fact]
    public async Task AFailingWrite_IsRolledBackAlone_AndItsCallerSeesWhy()
    {
        await using var services = await CohortServices.StartAsync();
        var connections = services.Get<SqliteConnectionFactory>();
        await connections.ExecuteAsync(CreateNotes, null, default);

        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var gate = connections.InTransactionAsync(async (_, _) =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        }, default);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var before = connections.WriterCounters;
        var ok1 = connections.ExecuteAsync("INSERT INTO notes (text) VALUES ('a')", null, default);
        var bad = connections.InTransactionAsync<int>(async (db, tx) =>
        {
            await db.ExecuteAsync("INSERT INTO notes (text) VALUES ('half')", transaction: tx);
            throw new InvalidOperationException("refused on purpose");
        }, default);
        var ok2 = connections.ExecuteAsync("INSERT INTO notes (text) VALUES ('b')", null, default);
        release.SetResult();

        await Task.WhenAll(gate, ok1, ok2);
        // The held write's transaction, then one for the three queued behind it.
        Assert.Equal(2, connections.WriterCounters.Transactions - before.Transactions);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("refused on purpose", error.Message);
        Assert.Equal(["a", "b"], await TextsAsync(connections));
    }

    [Fact]
    public async Task AWriteForADelivery_MarksItExecuted_InTheSameTransaction()
    {
        await using var services = await CohortServices.StartAsync();
        var connections = services.Get<SqliteConnectionFactory>();
        var inbox = services.Get<IInbox>();
        await connections.ExecuteAsync(CreateNotes, null, default);
        var now = services.Clock.GetUtcNow();
        await inbox.AcceptAsync(new InboxEntry("discord", "1", "interaction", "u1", "{}", now), default);
        await inbox.AcceptAsync(new InboxEntry("discord", "2", "interaction", "u2", "{}", now), default);

        using (DeliveryContext.Enter(new InboxKey("discord", "1")))
        {
            await connections.ExecuteAsync("INSERT INTO notes (text) VALUES ('done')", null, default);
        }

        using (DeliveryContext.Enter(new InboxKey("discord", "2")))
        {
            await Assert.ThrowsAsync<SqliteException>(() => connections.ExecuteAsync("INSERT INTO no_such_table VALUES (1)", null, default));
        }

        var open = await inbox.UnansweredAsync(now.AddSeconds(1), null, 10, default);
        Assert.NotNull(open.Single(e => e.DeliveryId == "1").ExecutedAt);
        Assert.Null(open.Single(e => e.DeliveryId == "2").ExecutedAt);
    }

    [Fact]
    public async Task AWriteStartedInsideAnother_IsRefusedInsteadOfWaitingForever()
    {
        await using var services = await CohortServices.StartAsync();
        var connections = services.Get<SqliteConnectionFactory>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            connections.InTransactionAsync((_, _) => connections.ExecuteAsync("SELECT 1", null, default), default).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("inside another write", error.Message);
    }

    [Fact]
    public async Task Inbox_RefusesARepeat_AndPagesUnansweredOldestFirst()
    {
        await using var services = await CohortServices.StartAsync();
        var inbox = services.Get<IInbox>();
        var t0 = services.Clock.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await inbox.AcceptAsync(new InboxEntry("slack", "T" + i, "slash_commands", "U" + i, "{}", t0.AddSeconds(5 - i)), default));
        }

        Assert.False(await inbox.AcceptAsync(new InboxEntry("slack", "T3", "slash_commands", "U3", "{}", t0), default));
        await inbox.MarkAnsweredAsync(new InboxKey("slack", "T2"), t0, default);

        var first = await inbox.UnansweredAsync(t0.AddMinutes(1), null, 2, default);
        var second = await inbox.UnansweredAsync(t0.AddMinutes(1), first[^1], 2, default);
        Assert.Equal(["T4", "T3", "T1", "T0"], first.Concat(second).Select(e => e.DeliveryId));
        Assert.Equal(1, await inbox.PruneAsync(t0.AddMinutes(1), default));
    }

    private static async Task<long> CountAsync(SqliteConnectionFactory connections, string sql)
    {
        await using var db = await connections.OpenAsync(default);
        return await db.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<List<string>> TextsAsync(SqliteConnectionFactory connections)
    {
        await using var db = await connections.OpenAsync(default);
        return (await db.QueryAsync<string>("SELECT text FROM notes ORDER BY id")).ToList();
    }
}
