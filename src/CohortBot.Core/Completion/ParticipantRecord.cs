using CohortBot.Core.Allowances;
using CohortBot.Core.Participants;
using CohortBot.Core.Submissions;

namespace CohortBot.Core.Completion;

/// <summary>Everything the completion rules look at for one participant.</summary>
/// <param name="LatestWeekly">The latest proof per week id (the latest attempt is the one that counts).</param>
/// <param name="WeekExtensions">The participant's own deadline per week id.</param>
/// <param name="CertificateExtension">The participant's own certificate deadline.</param>
public sealed record ParticipantRecord(
    Participant Participant,
    IReadOnlyDictionary<long, Submission> LatestWeekly,
    CertificateSubmission? LatestCertificate,
    IReadOnlySet<long> ExcusedWeekIds,
    IReadOnlyDictionary<long, DateTimeOffset> WeekExtensions,
    DateTimeOffset? CertificateExtension,
    int EventsAttended)
{
    /// <summary>What organizers granted, in the shape <see cref="Deadlines.OwnWeek"/> reads.</summary>
    public ParticipantAllowances Allowances => new(ExcusedWeekIds, WeekExtensions, CertificateExtension);
}
