using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Outbox;

/// <summary>
/// Sends one message at most once: claim its key, mark it sending, call the platform, confirm.
/// The only duplicate possible is a crash after the platform accepted and before the confirmation
/// commit; the next process finds the row still "sending" and sends that one message again.
/// </summary>
public sealed partial class OutboxSender(IDeliveryLedger ledger, OutboxRun run, TimeProvider clock, ILogger<OutboxSender> logger, OutboxMetrics? metrics = null)
{
    public async Task<DeliveryOutcome> DeliverAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, Func<CancellationToken, Task> send, CancellationToken ct)
    {
        var claim = await ledger.ClaimAsync(cohortId, key, dueAt, run.Id, clock.GetUtcNow(), ct);
        switch (claim.Status)
        {
            case ClaimStatus.AlreadyConfirmed:
                return DeliveryOutcome.AlreadySent;
            case ClaimStatus.Busy:
                return DeliveryOutcome.Busy;
            case ClaimStatus.Deferred:
                return DeliveryOutcome.Deferred;
            case ClaimStatus.Dropped:
                return DeliveryOutcome.Dropped;
        }

        if (claim.Attempts > 0)
        {
            LogRetry(key.ToString(), claim.Attempts);
        }

        await ledger.MarkSendingAsync(claim.Id, clock.GetUtcNow(), ct);
        try
        {
            await send(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex, key.ToString());
            metrics?.Failed(key.Kind);
            await ledger.ReleaseAsync(claim.Id, ex.GetType().Name + ": " + ex.Message, clock.GetUtcNow(), CancellationToken.None);
            return DeliveryOutcome.Failed;
        }

        // Not cancellable: the platform has the message, so the ledger must hear about it.
        await ledger.ConfirmAsync(claim.Id, clock.GetUtcNow(), CancellationToken.None);
        if (key.Recipient != DeliveryKey.Job)
        {
            // A fan-out's own row is not a message; its recipients are counted one by one.
            metrics?.Sent(key.Kind);
        }

        return DeliveryOutcome.Sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying {Key}, unconfirmed after {Attempts} attempt(s)")]
    private partial void LogRetry(string key, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Key} failed; it will be retried")]
    private partial void LogSendFailed(Exception ex, string key);
}
