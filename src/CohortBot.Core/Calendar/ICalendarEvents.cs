using CohortBot.Core.Events;

namespace CohortBot.Core.Calendar;

/// <summary>Every event of a cohort, past, future and cancelled, with speakers, for the cohort calendar.</summary>
public interface ICalendarEvents
{
    Task<IReadOnlyList<CohortEvent>> AllAsync(long cohortId, CancellationToken ct);
}
