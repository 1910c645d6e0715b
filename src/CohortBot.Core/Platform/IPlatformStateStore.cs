namespace CohortBot.Core.Platform;

/// <summary>Small key/value facts an adapter keeps across restarts (command-set hash, DM channel ids).</summary>
public interface IPlatformStateStore
{
    Task<string?> GetAsync(string platform, string key, CancellationToken ct);

    Task SetAsync(string platform, string key, string value, CancellationToken ct);
}
