using CohortBot.Core.Announcements;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Digests;
using CohortBot.Core.Outbox;
using CohortBot.Core.Reminders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CohortBot.Core.Schedules;

/// <summary>
/// What the scheduler's jobs call. A moment's fan-out is itself a ledger entry (recipient
/// <c>*</c>): confirmed when every recipient was handled, so a restart re-runs only fan-outs that
/// did not finish, and per-recipient keys keep those from repeating anyone.
/// </summary>
public sealed partial class ScheduledWork(
    ICohortStore cohorts,
    ActiveCohort active,
    IDeliveryLedger ledger,
    OutboxSender sender,
    OutboxRun run,
    DeadlineReminders deadlines,
    EventReminders eventReminders,
    SpeakerAnnouncements announcements,
    OrganizerDigest digest,
    IOptions<ScheduleOptions> options,
    TimeProvider clock,
    ILogger<ScheduledWork> logger,
    OutboxMetrics? metrics = null)
{
    public const int MaxAttempts = 5;

    public async Task RunAsync(ScheduledMoment moment, CancellationToken ct)
    {
        var cohort = await CohortAsync(moment.CohortId, ct);
        if (cohort is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (now > moment.At + options.Value.GraceWindow)
        {
            await DropAsync(moment, now, ct);
            return;
        }

        await sender.DeliverAsync(cohort.Id, moment.JobKey, moment.At, c => FanOutAsync(cohort, moment, c), ct);
    }

    /// <summary>Logs and records a moment missed beyond the grace window, so it is reported once.</summary>
    public async Task DropAsync(ScheduledMoment moment, DateTimeOffset now, CancellationToken ct)
    {
        LogDropped(moment.Name, moment.At, (int)(now - moment.At).TotalMinutes);
        metrics?.Dropped(moment.JobKey.Kind);
        await ledger.DropAsync(moment.CohortId, moment.JobKey, moment.At, $"missed by {now - moment.At:g}, past the grace window", now, ct);
    }

    /// <summary>One pass over deferred deliveries now due and claims left unconfirmed; returns how many rows were handled.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var handled = 0;
        var after = 0L;
        while (true)
        {
            var page = await ledger.PendingAsync(run.Id, clock.GetUtcNow(), after, options.Value.PageSize, ct);
            if (page.Count == 0)
            {
                return handled;
            }

            foreach (var pending in page)
            {
                await RetryAsync(pending, ct);
                handled++;
            }

            after = page[^1].Id;
        }
    }

    private async Task RetryAsync(PendingDelivery pending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cohort = await CohortAsync(pending.CohortId, ct);
        if (cohort is null || !ScheduledMoment.TryFromKey(pending.CohortId, pending.Key, out var moment))
        {
            metrics?.Dropped(pending.Key.Kind);
            await ledger.DropAsync(pending.CohortId, pending.Key, pending.DueAt, "not a delivery this build understands", now, ct);
            return;
        }

        var late = now - pending.OnTimeAt;
        if (late > options.Value.GraceWindow || pending.Attempts >= MaxAttempts)
        {
            LogRetryDropped(pending.Key.ToString(), pending.Attempts, (int)late.TotalMinutes);
            metrics?.Dropped(pending.Key.Kind);
            await ledger.DropAsync(cohort.Id, pending.Key, pending.DueAt, pending.Attempts >= MaxAttempts ? "gave up after repeated failures" : "past the grace window", now, ct);
            return;
        }

        if (pending.Key.Recipient == DeliveryKey.Job)
        {
            // The fan-out itself failed (its page read or a ledger write threw) and was released: run it
            // again; whom it already reached is skipped by their own keys.
            LogFanOutRetry(moment.Name, pending.Attempts);
            await RunAsync(moment, ct);
            return;
        }

        var needed = true;
        switch (moment.Kind)
        {
            case MomentKind.DeadlineReminder when ReminderDelivery.TryParseRecipient(pending.Key.Recipient, out var participant, out var platform):
                needed = await deadlines.RetryAsync(cohort, moment, participant, platform, ct);
                break;
            case MomentKind.EventReminder when ReminderDelivery.TryParseRecipient(pending.Key.Recipient, out var participant, out var platform):
                needed = await eventReminders.RetryAsync(cohort, moment, participant, platform, ct);
                break;
            case MomentKind.Announcement:
                // Channels already confirmed are skipped by their own keys; a failure stays pending.
                await announcements.RunAsync(cohort, moment, ct);
                break;
            case MomentKind.Digest:
                await digest.RunScheduledAsync(cohort, moment, ct);
                break;
            default:
                needed = false;
                break;
        }

        if (!needed)
        {
            await ledger.DropAsync(cohort.Id, pending.Key, pending.DueAt, "no longer needed", now, ct);
        }
    }

    private Task<int> FanOutAsync(Cohort cohort, ScheduledMoment moment, CancellationToken ct) => moment.Kind switch
    {
        MomentKind.DeadlineReminder => deadlines.RunAsync(cohort, moment, ct),
        MomentKind.EventReminder => eventReminders.RunAsync(cohort, moment, ct),
        MomentKind.Announcement => announcements.RunAsync(cohort, moment, ct),
        MomentKind.Digest => digest.RunScheduledAsync(cohort, moment, ct),
        _ => Task.FromResult(0),
    };

    private async Task<Cohort?> CohortAsync(long cohortId, CancellationToken ct)
    {
        var cohort = await cohorts.FindAsync(active.Slug, ct);
        return cohort?.Id == cohortId ? cohort : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Moment}, due at {DueAt:u}: {LateMinutes} min late, past the grace window")]
    private partial void LogDropped(string moment, DateTimeOffset dueAt, int lateMinutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Key} after {Attempts} attempt(s), {LateMinutes} min late")]
    private partial void LogRetryDropped(string key, int attempts, int lateMinutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running {Moment} again: its fan-out failed after {Attempts} attempt(s)")]
    private partial void LogFanOutRetry(string moment, int attempts);
}
