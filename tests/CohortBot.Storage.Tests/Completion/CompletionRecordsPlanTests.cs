using System.Text.RegularExpressions;
using CohortBot.Storage.Completion;
using CohortBot.Storage.Sqlite;
using CohortBot.Testing;
using Dapper;

namespace CohortBot.Storage.Tests.Completion;

/// <summary>
/// Some participants' records (a page of the dashboard's grid) are found through the participant's
/// index, so a page costs the same for 10,000 people as for 100: the plans of the narrowed reads
/// (<c>EXPLAIN QUERY PLAN</c> on the migrated schema, without statistics, as the bot runs them)
/// search by participant and never walk a whole table or the whole cohort.
/// </summary>
[Trait(TestStorage.Provider, TestStorage.SqliteOnly)]
public sealed partial class CompletionRecordsPlanTests
{
    public static readonly TheoryData<int> Reads = new(Enumerable.Range(0, CompletionRecords.Reads.Count));

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task SomeParticipantsRead_SearchesByParticipant_AndScansNothing(int read)
    {
        await using var services = await CohortServices.StartAsync();
        await using var db = await services.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        var sql = CompletionRecords.Narrow(CompletionRecords.Reads[read], some: true, Dialect.Sqlite);

        var plan = (await db.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, new { ids = new[] { 1L, 2L, 3L } })).Select(r => r.Detail).ToList();

        // Attendance has no index by participant alone: a cohort's few check-ins are scanned.
        Assert.All(plan.Where(l => l.StartsWith("SCAN ", StringComparison.Ordinal)), l => Assert.StartsWith("SCAN a ", l + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, l => l.Contains("(cohort_id=?)", StringComparison.Ordinal));
        Assert.Contains(plan, l => ByParticipant().IsMatch(l));
    }

    [GeneratedRegex(@"^SEARCH \S+ USING (COVERING )?(INDEX \S+ \(participant_id=\?|INTEGER PRIMARY KEY \(rowid=\?)")]
    private static partial Regex ByParticipant();
}
