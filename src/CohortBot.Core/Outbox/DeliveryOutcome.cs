namespace CohortBot.Core.Outbox;

/// <summary>What happened to one message handed to the <see cref="OutboxSender"/>.</summary>
public enum DeliveryOutcome
{
    Sent,
    AlreadySent,
    Busy,
    Deferred,
    Dropped,
    Failed,
}
