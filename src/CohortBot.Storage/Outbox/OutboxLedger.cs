using System.Data.Common;
using CohortBot.Core.Outbox;
using CohortBot.Storage.Postgres;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Outbox;

/// <summary>
/// The delivery ledger. Every state change is one short write keyed by row id or delivery key,
/// through the single writer: a fan-out's parallel senders share its group commits instead of
/// meeting in SQLite's busy handler.
/// </summary>
/// <remarks>
/// On SQLite only one process has the file, so a claim by another run is a crash's leftover. On
/// PostgreSQL several instances share the ledger: a claim by another run is taken over only when
/// that run's process is gone (<see cref="RunLeases"/>).
/// </remarks>
public sealed class OutboxLedger(Database connections, RunLeases leases) : IDeliveryLedger
{
    private const string InsertClaim = """
        INSERT INTO outbox (cohort_id, kind, subject, recipient, offset_ms, due_at, status, claimed_by, updated_at)
        VALUES (@cohortId, @kind, @subject, @recipient, @offsetMs, @dueAt, 'claimed', @runId, @now)
        ON CONFLICT (kind, subject, recipient, offset_ms) DO NOTHING
        RETURNING id
        """;

    private const string SelectByKey = """
        SELECT id, status, claimed_by, not_before, attempts
        FROM outbox
        WHERE kind = @kind AND subject = @subject AND recipient = @recipient AND offset_ms = @offsetMs
        """;

    // Compare-and-set on what was read: of two takers racing for the same leftover, one wins.
    private const string TakeOver = """
        UPDATE outbox SET status = 'claimed', claimed_by = @runId, updated_at = @now
        WHERE id = @id AND status = @status AND claimed_by IS @claimedBy
        """;

    // PostgreSQL's null-safe equality is IS NOT DISTINCT FROM (IS takes only NULL, TRUE or FALSE there).
    private const string TakeOverPostgres = """
        UPDATE outbox SET status = 'claimed', claimed_by = @runId, updated_at = @now
        WHERE id = @id AND status = @status AND claimed_by IS NOT DISTINCT FROM @claimedBy
        """;

    private const string MarkSending = "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now WHERE id = @id";

    private const string Confirm = "UPDATE outbox SET status = 'confirmed', last_error = NULL, updated_at = @now WHERE id = @id";

    private const string Release = "UPDATE outbox SET status = 'claimed', claimed_by = NULL, last_error = @error, updated_at = @now WHERE id = @id AND status <> 'confirmed'";

    private const string UpsertDeferred = """
        INSERT INTO outbox (cohort_id, kind, subject, recipient, offset_ms, due_at, status, not_before, updated_at)
        VALUES (@cohortId, @kind, @subject, @recipient, @offsetMs, @dueAt, 'deferred', @notBefore, @now)
        ON CONFLICT (kind, subject, recipient, offset_ms) DO UPDATE
            SET status = 'deferred', not_before = excluded.not_before, claimed_by = NULL, updated_at = excluded.updated_at
            WHERE outbox.status <> 'confirmed'
        """;

    private const string UpsertDropped = """
        INSERT INTO outbox (cohort_id, kind, subject, recipient, offset_ms, due_at, status, last_error, updated_at)
        VALUES (@cohortId, @kind, @subject, @recipient, @offsetMs, @dueAt, 'dropped', @reason, @now)
        ON CONFLICT (kind, subject, recipient, offset_ms) DO UPDATE
            SET status = 'dropped', last_error = excluded.last_error, claimed_by = NULL, updated_at = excluded.updated_at
            WHERE outbox.status <> 'confirmed'
        """;

    // A fan-out's own row ('*') is pending only once released by a failed run (claimed, by nobody):
    // a row a dead process left is the scheduler's to recover (Quartz's recovery, or the start-up
    // catch-up), and one a live run holds is being worked on.
    private const string SelectPending = """
        SELECT id, cohort_id, kind, subject, recipient, offset_ms, due_at, not_before, attempts
        FROM outbox
        WHERE id > @afterId AND (recipient <> '*' OR (status = 'claimed' AND claimed_by IS NULL))
          AND ((status = 'deferred' AND not_before <= @now)
               OR (status IN ('claimed', 'sending') AND (claimed_by IS NULL OR claimed_by <> @runId)))
        ORDER BY id
        LIMIT @limit
        """;

    // A claim by another run is pending only if that run is dead: nobody holds its lease (the
    // transaction-scoped try succeeds, and lets go when this statement ends). The try is shared, so
    // two instances checking the same dead run at once both see it dead; only the live run's own
    // (exclusive) lease makes it fail.
    private const string SelectPendingPostgres = """
        SELECT id, cohort_id, kind, subject, recipient, offset_ms, due_at, not_before, attempts
        FROM outbox
        WHERE id > @afterId AND (recipient <> '*' OR (status = 'claimed' AND claimed_by IS NULL))
          AND ((status = 'deferred' AND not_before <= @now)
               OR (status IN ('claimed', 'sending') AND (claimed_by IS NULL
                   OR (claimed_by <> @runId AND pg_try_advisory_xact_lock_shared(hashtextextended('outbox-run:' || claimed_by, 0))))))
        ORDER BY id
        LIMIT @limit
        """;

    internal const string RunIsDeadPostgres = "SELECT pg_try_advisory_xact_lock_shared(hashtextextended('outbox-run:' || @claimedBy, 0))";

    private const string SelectSettledJobs = """
        SELECT kind, subject, recipient, offset_ms
        FROM outbox
        WHERE cohort_id = @cohortId AND recipient = '*' AND status IN ('confirmed', 'dropped')
        """;

    public async Task<ClaimResult> ClaimAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, string runId, DateTimeOffset now, CancellationToken ct)
    {
        await leases.HoldAsync(runId);
        return await connections.InTransactionAsync(async (db, tx) =>
        {
            var p = Params(cohortId, key, dueAt, now);
            p.Add("runId", runId);
            var inserted = await db.ExecuteScalarAsync<long?>(InsertClaim, p, tx);
            if (inserted is { } id)
            {
                return new ClaimResult(ClaimStatus.Claimed, id, 0);
            }

            var row = await db.QuerySingleAsync<LedgerRow>(SelectByKey, p, tx);
            var status = row.Status switch
            {
                "confirmed" => ClaimStatus.AlreadyConfirmed,
                "dropped" => ClaimStatus.Dropped,
                "deferred" when row.NotBefore > Instants.ToDb(now) => ClaimStatus.Deferred,
                "claimed" or "sending" when row.ClaimedBy == runId => ClaimStatus.Busy,
                "claimed" or "sending" when row.ClaimedBy is not null && await RunIsAliveAsync(db, tx, row.ClaimedBy) => ClaimStatus.Busy,
                _ => ClaimStatus.Claimed,
            };
            if (status != ClaimStatus.Claimed)
            {
                return new ClaimResult(status, row.Id, (int)row.Attempts);
            }

            var taken = await db.ExecuteAsync(connections.Sql(TakeOver, TakeOverPostgres), new { id = row.Id, status = row.Status, claimedBy = row.ClaimedBy, runId, now = Instants.ToDb(now) }, tx);
            return new ClaimResult(taken == 1 ? ClaimStatus.Claimed : ClaimStatus.Busy, row.Id, (int)row.Attempts);
        }, ct);
    }

    public Task MarkSendingAsync(long id, DateTimeOffset now, CancellationToken ct) => ExecuteAsync(MarkSending, new { id, now = Instants.ToDb(now) }, ct);

    public Task ConfirmAsync(long id, DateTimeOffset now, CancellationToken ct) => ExecuteAsync(Confirm, new { id, now = Instants.ToDb(now) }, ct);

    public Task ReleaseAsync(long id, string error, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync(Release, new { id, error = error.Length > 500 ? error[..500] : error, now = Instants.ToDb(now) }, ct);

    public Task DeferAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, DateTimeOffset notBefore, DateTimeOffset now, CancellationToken ct)
    {
        var p = Params(cohortId, key, dueAt, now);
        p.Add("notBefore", Instants.ToDb(notBefore));
        return ExecuteAsync(UpsertDeferred, p, ct);
    }

    public Task DropAsync(long cohortId, DeliveryKey key, DateTimeOffset dueAt, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var p = Params(cohortId, key, dueAt, now);
        p.Add("reason", reason);
        return ExecuteAsync(UpsertDropped, p, ct);
    }

    public async Task<IReadOnlyList<PendingDelivery>> PendingAsync(string runId, DateTimeOffset now, long afterId, int limit, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<PendingRow>(new CommandDefinition(connections.Sql(SelectPending, SelectPendingPostgres),
            new { runId, now = Instants.ToDb(now), afterId, limit }, cancellationToken: ct));
        return rows.Select(r => new PendingDelivery(r.Id, r.CohortId, new DeliveryKey(r.Kind, r.Subject, r.Recipient, TimeSpan.FromMilliseconds(r.OffsetMs)),
            Instants.FromDb(r.DueAt), Instants.FromDb(r.NotBefore), (int)r.Attempts)).ToList();
    }

    public async Task<IReadOnlySet<DeliveryKey>> SettledJobsAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(string Kind, string Subject, string Recipient, long OffsetMs)>(new CommandDefinition(SelectSettledJobs, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => new DeliveryKey(r.Kind, r.Subject, r.Recipient, TimeSpan.FromMilliseconds(r.OffsetMs))).ToHashSet();
    }

    private static DynamicParameters Params(long cohortId, DeliveryKey key, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var p = new DynamicParameters();
        p.Add("cohortId", cohortId);
        p.Add("kind", key.Kind);
        p.Add("subject", key.Subject);
        p.Add("recipient", key.Recipient);
        p.Add("offsetMs", (long)key.Offset.TotalMilliseconds);
        p.Add("dueAt", Instants.ToDb(dueAt));
        p.Add("now", Instants.ToDb(now));
        return p;
    }

    private Task ExecuteAsync(string sql, object args, CancellationToken ct) => connections.ExecuteAsync(sql, args, ct);

    /// <summary>SQLite: another run is a dead process. PostgreSQL: alive while someone holds its lease.</summary>
    private async Task<bool> RunIsAliveAsync(DbConnection db, DbTransaction tx, string claimedBy) =>
        connections.Dialect == Dialect.Postgres && !await db.ExecuteScalarAsync<bool>(RunIsDeadPostgres, new { claimedBy }, tx);

    private sealed class LedgerRow
    {
        public long Id { get; init; }

        public string Status { get; init; } = "";

        public string? ClaimedBy { get; init; }

        public long? NotBefore { get; init; }

        public long Attempts { get; init; }
    }

    private sealed class PendingRow
    {
        public long Id { get; init; }

        public long CohortId { get; init; }

        public string Kind { get; init; } = "";

        public string Subject { get; init; } = "";

        public string Recipient { get; init; } = "";

        public long OffsetMs { get; init; }

        public long DueAt { get; init; }

        public long? NotBefore { get; init; }

        public long Attempts { get; init; }
    }
}
