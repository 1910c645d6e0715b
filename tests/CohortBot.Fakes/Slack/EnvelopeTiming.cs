namespace CohortBot.Fakes.Slack;

/// <summary>
/// One envelope as Slack saw it: when it was sent, its acknowledgement (with or without a payload),
/// when the answer arrived (the ack's payload, or the first post to its response_url), and how
/// often it was sent again for want of an ack. Instants are timestamps of the fake's clock.
/// </summary>
public sealed class EnvelopeTiming(string envelopeId, string? responseId, long sentAt, string text)
{
    private int _redeliveries;
    private int _duplicateAcks;

    public string EnvelopeId { get; } = envelopeId;

    public string? ResponseId { get; } = responseId;

    public long SentAt { get; } = sentAt;

    public long? AckAt { get; private set; }

    public bool AckHadPayload { get; private set; }

    public long? FinalAt { get; private set; }

    public bool ErrorReply { get; private set; }

    public int Redeliveries => Volatile.Read(ref _redeliveries);

    public int DuplicateAcks => Volatile.Read(ref _duplicateAcks);

    internal object Gate { get; } = new();

    /// <summary>The envelope as sent, kept until acked for redelivery.</summary>
    internal string? Text { get; private set; } = text;

    internal long LastSentAt { get; set; } = sentAt;

    internal void Ack(long at, bool hasPayload, bool error)
    {
        if (AckAt is not null)
        {
            Interlocked.Increment(ref _duplicateAcks);
            return;
        }

        AckAt = at;
        AckHadPayload = hasPayload;
        Text = null;
        if (hasPayload)
        {
            FinalAt ??= at;
        }

        ErrorReply |= error;
    }

    internal void Answer(long at, bool error)
    {
        FinalAt ??= at;
        ErrorReply |= error;
    }

    internal int CountRedelivery() => Interlocked.Increment(ref _redeliveries);
}
