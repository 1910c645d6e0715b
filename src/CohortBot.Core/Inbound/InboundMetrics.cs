using System.Diagnostics.Metrics;
using CohortBot.Core.Diagnostics;

namespace CohortBot.Core.Inbound;

/// <summary>
/// What the adapter runtime does with deliveries, per platform: received, repeats dropped
/// (a platform's retry, a replayed interaction), deferrals sent, late replies (the platform's reply
/// path had expired or failed, so the answer went as a direct message), queue overflows; and the
/// queue depth and deliveries held in memory as gauges.
/// </summary>
public sealed class InboundMetrics
{
    private readonly Counter<long> _received;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _deferrals;
    private readonly Counter<long> _lateReplies;
    private readonly Counter<long> _overflows;
    private Func<int> _queued = static () => 0;
    private Func<int> _held = static () => 0;

    public InboundMetrics(IMeterFactory? meters = null)
    {
        var meter = CohortTelemetry.CreateMeter(meters);
        _received = meter.CreateCounter<long>("cohortbot.inbound.received", "{delivery}", "Deliveries taken from a platform (interactions, envelopes).");
        _duplicates = meter.CreateCounter<long>("cohortbot.inbound.duplicates", "{delivery}", "Repeated deliveries recognised and not run again.");
        _deferrals = meter.CreateCounter<long>("cohortbot.inbound.deferrals", "{delivery}", "Deliveries deferred because their answer was not ready in time.");
        _lateReplies = meter.CreateCounter<long>("cohortbot.inbound.late_replies", "{reply}", "Answers sent as a direct message because the platform's reply path had expired or failed.");
        _overflows = meter.CreateCounter<long>("cohortbot.inbound.overflows", "{delivery}", "Deliveries left in the inbox because the queue was full.");
        meter.CreateObservableGauge("cohortbot.inbound.queue_depth", () => _queued(), "{delivery}", "Deliveries waiting for a worker.");
        meter.CreateObservableGauge("cohortbot.inbound.held", () => _held(), "{delivery}", "Deliveries in memory: queued, running or being answered.");
    }

    /// <summary>The runtime reports its queue through these (one runtime per container).</summary>
    internal void Observe(Func<int> queued, Func<int> held)
    {
        _queued = queued;
        _held = held;
    }

    internal void Received(string platform) => _received.Add(1, new KeyValuePair<string, object?>("platform", platform));

    internal void Duplicate(string platform) => _duplicates.Add(1, new KeyValuePair<string, object?>("platform", platform));

    internal void Deferred(string platform) => _deferrals.Add(1, new KeyValuePair<string, object?>("platform", platform));

    internal void LateReply(string platform) => _lateReplies.Add(1, new KeyValuePair<string, object?>("platform", platform));

    internal void Overflowed(string platform) => _overflows.Add(1, new KeyValuePair<string, object?>("platform", platform));
}
