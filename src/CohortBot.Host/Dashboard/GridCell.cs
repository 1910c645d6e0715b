using CohortBot.Core.Deadlines;
using CohortBot.Core.Progress;
using CohortBot.Core.Submissions;

namespace CohortBot.Host.Dashboard;

/// <summary>What one cell of the participants × weeks grid shows.</summary>
internal enum GridCell
{
    /// <summary>Not open yet, or open with the deadline ahead and nothing sent.</summary>
    Open,
    Approved,
    Submitted,
    Late,
    Rejected,
    Missing,
    Excused,

    /// <summary>Nothing sent yet, and the participant's own (extended) deadline is still ahead.</summary>
    Extended,
}

internal static class GridCells
{
    /// <summary>The cell for a week as the participant's own deadlines make it (<see cref="OwnWeek"/>, the same rules as /progress).</summary>
    public static GridCell Of(OwnWeek own, Submission? latest, DateTimeOffset now) => own.StatusOf(latest, now) switch
    {
        WeekStatus.Approved => GridCell.Approved,
        WeekStatus.Submitted => GridCell.Submitted,
        WeekStatus.SubmittedLate => GridCell.Late,
        WeekStatus.Rejected => GridCell.Rejected,
        WeekStatus.Excused => GridCell.Excused,
        WeekStatus.Missing => GridCell.Missing,
        _ when own.Extended => GridCell.Extended,
        _ => GridCell.Open,
    };

    public static string Css(this GridCell cell) => cell.ToString().ToLowerInvariant();
}
