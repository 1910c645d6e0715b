using System.Collections.Concurrent;
using CohortBot.Core.Cohorts;

namespace CohortBot.Storage.Cohorts;

/// <summary>
/// The cohort row and its weeks, which every command reads and almost nothing changes: kept for a
/// couple of seconds and dropped the moment this process changes them (the sync, a moved deadline).
/// The lifetime bounds how long another process's change can go unseen; a load that raced an
/// invalidation is not kept.
/// </summary>
public sealed class CohortCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (Cohort? Value, DateTimeOffset Until)> _cohorts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, (IReadOnlyList<Week> Value, DateTimeOffset Until)> _weeks = new();
    private long _version;

    public async Task<Cohort?> CohortAsync(string slug, Func<Task<Cohort?>> load)
    {
        if (_cohorts.TryGetValue(slug, out var hit) && hit.Until > clock.GetUtcNow())
        {
            return hit.Value;
        }

        var version = Interlocked.Read(ref _version);
        var value = await load();
        Keep(version, () => _cohorts[slug] = (value, clock.GetUtcNow() + Lifetime));
        return value;
    }

    public async Task<IReadOnlyList<Week>> WeeksAsync(long cohortId, Func<Task<IReadOnlyList<Week>>> load)
    {
        if (_weeks.TryGetValue(cohortId, out var hit) && hit.Until > clock.GetUtcNow())
        {
            return hit.Value;
        }

        var version = Interlocked.Read(ref _version);
        var value = await load();
        Keep(version, () => _weeks[cohortId] = (value, clock.GetUtcNow() + Lifetime));
        return value;
    }

    /// <summary>Forgets everything; call after a change to cohorts or weeks has committed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _cohorts.Clear();
        _weeks.Clear();
    }

    private void Keep(long loadedAt, Action keep)
    {
        if (Interlocked.Read(ref _version) == loadedAt)
        {
            keep();
        }
    }
}
