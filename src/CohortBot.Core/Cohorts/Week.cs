namespace CohortBot.Core.Cohorts;

/// <summary>One weekly mission: a course range to cover and a proof deadline.</summary>
/// <param name="OpensAt">Submissions are accepted from this instant.</param>
/// <param name="DueAt">Proofs after this instant are accepted but marked late.</param>
/// <param name="ClosesAt">No proofs are accepted after this instant.</param>
public sealed record Week(long Id, int Number, string Title, string? CourseRange, DateTimeOffset OpensAt, DateTimeOffset DueAt, DateTimeOffset ClosesAt)
{
    public WeekState StateAt(DateTimeOffset now) =>
        now < OpensAt ? WeekState.NotOpen
        : now <= DueAt ? WeekState.Open
        : now <= ClosesAt ? WeekState.Late
        : WeekState.Closed;

    public bool IsLate(DateTimeOffset submittedAt) => submittedAt > DueAt;
}

public enum WeekState
{
    NotOpen,
    Open,
    Late,
    Closed,
}
