using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Events;

/// <summary>
/// <c>/event-edit id [kind] [title] [starts] [duration] [company] [topic] [speakers] [capacity] [join_url]</c>:
/// changes only the options given. An event from the cohort file becomes chat-owned: from then on
/// the file no longer changes it. People with a seat or on the waitlist are told when the time moves;
/// a raised capacity gives its seats to the people waiting (each told by DM), and one lowered below
/// the seats taken warns the organizer without taking anyone's seat away.
/// </summary>
public sealed class EventEditHandler(IEventStore events, IEventAdmin admin, INotifier notifier, CohortChanges changes) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.EventEdit;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var key = ctx.String("id")!.Trim();
        var existing = await events.FindAsync(ctx.Cohort.Id, key, ct);
        if (existing is null)
        {
            return Reply.Error(t["attendance.unknown_event", new { id = key }]);
        }

        var before = EventDraft.Of(existing);
        var (draft, error, args) = EventDraftReader.Apply(before, ctx);
        if (draft is null)
        {
            return Reply.Error(t[error!, args]);
        }

        var update = await admin.UpdateAsync(ctx.Cohort.Id, existing.Key, draft, ctx.Now, _ => new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "event.edit", existing.Key,
            AuditState.Json(before), AuditState.Json(draft), ctx.Now), ct);
        if (update is null)
        {
            return Reply.Error(t["attendance.unknown_event", new { id = key }]);
        }

        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.EventChanged, existing.Key), ct);
        if (draft.StartsAt != before.StartsAt)
        {
            foreach (var participant in await admin.ReservedByAsync(existing.Id, ct))
            {
                await notifier.NotifyParticipantAsync(ctx.Cohort, participant, tx => Reply.Warning(tx["event.dm_moved", new { title = draft.Title, starts = draft.StartsAt }]), ct);
            }
        }

        await PromotionNotice.SendAsync(notifier, ctx.Cohort, update.Promoted, draft.Title, draft.StartsAt, draft.JoinUrl, ct);
        var text = t["event.edited", new { id = existing.Key, title = draft.Title, starts = draft.StartsAt }];
        if (update.Promoted.Count > 0)
        {
            text += " " + t.Plural("event.promoted", update.Promoted.Count);
        }

        if (draft.Capacity is { } capacity && update.Going > capacity)
        {
            // Nobody is bumped: a seat once given is kept; the warning lets the organizer sort it out.
            return Reply.Warning(text + " " + t.Plural("event.over_capacity", capacity, new { going = update.Going, capacity }));
        }

        return Reply.Success(text);
    }
}
