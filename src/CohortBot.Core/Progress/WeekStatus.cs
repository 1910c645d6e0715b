using CohortBot.Core.Cohorts;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Progress;

/// <summary>Where a participant stands on one week.</summary>
public enum WeekStatus
{
    /// <summary>Not open yet.</summary>
    Upcoming,

    /// <summary>Open, nothing submitted, deadline ahead.</summary>
    Due,

    /// <summary>Submitted on time, waiting for review.</summary>
    Submitted,

    /// <summary>Submitted after the deadline, waiting for review.</summary>
    SubmittedLate,

    Approved,

    Rejected,

    /// <summary>Deadline passed with nothing submitted.</summary>
    Missing,

    /// <summary>An organizer excused the participant from this week.</summary>
    Excused,
}

public static class WeekStatuses
{
    /// <summary>The status against <paramref name="week"/>'s deadlines as given; for a participant, pass their <see cref="Deadlines.OwnWeek"/>.</summary>
    public static WeekStatus Of(Week week, Submission? latest, DateTimeOffset now)
    {
        if (latest is not null)
        {
            return latest.Status switch
            {
                ReviewStatus.Approved => WeekStatus.Approved,
                ReviewStatus.Rejected => WeekStatus.Rejected,
                _ => latest.IsLate ? WeekStatus.SubmittedLate : WeekStatus.Submitted,
            };
        }

        return week.StateAt(now) switch
        {
            WeekState.NotOpen => WeekStatus.Upcoming,
            WeekState.Open => WeekStatus.Due,
            _ => WeekStatus.Missing,
        };
    }

    /// <summary>Catalogue key of the status label.</summary>
    public static string Key(this WeekStatus status) => status switch
    {
        WeekStatus.Upcoming => "status.upcoming",
        WeekStatus.Due => "status.due",
        WeekStatus.Submitted => "status.submitted",
        WeekStatus.SubmittedLate => "status.submitted_late",
        WeekStatus.Approved => "status.approved",
        WeekStatus.Rejected => "status.rejected",
        WeekStatus.Excused => "status.excused",
        _ => "status.missing",
    };
}
