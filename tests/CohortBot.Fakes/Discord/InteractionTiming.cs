namespace CohortBot.Fakes.Discord;

/// <summary>
/// One interaction as Discord saw it: when it was sent (written to the gateway), the first answer
/// it accepted and its kind (4 reply, 5 deferral, 9 modal…), when the final answer arrived (the
/// reply itself, or the edit/follow-up after a deferral), and what it refused. Instants are
/// timestamps of the fake's <see cref="TimeProvider"/>.
/// </summary>
public sealed class InteractionTiming(string id, string token, long sentAt)
{
    private int _late;
    private int _duplicates;
    private int _refusedWebhooks;

    public string Id { get; } = id;

    public string Token { get; } = token;

    public long SentAt { get; } = sentAt;

    /// <summary>The first callback that arrived, accepted or not (a late one included).</summary>
    public long? FirstCallbackAt { get; private set; }

    public long? FirstResponseAt { get; private set; }

    public int? FirstResponseType { get; private set; }

    public long? FinalAt { get; private set; }

    /// <summary>A reply or edit the load test's classifier called an error (e.g. "something went wrong").</summary>
    public bool ErrorReply { get; private set; }

    /// <summary>Callbacks that came after 3 s (refused 10062 when the rules are on).</summary>
    public int LateCallbacks => Volatile.Read(ref _late);

    /// <summary>Callbacks after the first (refused 40060 when the rules are on).</summary>
    public int DuplicateCallbacks => Volatile.Read(ref _duplicates);

    /// <summary>Edits or follow-ups refused because the token was dead (10015).</summary>
    public int RefusedWebhooks => Volatile.Read(ref _refusedWebhooks);

    public bool Deferred => FirstResponseType is 5 or 6;

    internal object Gate { get; } = new();

    internal void Called(long at) => FirstCallbackAt ??= at;

    internal void Accept(long at, int type, bool error)
    {
        FirstResponseAt = at;
        FirstResponseType = type;
        if (type is not (5 or 6))
        {
            FinalAt = at;
        }

        ErrorReply |= error;
    }

    internal void Answer(long at, bool error)
    {
        FinalAt ??= at;
        ErrorReply |= error;
    }

    internal void CountLate() => Interlocked.Increment(ref _late);

    internal void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void CountRefusedWebhook() => Interlocked.Increment(ref _refusedWebhooks);
}
