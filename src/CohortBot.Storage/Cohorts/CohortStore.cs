using System.Data.Common;
using CohortBot.Core.Cohorts;
using CohortBot.Storage.Sqlite;
using Dapper;

namespace CohortBot.Storage.Cohorts;

/// <summary>Reads of the cohort aggregate (cohort, weeks, certificate types); writes go through <see cref="CohortSync"/>.</summary>
public sealed class CohortStore(Database connections, CohortSync sync, CohortCache cache) : ICohortStore
{
    private const string SelectCohort = """
        SELECT id, slug, name, time_zone, starts_at, ends_at, registration_open, language, certificate_deadline
        FROM cohorts
        WHERE slug = @slug
        """;

    private const string SelectWeeks = """
        SELECT id, number, title, course_range, opens_at, due_at, closes_at
        FROM weeks
        WHERE cohort_id = @cohortId AND retired = 0
        ORDER BY number
        """;

    private const string SelectCertificateTypes = """
        SELECT key, name
        FROM certificate_types
        WHERE cohort_id = @cohortId AND retired = 0
        ORDER BY id
        """;

    public Task<Cohort?> FindAsync(string slug, CancellationToken ct) => cache.CohortAsync(slug, () => LoadAsync(slug, ct));

    public Task<IReadOnlyList<Week>> WeeksAsync(long cohortId, CancellationToken ct) => cache.WeeksAsync(cohortId, () => LoadWeeksAsync(cohortId, ct));

    private async Task<Cohort?> LoadAsync(string slug, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<CohortRow>(new CommandDefinition(SelectCohort, new { slug }, cancellationToken: ct));
        return row is null
            ? null
            : new Cohort(row.Id, row.Slug, row.Name, TimeZoneInfo.FindSystemTimeZoneById(row.TimeZone),
                Instants.FromDb(row.StartsAt), Instants.FromDb(row.EndsAt), row.RegistrationOpen != 0, row.Language,
                Instants.FromDb(row.CertificateDeadline));
    }

    private async Task<IReadOnlyList<Week>> LoadWeeksAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<WeekRow>(new CommandDefinition(SelectWeeks, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => new Week(r.Id, (int)r.Number, r.Title, r.CourseRange,
            Instants.FromDb(r.OpensAt), Instants.FromDb(r.DueAt), Instants.FromDb(r.ClosesAt))).ToList();
    }

    public async Task<IReadOnlyList<CertificateType>> CertificateTypesAsync(long cohortId, CancellationToken ct)
    {
        await using var db = await connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(string Key, string Name)>(new CommandDefinition(SelectCertificateTypes, new { cohortId }, cancellationToken: ct));
        return rows.Select(r => new CertificateType(r.Key, r.Name)).ToList();
    }

    public async Task<CohortSyncResult> SyncAsync(CohortDefinition definition, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            return await sync.RunAsync(definition, now, ct);
        }
        finally
        {
            cache.Invalidate();
        }
    }

    private sealed class CohortRow
    {
        public long Id { get; init; }

        public string Slug { get; init; } = "";

        public string Name { get; init; } = "";

        public string TimeZone { get; init; } = "";

        public long StartsAt { get; init; }

        public long EndsAt { get; init; }

        public long RegistrationOpen { get; init; }

        public string Language { get; init; } = "";

        public long? CertificateDeadline { get; init; }
    }

    private sealed class WeekRow
    {
        public long Id { get; init; }

        public long Number { get; init; }

        public string Title { get; init; } = "";

        public string? CourseRange { get; init; }

        public long OpensAt { get; init; }

        public long DueAt { get; init; }

        public long ClosesAt { get; init; }
    }
}
