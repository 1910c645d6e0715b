using CohortBot.Core.Allowances;
using CohortBot.Core.Completion;
using CohortBot.Core.Messages;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CohortBot.Organizers.Tests.Scenario;

namespace CohortBot.Organizers.Tests;

public sealed class CompletionTests
{
    private const string AfterWeeks = "2026-10-12 10:00";

    private static readonly CompletionRules WeeksOnly = new(MaxExcusedWeeks: 1, MaxMissedWeeks: 0, LateProofsCount: true, CertificateRequired: false, MinEventsAttended: 0);

    [Fact]
    public async Task AllWeeksApproved_IsCompleted()
    {
        await using var f = await With(WeeksOnly);
        await AllThreeWeeksOnTime(f, "minjun");
        await ReviewAll(f);

        var result = await Evaluate(f, "minjun", AfterWeeks);

        Assert.Equal(CompletionStatus.Completed, result.Status);
        Assert.Equal(3, result.WeeksApproved);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public async Task MissingWeek_AfterItCloses_IsFailed_ButWhileOpen_IsAtRisk()
    {
        await using var f = await With(WeeksOnly);
        await SubmitAt(f, "minjun", 1, "2026-09-15 10:00");
        await SubmitAt(f, "minjun", 2, "2026-09-22 10:00");
        await ReviewAll(f);

        var open = await Evaluate(f, "minjun", "2026-10-11 23:00");
        Assert.Equal(CompletionStatus.AtRisk, open.Status);
        Assert.Equal("weeks 3 not approved yet", Text(open));

        var closed = await Evaluate(f, "minjun", AfterWeeks);
        Assert.Equal(CompletionStatus.Failed, closed.Status);
        Assert.Equal("weeks 3 missed (0 allowed)", Text(closed));
    }

    [Fact]
    public async Task ExcusedWeek_WithinTheAllowance_Completes_ButBeyondIt_CountsAsMissed()
    {
        await using var f = await With(WeeksOnly);
        await SubmitAt(f, "minjun", 1, "2026-09-15 10:00");
        await ReviewAll(f);
        var allowances = f.Get<IAllowanceStore>();
        var id = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        Assert.Equal(ExcuseOutcome.Excused, await allowances.ExcuseWeekAsync(f.CohortId, id, await WeekId(f, 2), "hospital", "terminal:org-a", f.Clock.GetUtcNow(), 1, null, CancellationToken.None));
        Assert.Equal(ExcuseOutcome.AlreadyExcused, await allowances.ExcuseWeekAsync(f.CohortId, id, await WeekId(f, 2), "again", "terminal:org-a", f.Clock.GetUtcNow(), 1, null, CancellationToken.None));
        Assert.Equal(ExcuseOutcome.LimitReached, await allowances.ExcuseWeekAsync(f.CohortId, id, await WeekId(f, 3), "travel", "terminal:org-a", f.Clock.GetUtcNow(), 1, null, CancellationToken.None));

        await SubmitAt(f, "minjun", 3, "2026-09-29 10:00");
        await ReviewAll(f);
        var oneExcused = await Evaluate(f, "minjun", AfterWeeks);
        Assert.Equal(CompletionStatus.Completed, oneExcused.Status);
        Assert.Equal((2, 1, 0), (oneExcused.WeeksApproved, oneExcused.WeeksExcused, oneExcused.WeeksMissed));

        // Excused before the cohort file lowered its limit: the one beyond it counts as missed.
        await allowances.ExcuseWeekAsync(f.CohortId, id, await WeekId(f, 3), "travel", "terminal:org-a", f.Clock.GetUtcNow(), 2, null, CancellationToken.None);
        var twoExcused = await Evaluate(f, "minjun", AfterWeeks);
        Assert.Equal(CompletionStatus.Failed, twoExcused.Status);
        Assert.Equal("weeks 3 missed (0 allowed)", Text(twoExcused));
    }

    [Fact]
    public async Task LateApprovedProof_CountsOnlyWhenTheRulesSaySo()
    {
        foreach (var (lateCounts, expected) in new[] { (true, CompletionStatus.Completed), (false, CompletionStatus.Failed) })
        {
            await using var f = await With(WeeksOnly with { LateProofsCount = lateCounts });
            await SubmitAt(f, "minjun", 1, "2026-09-15 10:00");
            await SubmitAt(f, "minjun", 2, "2026-09-28 09:00"); // a day after the week 2 deadline, before it closes
            await SubmitAt(f, "minjun", 3, "2026-09-29 10:00");
            await ReviewAll(f);

            var result = await Evaluate(f, "minjun", AfterWeeks);

            Assert.Equal(expected, result.Status);
            if (!lateCounts)
            {
                Assert.Equal("weeks 2 missed (0 allowed)", Text(result));
            }
        }
    }

    [Fact]
    public async Task Extension_MakesALateProofOnTime_AndKeepsAWeekOpenPastItsClose()
    {
        await using var f = await With(WeeksOnly with { LateProofsCount = false });
        var id = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        var allowances = f.Get<IAllowanceStore>();
        await allowances.ExtendAsync(f.CohortId, id, await WeekId(f, 2), SampleCohort.Kst("2026-09-30 23:59"), "terminal:org-a", f.Clock.GetUtcNow(), null, CancellationToken.None);
        await allowances.ExtendAsync(f.CohortId, id, await WeekId(f, 3), SampleCohort.Kst("2026-10-20 23:59"), "terminal:org-a", f.Clock.GetUtcNow(), null, CancellationToken.None);
        await SubmitAt(f, "minjun", 1, "2026-09-15 10:00");
        await SubmitAt(f, "minjun", 2, "2026-09-29 09:00");
        await ReviewAll(f);

        var stillOpen = await Evaluate(f, "minjun", AfterWeeks);
        Assert.Equal(CompletionStatus.AtRisk, stillOpen.Status);
        Assert.Equal("weeks 3 not approved yet", Text(stillOpen));

        var past = await Evaluate(f, "minjun", "2026-10-21 00:00");
        Assert.Equal(CompletionStatus.Failed, past.Status);
        Assert.Equal("weeks 3 missed (0 allowed)", Text(past));
        Assert.Equal(2, past.WeeksApproved);
    }

    [Fact]
    public async Task Extension_ReplacesThePreviousOne_AndSaysWhatItWas()
    {
        await using var f = await With(WeeksOnly);
        var id = await ReviewQueueTests.ParticipantIdAsync(f, "minjun");
        var allowances = f.Get<IAllowanceStore>();
        Assert.Null(await allowances.ExtendAsync(f.CohortId, id, null, SampleCohort.Kst("2026-12-05 23:59"), "a", f.Clock.GetUtcNow(), null, CancellationToken.None));
        Assert.Equal(SampleCohort.Kst("2026-12-05 23:59"), await allowances.ExtendAsync(f.CohortId, id, null, SampleCohort.Kst("2026-12-10 23:59"), "a", f.Clock.GetUtcNow(), null, CancellationToken.None));
        Assert.Equal(SampleCohort.Kst("2026-12-10 23:59"), (await allowances.ForParticipantAsync(id, CancellationToken.None)).CertificateDeadline);
    }

    [Fact]
    public async Task RejectedThenResubmitted_CountsTheLatestAttempt()
    {
        await using var f = await With(WeeksOnly);
        await AllThreeWeeksOnTime(f, "minjun");
        await ReviewAll(f, reject: item => item.WeekNumber == 2);

        var rejectedWhileOpen = await Evaluate(f, "minjun", "2026-10-01 10:00");
        Assert.Equal(CompletionStatus.AtRisk, rejectedWhileOpen.Status);
        Assert.Equal("weeks 2 not approved yet", Text(rejectedWhileOpen));

        await SubmitAt(f, "minjun", 2, "2026-10-02 10:00");
        var pending = await Evaluate(f, "minjun", AfterWeeks);
        Assert.Equal(CompletionStatus.AtRisk, pending.Status);

        await ReviewAll(f);
        Assert.Equal(CompletionStatus.Completed, (await Evaluate(f, "minjun", AfterWeeks)).Status);
    }

    [Fact]
    public async Task RejectedAndNeverResubmitted_FailsOnceTheWeekCloses()
    {
        await using var f = await With(WeeksOnly);
        await AllThreeWeeksOnTime(f, "minjun");
        await ReviewAll(f, reject: item => item.WeekNumber == 1);

        var result = await Evaluate(f, "minjun", AfterWeeks);

        Assert.Equal(CompletionStatus.Failed, result.Status);
        Assert.Equal("weeks 1 missed (0 allowed)", Text(result));
    }

    [Fact]
    public async Task Certificate_MustBeApproved_AndSubmittedBeforeTheParticipantsDeadline()
    {
        var rules = WeeksOnly with { CertificateRequired = true };
        await using var f = await With(rules);
        foreach (var (week, day) in new[] { (1, "2026-09-15 10:00"), (2, "2026-09-22 10:00"), (3, "2026-09-29 10:00") })
        {
            foreach (var user in new[] { "minjun", "seoyeon", "jiho" })
            {
                await SubmitAt(f, user, week, day);
            }
        }

        f.At("2026-11-20 10:00");
        await f.RunAsync("minjun", "cert", ("type", "tf"), ("url", "https://credential.example.com/minjun"));
        f.At("2026-12-02 10:00");
        await f.RunAsync("seoyeon", "cert", ("type", "tf"), ("url", "https://credential.example.com/seoyeon"));
        await f.RunAsync("jiho", "cert", ("type", "tf"), ("url", "https://credential.example.com/jiho"));
        var jiho = await ReviewQueueTests.ParticipantIdAsync(f, "jiho");
        await f.Get<IAllowanceStore>().ExtendAsync(f.CohortId, jiho, null, SampleCohort.Kst("2026-12-03 23:59"), "terminal:org-a", f.Clock.GetUtcNow(), null, CancellationToken.None);
        await ReviewAll(f);

        Assert.Equal(CompletionStatus.Completed, (await Evaluate(f, "minjun", "2026-12-05 10:00")).Status);
        var late = await Evaluate(f, "seoyeon", "2026-12-05 10:00");
        Assert.Equal(CompletionStatus.Failed, late.Status);
        Assert.Equal("certificate not approved before the deadline", Text(late));
        Assert.Equal(CompletionStatus.Completed, (await Evaluate(f, "jiho", "2026-12-05 10:00")).Status);
        var none = await Evaluate(f, "haeun", "2026-12-05 10:00");
        Assert.Equal(CompletionStatus.Failed, none.Status);
        Assert.Equal("weeks 1, 2, 3 missed (0 allowed); no certificate before the deadline", Text(none));
    }

    [Fact]
    public async Task CertificateWaitingForReview_IsAtRisk_NotFailed_AfterTheDeadline()
    {
        await using var f = await With(WeeksOnly with { CertificateRequired = true });
        await AllThreeWeeksOnTime(f, "minjun");
        await ReviewAll(f);
        f.At("2026-11-20 10:00");
        await f.RunAsync("minjun", "cert", ("type", "tf"), ("url", "https://credential.example.com/minjun"));

        var result = await Evaluate(f, "minjun", "2026-12-05 10:00");

        Assert.Equal(CompletionStatus.AtRisk, result.Status);
        Assert.Equal("certificate waiting for review", Text(result));
    }

    private static Task<OrganizerFixture> With(CompletionRules rules) =>
        OrganizerFixture.CreateAsync(configure: s => s.AddSingleton(rules));

    private static async Task AllThreeWeeksOnTime(OrganizerFixture f, string user)
    {
        await SubmitAt(f, user, 1, "2026-09-15 10:00");
        await SubmitAt(f, user, 2, "2026-09-22 10:00");
        await SubmitAt(f, user, 3, "2026-09-29 10:00");
    }

    private static string Text(CompletionResult result) => CompletionReport.Reasons(result, new MessageCatalogue().For("en"));
}
