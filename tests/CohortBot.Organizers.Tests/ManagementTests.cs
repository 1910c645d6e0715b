using System.Text;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Completion;
using CohortBot.Core.Exports;
using CohortBot.Core.Messages;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.OrganizerFixture;

namespace CohortBot.Organizers.Tests;

public sealed class ManagementTests
{
    [Fact]
    public async Task Roster_OfFifty_RoundTripsThroughTheParticipantsExport()
    {
        await using var f = await CreateAsync();
        var csv = new StringBuilder("name,email,discord,slack,terminal\r\n");
        var expected = new List<string[]>();
        for (var i = 1; i <= 50; i++)
        {
            string[] row = [i % 3 == 0 ? $"최, \"하늘\" {i}" : $"참가자 {i}", $"p{i}@example.com", $"10000000000000{i:D4}", i % 2 == 0 ? $"U{i:D6}" : "", ""];
            expected.Add(row);
            csv.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }

        var first = await Import(f, csv.ToString());
        Assert.Equal("Roster imported: 50 rows, 50 new participants, 0 already known (their missing email or platform ids were filled in).", first.Text);

        var export = Csv.Encoding.GetString(Assert.Single((await f.RunAsync(OrgA, "export", ("kind", "participants"))).Files).Content);
        var rows = Csv.Read(export);
        var imported = rows.Skip(1).Where(r => r[2].StartsWith('p')).Select(r => r.Skip(1).Take(5).ToArray()).ToList();
        Assert.Equal(expected, imported);

        var again = await Import(f, export);
        Assert.Equal("Roster imported: 54 rows, 0 new participants, 54 already known (their missing email or platform ids were filled in).", again.Text);
        Assert.Equal(export, Csv.Encoding.GetString(Assert.Single((await f.RunAsync(OrgA, "export", ("kind", "participants"))).Files).Content));
    }

    [Fact]
    public async Task Roster_WithBadLines_ImportsNothing_AndListsEveryLine()
    {
        await using var f = await CreateAsync();
        var reply = await Import(f, "name,email\r\nGood,good@example.com\r\n,nobody@example.com\r\nNo Mail,not-an-email\r\nNo Id,\r\n");

        Assert.Equal("Nothing was imported: 3 lines need fixing first.", reply.Text);
        Assert.Equal("line 3: the name is empty.\nline 4: 'not-an-email' is not an email address.\nline 5: No Id needs an email or a platform id to be recognised.", reply.Fields.Single().Value);
        Assert.Empty(await f.Get<Core.Roster.IRosterAdmin>().FindAsync(f.CohortId, "good@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Roster_ThatIsNotUtf8_IsRefused()
    {
        await using var f = await CreateAsync();
        var reply = await f.RunAsync(OrgA, "roster", ("file", InvocationAttachment.FromBytes("r.csv", [0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xC0, 0xFF])));
        Assert.StartsWith("I couldn't read that file.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drop_StopsSubmissions_FailsCompletion_AndUndoReinstates()
    {
        var listener = new CapturingListener();
        await using var f = await CreateAsync(configure: s => s.AddSingleton<ICohortChangeListener>(listener));
        f.At("2026-09-15 10:00");

        Assert.Equal("이서연 (#2) is now dropped. Their records are kept; /drop participant:#2 undo reverses it.",
            (await f.TypeAsync(OrgA, "/drop seoyeon@example.com reason:\"moved abroad\"")).Text);
        Assert.Equal("이서연 is already dropped.", (await f.TypeAsync(OrgA, "/drop #2")).Text);
        var refused = await f.RunAsync("seoyeon", "submit", ("week", 1L), ("url", "https://example.com/x"));
        Assert.StartsWith("You are no longer an active participant", refused.Text, StringComparison.Ordinal);
        var result = await Scenario.Evaluate(f, "seoyeon", "2026-09-16 10:00");
        Assert.Equal(CompletionStatus.Failed, result.Status);
        Assert.StartsWith("dropped from the cohort", CompletionReport.Reasons(result, new MessageCatalogue().For("en")), StringComparison.Ordinal);
        Assert.Contains(listener.Changes, c => c.Kind == CohortChangeKind.ParticipantChanged && c.Subject == "2");

        Assert.Equal("이서연 (#2) is active again.", (await f.TypeAsync(OrgA, "/drop #2 undo")).Text);
        Assert.NotEqual(ReplyTone.Error, (await f.RunAsync("seoyeon", "submit", ("week", 1L), ("url", "https://example.com/x"))).Tone);
        var audit = await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 10, CancellationToken.None);
        Assert.Equal(["participant.reinstate", "participant.drop"], audit.Select(a => a.Action));
        Assert.Contains("moved abroad", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excuse_TellsTheParticipant_AndOnlyOnce()
    {
        await using var f = await CreateAsync(configure: s => s.AddSingleton(TwoExcused));
        Assert.Equal("Week 2 is excused for 김민준.", (await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:2 reason:sick")).Text);
        Assert.Equal("Week 2 was already excused for 김민준.", (await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:2")).Text);
        Assert.Equal("There is no week 9.", (await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:9")).Text);
        Assert.Equal("An organizer has excused you from week 2; you don't need to submit a proof for it.", Assert.Single(f.Dms.To("minjun")).Text);
    }

    [Fact]
    public async Task DirectMessage_ToSomeoneWithoutALanguage_IsInTheCohortsLanguage()
    {
        await using var f = await CreateAsync(OrganizerFixture.Cohort() with { Language = "ko" }, s => s.AddSingleton(TwoExcused));

        await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:2");

        Assert.Matches("[가-힣]{2}", Assert.Single(f.Dms.To("minjun")).Text);
        Assert.DoesNotContain("excused", f.Dms.To("minjun")[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excuse_BeyondTheCohortsLimit_IsRefused_NamingTheLimit_AndStoresNothing()
    {
        await using var f = await CreateAsync(configure: s => s.AddSingleton(TwoExcused));
        await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:1");
        await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:2");
        f.Dms.Clear();

        var third = await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:3");

        Assert.Equal(ReplyTone.Error, third.Tone);
        Assert.Equal("김민준 already has 2 excused weeks (1, 2), the most this cohort allows (completion.max_excused_weeks in the cohort file). Nothing changed.", third.Text);
        Assert.Empty(f.Dms.DirectMessages);
        var id = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        Assert.Equal(2, (await f.Get<Core.Allowances.IAllowanceStore>().ForParticipantAsync(id, CancellationToken.None)).ExcusedWeekIds.Count);
        Assert.Equal("Week 2 was already excused for 김민준.", (await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:2")).Text);
        Assert.Equal("Week 3 is excused for 이서연.", (await f.TypeAsync(OrgA, "/excuse participant:terminal:seoyeon week:3")).Text);
    }

    [Fact]
    public async Task Excuse_WhenTheCohortAllowsNone_SaysSo()
    {
        await using var f = await CreateAsync();

        var reply = await f.TypeAsync(OrgA, "/excuse participant:terminal:minjun week:1");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal("This cohort allows no excused weeks (completion.max_excused_weeks in the cohort file), so week 1 cannot be excused for 김민준. Nothing changed.", reply.Text);
    }

    [Fact]
    public async Task ExtendForOne_MakesTheirProofOnTime_AndKeepsTheWeekOpenForThemOnly()
    {
        await using var f = await CreateAsync();
        var reply = await f.TypeAsync(OrgA, "/extend week:1 until:\"2026-09-30 23:59\" participant:terminal:minjun");
        Assert.StartsWith("The deadline for week 1 is now ⟦t:", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("An organizer has extended your deadline for week 1 to ⟦t:", Assert.Single(f.Dms.To("minjun")).Text, StringComparison.Ordinal);

        f.At("2026-09-29 10:00"); // after week 1 closed for everyone else
        var mine = await f.RunAsync("minjun", "submit", ("week", 1L), ("url", "https://example.com/m"));
        Assert.Equal(ReplyTone.Success, mine.Tone);
        var theirs = await f.RunAsync("seoyeon", "submit", ("week", 1L), ("url", "https://example.com/s"));
        Assert.Equal(ReplyTone.Error, theirs.Tone);
        Assert.Equal("deadline.extend_one", Assert.Single(await f.Get<Core.Audit.IAuditLog>().RecentAsync(f.CohortId, 5, CancellationToken.None)).Action);
    }

    [Fact]
    public async Task ExtendForAll_MovesTheWeek_PublishesIt_AndSurvivesASyncUntilTheFileChangesThatDeadline()
    {
        var listener = new CapturingListener();
        await using var f = await CreateAsync(configure: s => s.AddSingleton<ICohortChangeListener>(listener));
        var store = f.Get<ICohortStore>();

        var moved = await f.TypeAsync(OrgA, "/extend 2 \"2026-10-06 23:59\"");
        Assert.True(moved.Text.StartsWith("The deadline for week 2 is now", StringComparison.Ordinal), string.Join("\n", f.Logs.Entries.Select(l => l.Message)));
        Assert.Contains(listener.Changes, c => c.Kind == CohortChangeKind.WeekChanged && c.Subject == "2");
        Assert.Equal(SampleCohort.Kst("2026-10-06 23:59"), await DueOf(store, f, 2));
        Assert.Equal(SampleCohort.Kst("2026-10-06 23:59"), (await store.WeeksAsync(f.CohortId, CancellationToken.None)).Single(w => w.Number == 2).ClosesAt);

        await store.SyncAsync(OrganizerFixture.Cohort(), f.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(SampleCohort.Kst("2026-10-06 23:59"), await DueOf(store, f, 2));

        var edited = OrganizerFixture.Cohort();
        edited = edited with { Weeks = [.. edited.Weeks.Select(w => w.Number == 2 ? w with { DueAt = SampleCohort.Kst("2026-09-28 23:59") } : w)] };
        await store.SyncAsync(edited, f.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(SampleCohort.Kst("2026-09-28 23:59"), await DueOf(store, f, 2));
        await store.SyncAsync(edited, f.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(SampleCohort.Kst("2026-09-28 23:59"), await DueOf(store, f, 2));
    }

    [Theory]
    [InlineData("/extend 1 tomorrow", "'tomorrow' is not a date and time I understand.")]
    [InlineData("/extend 1 2026-09-19", "The new deadline must be later than the current one")]
    [InlineData("/extend 7 2026-10-19", "There is no week 7.")]
    [InlineData("/extend certificate 2026-12-19", "The certificate deadline for everyone is set in the cohort file")]
    public async Task Extend_RefusesWhatIsNotAnExtension(string line, string start)
    {
        await using var f = await CreateAsync();
        var reply = await f.TypeAsync(OrgA, line);
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
    }

    private static readonly CompletionRules TwoExcused = new(MaxExcusedWeeks: 2, MaxMissedWeeks: 0, LateProofsCount: true, CertificateRequired: false, MinEventsAttended: 0);

    private static async Task<DateTimeOffset> DueOf(ICohortStore store, OrganizerFixture f, int week) =>
        (await store.WeeksAsync(f.CohortId, CancellationToken.None)).Single(w => w.Number == week).DueAt;

    private static Task<Reply> Import(OrganizerFixture f, string csv) =>
        f.RunAsync(OrgA, "roster", ("file", InvocationAttachment.FromBytes("roster.csv", Csv.Encoding.GetBytes(csv))));

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
