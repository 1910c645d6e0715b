namespace CohortBot.Core.Outbox;

/// <summary>How many scheduled messages the ledger still holds (claimed, sending or deferred), for the backlog gauge.</summary>
public interface IOutboxBacklog
{
    Task<int> CountAsync(CancellationToken ct);
}
