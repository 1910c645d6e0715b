using CohortBot.Core.Completion;
using CohortBot.Core.Digests;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;
using CohortBot.Testing;

namespace CohortBot.Storage.Tests.Digests;

/// <summary>
/// The digest's figures come from SQL aggregates (<c>DigestQueryStore</c>) and Core's rules; they
/// must equal the same figures computed in memory from every participant's whole record
/// (<see cref="InMemoryDigest"/>), on a cohort with every exception the rules know (<see cref="SeededHistory"/>).
/// </summary>
public sealed class DigestFiguresTests(SeededHistory seeded) : IClassFixture<SeededHistory>
{
    [Theory]
    [MemberData(nameof(SeededHistory.Moments), MemberType = typeof(SeededHistory))]
    public async Task SqlFigures_EqualTheInMemoryRules_WithExtensionsExcusesLateRejectedResubmittedDuplicateAndDroppedProofs(DateTimeOffset now)
    {
        var (services, cohort, weeks) = (seeded.Services, seeded.Cohort, seeded.Weeks);
        var queries = services.Get<IDigestQueries>();
        var sql = await DigestFacts.LoadAsync(queries, cohort.Id, weeks, now, CancellationToken.None);
        var memory = InMemoryDigest.Compute(await services.Get<ICompletionRecords>().LoadAsync(cohort.Id, CancellationToken.None), weeks, now);

        Assert.Equal(memory.Focus, sql.Focus);
        Assert.Equal(memory.Trend, sql.Trend);
        Assert.Equal(memory.Missing, sql.Missing);
        Assert.Equal(memory.AtRisk, sql.AtRisk);
        Assert.Equal(memory.Duplicates, sql.Duplicates);
        Assert.Equal(memory.Backlog, await queries.ReviewBacklogAsync(cohort.Id, CancellationToken.None));
        Assert.Equal(memory.Certificates, await queries.CertificatesAsync(cohort.Id, CancellationToken.None));

        // The comparison is about something: every list has people in it, and the exceptions apply.
        Assert.NotNull(sql.Focus);
        Assert.InRange(sql.Missing.Count, 4, SeededHistory.People - 1);
        Assert.NotEmpty(sql.Duplicates);
        Assert.NotNull(memory.Backlog.Oldest);
        if (sql.Focus.Number >= 2)
        {
            Assert.NotEmpty(sql.AtRisk);
        }
    }

    [Fact]
    public async Task TheSeededCohort_HasEveryException_TheFiguresMustHonour()
    {
        var (services, cohort, weeks) = (seeded.Services, seeded.Cohort, seeded.Weeks);
        var records = await services.Get<ICompletionRecords>().LoadAsync(cohort.Id, CancellationToken.None);
        var latest = records.SelectMany(r => r.LatestWeekly.Values).ToList();
        Assert.Contains(records, r => r.Participant.Status == ParticipantStatus.Dropped && r.LatestWeekly.Count > 0);
        Assert.Contains(records, r => r.ExcusedWeekIds.Count > 0);
        Assert.Contains(records, r => r.Participant.Status == ParticipantStatus.Dropped && r.ExcusedWeekIds.Any(r.LatestWeekly.ContainsKey));
        Assert.Contains(records, r => r.WeekExtensions.Any(e => e.Value > weeks.Single(w => w.Id == e.Key).DueAt));
        Assert.Contains(records, r => r.WeekExtensions.Any(e => e.Value < weeks.Single(w => w.Id == e.Key).DueAt));
        Assert.Contains(latest, s => s.IsLate);
        Assert.Contains(latest, s => s.Status == ReviewStatus.Rejected);
        Assert.Contains(latest, s => s.Attempt > 1 && s.Status != ReviewStatus.Rejected);
        Assert.Contains(latest, s => s.Attempt > 1 && s.Status == ReviewStatus.Rejected);
        Assert.Contains(records, r => r.LatestCertificate is { Attempt: > 1 });
    }
}
