using System.Diagnostics.Metrics;
using CohortBot.Core.Diagnostics;

namespace CohortBot.Core.Outbox;

/// <summary>
/// Messages the bot sends on its own (reminders, announcements, digests), by kind:
/// <c>cohortbot.scheduled.sent</c>, <c>cohortbot.scheduled.dropped</c> (past the grace window,
/// given up, no longer needed), <c>cohortbot.scheduled.failed</c> (a send that will be retried),
/// and <c>cohortbot.outbox.backlog</c>, the ledger rows not yet confirmed or dropped.
/// </summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _failed;

    public OutboxMetrics(IOutboxBacklog? backlog = null, IMeterFactory? meters = null)
    {
        var meter = CohortTelemetry.CreateMeter(meters);
        _sent = meter.CreateCounter<long>("cohortbot.scheduled.sent", "{message}", "Scheduled messages the platform accepted.");
        _dropped = meter.CreateCounter<long>("cohortbot.scheduled.dropped", "{message}", "Scheduled messages given up (past the grace window, repeated failures, no longer needed).");
        _failed = meter.CreateCounter<long>("cohortbot.scheduled.failed", "{message}", "Sends that failed and are left for a retry.");
        if (backlog is not null)
        {
            meter.CreateObservableGauge("cohortbot.outbox.backlog", () => Backlog(backlog), "{message}", "Delivery ledger rows claimed, sending or deferred: not yet confirmed or dropped.");
        }
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dropped(string kind) => _dropped.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    private static IEnumerable<Measurement<int>> Backlog(IOutboxBacklog backlog)
    {
        int count;
        try
        {
            // Observed at scrape time (seconds apart), one indexed COUNT; the reader waits for nothing.
            count = backlog.CountAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A scrape must not fail because the database is busy; the series just has a gap.
            return [];
        }

        return [new Measurement<int>(count)];
    }
}
