namespace CohortBot.Core.Completion;

/// <summary>Bulk reads for the completion report: every participant (active and dropped) with their records.</summary>
public interface ICompletionRecords
{
    Task<IReadOnlyList<ParticipantRecord>> LoadAsync(long cohortId, CancellationToken ct);
}
