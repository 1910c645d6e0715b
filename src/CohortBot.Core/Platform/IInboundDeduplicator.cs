namespace CohortBot.Core.Platform;

/// <summary>Remembers which platform deliveries were handled so retries are processed once.</summary>
public interface IInboundDeduplicator
{
    /// <summary>True the first time <paramref name="deliveryId"/> is seen for <paramref name="platform"/>; false for a repeat.</summary>
    Task<bool> TryBeginAsync(string platform, string deliveryId, CancellationToken ct);
}
