namespace CohortBot.Core.Participants;

/// <summary>Participants and the platform identities that map to them.</summary>
public interface IParticipantStore
{
    Task<Participant?> FindByIdentityAsync(long cohortId, string platform, string platformUserId, CancellationToken ct);

    Task<Participant?> GetAsync(long participantId, CancellationToken ct);

    /// <summary>Creates the participant and its identity; safe against two first messages racing.</summary>
    Task<Participant> RegisterAsync(long cohortId, PlatformUser user, DateTimeOffset now, CancellationToken ct);

    /// <summary>Keeps the shown name and reported locale current (people rename themselves).</summary>
    Task RefreshProfileAsync(long participantId, PlatformUser user, CancellationToken ct);

    /// <summary>Remembers the locale the platform last reported, for messages sent without a command (reminders).</summary>
    Task RecordLocaleAsync(long participantId, string locale, CancellationToken ct);

    /// <summary>The participant's own language choice; null goes back to the platform's locale.</summary>
    Task SetLanguageAsync(long participantId, string? language, CancellationToken ct);

    /// <summary>The participant's own IANA time zone; null goes back to the cohort's.</summary>
    Task SetTimeZoneAsync(long participantId, string? timeZoneId, CancellationToken ct);

    Task<IReadOnlyList<PlatformIdentity>> IdentitiesAsync(long participantId, CancellationToken ct);

    Task<IReadOnlyList<Participant>> ActiveAsync(long cohortId, CancellationToken ct);
}

/// <summary>One platform account of a participant.</summary>
public sealed record PlatformIdentity(string Platform, string UserId);
