using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Digests;
using CohortBot.Host.Dashboard;
using CohortBot.Testing;
using static CohortBot.Testing.SampleCohort;

namespace CohortBot.Dashboard.Tests;

/// <summary>
/// The grid reads names first and then only the shown page's records; each page must be what the
/// former way made of every participant's whole record (the completion report's read): the same
/// people in the same order, the same cells, the same counts, and "at risk" the digest's own list.
/// </summary>
public sealed class GridPageTests(SeededHistory seeded) : IClassFixture<SeededHistory>
{
    private const int PageSize = 10;

    public static readonly TheoryData<string?, bool> Filters = new()
    {
        { null, false },
        { "kim", false },
        { "  P1 ", false },
        { "nobody", false },
        { null, true },
        { "p0", true },
    };

    public static IEnumerable<object?[]> Cases() =>
        from object[] moment in SeededHistory.Moments
        from object[] filter in Filters
        select new object?[] { moment[0], filter[0], filter[1] };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryPage_IsWhatTheWholeRecordsMake_WithExtensionsExcusesLateAndRejectedProofs(DateTimeOffset now, string? search, bool atRisk)
    {
        var grid = new ParticipantGrid(seeded.Services.Get<ICohortStore>(), seeded.Services.Get<ICompletionRecords>(), seeded.Services.Get<IDigestQueries>());
        var expected = await WholeRecordRowsAsync(now, search, atRisk);
        var pages = Math.Max(1, (expected.Count + PageSize - 1) / PageSize);

        var shown = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var result = await grid.PageAsync(seeded.Cohort, search, atRisk, page, PageSize, now, CancellationToken.None);
            Assert.Equal((expected.Count, page, pages), (result.Matched, result.Page, result.Pages));
            Assert.Equal(seeded.Weeks.OrderBy(w => w.Number).Select(w => w.Id), result.Weeks.Select(w => w.Id));
            Assert.Equal(expected.Skip((page - 1) * PageSize).Take(PageSize), result.Rows.Select(Describe));
            shown.AddRange(result.Rows.Select(Describe));
        }

        Assert.Equal(expected, shown);
        var beyond = await grid.PageAsync(seeded.Cohort, search, atRisk, pages + 3, PageSize, now, CancellationToken.None);
        Assert.Equal(pages, beyond.Page);
    }

    [Fact]
    public async Task TheComparison_IsAboutSomething_EveryCellKindAndAtRiskPeopleWithARejectedWeek()
    {
        var now = Kst(2026, 10, 14, 12, 0);
        var rows = await WholeRecordRowsAsync(now, null, atRisk: false);
        var atRisk = await WholeRecordRowsAsync(now, null, atRisk: true);

        foreach (var cell in Enum.GetValues<GridCell>())
        {
            Assert.Contains(rows, r => r.Contains(cell.ToString(), StringComparison.Ordinal));
        }

        Assert.InRange(atRisk.Count, 2, SeededHistory.People / 2);
        Assert.Contains(atRisk, r => r.Contains(nameof(GridCell.Rejected), StringComparison.Ordinal));
    }

    /// <summary>The former way: every record read, each row judged, filtered, sorted by name as the organizer's culture sorts.</summary>
    private async Task<List<string>> WholeRecordRowsAsync(DateTimeOffset now, string? search, bool atRisk)
    {
        var services = seeded.Services;
        var weeks = seeded.Weeks.OrderBy(w => w.Number).ToList();
        var digest = await DigestFacts.LoadAsync(services.Get<IDigestQueries>(), seeded.Cohort.Id, seeded.Weeks, now, CancellationToken.None);
        var listed = digest.AtRisk.Select(a => a.Participant.Id).ToHashSet();
        var term = search?.Trim();
        return (await services.Get<ICompletionRecords>().LoadAsync(seeded.Cohort.Id, CancellationToken.None))
            .Where(r => string.IsNullOrEmpty(term) || r.Participant.DisplayName.Contains(term, StringComparison.CurrentCultureIgnoreCase))
            .Where(r => !atRisk || listed.Contains(r.Participant.Id))
            .OrderBy(r => r.Participant.DisplayName, StringComparer.CurrentCulture).ThenBy(r => r.Participant.Id)
            .Select(r => Describe(ParticipantGrid.Row(r, weeks, now)))
            .ToList();
    }

    private static string Describe(GridRow row) =>
        $"{row.Participant.Id} {row.Participant.DisplayName} {row.Participant.Status} {row.Participant.Handle}: {string.Join(' ', row.Cells)}";
}
