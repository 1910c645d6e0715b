namespace CohortBot.Core.Inbound;

/// <summary>
/// The in-memory first line against repeats: the last N delivery keys, oldest forgotten first.
/// A repeat older than that is still caught by the inbox's primary key.
/// </summary>
public sealed class RecentDeliveries(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<InboxKey> _seen = new(Math.Min(capacity, 4096));
    private readonly Queue<InboxKey> _order = new(Math.Min(capacity, 4096));

    /// <summary>True the first time a key is seen (while remembered); false for a repeat.</summary>
    public bool TryAdd(InboxKey key)
    {
        lock (_gate)
        {
            if (!_seen.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
