using System.Data.Common;
using CohortBot.Storage.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CohortBot.Storage.Proofs;

/// <summary>
/// Settles what a crash left in the proof folder's <c>.incoming/</c>, before any adapter connects:
/// a sealed file whose row committed is moved into place (no row without its file); anything else —
/// a half-written <c>.tmp</c>, a sealed file whose row never committed — is deleted (no orphans).
/// </summary>
public sealed partial class ProofRecovery(FileSystemProofStore store, Database connections, ILogger<ProofRecovery> logger)
{
    private const string IsReferenced = """
        SELECT EXISTS (SELECT 1 FROM submissions WHERE file_sha256 = @sha)
            OR EXISTS (SELECT 1 FROM certificate_submissions WHERE file_sha256 = @sha)
        """;

    public async Task<(int Placed, int Deleted)> RecoverAsync(CancellationToken ct)
    {
        var incoming = Path.Combine(store.Root, FileSystemProofStore.IncomingFolder);
        if (!Directory.Exists(incoming))
        {
            return (0, 0);
        }

        var placed = 0;
        var deleted = 0;
        await using var db = await connections.OpenAsync(ct);
        foreach (var path in Directory.EnumerateFiles(incoming))
        {
            var name = Path.GetFileName(path);
            var sha = name.EndsWith(".staged", StringComparison.Ordinal) ? name.Split('.')[0] : null;
            if (sha is not null && FileSystemProofStore.IsHash(sha)
                && await db.ExecuteScalarAsync<bool>(new CommandDefinition(IsReferenced, new { sha }, cancellationToken: ct)))
            {
                ProofStaging.Place(path, store.PathOf(sha));
                placed++;
            }
            else
            {
                File.Delete(path);
                deleted++;
            }
        }

        if (placed + deleted > 0)
        {
            LogRecovered(placed, deleted);
        }

        return (placed, deleted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proof files left by an interrupted run: {Placed} moved into place for committed rows, {Deleted} without a row deleted")]
    private partial void LogRecovered(int placed, int deleted);
}
