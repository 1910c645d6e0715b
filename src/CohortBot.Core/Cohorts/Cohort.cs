namespace CohortBot.Core.Cohorts;

/// <summary>A cohort as stored: one per Discord server / Slack workspace.</summary>
public sealed record Cohort(
    long Id,
    string Slug,
    string Name,
    TimeZoneInfo TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool RegistrationOpen,
    string Language,
    DateTimeOffset? CertificateDeadline);
