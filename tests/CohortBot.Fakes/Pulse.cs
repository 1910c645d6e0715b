namespace CohortBot.Fakes;

/// <summary>
/// A signal that something changed (a request arrived, a frame was read, a state moved). Waiters
/// take <see cref="Next"/> before they look, then await it: nothing is polled, nothing sleeps.
/// </summary>
public sealed class Pulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Fire"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Fire() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
