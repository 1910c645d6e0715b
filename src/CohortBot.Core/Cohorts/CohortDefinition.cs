using CohortBot.Core.Completion;
using CohortBot.Core.Events;

namespace CohortBot.Core.Cohorts;

/// <summary>
/// The cohort as the organizers wrote it in the cohort file, times already converted to instants.
/// Every part keeps the line it came from so errors can point at it.
/// </summary>
public sealed record CohortDefinition(
    string Slug,
    string Name,
    TimeZoneInfo TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool RegistrationOpen,
    string Language,
    CertificateMission? Certificates,
    IReadOnlyList<WeekDefinition> Weeks,
    IReadOnlyList<EventDefinition> Events,
    IReadOnlyList<RosterEntry> Roster,
    int Line = 1)
{
    /// <summary>The <c>completion:</c> section; defaults when the file has none.</summary>
    public CompletionRules Completion { get; init; } = CompletionRules.Default;
}

public sealed record CertificateMission(DateTimeOffset Deadline, IReadOnlyList<CertificateDefinition> Allowed, int Line);

public sealed record CertificateDefinition(string Key, string Name, int Line);

public sealed record WeekDefinition(int Number, string Title, string? CourseRange, DateTimeOffset OpensAt, DateTimeOffset DueAt, DateTimeOffset? ClosesAt, int Line);

public sealed record EventDefinition(
    string Key,
    EventKind Kind,
    string Title,
    string? Company,
    string? Topic,
    IReadOnlyList<Speaker> Speakers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? JoinUrl,
    int? Capacity,
    bool Cancelled,
    int Line);

/// <summary>A participant known before they speak: name, email and platform ids.</summary>
public sealed record RosterEntry(string Name, string? Email, IReadOnlyDictionary<string, string> PlatformIds, int Line);
