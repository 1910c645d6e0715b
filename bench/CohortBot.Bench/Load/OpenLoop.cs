using System.Diagnostics;

namespace CohortBot.Bench.Load;

/// <summary>
/// Sends on a fixed schedule whatever happens to the answers (open loop): command i goes out at
/// start + i / rate. When the sender itself falls behind (the machine is saturated, or the socket
/// pushes back), the lag is reported rather than hidden.
/// </summary>
public static class OpenLoop
{
    /// <returns>The largest lag behind the schedule, and the achieved rate.</returns>
    public static async Task<(double MaxLagMs, double AchievedRate)> RunAsync(int count, double rate, Func<int, Task> send, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var maxLag = 0L;
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var due = start + (long)(i * Stopwatch.Frequency / rate);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
            }

            await send(i);
            maxLag = Math.Max(maxLag, Stopwatch.GetTimestamp() - due);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (maxLag * 1000.0 / Stopwatch.Frequency, count / Math.Max(elapsed, 1e-6));
    }
}
