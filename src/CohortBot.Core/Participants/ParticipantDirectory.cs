using CohortBot.Core.Cohorts;

namespace CohortBot.Core.Participants;

/// <summary>
/// Finds the participant behind a platform user, registering them on first use when the cohort
/// allows it. With registration closed only people on the imported roster are known.
/// </summary>
public sealed class ParticipantDirectory(IParticipantStore store, TimeProvider clock)
{
    public async Task<ParticipantLookup> ResolveAsync(Cohort cohort, PlatformUser user, CancellationToken ct) =>
        await ResolveAsync(cohort, user, await store.FindByIdentityAsync(cohort.Id, user.Platform, user.UserId, ct), ct);

    /// <param name="existing">The participant already found behind <paramref name="user"/> (the dispatcher looks them up once, for their language).</param>
    public async Task<ParticipantLookup> ResolveAsync(Cohort cohort, PlatformUser user, Participant? existing, CancellationToken ct)
    {
        if (existing is not null)
        {
            if (existing.Status == ParticipantStatus.Dropped)
            {
                return new(null, ParticipantRefusal.Dropped);
            }

            if (!existing.NamedByOrganizer && !string.IsNullOrWhiteSpace(user.DisplayName)
                && !string.Equals(existing.DisplayName, user.DisplayName, StringComparison.Ordinal))
            {
                await store.RefreshProfileAsync(existing.Id, user, ct);
                existing = existing with { DisplayName = user.DisplayName };
            }

            if (user.Locale is { Length: > 0 and <= 35 } locale && !string.Equals(existing.Locale, locale, StringComparison.OrdinalIgnoreCase))
            {
                await store.RecordLocaleAsync(existing.Id, locale, ct);
                existing = existing with { Locale = locale };
            }

            return new(existing, null);
        }

        if (!cohort.RegistrationOpen)
        {
            return new(null, ParticipantRefusal.NotOnRoster);
        }

        return new(await store.RegisterAsync(cohort.Id, user, clock.GetUtcNow(), ct), null);
    }
}

public sealed record ParticipantLookup(Participant? Participant, ParticipantRefusal? Refusal);

public enum ParticipantRefusal
{
    NotOnRoster,
    Dropped,
}
