namespace CohortBot.Core.Allowances;

/// <summary>What organizers granted one participant.</summary>
/// <param name="WeekDeadlines">The participant's own deadline per week id.</param>
public sealed record ParticipantAllowances(IReadOnlySet<long> ExcusedWeekIds, IReadOnlyDictionary<long, DateTimeOffset> WeekDeadlines, DateTimeOffset? CertificateDeadline);
