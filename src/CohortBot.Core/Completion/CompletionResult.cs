using CohortBot.Core.Participants;

namespace CohortBot.Core.Completion;

/// <summary>A participant's standing against the completion rules, with the reasons behind it.</summary>
public sealed record CompletionResult(
    Participant Participant,
    CompletionStatus Status,
    int WeeksApproved,
    int WeeksExcused,
    int WeeksMissed,
    bool CertificateDone,
    int EventsAttended,
    IReadOnlyList<CompletionReason> Reasons);
