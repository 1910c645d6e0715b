using System.Data.Common;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Events;
using CohortBot.Storage.Participants;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Cohorts;

/// <summary>
/// Makes the database match the cohort file in one transaction. Rows are matched by their natural
/// keys (cohort slug, week number, certificate and event ids), so re-running updates instead of
/// duplicating. Nothing a participant made is deleted: weeks that left the file are retired and
/// events that left it are cancelled. Events created in chat (source 'chat') are the organizers'
/// and the file does not touch them. Week deadlines moved in chat are re-applied after the weeks
/// sync (see <see cref="DeadlineOverrides"/>).
/// </summary>
public sealed class CohortSync(Database connections, RosterImport roster)
{
    private const string UpsertCohort = """
        INSERT INTO cohorts (slug, name, time_zone, starts_at, ends_at, registration_open, language, certificate_deadline, updated_at)
        VALUES (@Slug, @Name, @TimeZone, @StartsAt, @EndsAt, @RegistrationOpen, @Language, @CertificateDeadline, @Now)
        ON CONFLICT (slug) DO UPDATE SET
            name = excluded.name, time_zone = excluded.time_zone, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
            registration_open = excluded.registration_open, language = excluded.language,
            certificate_deadline = excluded.certificate_deadline, updated_at = excluded.updated_at
        RETURNING id
        """;

    private const string SelectWeeks = "SELECT id, number, title, course_range, opens_at, due_at, closes_at, retired FROM weeks WHERE cohort_id = @cohortId";

    private const string InsertWeek = """
        INSERT INTO weeks (cohort_id, number, title, course_range, opens_at, due_at, closes_at, retired)
        VALUES (@CohortId, @Number, @Title, @CourseRange, @OpensAt, @DueAt, @ClosesAt, 0)
        """;

    private const string UpdateWeek = """
        UPDATE weeks SET title = @Title, course_range = @CourseRange, opens_at = @OpensAt, due_at = @DueAt, closes_at = @ClosesAt, retired = 0
        WHERE id = @Id
        """;

    private const string RetireWeek = "UPDATE weeks SET retired = 1 WHERE id = @Id";

    private const string UpsertCertificateType = """
        INSERT INTO certificate_types (cohort_id, key, name, retired) VALUES (@CohortId, @Key, @Name, 0)
        ON CONFLICT (cohort_id, key) DO UPDATE SET name = excluded.name, retired = 0
        """;

    private const string RetireOtherCertificateTypes = "UPDATE certificate_types SET retired = 1 WHERE cohort_id = @cohortId AND key NOT IN @keys";

    // Dapper sends a list to PostgreSQL as one array parameter (not expanded into "(@k1, @k2)"), so lists are ANY/ALL there.
    private const string RetireOtherCertificateTypesPostgres = "UPDATE certificate_types SET retired = 1 WHERE cohort_id = @cohortId AND key <> ALL(@keys)";

    private const string SelectEvents = """
        SELECT id, key, kind, title, company, topic, starts_at, ends_at, join_url, capacity, cancelled, source
        FROM events WHERE cohort_id = @cohortId
        """;

    private const string SelectSpeakers = "SELECT e.key AS event_key, s.name, s.role FROM event_speakers s JOIN events e ON e.id = s.event_id WHERE e.cohort_id = @cohortId ORDER BY s.position";

    private const string InsertEvent = """
        INSERT INTO events (cohort_id, key, kind, title, company, topic, starts_at, ends_at, join_url, capacity, cancelled, source, updated_at)
        VALUES (@CohortId, @Key, @Kind, @Title, @Company, @Topic, @StartsAt, @EndsAt, @JoinUrl, @Capacity, @Cancelled, 'file', @Now)
        RETURNING id
        """;

    private const string UpdateEvent = """
        UPDATE events SET kind = @Kind, title = @Title, company = @Company, topic = @Topic, starts_at = @StartsAt, ends_at = @EndsAt,
            join_url = @JoinUrl, capacity = @Capacity, cancelled = @Cancelled, updated_at = @Now
        WHERE id = @Id
        """;

    private const string CancelEvent = "UPDATE events SET cancelled = 1, updated_at = @Now WHERE id = @Id";

    private const string DeleteSpeakers = "DELETE FROM event_speakers WHERE event_id = @eventId";

    private const string InsertSpeaker = "INSERT INTO event_speakers (event_id, position, name, role) VALUES (@EventId, @Position, @Name, @Role)";

    public Task<CohortSyncResult> RunAsync(CohortDefinition def, DateTimeOffset now, CancellationToken ct) =>
        connections.InTransactionAsync(async (db, tx) =>
        {
            var cohortId = await db.ExecuteScalarAsync<long>(UpsertCohort, new
            {
                def.Slug,
                def.Name,
                TimeZone = def.TimeZone.Id,
                StartsAt = Instants.ToDb(def.StartsAt),
                EndsAt = Instants.ToDb(def.EndsAt),
                RegistrationOpen = def.RegistrationOpen ? 1 : 0,
                def.Language,
                CertificateDeadline = Instants.ToDb(def.Certificates?.Deadline),
                Now = Instants.ToDb(now),
            }, tx);

            var (weeksAdded, weeksUpdated) = await SyncWeeksAsync(db, tx, cohortId, def);
            await DeadlineOverrides.ApplyAsync(db, tx, cohortId);
            await SyncCertificatesAsync(db, tx, cohortId, def);
            var (eventsAdded, eventsUpdated, eventsCancelled) = await SyncEventsAsync(db, tx, cohortId, def, now);
            var rosterAdded = await roster.ImportAsync(db, tx, cohortId, def.Roster, now);
            return new CohortSyncResult(cohortId, weeksAdded, weeksUpdated, eventsAdded, eventsUpdated, eventsCancelled, rosterAdded);
        }, ct);

    private static async Task<(int Added, int Updated)> SyncWeeksAsync(DbConnection db, DbTransaction tx, long cohortId, CohortDefinition def)
    {
        var existing = (await db.QueryAsync<WeekRow>(SelectWeeks, new { cohortId }, tx)).ToDictionary(w => w.Number);
        int added = 0, updated = 0;
        foreach (var w in def.Weeks)
        {
            var row = new WeekRow
            {
                Number = w.Number,
                Title = w.Title,
                CourseRange = w.CourseRange,
                OpensAt = Instants.ToDb(w.OpensAt),
                DueAt = Instants.ToDb(w.DueAt),
                ClosesAt = Instants.ToDb(w.ClosesAt ?? def.EndsAt),
            };
            if (!existing.Remove(w.Number, out var old))
            {
                await db.ExecuteAsync(InsertWeek, new { CohortId = cohortId, row.Number, row.Title, row.CourseRange, row.OpensAt, row.DueAt, row.ClosesAt }, tx);
                added++;
            }
            else if (old with { Id = 0 } != row)
            {
                await db.ExecuteAsync(UpdateWeek, row with { Id = old.Id }, tx);
                updated++;
            }
        }

        foreach (var gone in existing.Values.Where(w => w.Retired == 0))
        {
            await db.ExecuteAsync(RetireWeek, new { gone.Id }, tx);
            updated++;
        }

        return (added, updated);
    }

    private static async Task SyncCertificatesAsync(DbConnection db, DbTransaction tx, long cohortId, CohortDefinition def)
    {
        var allowed = def.Certificates?.Allowed ?? [];
        foreach (var c in allowed)
        {
            await db.ExecuteAsync(UpsertCertificateType, new { CohortId = cohortId, c.Key, c.Name }, tx);
        }

        await db.ExecuteAsync(DialectSql.For(db, RetireOtherCertificateTypes, RetireOtherCertificateTypesPostgres), new { cohortId, keys = allowed.Select(c => c.Key).ToArray() }, tx);
    }

    private static async Task<(int Added, int Updated, int Cancelled)> SyncEventsAsync(DbConnection db, DbTransaction tx, long cohortId, CohortDefinition def, DateTimeOffset now)
    {
        var existing = (await db.QueryAsync<EventRow>(SelectEvents, new { cohortId }, tx)).ToDictionary(e => e.Key, StringComparer.OrdinalIgnoreCase);
        var speakers = (await db.QueryAsync<(string EventKey, string Name, string? Role)>(SelectSpeakers, new { cohortId }, tx))
            .ToLookup(s => s.EventKey, s => new Speaker(s.Name, s.Role), StringComparer.OrdinalIgnoreCase);
        int added = 0, updated = 0, cancelled = 0;
        var nowMs = Instants.ToDb(now);
        foreach (var e in def.Events)
        {
            var row = new EventRow
            {
                Key = e.Key,
                Kind = e.Kind.Key(),
                Title = e.Title,
                Company = e.Company,
                Topic = e.Topic,
                StartsAt = Instants.ToDb(e.StartsAt),
                EndsAt = Instants.ToDb(e.EndsAt),
                JoinUrl = e.JoinUrl,
                Capacity = e.Capacity,
                Cancelled = e.Cancelled ? 1 : 0,
                Source = "file",
            };
            long eventId;
            if (!existing.Remove(e.Key, out var old))
            {
                eventId = await db.ExecuteScalarAsync<long>(InsertEvent, new
                {
                    CohortId = cohortId, row.Key, row.Kind, row.Title, row.Company, row.Topic, row.StartsAt, row.EndsAt,
                    row.JoinUrl, row.Capacity, row.Cancelled, Now = nowMs,
                }, tx);
                added++;
            }
            else if (old.Source != "file")
            {
                continue;
            }
            else
            {
                eventId = old.Id;
                var speakersChanged = !speakers[e.Key].SequenceEqual(e.Speakers);
                if (old with { Id = 0, Key = e.Key } == row && !speakersChanged)
                {
                    continue;
                }

                await db.ExecuteAsync(UpdateEvent, new
                {
                    old.Id, row.Kind, row.Title, row.Company, row.Topic, row.StartsAt, row.EndsAt, row.JoinUrl, row.Capacity, row.Cancelled, Now = nowMs,
                }, tx);
                updated++;
            }

            await db.ExecuteAsync(DeleteSpeakers, new { eventId }, tx);
            for (var i = 0; i < e.Speakers.Count; i++)
            {
                await db.ExecuteAsync(InsertSpeaker, new { EventId = eventId, Position = i, e.Speakers[i].Name, e.Speakers[i].Role }, tx);
            }
        }

        foreach (var gone in existing.Values.Where(e => e.Source == "file" && e.Cancelled == 0))
        {
            await db.ExecuteAsync(CancelEvent, new { gone.Id, Now = nowMs }, tx);
            cancelled++;
        }

        return (added, updated, cancelled);
    }

    private sealed record WeekRow
    {
        public long Id { get; init; }

        public long Number { get; init; }

        public string Title { get; init; } = "";

        public string? CourseRange { get; init; }

        public long OpensAt { get; init; }

        public long DueAt { get; init; }

        public long ClosesAt { get; init; }

        public long Retired { get; init; }
    }

    private sealed record EventRow
    {
        public long Id { get; init; }

        public string Key { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Title { get; init; } = "";

        public string? Company { get; init; }

        public string? Topic { get; init; }

        public long StartsAt { get; init; }

        public long EndsAt { get; init; }

        public string? JoinUrl { get; init; }

        public long? Capacity { get; init; }

        public long Cancelled { get; init; }

        public string Source { get; init; } = "";
    }
}
