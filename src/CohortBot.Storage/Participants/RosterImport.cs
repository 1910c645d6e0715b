using System.Data.Common;
using CohortBot.Core.Cohorts;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Participants;

/// <summary>
/// Adds roster entries as participants with their platform identities, matching existing people
/// by email or by any identity so a re-import never duplicates anyone.
/// </summary>
public sealed class RosterImport
{
    private const string FindByEmail = "SELECT id FROM participants WHERE cohort_id = @cohortId AND email = @email";

    private const string FindByIdentity = """
        SELECT participant_id FROM participant_identities
        WHERE cohort_id = @cohortId AND platform = @platform AND platform_user_id = @userId
        """;

    private const string InsertParticipant = """
        INSERT INTO participants (cohort_id, display_name, named_by_organizer, email, status, created_at)
        VALUES (@cohortId, @name, 1, @email, 'active', @now)
        RETURNING id
        """;

    private const string FillEmail = "UPDATE participants SET email = @email WHERE id = @id AND email IS NULL";

    private const string InsertIdentity = """
        INSERT INTO participant_identities (cohort_id, participant_id, platform, platform_user_id)
        VALUES (@cohortId, @participantId, @platform, @userId)
        ON CONFLICT (cohort_id, platform, platform_user_id) DO NOTHING
        """;

    /// <summary>Imports inside the caller's transaction; returns how many participants were new.</summary>
    public async Task<int> ImportAsync(DbConnection db, DbTransaction tx, long cohortId, IReadOnlyList<RosterEntry> entries, DateTimeOffset now)
    {
        var added = 0;
        foreach (var entry in entries)
        {
            var email = entry.Email?.Trim().ToLowerInvariant();
            long? id = email is null ? null : await db.ExecuteScalarAsync<long?>(FindByEmail, new { cohortId, email }, tx);
            foreach (var (platform, userId) in entry.PlatformIds)
            {
                id ??= await db.ExecuteScalarAsync<long?>(FindByIdentity, new { cohortId, platform, userId }, tx);
            }

            if (id is null)
            {
                id = await db.ExecuteScalarAsync<long>(InsertParticipant, new { cohortId, name = entry.Name.Normalize(System.Text.NormalizationForm.FormC), email, now = Instants.ToDb(now) }, tx);
                added++;
            }
            else if (email is not null)
            {
                await db.ExecuteAsync(FillEmail, new { id, email }, tx);
            }

            foreach (var (platform, userId) in entry.PlatformIds)
            {
                await db.ExecuteAsync(InsertIdentity, new { cohortId, participantId = id, platform, userId }, tx);
            }
        }

        return added;
    }
}
