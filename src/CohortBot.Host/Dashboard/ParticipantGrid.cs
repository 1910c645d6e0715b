using CohortBot.Core.Cohorts;
using CohortBot.Core.Completion;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Participants;

namespace CohortBot.Host.Dashboard;

/// <summary>One row of the grid: the participant and a cell per week (the cohort's weeks in order).</summary>
internal sealed record GridRow(Participant Participant, IReadOnlyList<GridCell> Cells, int MissedInARow);

/// <summary>One page of the grid, with how many rows matched in all.</summary>
internal sealed record GridPage(IReadOnlyList<Week> Weeks, IReadOnlyList<GridRow> Rows, int Matched, int Page, int Pages);

/// <summary>
/// The participants × weeks grid: every participant's records read in one pass (the completion
/// report's bulk read), each week judged by the participant's own deadlines, then filtered by name
/// and "at risk" and cut to one page, so a page costs the same for 10,000 people as for 100.
/// "At risk" is the digest's: missed two or more weeks in a row up to the last week due.
/// </summary>
internal sealed class ParticipantGrid(ICohortStore cohorts, ICompletionRecords records)
{
    public async Task<GridPage> PageAsync(Cohort cohort, string? search, bool atRiskOnly, int page, int pageSize, DateTimeOffset now, CancellationToken ct)
    {
        var weeks = (await cohorts.WeeksAsync(cohort.Id, ct)).OrderBy(w => w.Number).ToList();
        var all = await records.LoadAsync(cohort.Id, ct);
        var term = search?.Trim();
        var rows = all
            .Where(r => string.IsNullOrEmpty(term) || r.Participant.DisplayName.Contains(term, StringComparison.CurrentCultureIgnoreCase))
            .Select(r => Row(r, weeks, now))
            .Where(r => !atRiskOnly || (r.MissedInARow >= 2 && r.Participant.Status == ParticipantStatus.Active))
            .OrderBy(r => r.Participant.DisplayName, StringComparer.CurrentCulture).ThenBy(r => r.Participant.Id)
            .ToList();
        var pages = Math.Max(1, (rows.Count + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        return new GridPage(weeks, rows.Skip((page - 1) * pageSize).Take(pageSize).ToList(), rows.Count, page, pages);
    }

    internal static GridRow Row(ParticipantRecord record, IReadOnlyList<Week> weeks, DateTimeOffset now)
    {
        var cells = weeks.Select(w => GridCells.Of(OwnWeek.Of(w, record.Allowances), record.LatestWeekly.GetValueOrDefault(w.Id), now)).ToList();
        return new GridRow(record.Participant, cells, MissedInARow(weeks, cells, now));
    }

    /// <summary>Missing weeks in a row, counted back from the last week whose deadline has passed.</summary>
    private static int MissedInARow(IReadOnlyList<Week> weeks, IReadOnlyList<GridCell> cells, DateTimeOffset now)
    {
        var last = -1;
        for (var i = 0; i < weeks.Count; i++)
        {
            if (weeks[i].DueAt <= now)
            {
                last = i;
            }
        }

        var run = 0;
        for (var i = last; i >= 0 && cells[i] == GridCell.Missing; i--)
        {
            run++;
        }

        return run;
    }
}
