using System.Data.Common;
using System.Globalization;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Participants;
using CohortBot.Core.Roster;
using CohortBot.Storage.Participants;
using CohortBot.Storage.Sqlite;
using Dapper;
using CohortBot.Core.Audit;
using CohortBot.Storage.Audit;

namespace CohortBot.Storage.Roster;

public sealed class RosterAdmin(Database connections, RosterImport roster) : IRosterAdmin
{
    private const string Columns = "p.id, p.cohort_id, p.display_name, p.email, p.locale, p.time_zone, p.status";

    private const string SelectById = $"SELECT {Columns} FROM participants p WHERE p.cohort_id = @cohortId AND p.id = @id";

    private const string SelectByEmail = $"SELECT {Columns} FROM participants p WHERE p.cohort_id = @cohortId AND p.email = @email";

    private const string SelectByIdentity = $"""
        SELECT {Columns} FROM participants p JOIN participant_identities i ON i.participant_id = p.id
        WHERE i.cohort_id = @cohortId AND i.platform = @platform AND i.platform_user_id = @userId
        """;

    private const string SelectByName = $"SELECT {Columns} FROM participants p WHERE p.cohort_id = @cohortId AND p.display_name = @name ORDER BY p.id";

    private const string UpdateStatus = "UPDATE participants SET status = @status WHERE id = @id AND status <> @status";

    public async Task<IReadOnlyList<Participant>> FindAsync(long cohortId, string query, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var (sql, args) = Classify(cohortId, query);
        var rows = await db.QueryAsync<(long Id, long CohortId, string DisplayName, string? Email, string? Locale, string? TimeZone, string Status)>(
            new CommandDefinition(sql, args, cancellationToken: ct));
        return rows.Select(r => new Participant(r.Id, r.CohortId, r.DisplayName, r.Email, r.Locale, r.TimeZone,
            r.Status == "dropped" ? ParticipantStatus.Dropped : ParticipantStatus.Active)).ToList();
    }

    public Task<bool> SetStatusAsync(long participantId, ParticipantStatus status, Func<bool, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var value = status == ParticipantStatus.Dropped ? "dropped" : "active";
            var changed = await db.ExecuteAsync(UpdateStatus, new { id = participantId, status = value }, tx) == 1;
            await AuditLog.AppendAsync(db, tx, audit, changed);
            return changed;
        }, ct);

    public Task<int> ImportAsync(long cohortId, IReadOnlyList<RosterEntry> entries, DateTimeOffset now, Func<int, AuditEntry?>? audit, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var added = await roster.ImportAsync(db, tx, cohortId, entries, now);
            await AuditLog.AppendAsync(db, tx, audit, added);
            return added;
        }, ct);

    private static (string Sql, object Args) Classify(long cohortId, string query)
    {
        var digits = query.TrimStart('#');
        if (digits.Length > 0 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (SelectById, new { cohortId, id });
        }

        if (query.Contains('@', StringComparison.Ordinal))
        {
            return (SelectByEmail, new { cohortId, email = query.ToLowerInvariant() });
        }

        var colon = query.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && query[..colon] is "discord" or "slack" or "terminal")
        {
            return (SelectByIdentity, new { cohortId, platform = query[..colon], userId = query[(colon + 1)..] });
        }

        return (SelectByName, new { cohortId, name = query });
    }
}
