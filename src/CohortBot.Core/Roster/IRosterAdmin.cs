using CohortBot.Core.Cohorts;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Roster;

/// <summary>Organizer changes to who is in the cohort.</summary>
public interface IRosterAdmin
{
    /// <summary>
    /// Participants matching <paramref name="query"/>: <c>#12</c> or <c>12</c> (id), an email,
    /// <c>platform:userId</c>, or the exact display name.
    /// </summary>
    Task<IReadOnlyList<Participant>> FindAsync(long cohortId, string query, CancellationToken ct);

    /// <summary>Sets active or dropped; false when it already was. <paramref name="audit"/>'s entry commits with the change.</summary>
    Task<bool> SetStatusAsync(long participantId, ParticipantStatus status, Func<bool, Audit.AuditEntry?>? audit, CancellationToken ct);

    /// <summary>
    /// Adds or completes roster entries in one transaction (matched by email or platform id); returns
    /// how many were new. <paramref name="audit"/>'s entry (given that count) commits with them.
    /// </summary>
    Task<int> ImportAsync(long cohortId, IReadOnlyList<RosterEntry> entries, DateTimeOffset now, Func<int, Audit.AuditEntry?>? audit, CancellationToken ct);
}
