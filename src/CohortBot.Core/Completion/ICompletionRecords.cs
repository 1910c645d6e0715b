using CohortBot.Core.Participants;

namespace CohortBot.Core.Completion;

/// <summary>Bulk reads for the completion report: every participant (active and dropped) with their records.</summary>
public interface ICompletionRecords
{
    Task<IReadOnlyList<ParticipantRecord>> LoadAsync(long cohortId, CancellationToken ct);

    /// <summary>The same records for some of the cohort's participants only (a page of a list); ids of other cohorts are left out.</summary>
    Task<IReadOnlyList<ParticipantRecord>> LoadAsync(long cohortId, IReadOnlyCollection<long> participantIds, CancellationToken ct);

    /// <summary>Every participant (active and dropped) without their records, by id: to choose whose records to read.</summary>
    Task<IReadOnlyList<Participant>> ParticipantsAsync(long cohortId, CancellationToken ct);
}
