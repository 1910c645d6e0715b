namespace CohortBot.Core.Inbound;

/// <summary>
/// The delivery a command is running for, flowing with the async call. Storage reads it so that a
/// command's writes and the inbox's "executed" mark commit in one transaction: a command is then
/// either not done at all (safe to run again after a crash) or done and known to be done.
/// </summary>
public static class DeliveryContext
{
    private static readonly AsyncLocal<InboxKey?> CurrentKey = new();

    public static InboxKey? Current => CurrentKey.Value;

    /// <summary>Sets the delivery for the rest of this async flow; dispose to restore the previous one.</summary>
    public static IDisposable Enter(InboxKey key)
    {
        var previous = CurrentKey.Value;
        CurrentKey.Value = key;
        return new Restore(previous);
    }

    private sealed class Restore(InboxKey? previous) : IDisposable
    {
        public void Dispose() => CurrentKey.Value = previous;
    }
}
