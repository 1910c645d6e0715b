using System.Data.Common;
using Dapper;

namespace CohortBot.Bench.Setup;

/// <summary>
/// Gives the imported cohort a past: weekly proofs for every week whose deadline has passed (about
/// 92 % submitted: mostly approved, some waiting for review, a few rejected), certificates for a
/// third, and proofs of the open week from everyone except the first <c>unsubmitted</c> Discord
/// participants, who are the deadline reminder's audience. Written directly in one transaction:
/// 150,000 proofs through the bot would take the whole run. Participants, weeks and events came
/// in through the host's own cohort-file import; only this history is written here.
/// </summary>
public static class HistorySeeder
{
    private const string InsertProof = """
        INSERT INTO submissions (cohort_id, participant_id, week_id, attempt, submitted_at, url, is_late, status)
        VALUES (@cohort, @participant, @week, 1, @at, @url, @late, @status)
        """;

    private const string InsertCertificate = """
        INSERT INTO certificate_submissions (cohort_id, participant_id, certificate_key, attempt, submitted_at, url, is_late, status)
        VALUES (@cohort, @participant, 'tf-developer', 1, @at, @url, 0, @status)
        """;

    public static async Task<int> SeedAsync(DbConnection db, BenchCohort cohort, int unsubmitted, DateTimeOffset now)
    {
        var cohortId = await db.ExecuteScalarAsync<long>("SELECT id FROM cohorts WHERE slug = @slug", new { slug = BenchCohort.Slug });
        var weeks = (await db.QueryAsync<(long Id, long Number, long DueAt)>("SELECT id, number, due_at FROM weeks WHERE cohort_id = @cohortId AND retired = 0", new { cohortId })).ToList();
        var people = (await db.QueryAsync<(long Id, string Platform, string UserId)>(
            "SELECT p.id, i.platform, i.platform_user_id FROM participants p JOIN participant_identities i ON i.participant_id = p.id WHERE p.cohort_id = @cohortId ORDER BY p.id",
            new { cohortId })).ToList();
        var reminded = Enumerable.Range(0, unsubmitted).Select(BenchCohort.DiscordId).ToHashSet(StringComparer.Ordinal);

        var random = new Random(10);
        var rows = 0;
        await using var tx = await db.BeginTransactionAsync();
        await using var proof = Prepare(db, InsertProof, "@cohort", "@participant", "@week", "@at", "@url", "@late", "@status");
        await using var certificate = Prepare(db, InsertCertificate, "@cohort", "@participant", "@at", "@url", "@status");
        proof.Transaction = tx;
        certificate.Transaction = tx;
        foreach (var person in people)
        {
            foreach (var week in weeks)
            {
                var current = week.Number == cohort.CurrentWeek;
                var submits = current ? !reminded.Contains(person.UserId) : random.NextDouble() < 0.92;
                if (!submits)
                {
                    continue;
                }

                var late = !current && random.NextDouble() < 0.05;
                var at = current ? now.AddHours(-random.Next(1, 48)).ToUnixTimeMilliseconds() : week.DueAt + (late ? 1 : -1) * random.Next(60_000, 86_400_000);
                var status = current ? "pending" : random.NextDouble() switch { < 0.85 => "approved", < 0.95 => "pending", _ => "rejected" };
                Run(proof, cohortId, person.Id, week.Id, at, $"https://example.com/proof/{person.Id}/{week.Number}", late ? 1 : 0, status);
                rows++;
            }

            if (random.NextDouble() < 0.33)
            {
                Run(certificate, cohortId, person.Id, now.AddDays(-random.Next(1, 20)).ToUnixTimeMilliseconds(), $"https://example.com/cert/{person.Id}", random.NextDouble() < 0.7 ? "approved" : "pending");
                rows++;
            }
        }

        await tx.CommitAsync();
        // What a live database has by the time of a rush: SQLite's log folded in, PostgreSQL's statistics gathered.
        // (Text said outright: Dapper takes a one-word command for a stored procedure's name.)
        await db.ExecuteAsync(db is Npgsql.NpgsqlConnection ? "ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE)", commandType: System.Data.CommandType.Text);
        return rows;
    }

    private static DbCommand Prepare(DbConnection db, string sql, params string[] names)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Run(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
