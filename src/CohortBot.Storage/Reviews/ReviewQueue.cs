using System.Data.Common;
using CohortBot.Core.Audit;
using CohortBot.Core.Reviews;
using CohortBot.Storage.Audit;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Reviews;

/// <summary>
/// The review queue over weekly and certificate proofs. Claims and decisions run in IMMEDIATE
/// transactions, so two reviewers asking at the same moment are serialised and get different proofs.
/// </summary>
public sealed class ReviewQueue(Database connections) : IReviewQueue
{
    // Candidates: latest attempts still pending, of active participants, not held by someone else.
    private const string Candidates = """
        SELECT 'w' AS kind, s.id, s.submitted_at, CASE WHEN s.claimed_by = @reviewer AND s.claim_expires_at > @now THEN 0 ELSE 1 END AS mine_last
        FROM submissions s JOIN weeks w ON w.id = s.week_id JOIN participants p ON p.id = s.participant_id
        WHERE s.cohort_id = @cohortId AND s.status = 'pending' AND p.status = 'active' AND w.retired = 0
          AND (@week IS NULL OR w.number = @week)
          AND s.attempt = (SELECT MAX(x.attempt) FROM submissions x WHERE x.participant_id = s.participant_id AND x.week_id = s.week_id)
          AND (s.claimed_by IS NULL OR s.claimed_by = @reviewer OR s.claim_expires_at <= @now)
        UNION ALL
        SELECT 'c' AS kind, c.id, c.submitted_at, CASE WHEN c.claimed_by = @reviewer AND c.claim_expires_at > @now THEN 0 ELSE 1 END AS mine_last
        FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id
        WHERE @week IS NULL AND c.cohort_id = @cohortId AND c.status = 'pending' AND p.status = 'active'
          AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = c.participant_id)
          AND (c.claimed_by IS NULL OR c.claimed_by = @reviewer OR c.claim_expires_at <= @now)
        """;

    private const string NextCandidate = $"SELECT kind, id FROM ({Candidates}) AS candidates ORDER BY mine_last, submitted_at, id LIMIT 1";

    private const string CountCandidates = $"SELECT COUNT(*) FROM ({Candidates}) AS candidates";

    private const string ClaimWeekly = "UPDATE submissions SET claimed_by = @reviewer, claim_expires_at = @expires WHERE id = @id";

    private const string ClaimCertificate = "UPDATE certificate_submissions SET claimed_by = @reviewer, claim_expires_at = @expires WHERE id = @id";

    // The participant's first platform account, so two people of one name are told apart on the card.
    private const string Handle = "(SELECT i.platform || ':' || i.platform_user_id FROM participant_identities i WHERE i.participant_id = p.id ORDER BY i.id LIMIT 1)";

    private const string SelectWeekly = $"""
        SELECT s.id, s.participant_id, p.display_name AS participant_name, {Handle} AS participant_handle, w.number AS week_number, NULL AS certificate_key,
               s.attempt, s.submitted_at, s.url, s.file_sha256, s.file_content_type, s.file_size, s.note, s.is_late, s.status, s.review_reason,
               s.claimed_by, s.claim_expires_at, w.closes_at AS resubmit_by,
               s.attempt = (SELECT MAX(x.attempt) FROM submissions x WHERE x.participant_id = s.participant_id AND x.week_id = s.week_id) AS is_latest
        FROM submissions s JOIN weeks w ON w.id = s.week_id JOIN participants p ON p.id = s.participant_id
        WHERE s.id = @id AND s.cohort_id = @cohortId
        """;

    private const string SelectCertificate = $"""
        SELECT c.id, c.participant_id, p.display_name AS participant_name, {Handle} AS participant_handle, NULL AS week_number, c.certificate_key,
               c.attempt, c.submitted_at, c.url, c.file_sha256, c.file_content_type, c.file_size, NULL AS note, c.is_late, c.status, c.review_reason,
               c.claimed_by, c.claim_expires_at, k.certificate_deadline AS resubmit_by,
               c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = c.participant_id) AS is_latest
        FROM certificate_submissions c JOIN participants p ON p.id = c.participant_id JOIN cohorts k ON k.id = c.cohort_id
        WHERE c.id = @id AND c.cohort_id = @cohortId
        """;

    private const string DecideWeekly = """
        UPDATE submissions
        SET status = @status, review_reason = @reason, reviewed_by = @reviewer, reviewed_at = @now, claimed_by = NULL, claim_expires_at = NULL
        WHERE id = @id
        """;

    private const string DecideCertificate = """
        UPDATE certificate_submissions
        SET status = @status, review_reason = @reason, reviewed_by = @reviewer, reviewed_at = @now, claimed_by = NULL, claim_expires_at = NULL
        WHERE id = @id
        """;

    public Task<ReviewItem?> ClaimNextAsync(long cohortId, int? week, string reviewer, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var next = (await db.QueryAsync<(string Kind, long Id)>(NextCandidate, new { cohortId, week, reviewer, now = Instants.ToDb(now) }, tx)).ToList();
            if (next.Count == 0)
            {
                return null;
            }

            var found = next[0];
            var proof = new ProofRef(found.Kind == "w" ? ProofKind.Weekly : ProofKind.Certificate, found.Id);
            await db.ExecuteAsync(proof.Kind == ProofKind.Weekly ? ClaimWeekly : ClaimCertificate,
                new { id = found.Id, reviewer, expires = Instants.ToDb(now + lease) }, tx);
            return (await LoadAsync(db, tx, cohortId, proof))?.Item;
        }, ct);

    public Task<ReviewResult> DecideAsync(long cohortId, ProofRef proof, ReviewDecision decision, Func<ReviewItem, AuditEntry>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var current = await LoadAsync(db, tx, cohortId, proof);
            if (current is not { } row)
            {
                return new ReviewResult(ReviewOutcome.NotFound, null);
            }

            var item = row.Item;
            var outcome = item.Status != Core.Submissions.ReviewStatus.Pending ? ReviewOutcome.AlreadyDecided
                : !row.IsLatest ? ReviewOutcome.Superseded
                : item.ClaimedBy is { } holder && holder != decision.Reviewer && item.ClaimExpiresAt > decision.At ? ReviewOutcome.ClaimedByOther
                : ReviewOutcome.Decided;
            if (outcome != ReviewOutcome.Decided)
            {
                return new ReviewResult(outcome, item);
            }

            await db.ExecuteAsync(proof.Kind == ProofKind.Weekly ? DecideWeekly : DecideCertificate, new
            {
                id = proof.Id,
                status = decision.Approve ? "approved" : "rejected",
                reason = decision.Reason,
                reviewer = decision.Reviewer,
                now = Instants.ToDb(decision.At),
            }, tx);
            var decided = (await LoadAsync(db, tx, cohortId, proof))!.Value.Item;
            if (audit is not null)
            {
                await AuditLog.InsertAsync(db, tx, audit(decided));
            }

            return new ReviewResult(ReviewOutcome.Decided, decided);
        }, ct);

    public async Task<int> PendingCountAsync(long cohortId, int? week, string reviewer, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<int>(new CommandDefinition(CountCandidates, new { cohortId, week, reviewer, now = Instants.ToDb(now) }, cancellationToken: ct));
    }

    private static async Task<(ReviewItem Item, bool IsLatest)?> LoadAsync(DbConnection db, DbTransaction tx, long cohortId, ProofRef proof)
    {
        var row = await db.QuerySingleOrDefaultAsync<ReviewRow>(proof.Kind == ProofKind.Weekly ? SelectWeekly : SelectCertificate, new { id = proof.Id, cohortId }, tx);
        return row is null ? null : (row.ToDomain(proof.Kind), row.IsLatest != 0);
    }
}
