namespace CohortBot.Core.Exports;

/// <summary>Flat reads for the CSV exports: whole-cohort, every attempt, nothing filtered away.</summary>
public interface IExportQueries
{
    /// <summary>Platform ids per participant id.</summary>
    Task<ILookup<long, (string Platform, string UserId)>> IdentitiesAsync(long cohortId, CancellationToken ct);

    /// <summary>Every weekly and certificate submission, every attempt, oldest first.</summary>
    Task<IReadOnlyList<SubmissionExportRow>> SubmissionsAsync(long cohortId, CancellationToken ct);

    /// <summary>Every (event, participant) pair with an RSVP or an attendance, by event start then name.</summary>
    Task<IReadOnlyList<RsvpExportRow>> RsvpsAsync(long cohortId, CancellationToken ct);
}
