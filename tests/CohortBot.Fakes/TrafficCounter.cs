using System.Collections.Concurrent;

namespace CohortBot.Fakes;

/// <summary>Counts what a fake served, in total and per second of its clock, cheaply enough for a load test.</summary>
public sealed class TrafficCounter(TimeProvider clock)
{
    private readonly long _start = clock.GetTimestamp();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Key, long Second), int> _perSecond = new();

    public void Add(string key)
    {
        _totals.AddOrUpdate(key, 1, (_, n) => n + 1);
        var second = (long)clock.GetElapsedTime(_start).TotalSeconds;
        _perSecond.AddOrUpdate((key, second), 1, (_, n) => n + 1);
    }

    public long Total(string key) => _totals.GetValueOrDefault(key);

    /// <summary>Counts by second since the fake started, in order; seconds with none are left out.</summary>
    public IReadOnlyList<(long Second, int Count)> PerSecond(string key) =>
        [.. _perSecond.Where(p => p.Key.Key == key).Select(p => (p.Key.Second, p.Value)).OrderBy(p => p.Item1)];
}
