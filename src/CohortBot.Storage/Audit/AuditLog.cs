using System.Data.Common;
using CohortBot.Core.Audit;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Audit;

public sealed class AuditLog(Database connections) : IAuditLog
{
    private const string Insert = """
        INSERT INTO audit_log (cohort_id, actor, action, subject, before, after, at)
        VALUES (@CohortId, @Actor, @Action, @Subject, @Before, @After, @At)
        """;

    private const string SelectRecent = """
        SELECT id, cohort_id, actor, action, subject, before, after, at
        FROM audit_log
        WHERE cohort_id = @cohortId
        ORDER BY at DESC, id DESC
        LIMIT @limit
        """;

    public Task RecordAsync(AuditEntry e, CancellationToken ct) =>
        connections.InTransactionAsync((db, tx) => InsertAsync(db, tx, e), ct);

    /// <summary>
    /// Inside a store's own transaction, the entry <paramref name="audit"/> makes of the change's
    /// outcome (none when it returns null: nothing changed), so it commits with the change it describes.
    /// </summary>
    internal static async Task AppendAsync<T>(System.Data.IDbConnection db, System.Data.IDbTransaction tx, Func<T, AuditEntry?>? audit, T outcome)
    {
        if (audit?.Invoke(outcome) is { } entry)
        {
            await InsertAsync(db, tx, entry);
        }
    }

    /// <summary>Writes an entry inside a store's own transaction, so it commits with the change it describes.</summary>
    internal static Task<int> InsertAsync(System.Data.IDbConnection db, System.Data.IDbTransaction tx, AuditEntry e) =>
        db.ExecuteAsync(Insert, new { e.CohortId, e.Actor, e.Action, e.Subject, e.Before, e.After, At = Instants.ToDb(e.At) }, tx);

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(long cohortId, int limit, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long Id, long CohortId, string Actor, string Action, string Subject, string? Before, string? After, long At)>(
            new CommandDefinition(SelectRecent, new { cohortId, limit }, cancellationToken: ct));
        return rows.Select(r => new AuditEntry(r.CohortId, r.Actor, r.Action, r.Subject, r.Before, r.After, Instants.FromDb(r.At)) { Id = r.Id }).ToList();
    }
}
