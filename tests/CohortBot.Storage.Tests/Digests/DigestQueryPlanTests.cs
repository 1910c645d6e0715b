using System.Text.RegularExpressions;
using CohortBot.Storage.Digests;
using CohortBot.Storage.Reviews;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;

namespace CohortBot.Storage.Tests.Digests;

/// <summary>
/// The digest's queries and the duplicate-proof lookup read indexes, never a whole table of proofs
/// or people: their plans (<c>EXPLAIN QUERY PLAN</c> on the migrated schema, without statistics, as
/// the bot runs them) name the indexes of migration 0006 and scan only what each query expects to:
/// its own CTEs, the JSON list of weeks, an organizer's excused weeks.
/// </summary>
[Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
public sealed partial class DigestQueryPlanTests
{
    public static readonly TheoryData<string, string, string[], string[]> Queries = new()
    {
        { nameof(DigestQueryStore.SelectWeekCounts), DigestQueryStore.SelectWeekCounts, ["ix_submissions_current"], ["e", "not_counted"] },
        { nameof(DigestQueryStore.SelectWithoutProof), DigestQueryStore.SelectWithoutProof, ["ix_submissions_current", "ix_participants_status"], ["ordered", "without_last", "g"] },
        { nameof(DigestQueryStore.SelectDuplicates), DigestQueryStore.SelectDuplicates, ["ix_submissions_image"], ["shared", "c"] },
        { nameof(DigestQueryStore.SelectBacklog), DigestQueryStore.SelectBacklog, ["ix_submissions_backlog", "ix_certificate_submissions_current"], [] },
        { nameof(DigestQueryStore.SelectOldest), DigestQueryStore.SelectOldest, ["ix_submissions_backlog", "ix_certificate_submissions_current"], ["weekly", "certificate", "o"] },
        { nameof(DigestQueryStore.SelectCertificates), DigestQueryStore.SelectCertificates, ["ix_certificate_submissions_current"], [] },
        { nameof(DuplicateProofQuery.SelectSameImage), DuplicateProofQuery.SelectSameImage, ["ix_submissions_image", "ix_certificate_submissions_image"], ["me"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_ReadsItsIndexes_AndScansNothingElse(string name, string sql, string[] indexes, string[] mayScan)
    {
        await using var services = await CohortServices.StartAsync();
        await using var db = await services.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        var args = new
        {
            cohortId = 1L, weekIds = new[] { 1L, 2L }, weeks = "[1,2]", lastWeekId = 2L, lastPosition = 1,
            kind = "w", id = 1L, sha = new string('a', 64), limit = 5,
        };

        var plan = (await db.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, args)).Select(r => r.Detail).ToList();

        var scanned = plan.Select(line => Scan().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .Where(x => x is not ("CONSTANT" or "json_each") && !x.StartsWith("(subquery", StringComparison.Ordinal));
        Assert.All(scanned, x => Assert.True(mayScan.Contains(x), $"{name} scans {x}:\n{string.Join("\n", plan)}"));
        // A search of weekly proofs by cohort alone reads every proof of the cohort: a scan by another name.
        Assert.DoesNotContain(plan, l => ByCohortAlone().IsMatch(l));
        Assert.All(indexes, index => Assert.True(plan.Any(l => l.Contains(index, StringComparison.Ordinal)), $"{name} does not use {index}:\n{string.Join("\n", plan)}"));
    }

    [GeneratedRegex(@"^SCAN (\S+)")]
    private static partial Regex Scan();

    [GeneratedRegex(@"^SEARCH (submissions|s) USING .*\(cohort_id=\?\)$")]
    private static partial Regex ByCohortAlone();
}
