using CohortBot.Core.Cohorts;
using CohortBot.Core.Outbox;
using CohortBot.Core.Schedules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CohortBot.Host.Scheduling;

/// <summary>
/// Keeps Quartz's store equal to what the cohort tables say: on the start-up sync and after every
/// change to a week or an event, the cohort's jobs are brought in line with freshly derived ones
/// (new moments added, moments no longer derived deleted, the same moments left alone). Moments already settled in the ledger are left out; moments missed beyond the grace
/// window are dropped and logged once.
/// </summary>
internal sealed partial class ScheduleRebuilder(
    ISchedulerFactory schedulers,
    ICohortStore cohorts,
    ActiveCohort active,
    MomentPlanner planner,
    ScheduledWork work,
    IDeliveryLedger ledger,
    IOptions<ScheduleOptions> options,
    TimeProvider clock,
    ILogger<ScheduleRebuilder> logger) : ICohortChangeListener
{
    private const string SweepGroup = "outbox";
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string GroupOf(long cohortId) => $"cohort-{cohortId}";

    public async Task CohortChangedAsync(CohortChange change, CancellationToken ct)
    {
        if (change.Kind == CohortChangeKind.ParticipantChanged)
        {
            return;
        }

        await _gate.WaitAsync(ct);
        try
        {
            await RebuildAsync(change.CohortId, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RebuildAsync(long cohortId, CancellationToken ct)
    {
        var cohort = await cohorts.FindAsync(active.Slug, ct);
        if (cohort?.Id != cohortId)
        {
            return;
        }

        var o = options.Value;
        var now = clock.GetUtcNow();
        var plan = await planner.PlanAsync(cohort, now, ct);
        var scheduler = await schedulers.GetScheduler(ct);
        var group = GroupOf(cohort.Id);
        // A moment's name holds its target and offset, so a job of the same name is the same moment:
        // it is left as it is. On the clustered store it may be running on another instance right now,
        // and replacing it would wipe the record Quartz recovers it from if that instance dies.
        var stale = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), ct)).ToHashSet();
        var jobs = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        foreach (var moment in plan.Due.Concat(await MissedDigestAsync(cohort, now, ct)))
        {
            if (stale.Remove(new JobKey(moment.Name, group)))
            {
                continue;
            }

            // RequestRecovery: on Quartz's clustered store (PostgreSQL), a fan-out whose instance dies
            // mid-way is run again by another; the ledger skips whom it already reached (the in-memory store ignores it).
            var job = JobBuilder.Create<MomentJob>().WithIdentity(moment.Name, group).UsingJobData(MomentJob.DataOf(moment)).RequestRecovery().Build();
            // FireNow on purpose: a moment found late still fires, and ScheduledWork decides with the
            // grace window whether it is sent late or dropped.
            var trigger = TriggerBuilder.Create().WithIdentity(moment.Name, group).ForJob(job).StartAt(moment.At)
                .WithMisfireThreshold(o.GraceWindow)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            jobs[job] = [trigger];
        }

        var digest = JobBuilder.Create<DigestJob>().WithIdentity("digest", group).UsingJobData(MomentJob.CohortKey, cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Build();
        // Late by less than the grace window: fires with its own occurrence. Later: DoNothing, the
        // occurrence is skipped (a restart inside the window catches it up, see MissedDigestAsync).
        stale.Remove(digest.Key);
        jobs[digest] = [TriggerBuilder.Create().WithIdentity("digest", group).ForJob(digest).StartAt(now)
            .WithMisfireThreshold(o.GraceWindow)
            .WithCronSchedule(o.DigestCron, c => c.InTimeZone(cohort.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build()];
        await scheduler.DeleteJobs(stale.ToList(), ct);
        await scheduler.ScheduleJobs(jobs, new ScheduleJobOptions { Replace = true }, ct);
        await EnsureSweepAsync(scheduler, o, now, ct);

        foreach (var expired in plan.Expired)
        {
            await work.DropAsync(expired, now, ct);
        }

        LogRebuilt(cohort.Slug, plan.Due.Count, plan.Expired.Count, plan.Due.Count > 0 ? plan.Due[0].Name : "-", plan.Due.Count > 0 ? plan.Due[0].At : null);
    }

    /// <summary>
    /// The latest digest occurrence before now, if it is inside the grace window and not yet sent:
    /// the one a restart catches up. Earlier ones are superseded by it (a digest is a snapshot).
    /// </summary>
    private async Task<IEnumerable<ScheduledMoment>> MissedDigestAsync(Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        var cron = new CronExpression(options.Value.DigestCron, cohort.TimeZone);
        DateTimeOffset? latest = null;
        for (var next = cron.GetNextValidTimeAfter(now - options.Value.GraceWindow); next is { } at && at < now; next = cron.GetNextValidTimeAfter(at))
        {
            latest = at;
        }

        if (latest is not { } missed)
        {
            return [];
        }

        var moment = new ScheduledMoment(MomentKind.Digest, cohort.Id, ScheduledMoment.DigestSubject, missed, TimeSpan.Zero);
        return (await ledger.SettledJobsAsync(cohort.Id, ct)).Contains(moment.JobKey) ? [] : [moment];
    }

    private static async Task EnsureSweepAsync(IScheduler scheduler, ScheduleOptions o, DateTimeOffset now, CancellationToken ct)
    {
        var key = new JobKey("sweep", SweepGroup);
        if (await scheduler.Exists(key, ct))
        {
            return;
        }

        var job = JobBuilder.Create<OutboxSweepJob>().WithIdentity(key).Build();
        // Late (process suspended): skip to the next interval; no backlog of sweeps.
        var trigger = TriggerBuilder.Create().WithIdentity("sweep", SweepGroup).ForJob(job).StartAt(now)
            .WithSimpleSchedule(s => s.WithInterval(o.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, default, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedules for {Cohort} rebuilt: {Due} moment(s) ahead, {Expired} dropped; next {Next} at {NextAt:u}")]
    private partial void LogRebuilt(string cohort, int due, int expired, string next, DateTimeOffset? nextAt);
}
