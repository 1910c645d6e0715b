using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Notifications;
using CohortBot.Core.Organizers;

namespace CohortBot.Core.Events;

/// <summary><c>/event-cancel id [reason]</c>: cancels the event (it stays chat-owned) and tells everyone who reserved a seat.</summary>
public sealed class EventCancelHandler(IEventStore events, IEventAdmin admin, INotifier notifier, CohortChanges changes) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.EventCancel;

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

        var reason = ctx.String("reason");
        if (!await admin.CancelAsync(ctx.Cohort.Id, existing.Key, ctx.Now, cancelled => cancelled
                ? new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), "event.cancel", existing.Key,
                    AuditState.Json(new { cancelled = false }), AuditState.Json(new { cancelled = true, reason }), ctx.Now)
                : null, ct))
        {
            return new Reply(t["event.already_cancelled", new { title = existing.Title }]);
        }

        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.EventChanged, existing.Key), ct);
        var told = 0;
        foreach (var participant in await admin.ReservedByAsync(existing.Id, ct))
        {
            await notifier.NotifyParticipantAsync(ctx.Cohort, participant, tx => Reply.Warning(tx["event.dm_cancelled", new { title = existing.Title, starts = existing.StartsAt, reason = reason ?? "-" }]), ct);
            told++;
        }

        return Reply.Success(t.Plural("event.cancelled", told, new { title = existing.Title, told }));
    }
}
