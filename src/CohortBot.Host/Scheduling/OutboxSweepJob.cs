using CohortBot.Core.Schedules;
using Quartz;

namespace CohortBot.Host.Scheduling;

/// <summary>Retries deliveries deferred by quiet hours and claims a crashed process left unconfirmed.</summary>
[DisallowConcurrentExecution]
internal sealed class OutboxSweepJob(ScheduledWork work) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await work.SweepAsync(cancellationToken);
}
