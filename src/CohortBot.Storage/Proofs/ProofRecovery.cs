using System.Data.Common;
using CohortBot.Storage.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CohortBot.Storage.Proofs;

/// <summary>
/// Settles what a crash left in the proof folder's <c>.incoming/</c>, before any adapter connects:
/// a sealed file whose row committed is moved into place (no row without its file); anything else —
/// a half-written <c>.tmp</c>, a sealed file whose row never committed — is deleted (no orphans).
/// On PostgreSQL several instances share the folder, and a file without a row may be another live
/// instance's upload between its write and its commit: only files older than
/// <see cref="InFlightGrace"/> are deleted there (an upload takes seconds), the rest are left for a
/// later start. On SQLite the database's lock means no other process is writing, so all go at once.
/// </summary>
public sealed partial class ProofRecovery(FileSystemProofStore store, Database connections, TimeProvider clock, ILogger<ProofRecovery> logger)
{
    /// <summary>How old a row-less file in a shared folder must be before it is taken for a dead run's leftover.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromHours(1);

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
        var shared = connections.Dialect == Dialect.Postgres;
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
            else if (!shared || clock.GetUtcNow() - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero) > InFlightGrace)
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
