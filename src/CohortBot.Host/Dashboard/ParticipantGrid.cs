using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Digests;
using CohortBot.Core.Participants;

namespace CohortBot.Host.Dashboard;

/// <summary>One row of the grid: the participant and a cell per week (the cohort's weeks in order).</summary>
internal sealed record GridRow(Participant Participant, IReadOnlyList<GridCell> Cells);

/// <summary>One page of the grid, with how many rows matched in all.</summary>
internal sealed record GridPage(IReadOnlyList<Week> Weeks, IReadOnlyList<GridRow> Rows, int Matched, int Page, int Pages);

/// <summary>
/// The participants × weeks grid, one page at a time: every participant's name is read, matched and
/// sorted (in memory, as the organizer's culture sorts and matches, which no SQL collation promises
/// to do alike), then only the page's participants' records are read and each week judged by their
/// own deadlines. "At risk" is the digest's own list (<see cref="DigestFacts.AtRiskAsync"/>): missed
/// two or more weeks in a row up to the week in focus, a rejected proof being no proof.
/// </summary>
internal sealed class ParticipantGrid(ICohortStore cohorts, ICompletionRecords records, IDigestQueries digest)
{
    public async Task<GridPage> PageAsync(Cohort cohort, string? search, bool atRiskOnly, int page, int pageSize, DateTimeOffset now, CancellationToken ct)
    {
        var weeks = (await cohorts.WeeksAsync(cohort.Id, ct)).OrderBy(w => w.Number).ToList();
        var term = search?.Trim();
        IEnumerable<Participant> matched = (await records.ParticipantsAsync(cohort.Id, ct))
            .Where(p => string.IsNullOrEmpty(term) || p.DisplayName.Contains(term, StringComparison.CurrentCultureIgnoreCase));
        if (atRiskOnly)
        {
            var atRisk = (await DigestFacts.AtRiskAsync(digest, cohort.Id, weeks, now, ct)).Select(a => a.Participant.Id).ToHashSet();
            matched = matched.Where(p => atRisk.Contains(p.Id));
        }

        var ordered = matched.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
        var pages = Math.Max(1, (ordered.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var shown = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(p => p.Id).ToList();
        var loaded = (await records.LoadAsync(cohort.Id, shown, ct)).ToDictionary(r => r.Participant.Id);
        var rows = shown.Where(loaded.ContainsKey).Select(id => Row(loaded[id], weeks, now)).ToList();
        return new GridPage(weeks, rows, ordered.Count, page, pages);
    }

    internal static GridRow Row(ParticipantRecord record, IReadOnlyList<Week> weeks, DateTimeOffset now) =>
        new(record.Participant, weeks.Select(w => GridCells.Of(OwnWeek.Of(w, record.Allowances), record.LatestWeekly.GetValueOrDefault(w.Id), now)).ToList());
}
