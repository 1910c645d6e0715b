using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;

namespace CohortBot.Core.Events;

/// <summary>
/// <c>/rsvp event:&lt;id&gt; [cancel]</c>. Office hours have seats and a waitlist; a cancelled seat
/// goes to the first person waiting, who is told by DM once the change is committed.
/// </summary>
public sealed class RsvpHandler(IEventStore events, INotifier notifier) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Rsvp;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var key = ctx.String("event")!;
        var e = await events.FindAsync(ctx.Cohort.Id, key, ct);
        if (e is null)
        {
            var upcoming = await events.UpcomingAsync(ctx.Cohort.Id, ctx.Now, null, ct);
            var valid = upcoming.Count == 0 ? "-" : string.Join(", ", upcoming.Take(15).Select(u => u.Key));
            return Reply.Error(t["rsvp.unknown_event", new { id = key, valid }]);
        }

        if (e.Cancelled)
        {
            return Reply.Error(t["rsvp.event_cancelled", new { title = e.Title }]);
        }

        if (ctx.Flag("cancel"))
        {
            return await CancelAsync(ctx, e, ct);
        }

        if (e.StartsAt <= ctx.Now)
        {
            return Reply.Error(t["rsvp.started", new { title = e.Title }]);
        }

        var outcome = await events.RsvpAsync(e, ctx.Participant.Id, ctx.Now, ct);
        await PromotionNotice.SendAsync(notifier, ctx.Cohort, outcome.Promoted, e.Title, e.StartsAt, e.JoinUrl, ct);
        var cancelButton = new ReplyButton(t["button.cancel_rsvp"], ButtonAction.Encode(Catalogue.Rsvp.Name, ("event", e.Key), ("cancel", "true")), ButtonStyle.Danger);
        if (outcome.Status == RsvpStatus.Waitlisted)
        {
            return new Reply(t[outcome.AlreadyHad ? "rsvp.already_waitlisted" : "rsvp.waitlisted", new { title = e.Title, position = outcome.WaitlistPosition ?? 0 }])
            {
                Tone = ReplyTone.Warning,
                Buttons = [cancelButton],
            };
        }

        var text = t[outcome.AlreadyHad ? "rsvp.already_going" : "rsvp.going", new { title = e.Title, starts = e.StartsAt }];
        if (e.JoinUrl is not null)
        {
            text += "\n" + t["rsvp.join", new { url = e.JoinUrl }];
        }

        return new Reply(text) { Tone = ReplyTone.Success, Buttons = [cancelButton] };
    }

    private async Task<Reply> CancelAsync(CommandContext ctx, CohortEvent e, CancellationToken ct)
    {
        var t = ctx.T;
        if (e.EndsAt <= ctx.Now)
        {
            return Reply.Error(t["rsvp.over", new { title = e.Title }]);
        }

        var outcome = await events.CancelRsvpAsync(e, ctx.Participant.Id, ctx.Now, ct);
        if (outcome.Cancelled is null)
        {
            return Reply.Warning(t["rsvp.nothing_to_cancel", new { title = e.Title }]);
        }

        await PromotionNotice.SendAsync(notifier, ctx.Cohort, outcome.Promoted, e.Title, e.StartsAt, e.JoinUrl, ct);

        return Reply.Success(t["rsvp.cancelled", new { title = e.Title }]);
    }
}
