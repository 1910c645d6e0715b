namespace CohortBot.Core.Privacy;

/// <summary>
/// Forgets a participant: their personal data leaves every table (names, e-mail, platform ids,
/// links, notes, reasons, inbox payloads) and their proof files are deleted, while the anonymous
/// facts that make the cohort's counts (a week approved, an RSVP, an attendance) stay under a bare
/// number. Audited in the same transaction, without the personal data.
/// </summary>
public interface IParticipantEraser
{
    Task<ForgetOutcome> ForgetAsync(long cohortId, long participantId, string actor, string requestedBy, DateTimeOffset now, CancellationToken ct);
}
