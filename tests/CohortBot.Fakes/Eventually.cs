namespace CohortBot.Fakes;

/// <summary>
/// Waits for a condition that a <see cref="Pulse"/> announces changes of: checked now, and again at
/// each pulse. The timeout is generous and only matters when the test fails; a passing test never
/// waits for it, and no test sleeps.
/// </summary>
public static class Eventually
{
    /// <summary>How long a failing wait takes to fail; long enough for a loaded machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task<T> ValueAsync<T>(Func<T?> probe, Pulse pulse, string what, TimeSpan? patience = null) =>
        ValueAsync(probe, [pulse], what, patience);

    /// <summary>Like the single-pulse form, re-checking when any of <paramref name="pulses"/> fires.</summary>
    public static async Task<T> ValueAsync<T>(Func<T?> probe, IReadOnlyList<Pulse> pulses, string what, TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        while (true)
        {
            var next = pulses.Count == 1 ? pulses[0].Next : Task.WhenAny(pulses.Select(p => p.Next));
            if (probe() is { } found)
            {
                return found;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }

    public static Task TrueAsync(Func<bool> condition, Pulse pulse, string what, TimeSpan? patience = null) =>
        ValueAsync(() => condition() ? "yes" : null, [pulse], what, patience);

    public static Task TrueAsync(Func<bool> condition, IReadOnlyList<Pulse> pulses, string what, TimeSpan? patience = null) =>
        ValueAsync(() => condition() ? "yes" : null, pulses, what, patience);
}
