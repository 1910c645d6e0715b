using System.Data.Common;
using CohortBot.Core.Participants;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Participants;

public sealed class ParticipantStore(Database connections) : IParticipantStore
{
    private const string Columns = "p.id, p.cohort_id, p.display_name, p.named_by_organizer, p.email, p.locale, p.language, p.time_zone, p.status";

    private const string SelectByIdentity = $"""
        SELECT {Columns}
        FROM participant_identities i JOIN participants p ON p.id = i.participant_id
        WHERE i.cohort_id = @cohortId AND i.platform = @platform AND i.platform_user_id = @userId
        """;

    private const string SelectById = $"SELECT {Columns} FROM participants p WHERE p.id = @id";

    private const string SelectActive = $"SELECT {Columns} FROM participants p WHERE p.cohort_id = @cohortId AND p.status = 'active' ORDER BY p.display_name, p.id";

    private const string InsertParticipant = """
        INSERT INTO participants (cohort_id, display_name, locale, status, created_at)
        VALUES (@cohortId, @name, @locale, 'active', @now)
        RETURNING id
        """;

    private const string InsertIdentity = """
        INSERT INTO participant_identities (cohort_id, participant_id, platform, platform_user_id)
        VALUES (@cohortId, @participantId, @platform, @userId)
        ON CONFLICT (cohort_id, platform, platform_user_id) DO NOTHING
        """;

    private const string RemoveOrphan = "DELETE FROM participants WHERE id = @id";

    private const string UpdateProfile = "UPDATE participants SET display_name = @name WHERE id = @id";

    private const string UpdateLocale = "UPDATE participants SET locale = @locale WHERE id = @id";

    private const string UpdateLanguage = "UPDATE participants SET language = @language WHERE id = @id";

    private const string UpdateTimeZone = "UPDATE participants SET time_zone = @zone WHERE id = @id";

    private const string SelectIdentities = "SELECT platform, platform_user_id FROM participant_identities WHERE participant_id = @participantId ORDER BY id";

    public async Task<Participant?> FindByIdentityAsync(long cohortId, string platform, string platformUserId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<ParticipantRow>(new CommandDefinition(SelectByIdentity, new { cohortId, platform, userId = platformUserId }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<Participant?> GetAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<ParticipantRow>(new CommandDefinition(SelectById, new { id = participantId }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Participant>> ActiveAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<ParticipantRow>(new CommandDefinition(SelectActive, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<Participant> RegisterAsync(long cohortId, PlatformUser user, DateTimeOffset now, CancellationToken ct)
    {
        var row = await connections.InTransactionAsync(async (db, tx) =>
        {
            var id = await db.ExecuteScalarAsync<long>(InsertParticipant, new { cohortId, name = user.DisplayName.Normalize(System.Text.NormalizationForm.FormC), locale = user.Locale, now = Instants.ToDb(now) }, tx);
            var inserted = await db.ExecuteAsync(InsertIdentity, new { cohortId, participantId = id, platform = user.Platform, userId = user.UserId }, tx);
            if (inserted == 0)
            {
                // Two first messages raced and the other one registered this identity: use theirs.
                await db.ExecuteAsync(RemoveOrphan, new { id }, tx);
            }

            return await db.QuerySingleAsync<ParticipantRow>(SelectByIdentity, new { cohortId, platform = user.Platform, userId = user.UserId }, tx);
        }, ct);
        return row.ToDomain();
    }

    public Task RefreshProfileAsync(long participantId, PlatformUser user, CancellationToken ct) =>
        ExecuteAsync(UpdateProfile, new { id = participantId, name = user.DisplayName.Normalize(System.Text.NormalizationForm.FormC) }, ct);

    public Task RecordLocaleAsync(long participantId, string locale, CancellationToken ct) =>
        ExecuteAsync(UpdateLocale, new { id = participantId, locale }, ct);

    public Task SetLanguageAsync(long participantId, string? language, CancellationToken ct) =>
        ExecuteAsync(UpdateLanguage, new { id = participantId, language }, ct);

    public Task SetTimeZoneAsync(long participantId, string? timeZoneId, CancellationToken ct) =>
        ExecuteAsync(UpdateTimeZone, new { id = participantId, zone = timeZoneId }, ct);

    private Task ExecuteAsync(string sql, object args, CancellationToken ct) => connections.ExecuteAsync(sql, args, ct);

    public async Task<IReadOnlyList<PlatformIdentity>> IdentitiesAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(string Platform, string PlatformUserId)>(new CommandDefinition(SelectIdentities, new { participantId }, cancellationToken: ct));
        return rows.Select(r => new PlatformIdentity(r.Platform, r.PlatformUserId)).ToList();
    }

    private sealed class ParticipantRow
    {
        public long Id { get; init; }

        public long CohortId { get; init; }

        public string DisplayName { get; init; } = "";

        public long NamedByOrganizer { get; init; }

        public string? Email { get; init; }

        public string? Locale { get; init; }

        public string? Language { get; init; }

        public string? TimeZone { get; init; }

        public string Status { get; init; } = "active";

        public Participant ToDomain() => new(Id, CohortId, DisplayName, Email, Locale, TimeZone,
            Status == "dropped" ? ParticipantStatus.Dropped : ParticipantStatus.Active)
        {
            NamedByOrganizer = NamedByOrganizer != 0,
            Language = Language,
        };
    }
}
