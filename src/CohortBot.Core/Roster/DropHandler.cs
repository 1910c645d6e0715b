using CohortBot.Core.Audit;
using CohortBot.Core.Cohorts;
using CohortBot.Core.Commands;
using CohortBot.Core.Organizers;
using CohortBot.Core.Participants;

namespace CohortBot.Core.Roster;

/// <summary>
/// <c>/drop participant:&lt;who&gt; [reason] [undo]</c>: marks a participant dropped (they can no
/// longer submit, and the completion report says failed: dropped), or active again with <c>undo</c>.
/// Their records are kept.
/// </summary>
public sealed class DropHandler(ParticipantFinder finder, IRosterAdmin roster, CohortChanges changes) : ICommandHandler
{
    public CommandDescriptor Command => Catalogue.Drop;

    public bool NeedsParticipant => false;

    public async Task<Reply> HandleAsync(CommandContext ctx, CancellationToken ct)
    {
        var t = ctx.T;
        var (participant, refusal) = await finder.FindOneAsync(ctx, ctx.String("participant")!, ct);
        if (participant is null)
        {
            return refusal!;
        }

        var undo = ctx.Flag("undo");
        var target = undo ? ParticipantStatus.Active : ParticipantStatus.Dropped;
        var entry = new AuditEntry(ctx.Cohort.Id, Actor.Of(ctx.Invocation.User), undo ? "participant.reinstate" : "participant.drop",
            "participant:" + participant.Id,
            AuditState.Json(new { status = undo ? "dropped" : "active" }),
            AuditState.Json(new { status = undo ? "active" : "dropped", reason = ctx.String("reason") }), ctx.Now);
        if (!await roster.SetStatusAsync(participant.Id, target, changed => changed ? entry : null, ct))
        {
            return new Reply(t[undo ? "drop.already_active" : "drop.already_dropped", new { name = participant.DisplayName }]);
        }

        await changes.PublishAsync(new CohortChange(ctx.Cohort.Id, CohortChangeKind.ParticipantChanged, participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        return Reply.Success(t[undo ? "drop.reinstated" : "drop.dropped", new { name = participant.DisplayName, id = participant.Id }]);
    }
}
