using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed class EventManagementTests
{
    [Fact]
    public async Task EventCreate_AddsAChatEvent_ThatTheFileSyncLeavesAlone()
    {
        var listener = new CapturingListener();
        await using var f = await CreateAsync(configure: s => s.AddSingleton<ICohortChangeListener>(listener));

        var reply = await f.TypeAsync(OrgA, "/event-create id:ct-dable kind:career_talk title:\"Careers at Dable\" starts:\"2026-10-15 20:00\" duration:1h30m company:Dable speakers:\"이하늘 (Recruiter); Kim Jun\" capacity:30");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Contains(listener.Changes, c => c.Kind == CohortChangeKind.EventChanged && c.Subject == "ct-dable");
        await f.Get<ICohortStore>().SyncAsync(OrganizerFixture.Cohort(), f.Clock.GetUtcNow(), CancellationToken.None);
        var created = (await f.Get<IEventStore>().FindAsync(f.CohortId, "ct-dable", CancellationToken.None))!;
        Assert.Equal(("Careers at Dable", EventKind.CareerTalk, "Dable", 30, false), (created.Title, created.Kind, created.Company, created.Capacity, created.Cancelled));
        Assert.Equal(SampleCohort.Kst("2026-10-15 20:00"), created.StartsAt);
        Assert.Equal(TimeSpan.FromMinutes(90), created.EndsAt - created.StartsAt);
        Assert.Equal([new Speaker("이하늘", "Recruiter"), new Speaker("Kim Jun", null)], created.Speakers);
        Assert.Equal("There is already an event 'ct-dable'. Use /event-edit to change it.",
            (await f.TypeAsync(OrgA, "/event-create id:ct-dable kind:career_talk title:X starts:\"2026-10-16 20:00\"")).Text);
    }

    [Fact]
    public async Task EventEdit_OfAFileEvent_TakesItOver_AndTellsReservedPeopleWhenItMoves()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-20 10:00");
        await f.RunAsync("minjun", "rsvp", ("event", "tt-one"));

        var reply = await f.TypeAsync(OrgA, "/event-edit tt-one starts:\"2026-09-25 21:00\" topic:\"On-device ML\"");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.StartsWith("Talk one has moved to ⟦t:", Assert.Single(f.Dms.To("minjun")).Text, StringComparison.Ordinal);
        await f.Get<ICohortStore>().SyncAsync(OrganizerFixture.Cohort(), f.Clock.GetUtcNow(), CancellationToken.None);
        var edited = (await f.Get<IEventStore>().FindAsync(f.CohortId, "tt-one", CancellationToken.None))!;
        Assert.Equal(SampleCohort.Kst("2026-09-25 21:00"), edited.StartsAt);
        Assert.Equal(TimeSpan.FromHours(1), edited.EndsAt - edited.StartsAt);
        Assert.Equal(("Hyperconnect", "On-device ML"), (edited.Company, edited.Topic));
        var entry = Assert.Single(await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 5, CancellationToken.None));
        Assert.Equal("event.edit", entry.Action);
        Assert.Contains("\"topic\":null", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"topic\":\"On-device ML\"", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventEdit_GrowingCapacity_GivesTheSeatToTheFirstWaiting_AndTellsThem()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-20 10:00");
        await f.TypeAsync(OrgA, "/event-edit oh-two capacity:1");
        await f.RunAsync("minjun", "rsvp", ("event", "oh-two"));
        await f.RunAsync("seoyeon", "rsvp", ("event", "oh-two"));
        await f.RunAsync("jiho", "rsvp", ("event", "oh-two"));

        var reply = await f.TypeAsync(OrgA, "/event-edit oh-two capacity:2");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.Contains("1 person from the waitlist now has a seat.", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Good news: a seat freed up and you're now going to Office hours two", Assert.Single(f.Dms.To("seoyeon")).Text, StringComparison.Ordinal);
        Assert.Empty(f.Dms.To("jiho"));
        var seats = await f.Get<IEventStore>().SeatsAsync([(await f.Get<IEventStore>().FindAsync(f.CohortId, "oh-two", CancellationToken.None))!.Id], CancellationToken.None);
        Assert.Equal((2, 1), (seats.Values.Single().Going, seats.Values.Single().Waitlisted));
        Assert.Contains("You're already on the waitlist for Office hours two, at position 1.", (await f.RunAsync("jiho", "rsvp", ("event", "oh-two"))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventEdit_CapacityBelowTheSeatsTaken_WarnsAndKeepsEverySeat()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-20 10:00");
        await f.RunAsync("minjun", "rsvp", ("event", "oh-two"));
        await f.RunAsync("seoyeon", "rsvp", ("event", "oh-two"));

        var reply = await f.TypeAsync(OrgA, "/event-edit oh-two capacity:1");

        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.Contains("2 people already have a seat, more than the 1 seat it now has. Nobody lost their seat", reply.Text, StringComparison.Ordinal);
        var seats = await f.Get<IEventStore>().SeatsAsync([(await f.Get<IEventStore>().FindAsync(f.CohortId, "oh-two", CancellationToken.None))!.Id], CancellationToken.None);
        Assert.Equal(2, seats.Values.Single().Going);
        Assert.Empty(f.Dms.DirectMessages);
    }

    [Fact]
    public async Task Rsvp_WhileOthersWaitForAFreedSeat_DoesNotJumpTheQueue()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-20 10:00");
        await f.TypeAsync(OrgA, "/event-edit oh-two capacity:1");
        await f.RunAsync("minjun", "rsvp", ("event", "oh-two"));
        await f.RunAsync("seoyeon", "rsvp", ("event", "oh-two"));
        // Capacity grown behind the bot's back (the cohort file), so nobody was promoted yet.
        await using (var db = await f.Get<CohortBot.Storage.Database>().OpenAsync(default))
        {
            await using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE events SET capacity = 2 WHERE key = 'oh-two'";
            await cmd.ExecuteNonQueryAsync();
        }

        var reply = await f.RunAsync("jiho", "rsvp", ("event", "oh-two"));

        Assert.StartsWith("Office hours two is full, so you're on the waitlist at position 1.", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Good news: a seat freed up", Assert.Single(f.Dms.To("seoyeon")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventCancel_TellsEveryoneWithASeatOrOnTheWaitlist_Once()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-20 10:00");
        await f.RunAsync("minjun", "rsvp", ("event", "oh-two"));
        await f.RunAsync("seoyeon", "rsvp", ("event", "oh-two"));

        var reply = await f.TypeAsync(OrgA, "/event-cancel oh-two reason:\"speaker is ill\"");

        Assert.Equal("Office hours two is cancelled; 2 people with a seat or on the waitlist have been told.", reply.Text);
        Assert.EndsWith("has been cancelled. Reason: speaker is ill", Assert.Single(f.Dms.To("seoyeon")).Text, StringComparison.Ordinal);
        Assert.Equal("Office hours two was already cancelled.", (await f.TypeAsync(OrgA, "/event-cancel oh-two")).Text);
        await f.Get<ICohortStore>().SyncAsync(OrganizerFixture.Cohort(), f.Clock.GetUtcNow(), CancellationToken.None);
        Assert.True((await f.Get<IEventStore>().FindAsync(f.CohortId, "oh-two", CancellationToken.None))!.Cancelled);
        Assert.Equal(2, f.Dms.DirectMessages.Count);
    }

    [Theory]
    [InlineData("/event-create id:Bad_Id kind:tech_talk title:T starts:\"2026-10-15 20:00\"", "'bad_id' is not a valid event id")]
    [InlineData("/event-create id:x kind:party title:T starts:\"2026-10-15 20:00\"", "'party' is not an event kind.")]
    [InlineData("/event-create id:x kind:tech_talk title:T starts:tomorrow", "'tomorrow' is not a date and time")]
    [InlineData("/event-create id:x kind:tech_talk title:T starts:\"2026-09-01 20:00\"", "That start time has already passed.")]
    [InlineData("/event-create id:x kind:tech_talk title:T starts:\"2026-10-15 20:00\" duration:25h", "'25h' is not a duration.")]
    [InlineData("/event-edit nope title:T", "There is no event 'nope'.")]
    public async Task EventCommands_RefuseBadInput(string line, string start)
    {
        await using var f = await CreateAsync();
        var reply = await f.TypeAsync(OrgA, line);
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
    }
}
