using System.Collections.Concurrent;
using CohortBot.Core.Cohorts;

namespace CohortBot.Organizers.Tests;

/// <summary>Stands in for the reminder scheduler: records which changes were published.</summary>
internal sealed class CapturingListener : ICohortChangeListener
{
    public ConcurrentQueue<CohortChange> Changes { get; } = new();

    public Task CohortChangedAsync(CohortChange change, CancellationToken ct)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
