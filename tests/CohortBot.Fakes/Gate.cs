namespace CohortBot.Fakes;

/// <summary>
/// Holds requests until a test opens it: a slow CDN or Web API that is slow exactly as long as the
/// test wants, on no clock. <see cref="Held"/> counts the requests waiting, and <see cref="Changed"/>
/// fires when one arrives, so a test knows the request is in flight before it moves on.
/// </summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public Pulse Changed { get; } = new();

    public int Held => Volatile.Read(ref _held);

    public bool IsOpen => _open.Task.IsCompleted;

    public void Open()
    {
        _open.TrySetResult();
        Changed.Fire();
    }

    public async Task PassAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _held);
        Changed.Fire();
        try
        {
            await _open.Task.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
            Changed.Fire();
        }
    }

    public Task HeldAsync(int count = 1) => Eventually.TrueAsync(() => Held >= count, Changed, $"{count} request(s) held at the gate");
}
