using CohortBot.Core.Outbox;
using CohortBot.Core.Reminders;
using CohortBot.Core.Schedules;
using CohortBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CohortBot.Scheduling.Tests;

/// <summary>Crashes, restarts and downtime: nothing lost inside the grace window, nothing repeated.</summary>
public sealed class RestartTests
{
    private static readonly DateTime DueLocal = new(2026, 12, 6, 23, 59, 0);
    private static readonly DateTimeOffset Due = SampleCohort.Kst(DueLocal);
    private static readonly DateTimeOffset At48 = Due.AddHours(-48);

    private static CohortBuilder Cohort()
    {
        var cohort = BotUnderTest.Cohort();
        cohort.Week(12, SampleCohort.Kst(2026, 11, 30, 0, 0), SampleCohort.Kst(DueLocal));
        cohort.TerminalMembers(["alice", "bob"]);
        return cohort;
    }

    [Theory]
    [InlineData(false)] // crashed after the claim, before the platform call
    [InlineData(true)]  // crashed after the platform call, before the confirmation: the one duplicate window
    public async Task LeftoverClaimOfACrashedProcess_IsSentOnce_AndNeverAgainAfterTheNextRestart(bool markedSending)
    {
        using var folder = new TestFolder();
        await using (var bot = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddMinutes(-10)))
        {
            var cohort = await bot.CohortAsync();
            var alice = await bot.ParticipantAsync("alice");
            var moment = new ScheduledMoment(MomentKind.DeadlineReminder, cohort.Id, "week:12", Due, TimeSpan.FromHours(48));
            // What a process killed mid-fan-out leaves: its job claim and alice's claim, unconfirmed.
            // Its ledger is its own and goes with it (on PostgreSQL, with the lease of its run).
            var database = bot.Services.GetRequiredService<CohortBot.Storage.Database>();
            await using (var leases = new CohortBot.Storage.Postgres.RunLeases(database))
            {
                var ledger = new CohortBot.Storage.Outbox.OutboxLedger(database, leases);
                await ledger.ClaimAsync(cohort.Id, moment.JobKey, At48, "crashed-run", At48, CancellationToken.None);
                var claim = await ledger.ClaimAsync(cohort.Id, moment.JobKey.ForRecipient($"{alice.Id}@terminal"), At48, "crashed-run", At48, CancellationToken.None);
                if (markedSending)
                {
                    await ledger.MarkSendingAsync(claim.Id, At48, CancellationToken.None);
                }
            }

            await bot.AdvanceToAsync(At48);
            await bot.Platform.WaitUntilAsync(s => s.Count == 2);
            await bot.AdvanceToAsync(At48.AddMinutes(3));
            Assert.Single(bot.Platform.Direct("alice"));
            Assert.Single(bot.Platform.Direct("bob"));
        }

        // Restart inside the grace window: the fan-out is confirmed, so nothing goes out again.
        await using (var again = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddMinutes(30)))
        {
            await again.AdvanceToAsync(At48.AddMinutes(33));
            Assert.Empty(again.Platform.All);
        }
    }

    [Fact]
    public async Task FailedFanOut_IsRunAgainBySweep_AndReachesEveryoneOnce()
    {
        using var folder = new TestFolder();
        var failures = 0;
        // The reminder's audience read fails the first time (the database briefly unreachable): the fan-out itself fails.
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddMinutes(-10), s => s.AddSingleton<IReminderAudience>(sp =>
            new FailingOnce(sp.GetRequiredService<CohortBot.Storage.Reminders.ReminderAudienceStore>(), () => Interlocked.Increment(ref failures) == 1)));

        await bot.AdvanceToAsync(At48);
        Assert.Equal(1, failures);
        Assert.Empty(bot.Platform.All);
        // The outbox sweep beats every minute of scheduler time: it finds the released fan-out and runs it again.
        for (var step = 1; step <= 12 && bot.Platform.All.Count < 2; step++)
        {
            await bot.AdvanceToAsync(At48.AddSeconds(20 * step));
        }

        await bot.Platform.WaitUntilAsync(s => s.Count == 2);
        await bot.AdvanceToAsync(At48.AddMinutes(6));
        Assert.Single(bot.Platform.Direct("alice"));
        Assert.Single(bot.Platform.Direct("bob"));
    }

    /// <summary>The real audience store, whose deadline read throws while <c>fail</c> says so.</summary>
    private sealed class FailingOnce(IReminderAudience inner, Func<bool> fail) : IReminderAudience
    {
        public Task<IReadOnlyList<ReminderRecipient>> MissingWeekAsync(long cohortId, long weekId, long afterParticipantId, int limit, CancellationToken ct) =>
            fail() ? throw new InvalidOperationException("the database is unreachable") : inner.MissingWeekAsync(cohortId, weekId, afterParticipantId, limit, ct);

        public Task<IReadOnlyList<ReminderRecipient>> MissingCertificateAsync(long cohortId, long afterParticipantId, int limit, CancellationToken ct) => inner.MissingCertificateAsync(cohortId, afterParticipantId, limit, ct);

        public Task<IReadOnlyList<ReminderRecipient>> GoingToEventAsync(long eventId, long afterParticipantId, int limit, CancellationToken ct) => inner.GoingToEventAsync(eventId, afterParticipantId, limit, ct);

        public Task<ReminderRecipient?> RecipientAsync(long participantId, CancellationToken ct) => inner.RecipientAsync(participantId, ct);

        public Task<bool> HasSubmittedWeekAsync(long participantId, long weekId, CancellationToken ct) => inner.HasSubmittedWeekAsync(participantId, weekId, ct);

        public Task<bool> HasSubmittedCertificateAsync(long participantId, CancellationToken ct) => inner.HasSubmittedCertificateAsync(participantId, ct);

        public Task<bool> IsGoingAsync(long eventId, long participantId, CancellationToken ct) => inner.IsGoingAsync(eventId, participantId, ct);
    }

    [Fact]
    public async Task FailedSend_IsRetriedBySweep_AndConfirmedOnce()
    {
        using var folder = new TestFolder();
        await using var bot = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddMinutes(-10));
        var failures = 0;
        bot.Platform.Fail = target => target == "alice" && Interlocked.Increment(ref failures) <= 2 ? new HttpRequestException("503 from the platform") : null;

        await bot.AdvanceToAsync(At48);
        await bot.Platform.WaitUntilAsync(s => s.Any(x => x.Target == "bob"));
        // Small steps, so each sweep (every minute of scheduler time) fires on time.
        for (var step = 1; step <= 24 && bot.Platform.Direct("alice").Count == 0; step++)
        {
            await bot.AdvanceToAsync(At48.AddSeconds(20 * step));
        }

        await bot.Platform.WaitUntilAsync(s => s.Count == 2);
        Assert.Single(bot.Platform.Direct("alice"));
        Assert.Single(bot.Platform.Direct("bob"));
        Assert.Equal(3, failures);
    }

    [Fact]
    public async Task DowntimeAcrossAReminder_InsideTheGraceWindow_SendsItLateOnStart()
    {
        using var folder = new TestFolder();
        await using (var bot = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddHours(-2)))
        {
            await bot.AdvanceToAsync(At48.AddHours(-1));
            Assert.Empty(bot.Platform.All);
        }

        var back = At48.AddMinutes(90);
        await using (var bot = await BotUnderTest.StartAsync(folder, Cohort(), back))
        {
            await bot.Platform.WaitUntilAsync(s => s.Count == 2);
            Assert.All(bot.Platform.All, s => Assert.Equal(back, s.At));
        }
    }

    [Fact]
    public async Task DowntimeAcrossAReminder_PastTheGraceWindow_DropsAndRecordsIt_AndTheNextOneStillFires()
    {
        using var folder = new TestFolder();
        await using (var bot = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddHours(-2)))
        {
            await bot.AdvanceToAsync(At48.AddHours(-1));
        }

        await using var late = await BotUnderTest.StartAsync(folder, Cohort(), At48.AddHours(3));
        var cohort = await late.CohortAsync();
        await late.AdvanceToAsync(At48.AddHours(3).AddMinutes(2));
        Assert.Empty(late.Platform.All);
        var dropped = new ScheduledMoment(MomentKind.DeadlineReminder, cohort.Id, "week:12", Due, TimeSpan.FromHours(48)).JobKey;
        Assert.Contains(dropped, await late.Services.GetRequiredService<IDeliveryLedger>().SettledJobsAsync(cohort.Id, CancellationToken.None));

        await late.AdvanceToAsync(Due.AddHours(-3));
        await late.Platform.WaitUntilAsync(s => s.Count == 2);
        Assert.All(late.Platform.All, s => Assert.Equal(Due.AddHours(-3), s.At));
    }
}
