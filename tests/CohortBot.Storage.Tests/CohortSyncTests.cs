using CohortBot.Storage;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;

namespace CohortBot.Storage.Tests;

public sealed class CohortSyncTests
{
    [Fact]
    public async Task Sync_SameFileTwice_ChangesNothing()
    {
        await using var services = await CohortServices.StartAsync();
        var result = await services.Get<ICohortStore>().SyncAsync(SampleCohort.Definition(), services.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal((0, 0, 0, 0, 0), (result.WeeksAdded, result.WeeksUpdated, result.EventsAdded, result.EventsUpdated, result.EventsCancelled));
        Assert.Equal((1L, 3L, 2L, 3L), await CountsAsync(services));
    }

    [Fact]
    public async Task Sync_EditedFile_UpdatesRowsAndNeverDeletesSubmissions()
    {
        await using var services = await CohortServices.StartAsync();
        services.Clock.SetUtcNow(SampleCohort.Kst(2026, 9, 29, 12, 0));
        Assert.Contains("received", (await services.RunAsync("alice", "submit", ("week", "3"), ("url", "https://example.com/w3"))).Text, StringComparison.Ordinal);

        // Week 3 leaves the file, week 2 gets a new deadline, the talk moves, the office hour goes.
        var edited = SampleCohort.Definition(d => d with
        {
            Weeks = [d.Weeks[0], d.Weeks[1] with { DueAt = SampleCohort.Kst(2026, 9, 28, 23, 59), Title = "Course 1, weeks 3-4 (extended)" }],
            Events = [d.Events[0] with { StartsAt = d.Events[0].StartsAt.AddDays(1), EndsAt = d.Events[0].EndsAt.AddDays(1) }],
        });
        var result = await services.Get<ICohortStore>().SyncAsync(edited, services.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(2, result.WeeksUpdated); // week 2 edited, week 3 retired
        Assert.Equal(1, result.EventsUpdated);
        Assert.Equal(1, result.EventsCancelled);
        var weeks = await services.Get<ICohortStore>().WeeksAsync(result.CohortId, CancellationToken.None);
        Assert.Equal([1, 2], weeks.Select(w => w.Number));
        Assert.Equal(SampleCohort.Kst(2026, 9, 28, 23, 59), weeks[1].DueAt);
        Assert.Equal("Course 1, weeks 3-4 (extended)", weeks[1].Title);

        await using var db = await services.Get<Database>().OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM submissions"));
        Assert.Equal(1L, await db.ExecuteScalarAsync<long>("SELECT cancelled FROM events WHERE key = 'oh-dable'"));

        // Putting week 3 back brings the same row back, with its submission.
        await services.Get<ICohortStore>().SyncAsync(SampleCohort.Definition(), services.Clock.GetUtcNow(), CancellationToken.None);
        var alice = await services.Get<IParticipantStore>().FindByIdentityAsync(result.CohortId, "test", "alice", CancellationToken.None);
        var latest = await services.Get<ISubmissionStore>().LatestWeeklyAsync(alice!.Id, CancellationToken.None);
        Assert.Equal(3, Assert.Single(latest).WeekNumber);
        Assert.Equal((1L, 3L, 2L, 3L), await CountsAsync(services));
    }

    [Fact]
    public async Task Sync_Roster_IsImportedOnceAndMatchedByIdentity()
    {
        var roster = new RosterEntry[]
        {
            new("김민준", "minjun@example.com", new Dictionary<string, string> { ["terminal"] = "minjun" }, 1),
            new("Alice", null, new Dictionary<string, string> { ["discord"] = "123", ["slack"] = "U1" }, 2),
        };
        var def = SampleCohort.Definition(d => d with { RegistrationOpen = false, Roster = roster });
        await using var services = await CohortServices.StartAsync(definition: def);
        var again = await services.Get<ICohortStore>().SyncAsync(def, services.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(0, again.RosterAdded);

        var store = services.Get<IParticipantStore>();
        var viaSlack = await store.FindByIdentityAsync(again.CohortId, "slack", "U1", CancellationToken.None);
        var viaDiscord = await store.FindByIdentityAsync(again.CohortId, "discord", "123", CancellationToken.None);
        Assert.Equal(viaSlack!.Id, viaDiscord!.Id);
        Assert.Equal("김민준", (await store.FindByIdentityAsync(again.CohortId, "terminal", "minjun", CancellationToken.None))!.DisplayName);
        Assert.Equal(2, (await store.ActiveAsync(again.CohortId, CancellationToken.None)).Count);
    }

    private static async Task<(long Cohorts, long Weeks, long Events, long Certificates)> CountsAsync(CohortServices services)
    {
        await using var db = await services.Get<Database>().OpenAsync(CancellationToken.None);
        return (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cohorts"),
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM weeks WHERE retired = 0"),
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM events"),
            await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM certificate_types WHERE retired = 0"));
    }
}
