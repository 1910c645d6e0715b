namespace CohortBot.Core.Outbox;

/// <summary>Identifies this process in the ledger's claims and the inbox's deliveries; a new one each start.</summary>
public sealed class OutboxRun
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
