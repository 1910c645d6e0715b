using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Progress;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Deadlines;

/// <summary>
/// A week as it applies to one participant: <see cref="Week"/> carries their own deadline and close
/// (an extension moves both later, never earlier), and whether they are excused from it.
/// </summary>
/// <param name="Week">The cohort's week with the participant's own <see cref="Cohorts.Week.DueAt"/> and <see cref="Cohorts.Week.ClosesAt"/>.</param>
/// <param name="Extended">An organizer moved this participant's deadline later than the cohort's.</param>
/// <param name="Excused">An organizer excused this participant from the week: no proof is needed.</param>
public sealed record OwnWeek(Week Week, bool Extended, bool Excused)
{
    public static OwnWeek Of(Week cohortWeek, ParticipantAllowances own)
    {
        var excused = own.ExcusedWeekIds.Contains(cohortWeek.Id);
        if (own.WeekDeadlines.TryGetValue(cohortWeek.Id, out var extended) && extended > cohortWeek.DueAt)
        {
            var closes = extended > cohortWeek.ClosesAt ? extended : cohortWeek.ClosesAt;
            return new OwnWeek(cohortWeek with { DueAt = extended, ClosesAt = closes }, Extended: true, excused);
        }

        return new OwnWeek(cohortWeek, Extended: false, excused);
    }

    /// <summary>Where the participant stands, given their latest proof; an excused week is excused whatever was sent.</summary>
    public WeekStatus StatusOf(Submission? latest, DateTimeOffset now) =>
        Excused ? WeekStatus.Excused : WeekStatuses.Of(Week, latest, now);
}
