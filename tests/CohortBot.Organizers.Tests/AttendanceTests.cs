using System.Text.RegularExpressions;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Exports;
using CohortBot.Core.Messages;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed partial class AttendanceTests
{
    [Fact]
    public async Task CheckinCode_WorksUntilItExpires_AndCountsOnce()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-24 20:05");
        var opened = await f.TypeAsync(OrgA, "/checkin-open tt-one 10");
        var code = Code().Match(opened.Text).Groups[1].Value;
        Assert.Matches("^[A-HJKMNP-Z2-9]{6}$", code);
        Assert.False(opened.Ephemeral);

        var done = await f.TypeAsync("minjun", $"/checkin {code.ToLowerInvariant()}");
        Assert.Equal("You're checked in to Talk one. Enjoy!", done.Text);
        Assert.Equal("You're already checked in to Talk one.", (await f.TypeAsync("minjun", $"/checkin {code}")).Text);

        f.Clock.Advance(TimeSpan.FromMinutes(10));
        var late = await f.TypeAsync("seoyeon", $"/checkin {code}");
        Assert.Equal(ReplyTone.Error, late.Tone);
        Assert.StartsWith($"'{code}' is not an open check-in code.", late.Text, StringComparison.Ordinal);

        var entry = Assert.Single(await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 5, CancellationToken.None));
        Assert.Equal(("checkin.open", "tt-one"), (entry.Action, entry.Subject));
    }

    [Fact]
    public async Task Checkin_WithAWrongCode_IsRefused()
    {
        await using var f = await CreateAsync();
        var reply = await f.TypeAsync("minjun", "/checkin ABCDEF");
        Assert.Equal(ReplyTone.Error, reply.Tone);
    }

    [Fact]
    public async Task CheckinOpen_ForAnUnknownEvent_IsRefused()
    {
        await using var f = await CreateAsync();
        Assert.Equal("There is no event 'nope'.", (await f.TypeAsync(OrgA, "/checkin-open nope")).Text);
    }

    [Fact]
    public async Task Attend_ByHand_RecordsOnce_AndShowsInTheRsvpExport()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-24 21:30");
        Assert.Equal("Recorded: 박지호 attended Talk one.", (await f.TypeAsync(OrgA, "/attend tt-one jiho@example.com")).Text);
        Assert.Equal("박지호 is already recorded as attending Talk one.", (await f.TypeAsync(OrgA, "/attend tt-one #3")).Text);

        var csv = Csv.Encoding.GetString(Assert.Single((await f.TypeAsync(OrgA, "/export rsvps")).Files).Content);
        Assert.EndsWith("tt-one,Talk one,tech_talk,2026-09-24T20:00:00+09:00,no,3,박지호,jiho@example.com,,,yes,organizer,2026-09-24T21:30:00+09:00\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attend_WithAnAmbiguousOrUnknownName_SaysHowToPick()
    {
        await using var f = await CreateAsync();
        Assert.StartsWith("No participant matches 'nobody'.", (await f.TypeAsync(OrgA, "/attend tt-one nobody")).Text, StringComparison.Ordinal);
        Assert.Equal("Recorded: 김민준 attended Talk one.", (await f.TypeAsync(OrgA, "/attend tt-one 김민준")).Text);
        Assert.Equal("Recorded: 김민준 attended Office hours two.", (await f.TypeAsync(OrgA, "/attend oh-two participant:terminal:minjun")).Text);
    }

    [Fact]
    public async Task Attend_NamingTwoParticipants_IsRefused_AndRecordsNobody()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-24 21:30");

        var reply = await f.TypeAsync(OrgA, "/attend tt-one participant:#1 participant:#2");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.StartsWith("'participant' is given twice", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 5, CancellationToken.None));
        Assert.Equal("Events attended: 0", (await f.TypeAsync("seoyeon", "/progress")).Fields.Single(x => x.Name.StartsWith("Events attended", StringComparison.Ordinal)).Name);
    }

    [Fact]
    public async Task Attend_WithoutAnRsvp_IsShownInProgressAndCalendar()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-24 21:30");
        await f.TypeAsync(OrgA, "/attend tt-one participant:terminal:jiho");

        var progress = await f.TypeAsync("jiho", "/progress");
        Assert.NotEqual(ReplyTone.Error, progress.Tone);
        Assert.Equal("Talk one", progress.Fields.Single(x => x.Name == "Events attended: 1").Value);
        Assert.Equal("none", progress.Fields.Single(x => x.Name == "Your RSVPs").Value);

        var calendar = Csv.Encoding.GetString(Assert.Single((await f.TypeAsync("jiho", "/calendar")).Files).Content);
        Assert.Contains("UID:event-tt-one@test-cohort.cohortbot\r\n", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkin_WithoutAnRsvp_IsRecorded_AndShownInProgress()
    {
        await using var f = await CreateAsync();
        f.At("2026-09-24 20:05");
        var code = Code().Match((await f.TypeAsync(OrgA, "/checkin-open tt-one")).Text).Groups[1].Value;

        Assert.Equal("You're checked in to Talk one. Enjoy!", (await f.TypeAsync("seoyeon", $"/checkin {code}")).Text);
        Assert.Equal("You're already checked in to Talk one.", (await f.TypeAsync("seoyeon", $"/checkin {code}")).Text);
        var progress = await f.TypeAsync("seoyeon", "/progress");
        Assert.Equal("Talk one", progress.Fields.Single(x => x.Name == "Events attended: 1").Value);
    }

    [Fact]
    public async Task MinEventsAttended_IsAtRiskWhileEventsRemain_ThenFailed()
    {
        var rules = new CompletionRules(0, 3, true, false, MinEventsAttended: 2);
        await using var f = await CreateAsync(configure: s => s.AddSingleton(rules));
        f.At("2026-09-24 21:30");
        await f.TypeAsync(OrgA, "/attend tt-one participant:terminal:minjun");

        var before = await Scenario.Evaluate(f, "minjun", "2026-10-01 10:00");
        Assert.Equal(CompletionStatus.AtRisk, before.Status);
        Assert.Equal("weeks 2, 3 not approved yet; 1 of 2 events attended", CompletionReport.Reasons(before, new MessageCatalogue().For("en")));

        var after = await Scenario.Evaluate(f, "minjun", "2026-10-12 10:00");
        Assert.Equal(CompletionStatus.Failed, after.Status);
        Assert.Equal(1, after.EventsAttended);
    }

    [GeneratedRegex(@"Code: ([A-Z0-9]+) ")]
    private static partial Regex Code();
}
