using Microsoft.Extensions.Logging;

namespace CohortBot.Core.Cohorts;

/// <summary>Fans a committed change out to every listener; one failing listener does not stop the others.</summary>
public sealed partial class CohortChanges(IEnumerable<ICohortChangeListener> listeners, ILogger<CohortChanges> logger)
{
    public async Task PublishAsync(CohortChange change, CancellationToken ct)
    {
        foreach (var listener in listeners)
        {
            try
            {
                await listener.CohortChangedAsync(change, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogListenerFailed(ex, listener.GetType().Name, change.Kind, change.Subject);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Listener {Listener} failed on {Kind} {Subject}")]
    private partial void LogListenerFailed(Exception ex, string listener, CohortChangeKind kind, string subject);
}
