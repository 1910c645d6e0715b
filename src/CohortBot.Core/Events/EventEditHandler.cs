using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Events;

/// <summary>
/// <c>/event-edit id [kind] [title] [starts] [duration] [company] [topic] [speakers] [capacity] [join_url]</c>:
/// changes only the options given. An event from the cohort file becomes chat-owned: from then on
/// the file no longer changes it. People with a seat or on the waitlist are told when the time moves.
/// </summary>
public sealed class EventEditHandler(IEventStore events, IEventAdmin admin, IAuditLog audit, INotifier notifier, CohortChanges changes) : ICommandHandler
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

        await admin.UpdateAsync(ctx.Cohort.Id, existing.Key, draft, ctx.Now, ct);
        await audit.RecordAsync(new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "event.edit", existing.Key,
            AuditState.Json(before), AuditState.Json(draft), ctx.Now), ct);
        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.EventChanged, existing.Key), ct);
        if (draft.StartsAt != before.StartsAt)
        {
            foreach (var participant in await admin.ReservedByAsync(existing.Id, ct))
            {
                await notifier.NotifyParticipantAsync(participant, tx => Reply.Warning(tx["event.dm_moved", new { title = draft.Title, starts = draft.StartsAt }]), ct);
            }
        }

        return Reply.Success(t["event.edited", new { id = existing.Key, title = draft.Title, starts = draft.StartsAt }]);
    }
}
