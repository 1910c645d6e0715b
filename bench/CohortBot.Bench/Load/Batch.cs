using System.Diagnostics;

namespace CohortBot.Bench.Load;

/// <summary>Commands sent together (a step, a warm-up, a burst) and how to read their outcome from the fake.</summary>
public abstract class Batch
{
    public double MaxLagMs { get; init; }

    public double AchievedRate { get; init; }

    public abstract int Count { get; }

    /// <summary>Every command has its final answer, or can no longer get one.</summary>
    public abstract bool Settled();

    public abstract IReadOnlyList<Sample> Samples();

    /// <summary>Waits until the batch is settled or <paramref name="limit"/> has passed; false when time ran out.</summary>
    public async Task<bool> DrainAsync(TimeSpan limit, Func<bool> botAlive, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        while (!Settled())
        {
            if (Stopwatch.GetElapsedTime(start) > limit || !botAlive())
            {
                return false;
            }

            await Task.Delay(100, ct);
        }

        return true;
    }
}
