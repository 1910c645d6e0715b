using CohortBot.Core.Cohorts;
using CohortBot.Core.Messages;
using CohortBot.Core.Participants;
using CohortBot.Core.Time;

namespace CohortBot.Terminal;

/// <summary>
/// How a terminal reader sees times: in their own /timezone (else the cohort's), with the offset,
/// in their language (their /language, else the locale they typed under, else the cohort's).
/// </summary>
public sealed class TerminalReaders(IParticipantStore participants, ICohortStore cohorts, ActiveCohort active, MessageCatalogue catalogue, TimeProvider clock)
{
    public async Task<ZonedTimeFormatter> ForUserAsync(string userId, string? locale, CancellationToken ct)
    {
        var cohort = await CohortAsync(ct);
        var participant = await participants.FindByIdentityAsync(cohort.Id, TerminalSession.Platform, userId, ct);
        var zone = participant?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var own) ? own : cohort.TimeZone;
        return new ZonedTimeFormatter(zone, clock, catalogue.For(ReaderLanguage.Of(participant, locale, cohort.Language)));
    }

    /// <summary>The catalogue in the terminal user's language, for what the terminal says itself (welcome, choices, <c>/as</c>).</summary>
    public async Task<Texts> TextsForUserAsync(string userId, string? locale, CancellationToken ct)
    {
        var cohort = await CohortAsync(ct);
        var participant = await participants.FindByIdentityAsync(cohort.Id, TerminalSession.Platform, userId, ct);
        return catalogue.For(ReaderLanguage.Of(participant, locale, cohort.Language));
    }

    public async Task<ZonedTimeFormatter> ForChannelAsync(CancellationToken ct)
    {
        var cohort = await CohortAsync(ct);
        return new ZonedTimeFormatter(cohort.TimeZone, clock, catalogue.For(cohort.Language));
    }

    private async Task<Cohort> CohortAsync(CancellationToken ct) =>
        await cohorts.FindAsync(active.Slug, ct) ?? throw new InvalidOperationException($"Cohort '{active.Slug}' is not in the database.");
}
