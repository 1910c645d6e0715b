using System.Data.Common;
using CohortBot.Core.Participants;
using CohortBot.Core.Reminders;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Reminders;

/// <summary>
/// Reminder recipients, a page of participants at a time (keyset on participant id), each with its
/// platform identities in the same query; and the participants' reminder settings.
/// </summary>
public sealed class ReminderAudienceStore(Database connections) : IReminderAudience, IReminderPreferences
{
    // {0} is the condition choosing the page's participants (alias p), which must be active.
    private const string PageTemplate = """
        WITH page AS (
            SELECT p.id, COALESCE(p.language, p.locale) AS locale, p.time_zone, p.reminders_enabled, p.quiet_hours  -- a /language choice wins
            FROM participants p
            WHERE p.id > @after AND p.status = 'active' AND {0}
            ORDER BY p.id
            LIMIT @limit
        )
        SELECT page.id AS participant_id, page.locale, page.time_zone, page.reminders_enabled, page.quiet_hours,
               i.platform, i.platform_user_id
        FROM page LEFT JOIN participant_identities i ON i.participant_id = page.id
        ORDER BY page.id, i.id
        """;

    // The latest proof counts, and a rejected one still needs a new proof.
    private const string HasSubmittedWeek = """
        EXISTS (SELECT 1 FROM submissions s
                WHERE s.participant_id = p.id AND s.week_id = @weekId AND s.status <> 'rejected'
                  AND s.attempt = (SELECT MAX(x.attempt) FROM submissions x WHERE x.participant_id = p.id AND x.week_id = @weekId))
        """;

    private const string HasSubmittedCertificate = """
        EXISTS (SELECT 1 FROM certificate_submissions c
                WHERE c.participant_id = p.id AND c.status <> 'rejected'
                  AND c.attempt = (SELECT MAX(x.attempt) FROM certificate_submissions x WHERE x.participant_id = p.id))
        """;

    private const string IsGoing = "EXISTS (SELECT 1 FROM rsvps r WHERE r.event_id = @eventId AND r.participant_id = p.id AND r.status = 'going')";

    private const string SelectSettings = "SELECT reminders_enabled, quiet_hours FROM participants WHERE id = @id";

    private const string UpdateEnabled = "UPDATE participants SET reminders_enabled = @enabled WHERE id = @id";

    private const string UpdateQuiet = "UPDATE participants SET quiet_hours = @quiet WHERE id = @id";

    public Task<IReadOnlyList<ReminderRecipient>> MissingWeekAsync(long cohortId, long weekId, long afterParticipantId, int limit, CancellationToken ct) =>
        PageAsync($"p.cohort_id = @cohortId AND NOT {HasSubmittedWeek}", new { cohortId, weekId, after = afterParticipantId, limit }, ct);

    public Task<IReadOnlyList<ReminderRecipient>> MissingCertificateAsync(long cohortId, long afterParticipantId, int limit, CancellationToken ct) =>
        PageAsync($"p.cohort_id = @cohortId AND NOT {HasSubmittedCertificate}", new { cohortId, after = afterParticipantId, limit }, ct);

    public Task<IReadOnlyList<ReminderRecipient>> GoingToEventAsync(long eventId, long afterParticipantId, int limit, CancellationToken ct) =>
        PageAsync(IsGoing, new { eventId, after = afterParticipantId, limit }, ct);

    public async Task<ReminderRecipient?> RecipientAsync(long participantId, CancellationToken ct) =>
        (await PageAsync("p.id = @participantId", new { participantId, after = participantId - 1, limit = 1 }, ct)).SingleOrDefault();

    public Task<bool> HasSubmittedWeekAsync(long participantId, long weekId, CancellationToken ct) =>
        ExistsAsync(HasSubmittedWeek, new { participantId, weekId }, ct);

    public Task<bool> HasSubmittedCertificateAsync(long participantId, CancellationToken ct) =>
        ExistsAsync(HasSubmittedCertificate, new { participantId }, ct);

    public Task<bool> IsGoingAsync(long eventId, long participantId, CancellationToken ct) =>
        ExistsAsync(IsGoing, new { eventId, participantId }, ct);

    public async Task<ReminderSettings> GetAsync(long participantId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleAsync<(long RemindersEnabled, string? QuietHours)>(new CommandDefinition(SelectSettings, new { id = participantId }, cancellationToken: ct));
        return new ReminderSettings(row.RemindersEnabled != 0, ParseQuiet(row.QuietHours));
    }

    public async Task SetEnabledAsync(long participantId, bool enabled, CancellationToken ct)
    {
        await connections.ExecuteAsync(UpdateEnabled, new { id = participantId, enabled = enabled ? 1 : 0 }, ct);
    }

    public async Task SetQuietHoursAsync(long participantId, QuietHours? quiet, CancellationToken ct)
    {
        await connections.ExecuteAsync(UpdateQuiet, new { id = participantId, quiet = quiet?.ToString() }, ct);
    }

    private async Task<IReadOnlyList<ReminderRecipient>> PageAsync(string condition, object args, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<RecipientRow>(new CommandDefinition(string.Format(System.Globalization.CultureInfo.InvariantCulture, PageTemplate, condition), args, cancellationToken: ct));
        return rows.GroupBy(r => r.ParticipantId).Select(g =>
        {
            var first = g.First();
            var identities = g.Where(r => r.Platform is not null).Select(r => new PlatformIdentity(r.Platform!, r.PlatformUserId!)).ToList();
            return new ReminderRecipient(first.ParticipantId, first.Locale, first.TimeZone, first.RemindersEnabled != 0, ParseQuiet(first.QuietHours), identities);
        }).ToList();
    }

    private async Task<bool> ExistsAsync(string condition, object args, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT {condition} FROM participants p WHERE p.id = @participantId", args, cancellationToken: ct)) != 0;
    }

    private static QuietHours? ParseQuiet(string? text) => QuietHours.TryParse(text, out var quiet) ? quiet : null;

    private sealed class RecipientRow
    {
        public long ParticipantId { get; init; }

        public string? Locale { get; init; }

        public string? TimeZone { get; init; }

        public long RemindersEnabled { get; init; }

        public string? QuietHours { get; init; }

        public string? Platform { get; init; }

        public string? PlatformUserId { get; init; }
    }
}
