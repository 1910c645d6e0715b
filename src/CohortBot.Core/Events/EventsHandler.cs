using CohortBot.Core.Commands;
using CohortBot.Core.Messages;
using CohortBot.Core.Time;

namespace CohortBot.Core.Events;

/// <summary><c>/events [kind]</c>: upcoming talks and office hours, with RSVP buttons.</summary>
public sealed class EventsHandler(IEventStore events) : ICommandHandler
{
    private const int Shown = 10;
    private const int WithButtons = 5;

    public CommandDescriptor Command => Catalogue.Events;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        EventKind? kind = null;
        if (ctx.String("kind") is { } kindText)
        {
            if (!EventKinds.TryParse(kindText, out var parsed))
            {
                return Reply.Error(t["events.unknown_kind", new { kind = kindText, valid = string.Join(", ", Enum.GetValues<EventKind>().Select(k => k.Key())) }]);
            }

            kind = parsed;
        }

        var upcoming = (await events.UpcomingAsync(ctx.Cohort.Id, ctx.Now, kind, ct)).Take(Shown).ToList();
        if (upcoming.Count == 0)
        {
            return new Reply(t["events.none"]);
        }

        var seats = await events.SeatsAsync(upcoming.Select(e => e.Id).ToList(), ct);
        return new Reply(t["events.title"])
        {
            Fields = upcoming.Select(e => new ReplyField(Heading(e, t), Describe(e, seats.GetValueOrDefault(e.Id), t))).ToList(),
            Buttons = upcoming.Take(WithButtons)
                .Select(e => new ReplyButton(t["button.rsvp", new { id = e.Key }], ButtonAction.Encode(Catalogue.Rsvp.Name, ("event", e.Key)), ButtonStyle.Primary))
                .ToList(),
        };
    }

    internal static string Heading(CohortEvent e, Texts t) =>
        t["events.heading", new { kind = t["kind." + e.Kind.Key()], title = e.Title }];

    internal static string Describe(CohortEvent e, EventSeats? seats, Texts t)
    {
        var lines = new List<string>
        {
            t["events.when", new { starts = e.StartsAt, relative = TimeMarkup.Token(e.StartsAt, TimeStyle.Relative) }],
        };
        if (e.Company is not null)
        {
            lines.Add(t["events.company", new { company = e.Company }]);
        }

        if (e.Topic is not null)
        {
            lines.Add(e.Topic);
        }

        if (e.Speakers.Count > 0)
        {
            lines.Add(t["events.speakers", new { speakers = string.Join(", ", e.Speakers.Select(s => s.Role is null ? s.Name : $"{s.Name} ({s.Role})")) }]);
        }

        var going = seats?.Going ?? 0;
        lines.Add(e.Capacity is { } capacity
            ? t["events.seats_limited", new { id = e.Key, going, capacity, waitlisted = seats?.Waitlisted ?? 0 }]
            : t["events.seats_open", new { id = e.Key, going }]);
        return string.Join("\n", lines);
    }
}
