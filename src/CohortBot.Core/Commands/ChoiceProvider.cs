using System.Globalization;
using CohortBot.Core.Allowances;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Deadlines;
using CohortBot.Core.Events;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Commands;

/// <summary>
/// Suggestions for an option while the user types (Discord autocomplete, Slack external selects):
/// open weeks (by the caller's own deadlines, when they are a participant), upcoming events,
/// certificate types, event kinds — filtered by what was typed.
/// </summary>
public sealed class ChoiceProvider(
    ICohortResolver cohorts,
    ICohortStore store,
    IEventStore events,
    IParticipantStore participants,
    IAllowanceStore allowances,
    Messages.MessageCatalogue messages,
    TimeProvider clock)
{
    /// <summary>Discord shows at most 25 choices.</summary>
    public const int MaxChoices = 25;

    public async Task<IReadOnlyList<Choice>> SuggestAsync(Invocation context, OptionChoices kind, string? typed, CancellationToken ct)
    {
        var cohort = await cohorts.ResolveAsync(context, ct);
        var now = clock.GetUtcNow();
        IEnumerable<Choice> all = kind switch
        {
            OptionChoices.Weeks => (await OwnWeeksAsync(cohort, context.User, ct))
                .Where(w => w.StateAt(now) is WeekState.Open or WeekState.Late)
                .Select(w => new Choice($"{w.Number.ToString(CultureInfo.InvariantCulture)} · {w.Title}", w.Number.ToString(CultureInfo.InvariantCulture))),
            OptionChoices.Events => (await events.UpcomingAsync(cohort.Id, now, null, ct))
                .Select(e => new Choice($"{e.Key} · {e.Title}", e.Key)),
            OptionChoices.Certificates => (await store.CertificateTypesAsync(cohort.Id, ct))
                .Select(c => new Choice(c.Name, c.Key)),
            OptionChoices.EventKinds => Enum.GetValues<EventKind>().Select(k => new Choice(k.Key(), k.Key())),
            OptionChoices.Languages => messages.Languages.Order(StringComparer.Ordinal)
                .Select(l => new Choice(messages.Format(l, "language.name"), l)),
            _ => [],
        };
        var filter = typed?.Trim() ?? string.Empty;
        return all.Where(c => filter.Length == 0 || c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Take(MaxChoices)
            .Select(c => c with { Name = Text.TextClip.Truncate(c.Name, 100) })
            .ToList();
    }

    private async Task<IEnumerable<Week>> OwnWeeksAsync(Cohort cohort, PlatformUser user, CancellationToken ct)
    {
        var weeks = await store.WeeksAsync(cohort.Id, ct);
        var participant = await participants.FindByIdentityAsync(cohort.Id, user.Platform, user.UserId, ct);
        if (participant is null)
        {
            return weeks;
        }

        var own = await allowances.ForParticipantAsync(participant.Id, ct);
        return weeks.Select(w => OwnWeek.Of(w, own).Week);
    }
}

/// <summary>A suggested value: <see cref="Name"/> is shown, <see cref="Value"/> is sent back.</summary>
public sealed record Choice(string Name, string Value);
