using System.Globalization;
using CohortBot.Core.Schedules;
using Quartz;

namespace CohortBot.Host.Scheduling;

/// <summary>
/// The cron-driven organizer digest. The occurrence is the trigger's scheduled fire time (not
/// "now"), so a late firing inside the trigger's misfire threshold keeps its ledger key.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(ScheduledWork work) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cohortId = long.Parse(context.MergedJobDataMap.GetString(MomentJob.CohortKey)!, CultureInfo.InvariantCulture);
        var occurrence = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        await work.RunAsync(new ScheduledMoment(MomentKind.Digest, cohortId, ScheduledMoment.DigestSubject, occurrence, TimeSpan.Zero), cancellationToken);
    }
}
