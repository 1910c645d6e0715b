using CohortBot.Core.Audit;
using CohortBot.Core.Commands;
using CohortBot.Core.Events;
using CohortBot.Core.Organizers;
using CohortBot.Core.Roster;

namespace CohortBot.Core.Attendance;

/// <summary><c>/attend event:&lt;id&gt; participant:&lt;who&gt;</c>: an organizer records attendance by hand.</summary>
public sealed class AttendHandler(IAttendanceStore attendance, IEventStore events, ParticipantFinder finder) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Attend;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var key = ctx.String("event")!;
        var cohortEvent = await events.FindAsync(ctx.Cohort.Id, key, ct);
        if (cohortEvent is null)
        {
            return Reply.Error(t["attendance.unknown_event", new { id = key }]);
        }

        var (participant, refusal) = await finder.FindOneAsync(ctx, ctx.String("participant")!, ct);
        if (participant is null)
        {
            return refusal!;
        }

        var actor = Actor.Of(ctx.Invocation.User);
        if (!await attendance.MarkAsync(ctx.Cohort.Id, cohortEvent.Id, participant.Id, "organizer", ctx.Now, marked => marked
                ? new AuditEntry(ctx.Cohort.Id, actor, "attendance.mark", cohortEvent.Key,
                    AuditState.Json(new { participant = participant.Id, attended = false }),
                    AuditState.Json(new { participant = participant.Id, attended = true }), ctx.Now)
                : null, ct))
        {
            return new Reply(t["attendance.already", new { name = participant.DisplayName, title = cohortEvent.Title }]);
        }

        return Reply.Success(t["attendance.marked", new { name = participant.DisplayName, title = cohortEvent.Title }]);
    }
}
